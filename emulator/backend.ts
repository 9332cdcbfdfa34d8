/**
 * AmplifyBackend GetBackendJob. Jobs exist implicitly for any id (the Admin UI starts them; the
 * action only waits): a job's clock starts at the first read of it, and is the wall clock or, when
 * its phases are counted in reads, its reads (timeline.ts). The wire keys are lowerCamel;
 * createTime/updateTime are strings (epoch milliseconds), as the service's model has them.
 */
import { AwsError, type RequestContext, sendJson } from './http.js'
import type { Route } from './router.js'
import type { ServiceModule, SharedState } from './state.js'
import { JobClock, finalPhaseStartMs, onClock, onReadClock, phaseAt } from './timeline.js'
import type { BackendScenario, StatusPhase } from './types.js'

export const DEFAULT_BACKEND_STATUSES: readonly StatusPhase[] = [{ status: 'IN_PROGRESS', forMs: 1000 }, { status: 'COMPLETED' }]
const DEFAULT_OPERATION = 'CreateBackendAPI'
const FAILED = 'FAILED'

interface BackendJob {
  firstSeenMs: number
  clock: JobClock
  /** The scenario's phases, in milliseconds of the job's clock. */
  phases: StatusPhase[]
  scenario: BackendScenario
}

export class BackendService implements ServiceModule {
  private readonly jobs = new Map<string, BackendJob>()

  constructor(private readonly state: SharedState) {}

  reset(): void {
    this.jobs.clear()
  }

  routes(): Route[] {
    return [
      {
        service: 'backend',
        operation: 'GetBackendJob',
        method: 'GET',
        pattern: '/backend/{appId}/job/{backendEnvironmentName}/{jobId}',
        handler: ctx => this.get(ctx)
      }
    ]
  }

  private get(ctx: RequestContext): void {
    const { appId, backendEnvironmentName, jobId } = ctx.params as Record<string, string>
    const current = this.state.scenarios.get(appId).backend ?? {}
    if (current.notFound) {
      throw new AwsError(404, 'NotFoundException', `Backend job ${jobId} not found for app ${appId}, environment ${backendEnvironmentName}.`, {
        resourceType: 'BackendJob'
      })
    }
    const key = JSON.stringify([appId, backendEnvironmentName, jobId])
    const now = Date.now()
    let job = this.jobs.get(key)
    if (!job) {
      const given = current.statuses?.length ? current.statuses : DEFAULT_BACKEND_STATUSES
      const byReads = onReadClock(given)
      job = { firstSeenMs: now, clock: new JobClock(now, byReads), phases: onClock(given, byReads), scenario: current }
      this.jobs.set(key, job)
    }
    const phases = job.phases
    const phase = phaseAt(phases, job.clock.elapsedMs(now))
    const updatedMs = job.firstSeenMs + (phase.final ? finalPhaseStartMs(phases) : phase.startMs)
    const error = job.scenario.error ?? (phase.status === FAILED ? 'The backend job failed' : undefined)
    sendJson(ctx, 200, {
      appId,
      backendEnvironmentName,
      jobId,
      operation: job.scenario.operation ?? DEFAULT_OPERATION,
      status: phase.status,
      ...(phase.final && error !== undefined ? { error } : {}),
      createTime: String(job.firstSeenMs),
      updateTime: String(updatedMs)
    })
    job.clock.read()
  }
}
