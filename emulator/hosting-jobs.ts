/**
 * The jobs of Amplify Hosting, shared by the operations that start them (StartJob,
 * CreateDeployment/StartDeployment), read them (GetJob, GetBranch) and forget them (DeleteBranch).
 * Job ids count up per branch ('1', '2', ...) whichever operation made the job. A job's status is
 * read from its plan on its clock (hosting-plan.ts, timeline.ts); a manual deployment that
 * CreateDeployment made and StartDeployment has not started yet has no plan in force: it is
 * PENDING with no steps, or CANCELLED once stopped.
 */
import { DEFAULT_STOP_DELAY_MS, type JobPlan, type JobView, viewJob } from './hosting-plan.js'
import type { JobClock } from './timeline.js'
import type { Scenario } from './types.js'

export const ACCOUNT_ID = '123456789012'
export const REGION = 'us-east-1'
/** Statuses a job never leaves. */
export const ENDED_STATUSES: ReadonlySet<string> = new Set(['SUCCEED', 'FAILED', 'CANCELLED'])
const PENDING = 'PENDING'
const CANCELLED = 'CANCELLED'

/** A file of a deployed site, unpacked into the emulator's scratch folder. */
export interface DeployedFile {
  /** The entry's name in the zip, as uploaded. */
  name: string
  /** Where the emulator keeps its bytes (a generated name: zip names are never used as paths). */
  path: string
  size: number
  sha256: string
}

/** The zip in force for a deployment: the last complete PUT to its zipUploadUrl. */
export interface StoredUpload {
  path: string
  size: number
  /** S3's ETag of a single PUT: the body's MD5, hex. */
  md5: string
  contentType?: string
}

/** What CreateDeployment and StartDeployment set up for a manual deployment job. */
export interface ManualDeployment {
  /** created: CreateDeployment answered, StartDeployment not yet called; cancelled: stopped before it started. */
  state: 'created' | 'started' | 'cancelled'
  /** True when CreateDeployment made the job (false for StartDeployment with a sourceUrl). */
  created: boolean
  cancelledMs?: number
  upload?: StoredUpload
  /** Complete PUTs received so far. */
  puts: number
  source?: { sourceUrl: string; sourceUrlType: string }
  /** Settles once the uploaded zip is unpacked (or found not to unpack); readers wait for it. */
  unpacked?: Promise<void>
  /** The files of the uploaded zip, once unpacked. */
  files?: DeployedFile[]
}

export interface HostingJob {
  appId: string
  branch: string
  jobId: string
  jobType: string
  jobReason?: string
  commitId: string
  commitMessage: string
  /** Epoch seconds. */
  commitTime: number
  /** When the job started (a manual deployment: when CreateDeployment made it, then when StartDeployment started it). */
  startMs: number
  /** The wall clock, or the job's reads when its scenario counts phases in reads. */
  clock: JobClock
  scenario: Scenario
  plan: JobPlan
  /** When StopJob came, on the job's clock. */
  stopAtMs?: number
  artifactId: string
  /** Manual deployments only. */
  deployment?: ManualDeployment
}

const seconds = (ms: number): number => ms / 1000

function jobKey(appId: string, branch: string, jobId: string): string {
  return JSON.stringify([appId, branch, jobId])
}

function branchKey(appId: string, branch: string): string {
  return JSON.stringify([appId, branch])
}

export function jobArn(job: Pick<HostingJob, 'appId' | 'branch' | 'jobId'>): string {
  return `arn:aws:amplify:${REGION}:${ACCOUNT_ID}:apps/${job.appId}/branches/${job.branch}/jobs/${job.jobId}`
}

/** The job as seen at `nowMs`. */
export function jobView(job: HostingJob, nowMs: number): JobView {
  const deployment = job.deployment
  if (deployment?.state === 'created') return { status: PENDING, steps: [] }
  if (deployment?.state === 'cancelled') return { status: CANCELLED, endMs: (deployment.cancelledMs ?? job.startMs) - job.startMs, steps: [] }
  const stop = job.stopAtMs === undefined ? undefined : { atMs: job.stopAtMs, delayMs: job.scenario.stopDelayMs ?? DEFAULT_STOP_DELAY_MS }
  return viewJob(job.plan, job.clock.elapsedMs(nowMs), stop)
}

/** The JobSummary of the wire (timestamps in epoch seconds). */
export function jobSummary(job: HostingJob, nowMs: number): Record<string, unknown> {
  const view = jobView(job, nowMs)
  const source = job.deployment?.source
  return {
    jobArn: jobArn(job),
    jobId: job.jobId,
    commitId: job.commitId,
    commitMessage: job.commitMessage,
    commitTime: job.commitTime,
    startTime: seconds(job.startMs),
    status: view.status,
    jobType: job.jobType,
    ...(view.endMs !== undefined ? { endTime: seconds(job.startMs + view.endMs) } : {}),
    ...(source ? { sourceUrl: source.sourceUrl, sourceUrlType: source.sourceUrlType } : {})
  }
}

/** Waits until what a job's answers depend on is known (a deployment's zip has been unpacked). */
export async function settled(job: HostingJob): Promise<void> {
  await job.deployment?.unpacked
}

export class HostingJobs {
  private readonly jobs = new Map<string, HostingJob>()
  private readonly lastJobId = new Map<string, number>()

  /** The id the next job of the branch gets. */
  nextJobId(appId: string, branch: string): string {
    const number = (this.lastJobId.get(branchKey(appId, branch)) ?? 0) + 1
    this.lastJobId.set(branchKey(appId, branch), number)
    return String(number)
  }

  add(job: HostingJob): void {
    this.jobs.set(jobKey(job.appId, job.branch, job.jobId), job)
  }

  find(appId: string, branch: string, jobId: string): HostingJob | undefined {
    return this.jobs.get(jobKey(appId, branch, jobId))
  }

  /** The branch's jobs, oldest first. */
  ofBranch(appId: string, branch: string): HostingJob[] {
    return [...this.jobs.values()].filter(job => job.appId === appId && job.branch === branch).sort((a, b) => Number(a.jobId) - Number(b.jobId))
  }

  all(): HostingJob[] {
    return [...this.jobs.values()]
  }

  /** Forgets the branch's jobs and its job counter (a branch made again starts at job 1); returns them. */
  forgetBranch(appId: string, branch: string): HostingJob[] {
    const gone = this.ofBranch(appId, branch)
    for (const job of gone) this.jobs.delete(jobKey(appId, branch, job.jobId))
    this.lastJobId.delete(branchKey(appId, branch))
    return gone
  }

  reset(): void {
    this.jobs.clear()
    this.lastJobId.clear()
  }
}
