/**
 * Manual deployments of Amplify Hosting: CreateDeployment (a MANUAL job, PENDING, and a presigned
 * PUT URL for one zip: uploads.ts), StartDeployment (from that upload, or from a sourceUrl), and
 * what tests read back: the records of each deployment and the files a branch serves (the zip of
 * its last successful deployment, unpacked by deploy-unpack.ts). Once started, a deployment's job
 * runs like a StartJob job (statuses, failStep, StopJob, logs: hosting.ts answers GetJob and
 * StopJob for both), with `deploySteps` (default one DEPLOY step) as its steps.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { unpackSite } from './deploy-unpack.js'
import type { AppView, HostingAppsService } from './hosting-apps.js'
import { ENDED_STATUSES, type HostingJob, type HostingJobs, type ManualDeployment, jobSummary, jobView, settled } from './hosting-jobs.js'
import { DEPLOYMENT_STEPS, planJob } from './hosting-plan.js'
import { AwsError, type RequestContext, sendJson } from './http.js'
import { type ReceivedUpload, safeSegment } from './presign.js'
import { type Route, routeOf } from './router.js'
import { type ServiceModule, type SharedState, isObject } from './state.js'
import { JobClock } from './timeline.js'
import type { DeployedFileInfo, DeploymentRecord, Scenario } from './types.js'

const MANUAL = 'MANUAL'
const WEB_COMPUTE = 'WEB_COMPUTE'
const SUCCEED = 'SUCCEED'
const DEPLOY_STEP = 'DEPLOY'
const SOURCE_URL_TYPES = ['ZIP', 'BUCKET_PREFIX']
const DEFAULT_SOURCE_URL_TYPE = 'ZIP'
/** The model's limit on StartDeployment's sourceUrl. */
const MAX_SOURCE_URL_LENGTH = 3000
const UPLOAD_BUCKET = 'aws-amplify-prod-us-east-1-deployments'
const UPLOAD_FILE_NAME = 'deployment.zip'
const SITES_FOLDER = 'sites'
/** A manual deployment has no commit; the service still fills the summary's commit members. */
const MANUAL_COMMIT_ID = 'HEAD'
const MANUAL_COMMIT_MESSAGE = ''

const seconds = (ms: number): number => ms / 1000

function badRequest(message: string): AwsError {
  return new AwsError(400, 'BadRequestException', message)
}

/** What a deployment job is after its zip was found not to unpack: its DEPLOY step fails, saying why. */
function unpackFailure(reason: string): string {
  return `The uploaded file could not be unpacked as a zip archive (${reason}). Upload a zip of the site's files, with index.html at its root.`
}

/** The refusals of StartDeployment's sourceUrl form; undefined when the source is one the service takes. */
function sourceProblem(sourceUrl: string, sourceUrlType: string): string | undefined {
  if (sourceUrl.length > MAX_SOURCE_URL_LENGTH) {
    return `1 validation error detected: Value at 'sourceUrl' failed to satisfy constraint: Member must have length less than or equal to ${MAX_SOURCE_URL_LENGTH}`
  }
  if (!SOURCE_URL_TYPES.includes(sourceUrlType)) {
    return `1 validation error detected: Value '${sourceUrlType}' at 'sourceUrlType' failed to satisfy constraint: Member must satisfy enum value set: [${SOURCE_URL_TYPES.join(', ')}]`
  }
  const s3 = /^s3:\/\/[^/]+\//.test(sourceUrl)
  if (!s3 && !/^https:\/\/[^/]+/.test(sourceUrl)) {
    return `The sourceUrl ${sourceUrl} is neither an s3://bucket/... URL nor an https:// URL: give the URL of a zip (sourceUrlType ZIP) or an s3:// bucket prefix ending in '/' (sourceUrlType BUCKET_PREFIX).`
  }
  if (sourceUrlType === 'BUCKET_PREFIX' && (!s3 || !sourceUrl.endsWith('/'))) {
    return `sourceUrlType BUCKET_PREFIX needs an s3://bucket/prefix/ URL ending in '/', not ${sourceUrl}; for a single zip file give sourceUrlType ZIP.`
  }
  if (sourceUrlType === 'ZIP' && s3 && sourceUrl.endsWith('/')) {
    return `The sourceUrl ${sourceUrl} ends in '/', a bucket prefix: give sourceUrlType BUCKET_PREFIX, or the s3:// URL of one .zip file.`
  }
  return undefined
}

export class HostingDeployService implements ServiceModule {
  /** Every deployment job in the order made; kept after DeleteBranch forgets the job, for deployments(). */
  private readonly made: HostingJob[] = []
  private sites = 0

  constructor(
    private readonly state: SharedState,
    private readonly jobs: HostingJobs,
    private readonly apps: HostingAppsService
  ) {}

  reset(): void {
    this.made.length = 0
  }

  routes(): Route[] {
    const route = routeOf('amplify')
    return [
      route('CreateDeployment', 'POST', '/apps/{appId}/branches/{branchName}/deployments', ctx => this.create(ctx)),
      route('StartDeployment', 'POST', '/apps/{appId}/branches/{branchName}/deployments/start', ctx => this.start(ctx))
    ]
  }

