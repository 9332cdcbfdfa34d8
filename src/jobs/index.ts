/**
 * Opens the job module for the chosen job type. Each loads only its own AWS client, on demand, so
 * a codegen run never parses the Hosting or Backend SDKs.
 */
import { createCheckedClient } from '../aws.js'
import type { RunContext } from '../context.js'
import type { Downloader } from '../transfer/types.js'
import type { ActionInputs } from '../inputs.js'
import type { NodeHttpHandler } from '@smithy/node-http-handler'
import { patientClient, SDK_RETRIES_ONLY } from './patient.js'
import type { Job, JobLog } from './types.js'

export interface OpenedJob {
  job: Job<unknown>
  /** Releases the client's connections so the process can exit at once. */
  close(): void
}

export interface JobEnvironment {
  context: RunContext
  log: JobLog
  /** For documents a job reads besides its files (a failed step's log). */
  downloader: Downloader
  /**
   * The SDK clients' HTTP handler when a proxy is set (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, made by
   * the transport); without one the SDK keeps its own defaults.
   */
  requestHandler?: NodeHttpHandler
  /** Told the site's address as soon as a Hosting job knows it (the `url` output). */
  onSiteUrl?: (url: string) => void
  /** deploy from a folder or zip: PUTs the prepared zip to the presigned upload URL. */
  uploadZip?: (url: string, signal: AbortSignal) => Promise<void>
}

export type OpenJob = (inputs: ActionInputs, environment: JobEnvironment) => Promise<OpenedJob>

export const openJob: OpenJob = async (inputs, environment) => {
  const sdk = environment.requestHandler ? { requestHandler: environment.requestHandler } : {}
  switch (inputs.jobType) {
    case 'codegen': {
      const [{ AmplifyUIBuilderClient, StartCodegenJobCommand }, { createCodegenJob }] = await Promise.all([
        import('@aws-sdk/client-amplifyuibuilder'),
        import('./codegen.js')
      ])
      const { client, region } = await createCheckedClient(region => new AmplifyUIBuilderClient({ region, ...sdk }), inputs.region)
      // StartCodegenJob is idempotent through its client token: a repeat hands back the same job.
      const patient = patientClient(client, {
        patienceFor: command =>
          command instanceof StartCodegenJobCommand
            ? { operation: 'StartCodegenJob', patience: command.input.clientToken ? 'transient' : 'throttling' }
            : SDK_RETRIES_ONLY,
        warn: environment.log.warning
      })
      return { job: createCodegenJob(inputs, { ...environment, client: patient, region }) as Job<unknown>, close: () => client.destroy() }
    }
    case 'release':
    case 'retry':
    case 'deploy': {
      const [amplify, { createHostingJob }] = await Promise.all([import('@aws-sdk/client-amplify'), import('./hosting.js')])
      const { client, region } = await createCheckedClient(region => new amplify.AmplifyClient({ region, ...sdk }), inputs.region)
      // Reads are safe to repeat. StartJob, CreateDeployment and StartDeployment are not (a repeat
      // after a 5xx may start a second job, and LimitExceededException also means "too many
      // jobs"), so they get the SDK's retries only.
      const reads: Array<[new (...args: never[]) => unknown, string]> = [
        [amplify.ListArtifactsCommand, 'ListArtifacts'],
        [amplify.GetArtifactUrlCommand, 'GetArtifactUrl'],
        [amplify.GetAppCommand, 'GetApp'],
        [amplify.GetBranchCommand, 'GetBranch'],
        [amplify.ListDomainAssociationsCommand, 'ListDomainAssociations']
      ]
      const patient = patientClient(client, {
        patienceFor: command => {
          const read = reads.find(([type]) => command instanceof type)
          return read ? { operation: read[1], patience: 'transient' } : SDK_RETRIES_ONLY
        },
        warn: environment.log.warning
      })
      return { job: createHostingJob(inputs, { ...environment, client: patient, region }) as Job<unknown>, close: () => client.destroy() }
    }
    case 'delete-branch': {
      const [{ AmplifyClient }, { createDeleteBranchJob }] = await Promise.all([import('@aws-sdk/client-amplify'), import('./delete-branch.js')])
      const { client, region } = await createCheckedClient(region => new AmplifyClient({ region, ...sdk }), inputs.region)
      return { job: createDeleteBranchJob(inputs, { client, region, log: environment.log }) as Job<unknown>, close: () => client.destroy() }
    }
    case 'backend': {
      const [{ AmplifyBackendClient }, { createBackendJob }] = await Promise.all([import('@aws-sdk/client-amplifybackend'), import('./backend.js')])
      const { client, region } = await createCheckedClient(region => new AmplifyBackendClient({ region, ...sdk }), inputs.region)
      return { job: createBackendJob(inputs, { ...environment, client, region }) as Job<unknown>, close: () => client.destroy() }
    }
  }
}
