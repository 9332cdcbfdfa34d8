/**
 * Amplify Admin UI / Studio backend jobs: nothing to start; GetBackendJob until COMPLETED or
 * FAILED. The status is a free string: anything else means still running.
 */
import { type AmplifyBackendClient, GetBackendJobCommand, type GetBackendJobResponse } from '@aws-sdk/client-amplifybackend'
import { ActionError } from '../errors.js'
import type { BackendInputs } from '../inputs.js'
import type { Phase } from '../wait.js'
import { studioLink } from './links.js'
import type { Job, JobLog } from './types.js'

export type BackendClient = Pick<AmplifyBackendClient, 'send'>

export interface BackendJobDependencies {
  client: BackendClient
  log: Pick<JobLog, 'info'>
  /** For the link to Amplify Studio in the summary. */
  region?: string
}

export function createBackendJob(inputs: BackendInputs, { client, log, region }: BackendJobDependencies): Job<GetBackendJobResponse> {
  const what = `backend job ${inputs.jobId} of environment '${inputs.environment}' in app ${inputs.appId}`
  return {
    noun: 'backend job',

    async start() {
      log.info(`Waiting for ${what}.`)
      return { jobId: inputs.jobId, consoleUrl: studioLink(region, inputs.appId, inputs.environment) }
    },

    async read(signal) {
      try {
        return await client.send(new GetBackendJobCommand({ AppId: inputs.appId, BackendEnvironmentName: inputs.environment, JobId: inputs.jobId }), {
          abortSignal: signal
        })
      } catch (error) {
        if ((error as { name?: string }).name === 'NotFoundException') {
          throw new ActionError(`Amplify could not find ${what} (${(error as Error).message}). Check 'job-id', 'environment', 'app-id' and 'region'.`)
        }
        throw error
      }
    },

    phase: backendPhase,
    status: job => job.Status ?? 'unknown',

    async explainFailure(job) {
      return { message: `The ${what} FAILED${job.Operation ? ` (operation ${job.Operation})` : ''}: ${job.Error || 'Amplify gave no reason'}.` }
    },

    report(job) {
      const details: Array<[string, string]> = [
        ['App', `\`${inputs.appId}\``],
        ['Environment', `\`${inputs.environment}\``]
      ]
      if (job?.Operation) details.push(['Operation', `\`${job.Operation}\``])
      return { details, outputs: {} }
    }
  }
}

export function backendPhase(job: GetBackendJobResponse): Phase {
  if (job.Status === 'COMPLETED') return 'succeeded'
  if (job.Status === 'FAILED') return 'failed'
  return 'running'
}
