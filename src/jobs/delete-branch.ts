/**
 * delete-branch: removes a pull request's preview branch when the pull request closes. Only a
 * branch this action created (tagged amplify-job-action=created by a deploy with create-branch) is
 * ever deleted, so a typo can never delete `main`; a branch that is not there is success, so a
 * re-run after the deletion succeeds too.
 */
import { DeleteBranchCommand } from '@aws-sdk/client-amplify'
import { ActionError } from '../errors.js'
import type { DeleteBranchInputs } from '../inputs.js'
import { CREATED_TAG_KEY, CREATED_TAG_VALUE, createdByThisAction, errorName, findBranch, type AmplifyClientLike } from './branches.js'
import { consoleAppLink } from './links.js'
import type { Job, JobLog } from './types.js'

/** The `status` output: what became of the branch. */
export type BranchDeletionStatus = 'DELETED' | 'NOT_FOUND'

export interface BranchDeletion {
  status: BranchDeletionStatus
}

export interface DeleteBranchDependencies {
  client: AmplifyClientLike
  region: string
  log: Pick<JobLog, 'info'>
}

export function createDeleteBranchJob(inputs: DeleteBranchInputs, { client, region, log }: DeleteBranchDependencies): Job<BranchDeletion> {
  const { appId, branch } = inputs
  let done: BranchDeletion | undefined
  return {
    noun: 'branch deletion',

    async start(signal) {
      const found = await findBranch(client, appId, branch, signal)
      if (!found) {
        log.info(`App ${appId} has no branch ${branch}: nothing to delete (NOT_FOUND).`)
        done = { status: 'NOT_FOUND' }
      } else if (!createdByThisAction(found)) {
        throw new ActionError(
          `Branch ${branch} of app ${appId} was not created by this action (it has no tag ${CREATED_TAG_KEY}=${CREATED_TAG_VALUE}), so it is not deleted: ` +
            "job-type 'delete-branch' only removes the previews that a deploy with 'create-branch: true' made. Check 'branch'; delete other branches in the Amplify console."
        )
      } else {
        await client.send(new DeleteBranchCommand({ appId, branchName: branch }), { abortSignal: signal }).catch((error: unknown) => {
          // Deleted meanwhile (another run for the same pull request): the outcome wanted.
          if (errorName(error) !== 'NotFoundException') throw error
        })
        log.info(`Deleted branch ${branch} of app ${appId} and its deployments.`)
        done = { status: 'DELETED' }
      }
      return { consoleUrl: consoleAppLink(region, appId), state: done }
    },

    // Nothing to wait for: the deletion is over when start returns.
    async read() {
      return done!
    },
    phase: () => 'succeeded',
    status: state => state.status,

    async explainFailure() {
      return { message: `The deletion of branch ${branch} failed.` }
    },

    report() {
      const details: Array<[string, string]> = [
        ['App', `\`${appId}\``],
        ['Branch', `\`${branch}\`${done?.status === 'NOT_FOUND' ? ' (there was no such branch)' : ''}`]
      ]
      return { details, outputs: {} }
    }
  }
}
