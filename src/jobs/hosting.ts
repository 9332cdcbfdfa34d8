/**
 * Amplify Hosting jobs: StartJob (RELEASE or RETRY) on a branch, GetJob until it ends, each build
 * step printed as it starts and ends, the failing step's log on failure, StopJob on cancel, and the
 * build artifacts on success.
 */
import {
  type AmplifyClient,
  type Artifact,
  GetArtifactUrlCommand,
  GetJobCommand,
  type Job as AmplifyJob,
  type JobSummary,
  ListArtifactsCommand,
  StartJobCommand,
  type Step,
  StopJobCommand
} from '@aws-sdk/client-amplify'
import { ActionError } from '../errors.js'
import { creatingJobSignal } from '../stop-signal.js'
import { formatDuration } from '../duration.js'
import type { DeployInputs, HostingInputs } from '../inputs.js'
import type { Phase } from '../wait.js'
import { findBranch, getApp, siteUrlOf } from './branches.js'
import { type FailureDetails, MAX_LOG_BYTES, failureSections, readLog } from './build-log.js'
import { startDeployment } from './deploy.js'
import { consoleJobLink } from './links.js'
import type { Job, JobLog, JobReport } from './types.js'
import type { Downloader } from '../transfer/types.js'

/**
 * Every job passes through PENDING for a moment; one still PENDING after this long is queued
 * behind another build of the app, and the log says so (once).
 */
export const QUEUED_NOTICE_AFTER_MS = 5_000
/** The most ListArtifacts gives in one page (the service's maximum). */
const ARTIFACTS_PAGE_SIZE = 50

const RUNNING_STATUSES = new Set(['CREATED', 'PENDING', 'PROVISIONING', 'RUNNING', 'CANCELLING'])
const FAILED_STATUSES = new Set(['FAILED', 'CANCELLED'])
const ENDED_STEP_STATUSES = new Set(['SUCCEED', 'FAILED', 'CANCELLED'])

export type HostingClient = Pick<AmplifyClient, 'send'>

export interface HostingJobDependencies {
  client: HostingClient
  region: string
  log: JobLog
  downloader: Downloader
  /** Told the branch's site address as soon as it is known (the `url` output). */
  onSiteUrl?: (url: string) => void
  /** deploy: PUTs the prepared zip to CreateDeployment's upload URL. */
  uploadZip?: (url: string, signal: AbortSignal) => Promise<void>
}

