/**
 * Opens the job module for the chosen job type. Each loads only its own AWS client, on demand, so
 * a codegen run never parses the Hosting or Backend SDKs.
 */
import { createCheckedClient } from '../aws.js'
import type { RunContext } from '../context.js'
import type { Downloader, MaskSecret } from '../fetch/types.js'
import type { ActionInputs } from '../inputs.js'
import type { Job, JobLog } from './types.js'

export interface OpenedJob {
  job: Job<unknown>
  /** Releases the client's connections so the process can exit at once. */
  close(): void
}

export interface JobEnvironment {
  context: RunContext
  mask: MaskSecret
  log: JobLog
  /** For documents a job reads besides its files (a failed step's log). */
  downloader: Downloader
}

export type OpenJob = (inputs: ActionInputs, environment: JobEnvironment) => Promise<OpenedJob>

export const openJob: OpenJob = async (inputs, environment) => {
  switch (inputs.jobType) {
    case 'codegen': {
      const [{ AmplifyUIBuilderClient }, { createCodegenJob }] = await Promise.all([
        import('@aws-sdk/client-amplifyuibuilder'),
        import('./codegen.js')
      ])
      const { client } = await createCheckedClient(region => new AmplifyUIBuilderClient({ region }), inputs.region)
      return { job: createCodegenJob(inputs, { ...environment, client }) as Job<unknown>, close: () => client.destroy() }
    }
    case 'release':
    case 'retry': {
      const [{ AmplifyClient }, { createHostingJob }] = await Promise.all([import('@aws-sdk/client-amplify'), import('./hosting.js')])
      const { client, region } = await createCheckedClient(region => new AmplifyClient({ region }), inputs.region)
      return { job: createHostingJob(inputs, { ...environment, client, region }) as Job<unknown>, close: () => client.destroy() }
    }
    case 'backend': {
      const [{ AmplifyBackendClient }, { createBackendJob }] = await Promise.all([
        import('@aws-sdk/client-amplifybackend'),
        import('./backend.js')
      ])
      const { client } = await createCheckedClient(region => new AmplifyBackendClient({ region }), inputs.region)
      return { job: createBackendJob(inputs, { ...environment, client }) as Job<unknown>, close: () => client.destroy() }
    }
  }
}
