/**
 * Amplify Hosting jobs: StartJob, GetJob, StopJob, ListArtifacts, GetArtifactUrl. StartJob takes
 * any branch name (branches that GetBranch knows are the scenario's and CreateBranch's:
 * hosting-apps.ts); job ids count up per branch ('1', '2', ...) in the store shared with manual
 * deployments (hosting-jobs.ts). A job's timeline is planned at start from the scenario in force
 * then (hosting-plan.ts) and read on the job's clock (the wall clock, or its GetJob reads:
 * timeline.ts); timestamps are epoch seconds on the wire, as the real service sends them.
 * ListArtifacts pages like the service (maxResults, nextToken).
 */
import { randomBytes } from 'node:crypto'
import { ArtifactFactory } from './hosting-artifacts.js'
import { buildLog, partialLog, stepLog } from './build-log.js'
import { ENDED_STATUSES, type HostingJob, type HostingJobs, jobSummary, jobView, settled } from './hosting-jobs.js'
import { type StepView, planJob } from './hosting-plan.js'
import { type ArtifactPage, pageOfArtifacts } from './hosting-paging.js'
import { AwsError, type RequestContext, sendJson } from './http.js'
import { type PresignedObject, safeSegment } from './presign.js'
import { type Route, routeOf } from './router.js'
import { type ServiceModule, type SharedState, isObject } from './state.js'
import { JobClock } from './timeline.js'

const JOB_TYPES = ['RELEASE', 'RETRY', 'MANUAL', 'WEB_HOOK']
const LOG_BUCKET = 'aws-amplify-prod-us-east-1-build-logs'
const ARTIFACT_BUCKET = 'aws-amplify-prod-us-east-1-artifacts'
const ARTIFACT_FILE_NAME = 'artifacts.zip'
const BUILD_STEP = 'BUILD'
const DEFAULT_COMMIT_ID = 'HEAD'
const DEFAULT_COMMIT_MESSAGE = 'Emulated commit'

/** One artifact of a job, as ListArtifacts names it. */
interface ListedArtifact {
  job: HostingJob
  /** 0 for the job's own zip, 1... for the extra listings of `artifacts.listed`. */
  index: number
}

const seconds = (ms: number): number => ms / 1000

function badRequest(message: string): AwsError {
  return new AwsError(400, 'BadRequestException', message)
}

function artifactIdOf(job: HostingJob, index: number): string {
  return index === 0 ? job.artifactId : `${job.artifactId}-${index + 1}`
}

function artifactFileNameOf(index: number): string {
  return index === 0 ? ARTIFACT_FILE_NAME : `artifacts-${index + 1}.zip`
}

export class HostingService implements ServiceModule {
  private readonly artifactsById = new Map<string, ListedArtifact>()
  private readonly artifacts: ArtifactFactory

  constructor(
    private readonly state: SharedState,
    private readonly jobs: HostingJobs
  ) {
    this.artifacts = new ArtifactFactory(state.scratchDir)
  }

  /** Also resets the shared job store (the server resets each module once). */
  reset(): void {
    this.jobs.reset()
    this.artifactsById.clear()
  }

  routes(): Route[] {
    const route = routeOf('amplify')
    return [
      route('StartJob', 'POST', '/apps/{appId}/branches/{branchName}/jobs', ctx => this.start(ctx)),
      route('GetJob', 'GET', '/apps/{appId}/branches/{branchName}/jobs/{jobId}', ctx => this.get(ctx)),
      route('StopJob', 'DELETE', '/apps/{appId}/branches/{branchName}/jobs/{jobId}/stop', ctx => this.stop(ctx)),
      route('ListArtifacts', 'GET', '/apps/{appId}/branches/{branchName}/jobs/{jobId}/artifacts', ctx => this.listArtifacts(ctx)),
      {
        ...route('GetArtifactUrl', 'GET', '/artifacts/{artifactId}', ctx => this.getArtifactUrl(ctx)),
        appIdOf: params => this.artifactsById.get(params.artifactId ?? '')?.job.appId
      }
    ]
  }