export function createHostingJob(inputs: HostingInputs | DeployInputs, dependencies: HostingJobDependencies): Job<AmplifyJob> {
  const { client, region, log, downloader } = dependencies
  const ids = { appId: inputs.appId, branchName: inputs.branch }
  let jobId: string | undefined
  let last: AmplifyJob | undefined
  let queuedNoticeShown = false
  /** Elapsed time at which the job was first seen PENDING. */
  let pendingSince: number | undefined
  const unknownStatusesSeen = new Set<string>()
  const stepsStarted = new Set<string>()
  const stepsEnded = new Set<string>()
  let siteUrl: string | undefined
  const onSiteUrl = (url: string): void => {
    siteUrl = url
    dependencies.onSiteUrl?.(url)
  }

  /**
   * GetJob presigns every step's log and artifact URLs afresh on each read. The action never prints
   * them; the transport masks each one it downloads (a failed step's log, the artifacts) right
   * before the download: masking every URL of every poll would hand the runner thousands of secrets over an
   * hour's wait, each one a scan of every later log line.
   */
  const received = (job: AmplifyJob | undefined): AmplifyJob => {
    if (!job?.summary) throw new ActionError('Amplify answered GetJob without a job. Re-run the step; if it persists, report it with the run log.')
    last = job
    return job
  }

  /** StartJob (RELEASE or RETRY); a StartJob in flight when the run is cancelled may answer first. */
  const startBuild = async (build: HostingInputs, signal: AbortSignal): Promise<JobSummary> => {
    const answer = await client
      .send(
        new StartJobCommand({
          appId: build.appId,
          branchName: build.branch,
          jobType: build.jobType === 'retry' ? 'RETRY' : 'RELEASE',
          jobId: build.jobId,
          jobReason: build.jobReason,
          commitId: build.commitId,
          commitMessage: build.commitMessage,
          commitTime: build.commitTime
        }),
        { abortSignal: creatingJobSignal(signal) }
      )
      .catch(error => {
        throw explainStartError(error, build)
      })
    if (!answer.jobSummary?.jobId)
      throw new ActionError('Amplify answered StartJob without a job id. Re-run the step; if it persists, report it with the run log.')
    return answer.jobSummary
  }

  /**
   * release and retry: the branch's site, for the `url` output. The build does not depend on it, so
   * a role without GetApp, GetBranch or ListDomainAssociations gets a warning, not a failure.
   */
  const lookUpSiteUrl = async (signal: AbortSignal): Promise<void> => {
    if (siteUrl !== undefined || signal.aborted) return
    try {
      // One after the other: the SDK's one kept-alive connection serves them all (a proxy's one tunnel).
      const app = await getApp(client, inputs.appId, signal)
      const branch = await findBranch(client, inputs.appId, inputs.branch, signal)
      if (branch) onSiteUrl(await siteUrlOf(client, app, branch, signal))
    } catch (error) {
      // Cancelled or out of time meanwhile: the wait that follows says so, and stops the job.
      if (signal.aborted) return
      log.warning(
        `Could not read the address of branch ${inputs.branch}'s site for the 'url' output (${(error as Error).message}). ` +
          'Allow amplify:GetApp, amplify:GetBranch and amplify:ListDomainAssociations to the role to have it.'
      )
    }
  }

  return {
    noun: 'Amplify Hosting job',

    async start(signal) {
      // A cancel (or the deadline) that came first means no job at all.
      signal.throwIfAborted()
      if (inputs.jobType === 'deploy') {
        const summary = await startDeployment(inputs, { client, log, uploadZip: dependencies.uploadZip, onSiteUrl, onJobCreated: id => (jobId = id) }, signal)
        jobId = summary.jobId!
        log.info(`Started deployment job ${jobId} on branch ${inputs.branch} of app ${inputs.appId}.`)
        return { jobId, arn: summary.jobArn, consoleUrl: consoleJobLink(region, inputs.appId, inputs.branch, jobId), state: { summary, steps: [] } }
      }
      const summary = await startBuild(inputs, signal)
      jobId = summary.jobId!
      const what = inputs.jobType === 'retry' ? `Retrying job ${inputs.jobId} as job ${jobId}` : `Started release job ${jobId}`
      log.info(`${what} on branch ${inputs.branch} of app ${inputs.appId}${inputs.commitId ? ` (commit ${inputs.commitId.slice(0, 12)})` : ''}.`)
      return { jobId, arn: summary.jobArn, consoleUrl: consoleJobLink(region, inputs.appId, inputs.branch, jobId), state: { summary, steps: [] } }
    },

    async read(signal) {
      const answer = await client.send(new GetJobCommand({ ...ids, jobId: jobId! }), { abortSignal: signal })
      return received(answer.job)
    },

    lookUpSiteUrl,
    phase: hostingPhase,
    status: job => job.summary?.status ?? 'unknown',

    observe(job, elapsedMs) {
      const status = job.summary?.status ?? 'unknown'
      pendingSince = status === 'PENDING' ? (pendingSince ?? elapsedMs) : undefined
      if (pendingSince !== undefined && !queuedNoticeShown && elapsedMs - pendingSince >= QUEUED_NOTICE_AFTER_MS) {
        queuedNoticeShown = true
        log.info(
          `The job has been PENDING for ${formatDuration(elapsedMs - pendingSince)}: it is queued behind another build of app ${inputs.appId} ` +
            '(Amplify runs a limited number of builds per app at once) and starts when that one ends.'
        )
      }
      const known = RUNNING_STATUSES.has(status) || FAILED_STATUSES.has(status) || status === 'SUCCEED'
      if (!known && !unknownStatusesSeen.has(status)) {
        unknownStatusesSeen.add(status)
        log.warning(`Amplify reported a status this action does not know: ${status}. It is treated as still running until the timeout.`)
      }
      for (const step of job.steps ?? []) {
        const name = step.stepName ?? 'step'
        if (!stepsStarted.has(name) && (step.startTime || step.status === 'RUNNING')) {
          stepsStarted.add(name)
          log.info(`  ▶ ${name} started`)
        }
        if (!stepsEnded.has(name) && step.status && ENDED_STEP_STATUSES.has(step.status)) {
          stepsEnded.add(name)
          stepsStarted.add(name)
          log.info(`  ${step.status === 'SUCCEED' ? '✔' : '✖'} ${name} ${step.status} after ${stepDuration(step)}`)
        }
      }
    },

    async explainFailure(job, signal) {
      const status = job.summary?.status
      if (status === 'CANCELLED') {
        return {
          message: `Amplify Hosting job ${jobId} was CANCELLED (stopped in the console, by another workflow or by this one) before it finished. ${inputs.jobType === 'deploy' ? 'Run the deploy again' : 'Start a new release'} to deploy.`
        }
      }
      const failure = await readFailure(job, { downloader, signal, log })
      const parts = [`Amplify Hosting job ${jobId} FAILED`]
      if (failure.step) parts[0] += ` in step ${failure.step}`
      if (failure.reason) parts.push(`reason: ${failure.reason}`)
      if (failure.errorLine) parts.push(`last error line: ${failure.errorLine}`)
      const where = failure.tail.length
        ? `the ${failure.step ?? 'step'} log this step printed, or the job in the Amplify console`
        : 'the job in the Amplify console'
      return { message: `${asSentence(parts.join('; '))} See ${where}.`, sections: failureSections(failure) }
    },

    async filesOf(job, signal) {
      const stepUrl = (job.steps ?? []).find(step => step.artifactsUrl)?.artifactsUrl
      if (stepUrl) return { kind: 'artifact-zips', zips: [{ what: `the build artifacts of job ${jobId}`, url: () => Promise.resolve(stepUrl) }] }
      const artifacts = await listArtifacts(client, { ...ids, jobId: jobId! }, signal)
      if (!artifacts.length)
        throw new ActionError(`Job ${jobId} succeeded but has no build artifacts to fetch. Remove 'output-path' if the build produces none.`)
      const zips = artifacts.map(artifact => ({
        what: `artifact ${artifact.artifactFileName}`,
        // Asked for right before its download: the URL expires.
        url: async (signal: AbortSignal) => {
          const answer = await client.send(new GetArtifactUrlCommand({ artifactId: artifact.artifactId! }), { abortSignal: signal })
          if (!answer.artifactUrl) throw new ActionError(`Amplify gave no URL for artifact ${artifact.artifactFileName}. Re-run the step.`)
          return answer.artifactUrl
        }
      }))
      return { kind: 'artifact-zips', zips }
    },

    async stop(signal) {
      if (!jobId) return
      if (last && hostingPhase(last) !== 'running') return `Amplify Hosting job ${jobId} had already ended (${last.summary?.status}).`
      try {
        const answer = await client.send(new StopJobCommand({ ...ids, jobId }), { abortSignal: signal })
        log.info(`Stopped Amplify Hosting job ${jobId} (StopJob): it is now ${answer.jobSummary?.status ?? 'stopping'}.`)
        return `Amplify Hosting job ${jobId} was stopped (StopJob).`
      } catch (error) {
        // Amplify refuses to stop a job that ended between the last read and now.
        if ((error as { name?: string }).name !== 'BadRequestException') throw error
        log.info(`Amplify Hosting job ${jobId} was not stopped: ${(error as Error).message}`)
        return `Amplify Hosting job ${jobId} had already ended, so it was not stopped.`
      }
    },

    report(job): JobReport {
      const details: Array<[string, string]> = [
        ['App', `\`${inputs.appId}\``],
        ['Branch', `\`${inputs.branch}\``]
      ]
      if (job?.summary?.commitId && inputs.jobType !== 'deploy') details.push(['Commit', `\`${job.summary.commitId.slice(0, 12)}\``])
      const steps = (job?.steps ?? [])
        .map(
          step => `${STEP_ICONS[step.status ?? ''] ?? '⏸️'} ${step.stepName} ${step.status}${step.startTime && step.endTime ? ` ${stepDuration(step)}` : ''}`
        )
        .join(', ')
      if (steps) details.push(['Steps', steps])
      return { details, outputs: {} }
    }
  }
}