  /** The manual deployments so far (of one app), oldest first. */
  deployments(appId?: string): DeploymentRecord[] {
    const now = Date.now()
    return this.made
      .filter(job => appId === undefined || job.appId === appId)
      .map(job => {
        const deployment = job.deployment as ManualDeployment
        const upload = deployment.upload
        return {
          appId: job.appId,
          branch: job.branch,
          jobId: job.jobId,
          state: deployment.state,
          ...(deployment.state === 'started' ? { startedWith: deployment.source ? ('sourceUrl' as const) : ('jobId' as const) } : {}),
          ...(deployment.source ?? {}),
          ...(upload
            ? { upload: { bytes: upload.size, md5: upload.md5, ...(upload.contentType !== undefined ? { contentType: upload.contentType } : {}) } }
            : {}),
          puts: deployment.puts,
          status: jobView(job, now).status
        }
      })
  }

  /** The branch's last started deployment whose job has SUCCEEDed (and whose zip, if any, is unpacked). */
  private live(appId: string, branch: string): HostingJob | undefined {
    const now = Date.now()
    return this.jobs
      .ofBranch(appId, branch)
      .filter(job => job.deployment?.state === 'started' && (job.deployment.source || job.deployment.files) && jobView(job, now).status === SUCCEED)
      .at(-1)
  }

  /** The files the branch serves: name in the zip -> bytes, read from the scratch folder. */
  deployedFiles(appId: string, branch: string): Record<string, Buffer> {
    const files: Record<string, Buffer> = {}
    for (const file of this.live(appId, branch)?.deployment?.files ?? []) files[file.name] = readFileSync(file.path)
    return files
  }

  /** The same, as names, sizes and SHA-256 digests, with the job that deployed them (for the control API). */
  deployedSite(
    appId: string,
    branch: string
  ): { jobId: string | null; source: { sourceUrl: string; sourceUrlType: string } | null; files: DeployedFileInfo[] } {
    const job = this.live(appId, branch)
    const files = (job?.deployment?.files ?? []).map(({ name, size, sha256 }) => ({ name, size, sha256 }))
    return { jobId: job?.jobId ?? null, source: job?.deployment?.source ?? null, files }
  }

  /** The app and branch of the path, refusing what the service refuses before looking at the request. */
  private target(ctx: RequestContext): { app: AppView; branch: string } {
    const { appId, branchName } = ctx.params as { appId: string; branchName: string }
    const app = this.apps.requireApp(appId)
    if (app.platform === WEB_COMPUTE) {
      throw badRequest(
        `The app ${appId} has platform WEB_COMPUTE (server-side rendering), which manual deployments do not support. Deploy it from its connected Git repository, or deploy static sites to an app whose platform is WEB.`
      )
    }
    this.apps.requireBranch(appId, branchName)
    return { app, branch: branchName }
  }

  /** The service keeps one deployment in flight per branch: a job not ended blocks the next one. */
  private async refuseUnfinished(appId: string, branch: string): Promise<void> {
    const jobs = this.jobs.ofBranch(appId, branch)
    await Promise.all(jobs.map(settled))
    const now = Date.now()
    const unfinished = jobs.filter(job => !ENDED_STATUSES.has(jobView(job, now).status)).at(-1)
    if (unfinished) {
      // The service's own words, typos included.
      throw badRequest(
        `The last job(deployment) ${unfinished.jobId} was not finished, please wait until it finish or use StopJob operation to cancel it before creating a new deployment.`
      )
    }
  }

  private newJob(app: AppView, branch: string, deployment: ManualDeployment, nowMs: number): HostingJob {
    const jobId = this.jobs.nextJobId(app.appId, branch)
    const job: HostingJob = {
      appId: app.appId,
      branch,
      jobId,
      jobType: MANUAL,
      commitId: MANUAL_COMMIT_ID,
      commitMessage: MANUAL_COMMIT_MESSAGE,
      commitTime: seconds(nowMs),
      startMs: nowMs,
      clock: new JobClock(nowMs, false),
      scenario: app.scenario,
      plan: planJob(app.scenario, app.scenario.deploySteps ?? DEPLOYMENT_STEPS),
      artifactId: `${safeSegment(app.appId)}-${jobId}-${randomBytes(8).toString('hex')}`,
      deployment
    }
    this.jobs.add(job)
    this.made.push(job)
    return job
  }

