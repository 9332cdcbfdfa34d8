/**
 * The start of a deploy (a manual deployment to an Amplify Hosting branch that no repository
 * builds): the app and branch checks, the branch created for a preview, the site's address, then
 * CreateDeployment, the upload and StartDeployment, or StartDeployment with the source's URL. What
 * follows (GetJob until it ends, steps, the failing step's log, StopJob) is hosting.ts's.
 */
import {
  CreateDeploymentCommand,
  GetJobCommand,
  type Job as AmplifyJob,
  type JobSummary,
  StartDeploymentCommand,
  StopJobCommand
} from '@aws-sdk/client-amplify'
import { ActionError } from '../errors.js'
import type { DeployInputs } from '../inputs.js'
import { creatingJobSignal, sleep } from '../stop-signal.js'
import { POLL_GROWTH } from '../wait.js'
import { createBranch, errorName, findBranch, getApp, siteUrlOf, type AmplifyClientLike } from './branches.js'
import type { JobLog } from './types.js'

/** Amplify answers CreateDeployment so while an earlier job of the branch has not ended. */
const UNFINISHED_JOB = /The last job\(deployment\) (\d+) was not finished/i
const ENDED_STATUSES = new Set(['SUCCEED', 'FAILED', 'CANCELLED'])
/** Manual deployments are not possible for SSR apps. */
const SSR_PLATFORM = 'WEB_COMPUTE'
/** Waiting behind earlier jobs is done this many times at most; each wait is for a real job ending. */
const MAX_WAITS_BEHIND = 5
/** StopJob of a deployment that will never start is given this long (it is not the run's signal's business). */
const STOP_TIMEOUT_MS = 10_000