const STEP_ICONS: Record<string, string> = { SUCCEED: '✅', FAILED: '❌', CANCELLED: '🛑', RUNNING: '⏳' }

export function hostingPhase(job: AmplifyJob): Phase {
  const status = job.summary?.status ?? ''
  if (status === 'SUCCEED') return 'succeeded'
  if (FAILED_STATUSES.has(status)) return 'failed'
  // CREATED, PENDING, PROVISIONING, RUNNING, CANCELLING and any status a newer service adds.
  return 'running'
}

interface FailureContext {
  downloader: Downloader
  signal: AbortSignal
  log: JobLog
}

/** Finds the failing step, downloads its log and picks the lines that explain the failure. */
async function readFailure(job: AmplifyJob, { downloader, signal, log }: FailureContext): Promise<FailureDetails> {
  const steps = job.steps ?? []
  const failed = steps.find(step => step.status === 'FAILED') ?? steps.find(step => step.status !== 'SUCCEED')
  const details: FailureDetails = { step: failed?.stepName, reason: failed?.statusReason, tail: [] }
  if (!failed?.logUrl) return details
  try {
    const body = await downloader.toBuffer(failed.logUrl, { signal, maxBytes: MAX_LOG_BYTES, what: `the ${failed.stepName} log` })
    Object.assign(details, readLog(body, failed.statusReason))
    log.group(`Last ${details.tail.length} lines of the ${failed.stepName} log`, details.tail)
  } catch (error) {
    // Cancelled while fetching it: the job's failure is still what the step reports, without the log.
    if (!signal.aborted) log.warning(`Could not read the ${failed.stepName} log: ${(error as Error).message}`)
  }
  return details
}

