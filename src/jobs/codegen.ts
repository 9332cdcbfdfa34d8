/**
 * Amplify UI Builder code generation jobs: StartCodegenJob with an idempotency token derived from
 * the run, GetCodegenJob until `succeeded` or `failed`, then the generated files from the asset.
 */
import { createHash } from 'node:crypto'
import {
  type AmplifyUIBuilderClient,
  type CodegenJob,
  type StartCodegenJobData,
  GetCodegenJobCommand,
  StartCodegenJobCommand
} from '@aws-sdk/client-amplifyuibuilder'
import type { RunContext } from '../context.js'
import { ActionError, JobFailedError } from '../errors.js'
import type { CodegenInputs } from '../inputs.js'
import type { Phase } from '../wait.js'
import { studioLink } from './links.js'
import type { Job, JobLog, JobReport } from './types.js'

/** Token length stays well inside what idempotency tokens allow. */
const CLIENT_TOKEN_HASH_LENGTH = 40
const CLIENT_TOKEN_PREFIX = 'gha-'

export type CodegenClient = Pick<AmplifyUIBuilderClient, 'send'>

export interface CodegenJobDependencies {
  client: CodegenClient
  context: RunContext
  log: Pick<JobLog, 'info'>
  /** For the link to Amplify Studio in the summary. */
  region?: string
}

export function createCodegenJob(inputs: CodegenInputs, { client, context, log, region }: CodegenJobDependencies): Job<CodegenJob> {
  const consoleUrl = studioLink(region, inputs.appId, inputs.environment)
  let jobId = inputs.jobId
  const ids = { appId: inputs.appId, environmentName: inputs.environment }

  /** The asset's presigned URL is never printed: the transport masks it before it downloads it. */
  const received = (job: CodegenJob | undefined): CodegenJob => {
    if (!job?.id) throw new ActionError('AmplifyUIBuilder answered without a codegen job. Re-run the step; if it persists, report it with the run log.')
    return job
  }

  return {
    noun: 'codegen job',

    async start(signal) {
      if (jobId) {
        log.info(`Waiting for the existing codegen job ${jobId} (app ${inputs.appId}, environment ${inputs.environment}).`)
        return { jobId, consoleUrl }
      }
      const clientToken = inputs.clientToken ?? deriveClientToken(inputs, context)
      // render-config.ts validated every key and value against the service model.
      const codegenJobToCreate = inputs.request as StartCodegenJobData
      const answer = await client.send(new StartCodegenJobCommand({ ...ids, clientToken, codegenJobToCreate }), { abortSignal: signal })
      const job = received(answer.entity)
      jobId = job.id!
      log.info(`Started codegen job ${jobId} (app ${inputs.appId}, environment ${inputs.environment}).`)
      return { jobId, consoleUrl, state: job }
    },

    async read(signal) {
      const answer = await client.send(new GetCodegenJobCommand({ ...ids, id: jobId! }), { abortSignal: signal })
      return received(answer.job)
    },

    phase: codegenPhase,
    status: job => job.status ?? 'unknown',

    verifySuccess(job) {
      const errors = codegenErrorsOf(job)
      if (errors.length) {
        const list = errors.map(e => `${e.schemaName ?? '(unnamed)'}: ${e.error ?? 'no message'}`).join('; ')
        throw new JobFailedError(
          `Codegen job ${job.id} succeeded but ${errors.length} component${errors.length > 1 ? 's' : ''} failed to generate: ${list}. Fix them in Amplify Studio and re-run; nothing was written.`
        )
      }
    },

    async explainFailure(job) {
      return {
        message: `Codegen job ${job.id} failed: ${job.statusMessage || 'the service gave no reason'}. Check the components and the render config in Amplify Studio, then re-run.`
      }
    },

    async filesOf(job) {
      const url = job.asset?.downloadUrl
      if (!url) throw new JobFailedError(`Codegen job ${job.id} succeeded but has no asset to download. Re-run the step; if it persists, report it to AWS.`)
      return { kind: 'codegen-asset', asset: { what: "the codegen job's asset", url: () => Promise.resolve(url) } }
    },

    report(job): JobReport {
      const dependencies = (job?.dependencies ?? []).map(d => ({
        name: d.name ?? '',
        supportedVersion: d.supportedVersion ?? '',
        isSemVer: d.isSemVer ?? false,
        reason: d.reason ?? ''
      }))
      return {
        details: [
          ['App', `\`${inputs.appId}\``],
          ['Environment', `\`${inputs.environment}\``]
        ],
        outputs: { dependencies: JSON.stringify(dependencies) }
      }
    }
  }
}

export function codegenPhase(job: CodegenJob): Phase {
  switch (job.status) {
    case 'succeeded':
      return 'succeeded'
    case 'failed':
      return 'failed'
    default:
      // in_progress, and any status a newer service version may add, is waited through.
      return 'running'
  }
}

interface CodegenError {
  schemaName?: string
  error?: string
}

/** A succeeded job's statusMessage may be JSON listing components that failed to generate. */
export function codegenErrorsOf(job: CodegenJob): CodegenError[] {
  const message = job.statusMessage?.trim()
  if (!message?.startsWith('{')) return []
  try {
    const parsed = JSON.parse(message) as { codegenErrors?: unknown }
    if (!Array.isArray(parsed.codegenErrors)) return []
    // An entry that is not an object still means a component failed; keep it, unnamed.
    return parsed.codegenErrors.map(entry => (entry && typeof entry === 'object' ? (entry as CodegenError) : { error: String(entry) }))
  } catch {
    return []
  }
}

/**
 * The same step retried in the same run attempt sends the same token, so the service hands back
 * the job it already started; another step, attempt or request gets a different one.
 */
export function deriveClientToken(inputs: CodegenInputs, context: RunContext): string | undefined {
  if (!context.runId) return undefined
  const request = canonicalJson({ appId: inputs.appId, environment: inputs.environment, request: inputs.request })
  const parts = [context.runId, context.runAttempt ?? '1', context.job ?? '', context.stepId ?? '', request]
  const hash = createHash('sha256').update(parts.join('\n')).digest('hex')
  return CLIENT_TOKEN_PREFIX + hash.slice(0, CLIENT_TOKEN_HASH_LENGTH)
}

/** JSON with sorted keys, so the same request always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
