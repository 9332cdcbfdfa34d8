/**
 * Checks of a scenario's values beyond its keys: every status it asks for is one the service
 * really sends, so a test cannot pass on a status no real job ever has; and a job's phases and
 * steps are all counted on one clock (milliseconds or reads), never a mix that could not be read.
 */
import { checkHostingAppValues } from './scenario-checks-apps.js'
import type { Scenario, StatusPhase, StepSpec } from './types.js'

/** Amplify Hosting's JobStatus enum (the SDK's JobStatus); steps report the same values. */
export const HOSTING_JOB_STATUSES: readonly string[] = ['CREATED', 'PENDING', 'PROVISIONING', 'RUNNING', 'FAILED', 'SUCCEED', 'CANCELLING', 'CANCELLED']
/**
 * AmplifyBackend's status is a free string in the service model (COMPLETED and FAILED end a
 * job); every value it is known to send is an upper-case word, so that is what a scenario may use.
 */
const BACKEND_STATUS = /^[A-Z][A-Z0-9_]*$/
// UI Builder's CodegenJobStatus (in_progress, succeeded, failed) is not a scenario value: the
// emulator derives it from durationMs, inProgressReads, neverEnds and fail.

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function checkLength(where: string, value: unknown, unit: 'ms' | 'reads'): void {
  if (value === undefined) return
  const ok = typeof value === 'number' && (unit === 'ms' ? Number.isFinite(value) && value >= 0 : Number.isInteger(value) && value >= 1)
  if (!ok)
    throw new Error(
      `${where} must be ${unit === 'ms' ? 'a number of milliseconds, 0 or more' : 'a whole number of reads, 1 or more'}, not ${JSON.stringify(value)}`
    )
}

/** Checks a status sequence; returns whether it is counted in reads. */
function checkPhases(where: string, value: unknown, statusOk: (status: string) => boolean, allowed: string): boolean {
  if (value === undefined) return false
  if (!Array.isArray(value)) throw new Error(`${where} must be an array of { status, forMs | forReads }`)
  const kinds = new Set<string>()
  value.forEach((phase: unknown, index) => {
    const at = `${where}[${index}]`
    if (!isObject(phase)) throw new Error(`${at} must be an object { status, forMs | forReads }`)
    if (typeof phase.status !== 'string' || !statusOk(phase.status)) {
      throw new Error(`${at}.status ${JSON.stringify(phase.status)} is not a status the service sends; use ${allowed}`)
    }
    checkLength(`${at}.forMs`, phase.forMs, 'ms')
    checkLength(`${at}.forReads`, phase.forReads, 'reads')
    if (phase.forMs !== undefined && phase.forReads !== undefined) throw new Error(`${at} gives both forMs and forReads; a phase lasts one or the other`)
    // The last phase lasts forever: its length says nothing about the clock.
    if (index < value.length - 1) kinds.add(phase.forReads !== undefined ? 'forReads' : 'forMs')
  })
  if (kinds.size > 1) throw new Error(`${where} mixes forMs and forReads; a job's phases are all on the wall clock (forMs) or all counted in reads (forReads)`)
  return kinds.has('forReads')
}

/**
 * Checks the steps of a Hosting job. `clock` is how its statuses are counted: in 'reads', in 'ms',
 * 'default' (none given: the defaults are in ms), or 'none' (given without lengths).
 */
function checkSteps(steps: unknown, clock: 'reads' | 'ms' | 'default' | 'none', key = 'steps'): void {
  if (steps === undefined) return
  if (!Array.isArray(steps)) throw new Error(`${key} must be an array of { stepName, ... }`)
  steps.forEach((step: unknown, index) => {
    const at = `${key}[${index}]`
    if (!isObject(step) || typeof step.stepName !== 'string') throw new Error(`${at} must be an object with a stepName`)
    const spec = step as unknown as StepSpec
    if (spec.status !== undefined && !HOSTING_JOB_STATUSES.includes(spec.status)) {
      throw new Error(`${at}.status ${JSON.stringify(spec.status)} is not a status the service sends; use one of ${HOSTING_JOB_STATUSES.join(', ')}`)
    }
    checkLength(`${at}.durationMs`, spec.durationMs, 'ms')
    checkLength(`${at}.forReads`, spec.forReads, 'reads')
    if (spec.durationMs !== undefined && spec.forReads !== undefined) throw new Error(`${at} gives both durationMs and forReads; a step lasts one or the other`)
    if (clock === 'reads' && spec.durationMs !== undefined)
      throw new Error(`${at} gives durationMs, but the job's statuses are counted in reads: give forReads`)
    if (spec.forReads !== undefined && (clock === 'ms' || clock === 'default')) {
      throw new Error(
        `${at} gives forReads, but the job's statuses are on the wall clock${clock === 'default' ? ' (the default ones)' : ' (forMs)'}: give the statuses in forReads too`
      )
    }
  })
}

/** Throws a readable error for the first value of the scenario the services could not produce. */
export function checkScenarioValues(scenario: Scenario): void {
  const hostingInReads = checkPhases(
    'statuses',
    scenario.statuses,
    status => HOSTING_JOB_STATUSES.includes(status),
    `one of ${HOSTING_JOB_STATUSES.join(', ')}`
  )
  const phases = (scenario.statuses ?? []) as StatusPhase[]
  const clock = hostingInReads ? 'reads' : phases.length === 0 ? 'default' : phases.slice(0, -1).some(phase => phase.forMs !== undefined) ? 'ms' : 'none'
  checkSteps(scenario.steps, clock)
  checkSteps(scenario.deploySteps, clock, 'deploySteps')
  checkHostingAppValues(scenario)
  if (scenario.backend !== undefined) {
    if (!isObject(scenario.backend)) throw new Error('backend must be an object')
    checkPhases(
      'backend.statuses',
      scenario.backend.statuses,
      status => BACKEND_STATUS.test(status),
      'an upper-case word such as IN_PROGRESS, COMPLETED or FAILED'
    )
  }
  if (scenario.inProgressReads !== undefined) {
    const reads = scenario.inProgressReads
    if (!Number.isInteger(reads) || reads < 0) throw new Error(`inProgressReads must be a whole number of reads, 0 or more, not ${JSON.stringify(reads)}`)
    if (scenario.durationMs !== undefined) throw new Error('inProgressReads and durationMs both say how long the codegen job runs: give one')
  }
}
