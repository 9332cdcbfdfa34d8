/**
 * Amplify Hosting: StartJob, GetJob, StopJob, ListArtifacts, GetArtifactUrl. Apps and branches
 * exist implicitly; job ids count up per branch ('1', '2', ...). A job's timeline is planned at
 * start from the scenario in force then (hosting-plan.ts); timestamps are epoch seconds on the
 * wire, as the real service sends them.
 */
import { randomBytes } from 'node:crypto'
import { ArtifactFactory } from './hosting-artifacts.js'
import { buildLog, partialLog, stepLog } from './build-log.js'
import { DEFAULT_STOP_DELAY_MS, type JobPlan, type StepView, planJob, viewJob } from './hosting-plan.js'
import { AwsError, type RequestContext, sendJson } from './http.js'
import { type PresignedObject, safeSegment } from './presign.js'
import type { Route } from './router.js'
import { type ServiceModule, type SharedState, isObject } from './state.js'
import type { Scenario } from './types.js'

const ACCOUNT_ID = '123456789012'
const REGION = 'us-east-1'
const JOB_TYPES = ['RELEASE', 'RETRY', 'MANUAL', 'WEB_HOOK']
const ENDED = new Set(['SUCCEED', 'FAILED', 'CANCELLED'])
const LOG_BUCKET = 'aws-amplify-prod-us-east-1-build-logs'
const ARTIFACT_BUCKET = 'aws-amplify-prod-us-east-1-artifacts'
const ARTIFACT_FILE_NAME = 'artifacts.zip'
const BUILD_STEP = 'BUILD'
const DEFAULT_COMMIT_ID = 'HEAD'
const DEFAULT_COMMIT_MESSAGE = 'Emulated commit'

interface HostingJob {
  appId: string
  branch: string
  jobId: string
  jobType: string
  jobReason?: string
  commitId: string
  commitMessage: string
  /** Epoch seconds. */
  commitTime: number
  startMs: number
  scenario: Scenario
  plan: JobPlan
  stopAtMs?: number
  artifactId: string
}

const seconds = (ms: number): number => ms / 1000

function badRequest(message: string): AwsError {
  return new AwsError(400, 'BadRequestException', message)
}

function jobKey(appId: string, branch: string, jobId: string): string {
  return JSON.stringify([appId, branch, jobId])
}

function branchKey(appId: string, branch: string): string {
  return JSON.stringify([appId, branch])
}

export class HostingService implements ServiceModule {
  private readonly jobs = new Map<string, HostingJob>()
  private readonly lastJobId = new Map<string, number>()
  private readonly artifactJobs = new Map<string, HostingJob>()
  private readonly artifacts: ArtifactFactory

  constructor(private readonly state: SharedState) {
    this.artifacts = new ArtifactFactory(state.scratchDir)
  }

  reset(): void {
    this.jobs.clear()
    this.lastJobId.clear()
    this.artifactJobs.clear()
  }