  private start(ctx: RequestContext): void {
    const appId = ctx.params.appId as string
    const branch = ctx.params.branchName as string
    const scenario = this.state.scenarios.get(appId)
    switch (scenario.startError) {
      case 'notFoundApp':
        throw new AwsError(404, 'NotFoundException', `App ${appId} not found.`)
      case 'notFoundBranch':
        throw new AwsError(404, 'NotFoundException', `Branch ${branch} not found for app ${appId}.`)
      case 'limit':
        throw new AwsError(429, 'LimitExceededException', `Too many concurrent jobs for app ${appId}. Try again later.`)
      case 'alreadyRunning':
        throw badRequest(`A job is already running on branch ${branch} of app ${appId}: job is already running, wait for it to end or stop it.`)
    }
    const body = isObject(ctx.body) ? ctx.body : {}
    const jobType = body.jobType
    if (typeof jobType !== 'string' || !JOB_TYPES.includes(jobType)) {
      throw badRequest(
        `1 validation error detected: Value '${String(jobType)}' at 'jobType' failed to satisfy constraint: Member must satisfy enum value set: [${JOB_TYPES.join(', ')}]`
      )
    }
    let original: HostingJob | undefined
    if (jobType === 'RETRY') {
      const wanted = body.jobId
      if (typeof wanted !== 'string' || !/^\d+$/.test(wanted)) throw badRequest('A RETRY job needs the jobId (digits) of an earlier job on the branch.')
      original = this.jobs.find(appId, branch, wanted)
      if (!original) throw badRequest(`Job ${wanted} does not exist on branch ${branch} of app ${appId}; RETRY needs an existing job.`)
    }
    const now = Date.now()
    const plan = planJob(scenario)
    const jobId = this.jobs.nextJobId(appId, branch)
    const job: HostingJob = {
      appId,
      branch,
      jobId,
      jobType,
      ...(typeof body.jobReason === 'string' ? { jobReason: body.jobReason } : {}),
      commitId: typeof body.commitId === 'string' ? body.commitId : (original?.commitId ?? DEFAULT_COMMIT_ID),
      commitMessage: typeof body.commitMessage === 'string' ? body.commitMessage : (original?.commitMessage ?? DEFAULT_COMMIT_MESSAGE),
      commitTime: typeof body.commitTime === 'number' ? body.commitTime : (original?.commitTime ?? seconds(now)),
      startMs: now,
      clock: new JobClock(now, plan.byReads),
      scenario,
      plan,
      artifactId: `${safeSegment(appId)}-${jobId}-${randomBytes(8).toString('hex')}`
    }
    this.jobs.add(job)
    this.artifactsById.set(job.artifactId, { job, index: 0 })
    sendJson(ctx, 200, { jobSummary: jobSummary(job, now) })
  }

  /** The job the path names, once what its answer depends on is known. */
  private async find(ctx: RequestContext): Promise<HostingJob> {
    const { appId, branchName, jobId } = ctx.params as Record<string, string>
    const job = this.jobs.find(appId as string, branchName as string, jobId as string)
    if (!job) throw new AwsError(404, 'NotFoundException', `Job ${jobId} not found for branch ${branchName} of app ${appId}.`)
    await settled(job)
    return job
  }

  private async get(ctx: RequestContext): Promise<void> {
    const job = await this.find(ctx)
    const now = Date.now()
    const view = jobView(job, now)
    sendJson(ctx, 200, { job: { summary: jobSummary(job, now), steps: view.steps.map(step => this.step(job, step)) } })
    job.clock.read()
  }

  /** A running job goes CANCELLING, then CANCELLED; a deployment that was never started is CANCELLED at once. */
  private async stop(ctx: RequestContext): Promise<void> {
    const job = await this.find(ctx)
    const now = Date.now()
    const status = jobView(job, now).status
    if (ENDED_STATUSES.has(status)) throw badRequest(`Job ${job.jobId} on branch ${job.branch} has already ended (${status}) and cannot be stopped.`)
    if (job.deployment?.state === 'created') {
      job.deployment.state = 'cancelled'
      job.deployment.cancelledMs = now
    } else {
      job.stopAtMs ??= job.clock.elapsedMs(now)
    }
    sendJson(ctx, 200, { jobSummary: jobSummary(job, now) })
  }

  private async listArtifacts(ctx: RequestContext): Promise<void> {
    const job = await this.find(ctx)
    const offered = job.scenario.artifacts?.via !== 'step' && this.artifactsReady(job, Date.now())
    const listed = offered ? Math.max(1, job.scenario.artifacts?.listed ?? 1) : 0
    let page: ArtifactPage
    try {
      page = pageOfArtifacts(job.artifactId, listed, ctx.url.searchParams)
    } catch (error) {
      throw badRequest((error as Error).message)
    }
    const artifacts = page.indexes.map(index => {
      const artifactId = artifactIdOf(job, index)
      this.artifactsById.set(artifactId, { job, index })
      return { artifactFileName: artifactFileNameOf(index), artifactId }
    })
    sendJson(ctx, 200, { artifacts, ...(page.nextToken !== undefined ? { nextToken: page.nextToken } : {}) })
  }