export interface DeployDependencies {
  client: AmplifyClientLike
  log: JobLog
  /** PUTs the prepared zip to the presigned URL; absent when the source is a URL Amplify fetches. */
  uploadZip?: (url: string, signal: AbortSignal) => Promise<void>
  /** Told the site's address as soon as it is known (the `url` output). */
  onSiteUrl(url: string): void
  /** Told the new job's id the moment it exists, so that a cancel from then on stops it. */
  onJobCreated(jobId: string): void
  /** Pauses between reads of a job the deploy waits behind (the run's signal ends them). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

/**
 * Checks the app and the branch, creates the branch for a preview when asked, and starts the
 * deployment. Returns the started job's summary. Never more than one deployment is created.
 */
export async function startDeployment(inputs: DeployInputs, deps: DeployDependencies, signal: AbortSignal): Promise<JobSummary> {
  const { client, log } = deps
  const ids = { appId: inputs.appId, branchName: inputs.branch }
  const app = await getApp(client, inputs.appId, signal)
  if (app.platform === SSR_PLATFORM) {
    throw new ActionError(
      `App ${inputs.appId} is a server-side rendered app (platform ${SSR_PLATFORM}), and Amplify Hosting takes no manual deployments for those. ` +
        "Connect the app to its repository and use job-type 'release', or deploy a static build to an app whose platform is WEB."
    )
  }
  let branch = await findBranch(client, inputs.appId, inputs.branch, signal)
  if (!branch) {
    if (!inputs.createBranch) {
      throw new ActionError(
        `App ${inputs.appId} has no branch '${inputs.branch}'. Create it in the Amplify console, or set 'create-branch: true' to have this step create it (as a pull request preview does).`
      )
    }
    branch = await createBranch(
      client,
      {
        ...ids,
        stage: inputs.forPullRequest ? 'PULL_REQUEST' : undefined,
        description: 'Created by amplify-job-action for deploys from GitHub Actions.'
      },
      signal
    )
    log.info(
      `Created branch ${inputs.branch} of app ${inputs.appId}${inputs.forPullRequest ? ' (stage PULL_REQUEST)' : ''}, tagged amplify-job-action=created.`
    )
  }
  const siteUrl = await siteUrlOf(client, app, branch, signal)
  deps.onSiteUrl(siteUrl)
  log.info(`The site of branch ${inputs.branch} is ${siteUrl}`)

  const source = inputs.source
  if (source.kind === 'url') {
    const answer = await behindUnfinishedJobs(inputs, deps, signal, () =>
      client.send(new StartDeploymentCommand({ ...ids, sourceUrl: source.url, sourceUrlType: source.type }), { abortSignal: creatingJobSignal(signal) })
    )
    return startedSummary(answer.jobSummary)
  }

  const created = await behindUnfinishedJobs(inputs, deps, signal, () =>
    client.send(new CreateDeploymentCommand(ids), { abortSignal: creatingJobSignal(signal) })
  )
  if (!created.jobId || !created.zipUploadUrl) {
    throw new ActionError('Amplify answered CreateDeployment without a job id or an upload URL. Re-run the step; if it persists, report it with the run log.')
  }
  deps.onJobCreated(created.jobId)
  try {
    await deps.uploadZip!(created.zipUploadUrl, signal)
  } catch (error) {
    // A cancel or the deadline is main's to handle (it stops the job unless told not to). Any
    // other failure leaves a deployment that will never start: stop it, so the branch is free.
    if (!signal.aborted) await stopQuietly(client, { ...ids, jobId: created.jobId }, log)
    throw error
  }
  try {
    const started = await client.send(new StartDeploymentCommand({ ...ids, jobId: created.jobId }), { abortSignal: creatingJobSignal(signal) })
    return startedSummary(started.jobSummary)
  } catch (error) {
    // Refused or lost after the upload: the deployment would stay PENDING and hold the branch.
    if (!signal.aborted) await stopQuietly(client, { ...ids, jobId: created.jobId }, log)
    throw error
  }
}

function startedSummary(summary: JobSummary | undefined): JobSummary {
  if (!summary?.jobId) throw new ActionError('Amplify answered StartDeployment without a job. Re-run the step; if it persists, report it with the run log.')
  return summary
}

/**
 * Runs `call`; while Amplify answers that an earlier job of the branch has not ended, deals with
 * that job and tries again: a job still PENDING with no step started was left by a run that never
 * uploaded, and is stopped; a job that is running is waited for (within the timeout).
 */
async function behindUnfinishedJobs<T>(inputs: DeployInputs, deps: DeployDependencies, signal: AbortSignal, call: () => Promise<T>): Promise<T> {
  for (let waits = 0; ; waits++) {
    let blocking: string
    try {
      return await call()
    } catch (error) {
      const match = errorName(error) === 'BadRequestException' ? UNFINISHED_JOB.exec((error as Error).message) : null
      if (!match || waits >= MAX_WAITS_BEHIND) throw error
      blocking = match[1]!
    }
    await clearBlockingJob(inputs, deps, blocking, signal)
  }
}

async function clearBlockingJob(inputs: DeployInputs, deps: DeployDependencies, jobId: string, signal: AbortSignal): Promise<void> {
  const { client, log } = deps
  const ids = { appId: inputs.appId, branchName: inputs.branch, jobId }
  let job = await readJob(client, ids, signal)
  if (job && isAbandoned(job)) {
    log.info(`Job ${jobId} on branch ${inputs.branch} was created and never started (left by an interrupted deploy): stopping it, so this deploy can go ahead.`)
    await stopQuietly(client, ids, log)
    return
  }
  log.info(
    `The deploy waits behind job ${jobId} on branch ${inputs.branch} (${job?.summary?.status ?? 'status unknown'}), which has not ended; Amplify deploys a branch one job at a time.`
  )
  // Read as this step's own job is: the poll-interval schedule.
  const pause = deps.sleep ?? sleep
  let delay = inputs.firstPollMs
  while (job && !ENDED_STATUSES.has(job.summary?.status ?? '')) {
    await pause(delay, signal)
    delay = Math.min(delay * POLL_GROWTH, inputs.maxPollMs)
    job = await readJob(client, ids, signal)
  }
  log.info(`Job ${jobId} ended (${job?.summary?.status ?? 'gone'}); creating the deployment.`)
}

/** A job created by CreateDeployment whose upload never came: PENDING, no step started. */
function isAbandoned(job: AmplifyJob): boolean {
  return job.summary?.status === 'PENDING' && (job.steps ?? []).every(step => !step.startTime && (step.status === undefined || step.status === 'PENDING'))
}

async function readJob(
  client: AmplifyClientLike,
  ids: { appId: string; branchName: string; jobId: string },
  signal: AbortSignal
): Promise<AmplifyJob | undefined> {
  try {
    const answer = await client.send(new GetJobCommand(ids), { abortSignal: signal })
    return answer.job as AmplifyJob | undefined
  } catch (error) {
    // Gone since (its branch was deleted and made again): nothing to wait for.
    if (errorName(error) === 'NotFoundException') return undefined
    throw error
  }
}

/** StopJob for a deployment that will never start; a job that ended meanwhile is fine. */
async function stopQuietly(client: AmplifyClientLike, ids: { appId: string; branchName: string; jobId: string }, log: JobLog): Promise<void> {
  try {
    await client.send(new StopJobCommand(ids), { abortSignal: AbortSignal.timeout(STOP_TIMEOUT_MS) })
  } catch (error) {
    if (errorName(error) !== 'BadRequestException')
      log.warning(`Could not stop job ${ids.jobId} (${(error as Error).message}); stop it in the Amplify console so the branch can deploy again.`)
  }
}