  routes(): Route[] {
    const route = (operation: string, method: string, pattern: string, handler: Route['handler']): Route => ({
      service: 'amplify',
      operation,
      method,
      pattern,
      handler
    })
    return [
      route('StartJob', 'POST', '/apps/{appId}/branches/{branchName}/jobs', (ctx) => this.start(ctx)),
      route('GetJob', 'GET', '/apps/{appId}/branches/{branchName}/jobs/{jobId}', (ctx) => this.get(ctx)),
      route('StopJob', 'DELETE', '/apps/{appId}/branches/{branchName}/jobs/{jobId}/stop', (ctx) => this.stop(ctx)),
      route('ListArtifacts', 'GET', '/apps/{appId}/branches/{branchName}/jobs/{jobId}/artifacts', (ctx) => this.listArtifacts(ctx)),
      {
        ...route('GetArtifactUrl', 'GET', '/artifacts/{artifactId}', (ctx) => this.getArtifactUrl(ctx)),
        appIdOf: (params) => this.artifactJobs.get(params.artifactId ?? '')?.appId
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
      throw badRequest(`1 validation error detected: Value '${String(jobType)}' at 'jobType' failed to satisfy constraint: Member must satisfy enum value set: [${JOB_TYPES.join(', ')}]`)
    }
    let original: HostingJob | undefined
    if (jobType === 'RETRY') {
      const wanted = body.jobId
      if (typeof wanted !== 'string' || !/^\d+$/.test(wanted)) throw badRequest('A RETRY job needs the jobId (digits) of an earlier job on the branch.')
      original = this.jobs.get(jobKey(appId, branch, wanted))
      if (!original) throw badRequest(`Job ${wanted} does not exist on branch ${branch} of app ${appId}; RETRY needs an existing job.`)
    }
    const now = Date.now()
    const number = (this.lastJobId.get(branchKey(appId, branch)) ?? 0) + 1
    this.lastJobId.set(branchKey(appId, branch), number)
    const job: HostingJob = {
      appId,
      branch,
      jobId: String(number),
      jobType,
      ...(typeof body.jobReason === 'string' ? { jobReason: body.jobReason } : {}),
      commitId: typeof body.commitId === 'string' ? body.commitId : (original?.commitId ?? DEFAULT_COMMIT_ID),
      commitMessage: typeof body.commitMessage === 'string' ? body.commitMessage : (original?.commitMessage ?? DEFAULT_COMMIT_MESSAGE),
      commitTime: typeof body.commitTime === 'number' ? body.commitTime : (original?.commitTime ?? seconds(now)),
      startMs: now,
      scenario,
      plan: planJob(scenario),
      artifactId: `${safeSegment(appId)}-${number}-${randomBytes(8).toString('hex')}`
    }
    this.jobs.set(jobKey(appId, branch, job.jobId), job)
    this.artifactJobs.set(job.artifactId, job)
    sendJson(ctx, 200, { jobSummary: this.summary(job, now) })
  }

  private find(ctx: RequestContext): HostingJob {
    const { appId, branchName, jobId } = ctx.params as Record<string, string>
    const job = this.jobs.get(jobKey(appId as string, branchName as string, jobId as string))
    if (!job) throw new AwsError(404, 'NotFoundException', `Job ${jobId} not found for branch ${branchName} of app ${appId}.`)
    return job
  }

  private get(ctx: RequestContext): void {
    const job = this.find(ctx)
    const now = Date.now()
    const view = this.view(job, now)
    sendJson(ctx, 200, { job: { summary: this.summary(job, now), steps: view.steps.map((step) => this.step(job, step)) } })
  }

  private stop(ctx: RequestContext): void {
    const job = this.find(ctx)
    const now = Date.now()
    const status = this.view(job, now).status
    if (ENDED.has(status)) throw badRequest(`Job ${job.jobId} on branch ${job.branch} has already ended (${status}) and cannot be stopped.`)
    job.stopAtMs ??= now - job.startMs
    sendJson(ctx, 200, { jobSummary: this.summary(job, now) })
  }

  private listArtifacts(ctx: RequestContext): void {
    const job = this.find(ctx)
    const offered = job.scenario.artifacts?.via !== 'step' && this.artifactsReady(job, Date.now())
    const listed = offered ? Math.max(1, job.scenario.artifacts?.listed ?? 1) : 0
    const artifacts = Array.from({ length: listed }, (_, index) => {
      if (index === 0) return { artifactFileName: ARTIFACT_FILE_NAME, artifactId: job.artifactId }
      const artifactId = `${job.artifactId}-${index + 1}`
      this.artifactJobs.set(artifactId, job)
      return { artifactFileName: `artifacts-${index + 1}.zip`, artifactId }
    })
    sendJson(ctx, 200, { artifacts })
  }

  private getArtifactUrl(ctx: RequestContext): void {
    const artifactId = ctx.params.artifactId as string
    const job = this.artifactJobs.get(artifactId)
    if (!job || job.scenario.artifacts?.via === 'step' || !this.artifactsReady(job, Date.now())) {
      throw new AwsError(404, 'NotFoundException', `Artifact ${artifactId} not found.`)
    }
    sendJson(ctx, 200, { artifactId, artifactUrl: this.artifactUrl(job) })
  }

  private view(job: HostingJob, nowMs: number) {
    const stop = job.stopAtMs === undefined ? undefined : { atMs: job.stopAtMs, delayMs: job.scenario.stopDelayMs ?? DEFAULT_STOP_DELAY_MS }
    return viewJob(job.plan, nowMs - job.startMs, stop)
  }

  private summary(job: HostingJob, nowMs: number): Record<string, unknown> {
    const view = this.view(job, nowMs)
    return {
      jobArn: `arn:aws:amplify:${REGION}:${ACCOUNT_ID}:apps/${job.appId}/branches/${job.branch}/jobs/${job.jobId}`,
      jobId: job.jobId,
      commitId: job.commitId,
      commitMessage: job.commitMessage,
      commitTime: job.commitTime,
      startTime: seconds(job.startMs),
      status: view.status,
      jobType: job.jobType,
      ...(view.endMs !== undefined ? { endTime: seconds(job.startMs + view.endMs) } : {})
    }
  }

  /** The BUILD step (or the first step) has ended successfully. */
  private artifactsReady(job: HostingJob, nowMs: number): boolean {
    const steps = this.view(job, nowMs).steps
    const build = steps.find((step) => step.stepName === BUILD_STEP) ?? steps[0]
    return build?.status === 'SUCCEED'
  }

  private artifactUrl(job: HostingJob): string {
    const spec = job.scenario.artifacts ?? {}
    const object: PresignedObject = {
      bucket: ARTIFACT_BUCKET,
      key: `${safeSegment(job.appId)}/${safeSegment(job.branch)}/${job.jobId}/BUILD/${ARTIFACT_FILE_NAME}`,
      fileName: ARTIFACT_FILE_NAME,
      fileKey: `hosting/${job.artifactId}`,
      appId: job.appId,
      contentType: 'application/zip',
      load: () => this.artifacts.body(spec)
    }
    return this.state.presign.issue(object, this.state.scenarios.get(job.appId).download?.expiresSeconds)
  }

  private logText(job: HostingJob, step: StepView): string {
    const startMs = job.startMs + step.startMs
    const full =
      step.log ??
      (step.stepName === BUILD_STEP
        ? buildLog({ appId: job.appId, branch: job.branch, jobId: job.jobId, startMs, ...(step.failing ? { failure: step.statusReason ?? 'Build failed' } : {}) })
        : stepLog(step.stepName, startMs, step.failing ? step.statusReason ?? `${step.stepName} failed` : undefined))
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