/** Every artifact of the job: ListArtifacts answers in pages of at most 50, joined by nextToken. */
async function listArtifacts(client: HostingClient, job: { appId: string; branchName: string; jobId: string }, signal: AbortSignal): Promise<Artifact[]> {
  const artifacts: Artifact[] = []
  let nextToken: string | undefined
  do {
    const page = await client.send(new ListArtifactsCommand({ ...job, maxResults: ARTIFACTS_PAGE_SIZE, nextToken }), { abortSignal: signal })
    artifacts.push(...(page.artifacts ?? []))
    nextToken = page.nextToken || undefined
  } while (nextToken)
  return artifacts
}

function explainStartError(error: unknown, inputs: HostingInputs): unknown {
  const name = (error as { name?: string })?.name
  const message = (error as { message?: string })?.message ?? ''
  if (name === 'LimitExceededException') {
    return new ActionError(
      `Amplify refused to start a job on branch ${inputs.branch} (LimitExceededException: ${message}). Too many jobs are running or queued for app ${inputs.appId}: wait for them to end, or stop one in the Amplify console, then re-run.`
    )
  }
  if (name === 'BadRequestException' && /already|running|pending|in progress/i.test(message)) {
    return new ActionError(
      `Amplify refused to start a job on branch ${inputs.branch}: a job is already running there (${message}). Wait for it to end, or stop it in the Amplify console (or with job-type retry later), then re-run.`
    )
  }
  if (name === 'NotFoundException') {
    const what = /branch/i.test(message) ? `branch '${inputs.branch}' of app ${inputs.appId}` : `app ${inputs.appId}`
    return new ActionError(`Amplify could not find ${what} (${message}). Check 'app-id', 'branch' and 'region'.`)
  }
  if (name === 'BadRequestException' && inputs.jobType === 'retry') {
    return new ActionError(`Amplify refused to retry job ${inputs.jobId} on branch ${inputs.branch} (${message}). Check that the job exists on that branch.`)
  }
  return error
}

/** Ends `text` with a full stop unless it already ends a sentence. */
function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

function stepDuration(step: Step): string {
  if (!step.startTime || !step.endTime) return 'an unknown time'
  return formatDuration(step.endTime.getTime() - step.startTime.getTime())
}