  private getArtifactUrl(ctx: RequestContext): void {
    const artifactId = ctx.params.artifactId as string
    const artifact = this.artifactsById.get(artifactId)
    if (!artifact || artifact.job.scenario.artifacts?.via === 'step' || !this.artifactsReady(artifact.job, Date.now())) {
      throw new AwsError(404, 'NotFoundException', `Artifact ${artifactId} not found.`)
    }
    sendJson(ctx, 200, { artifactId, artifactUrl: this.artifactUrl(artifact.job, artifact.index) })
  }

  /** The BUILD step (or the first step) has ended successfully; a manual deployment builds nothing, so has none. */
  private artifactsReady(job: HostingJob, nowMs: number): boolean {
    if (job.deployment) return false
    const steps = jobView(job, nowMs).steps
    const build = steps.find(step => step.stepName === BUILD_STEP) ?? steps[0]
    return build?.status === 'SUCCEED'
  }

  /**
   * The presigned URL of artifact `index` of the job. Without `artifacts.distinct` every listed
   * artifact is the job's one zip (one file name, one fault counter); with it, each extra one is a
   * zip of its own, named and counted apart.
   */
  private artifactUrl(job: HostingJob, index = 0): string {
    const spec = job.scenario.artifacts ?? {}
    const own = index > 0 && spec.distinct === true
    const fileName = own ? artifactFileNameOf(index) : ARTIFACT_FILE_NAME
    const object: PresignedObject = {
      bucket: ARTIFACT_BUCKET,
      key: `${safeSegment(job.appId)}/${safeSegment(job.branch)}/${job.jobId}/BUILD/${fileName}`,
      fileName,
      fileKey: `hosting/${own ? artifactIdOf(job, index) : job.artifactId}`,
      appId: job.appId,
      contentType: 'application/zip',
      load: () => (own ? this.artifacts.distinctBody(index + 1) : this.artifacts.body(spec))
    }
    return this.state.presign.issue(object, this.state.scenarios.get(job.appId).download?.expiresSeconds)
  }

  private logText(job: HostingJob, step: StepView): string {
    const startMs = job.startMs + step.startMs
    const full =
      step.log ??
      (step.stepName === BUILD_STEP
        ? buildLog({
            appId: job.appId,
            branch: job.branch,
            jobId: job.jobId,
            startMs,
            ...(step.failing ? { failure: step.statusReason ?? 'Build failed' } : {})
          })
        : stepLog(step.stepName, startMs, step.failing ? (step.statusReason ?? `${step.stepName} failed`) : undefined))
    return partialLog(full, step.progress)
  }

  private step(job: HostingJob, step: StepView): Record<string, unknown> {
    const logName = `${step.stepName}.log`
    const text = this.logText(job, step)
    const log: PresignedObject = {
      bucket: LOG_BUCKET,
      key: `${safeSegment(job.appId)}/${safeSegment(job.branch)}/${job.jobId}/${safeSegment(step.stepName)}/log.txt`,
      fileName: logName,
      fileKey: `hosting/${job.appId}/${job.branch}/${job.jobId}/${logName}`,
      appId: job.appId,
      contentType: 'text/plain',
      load: () => Promise.resolve({ data: Buffer.from(text, 'utf8') })
    }
    const expires = this.state.scenarios.get(job.appId).download?.expiresSeconds
    const offersArtifacts = step.stepName === BUILD_STEP && step.status === 'SUCCEED' && job.scenario.artifacts?.via !== 'list'
    return {
      stepName: step.stepName,
      startTime: seconds(job.startMs + step.startMs),
      status: step.status,
      ...(step.endMs !== undefined ? { endTime: seconds(job.startMs + step.endMs) } : {}),
      logUrl: this.state.presign.issue(log, expires),
      ...(offersArtifacts ? { artifactsUrl: this.artifactUrl(job) } : {}),
      ...(step.statusReason !== undefined ? { statusReason: step.statusReason } : {})
    }
  }
}