  private async create(ctx: RequestContext): Promise<void> {
    const { app, branch } = this.target(ctx)
    const body = isObject(ctx.body) ? ctx.body : {}
    if (isObject(body.fileMap) && Object.keys(body.fileMap).length > 0) {
      throw badRequest(
        'The emulator supports zip deployments only: call CreateDeployment without a fileMap and PUT one zip of the site to the zipUploadUrl it answers.'
      )
    }
    await this.refuseUnfinished(app.appId, branch)
    const now = Date.now()
    const job = this.newJob(app, branch, { state: 'created', created: true, puts: 0 }, now)
    const zipUploadUrl = this.state.presign.issue(
      {
        bucket: UPLOAD_BUCKET,
        key: `${safeSegment(app.appId)}/${safeSegment(branch)}/${job.jobId}/${UPLOAD_FILE_NAME}`,
        fileName: UPLOAD_FILE_NAME,
        fileKey: `deployment/${app.appId}/${branch}/${job.jobId}`,
        appId: app.appId,
        receive: upload => this.received(job, upload)
      },
      app.scenario.upload?.expiresSeconds
    )
    sendJson(ctx, 200, { jobId: job.jobId, zipUploadUrl, fileUploadUrls: {} })
  }

  /** A complete PUT: its zip replaces the one before (whose file goes, unless a started job reads it). */
  private received(job: HostingJob, upload: ReceivedUpload): void {
    const deployment = job.deployment as ManualDeployment
    const before = deployment.upload
    deployment.upload = upload
    deployment.puts++
    if (before && deployment.state !== 'started') void rm(before.path, { force: true })
  }

  private async start(ctx: RequestContext): Promise<void> {
    const { app, branch } = this.target(ctx)
    const body = isObject(ctx.body) ? ctx.body : {}
    const { jobId, sourceUrl } = body
    if (jobId !== undefined && sourceUrl !== undefined) {
      throw badRequest(
        'Give StartDeployment either jobId (after CreateDeployment and the upload of the zip) or sourceUrl (without CreateDeployment), not both.'
      )
    }
    let job: HostingJob
    if (typeof jobId === 'string') {
      job = this.startable(app, branch, jobId)
      this.begin(job)
      ;(job.deployment as ManualDeployment).unpacked = this.unpack(job)
    } else if (typeof sourceUrl === 'string' && sourceUrl !== '') {
      const sourceUrlType = typeof body.sourceUrlType === 'string' ? body.sourceUrlType : DEFAULT_SOURCE_URL_TYPE
      const problem = sourceProblem(sourceUrl, sourceUrlType)
      if (problem) throw badRequest(problem)
      await this.refuseUnfinished(app.appId, branch)
      job = this.newJob(app, branch, { state: 'created', created: false, puts: 0, source: { sourceUrl, sourceUrlType } }, Date.now())
      this.begin(job)
    } else {
      throw badRequest(
        'StartDeployment needs a jobId (from CreateDeployment, after the zip was uploaded to its zipUploadUrl) or a sourceUrl (an s3:// or https:// URL).'
      )
    }
    sendJson(ctx, 200, { jobSummary: jobSummary(job, Date.now()) })
  }

  /** The created deployment `jobId` names, if StartDeployment may start it. */
  private startable(app: AppView, branch: string, jobId: string): HostingJob {
    const job = this.jobs.find(app.appId, branch, jobId)
    if (!job) throw new AwsError(404, 'NotFoundException', `Job ${jobId} not found for branch ${branch} of app ${app.appId}.`)
    const deployment = job.deployment
    if (!deployment?.created)
      throw badRequest(
        `Job ${jobId} on branch ${branch} is a ${job.jobType} job, not one made by CreateDeployment; StartDeployment takes the jobId that CreateDeployment answered.`
      )
    if (deployment.state === 'started') throw badRequest(`Deployment job ${jobId} on branch ${branch} has already been started.`)
    if (deployment.state === 'cancelled')
      throw badRequest(`Deployment job ${jobId} on branch ${branch} was stopped before it started; call CreateDeployment again.`)
    if (!deployment.upload) {
      throw badRequest(
        `No zip was uploaded for deployment job ${jobId} on branch ${branch}: PUT the zip to the zipUploadUrl that CreateDeployment answered, then call StartDeployment.`
      )
    }
    return job
  }

  /** Starts the job's clock under the scenario in force now, like StartJob does. */
  private begin(job: HostingJob): void {
    const now = Date.now()
    const scenario: Scenario = this.state.scenarios.get(job.appId)
    job.scenario = scenario
    job.plan = planJob(scenario, scenario.deploySteps ?? DEPLOYMENT_STEPS)
    job.startMs = now
    job.clock = new JobClock(now, job.plan.byReads)
    ;(job.deployment as ManualDeployment).state = 'started'
  }

  /** Unpacks the job's zip; one that does not unpack makes the DEPLOY step (and so the job) fail, saying why. */
  private async unpack(job: HostingJob): Promise<void> {
    const deployment = job.deployment as ManualDeployment
    const upload = deployment.upload as ReceivedUpload
    try {
      const folder = join(await this.state.scratchDir(), SITES_FOLDER, String(++this.sites))
      deployment.files = await unpackSite(upload.path, folder)
    } catch (error) {
      const failStep = { stepName: DEPLOY_STEP, statusReason: unpackFailure((error as Error).message) }
      job.plan = planJob({ ...job.scenario, failStep }, job.scenario.deploySteps ?? DEPLOYMENT_STEPS)
    }
  }
}
