/**
 * The timeline of an Amplify Hosting job, decided once at StartJob from the scenario and read at
 * any moment afterwards: which status the job has, which steps have started or ended and how,
 * and what StopJob changes (CANCELLING for a while, then CANCELLED, running steps cancelled).
 * All times are milliseconds from the job's start, on the job's clock (timeline.ts): the wall
 * clock, or the read clock when its phases or steps are counted in reads.
 */
import { READ_TICK_MS, finalPhaseStartMs, onClock, onReadClock, phaseAt, phaseStartMs } from './timeline.js'
import type { Scenario, StatusPhase, StepSpec } from './types.js'

export const DEFAULT_STATUSES: readonly StatusPhase[] = [
  { status: 'PENDING', forMs: 200 },
  { status: 'PROVISIONING', forMs: 200 },
  { status: 'RUNNING', forMs: 1000 },
  { status: 'SUCCEED' }
]
/** Without durations, the steps share the RUNNING phase equally. */
export const DEFAULT_STEPS: readonly StepSpec[] = [{ stepName: 'BUILD' }, { stepName: 'DEPLOY' }, { stepName: 'VERIFY' }]
/**
 * A manual deployment (CreateDeployment + StartDeployment) builds nothing: Amplify only deploys
 * the files it was given, so its job shows one DEPLOY step (see README: not confirmed from a
 * published GetJob answer; the emulator's choice).
 */
export const DEPLOYMENT_STEPS: readonly StepSpec[] = [{ stepName: 'DEPLOY' }]
export const DEFAULT_STOP_DELAY_MS = 1000
/** Step length when RUNNING has no end (neverEnds) and the step gives none. */
const OPEN_RUNNING_STEP_MS = 400
const SUCCEED = 'SUCCEED'
const FAILED = 'FAILED'
const CANCELLED = 'CANCELLED'
const CANCELLING = 'CANCELLING'
const RUNNING = 'RUNNING'

export interface PlannedStep {
  stepName: string
  startMs: number
  /** Infinity for a step that never ends. */
  endMs: number
  /** How the step ends when it runs its course. */
  status: string
  statusReason?: string
  /** Custom log text from the scenario. */
  log?: string
  /** True for the step whose failure ends the job (gets the long failing build log). */
  failing: boolean
}

export interface JobPlan {
  /** True when the job's time moves on by reads, not by the wall clock. */
  byReads: boolean
  phases: StatusPhase[]
  steps: PlannedStep[]
  /** When and how the job ends by itself; undefined when it never does. */
  end?: { atMs: number; status: string }
}

export interface StepView {
  stepName: string
  status: string
  startMs: number
  endMs?: number
  statusReason?: string
  log?: string
  failing: boolean
  /** How far along the step is (1 once ended), for partial logs. */
  progress: number
}

export interface JobView {
  status: string
  /** Set once the job has ended. */
  endMs?: number
  steps: StepView[]
}

function stepSpecs(scenario: Scenario, steps: readonly StepSpec[]): StepSpec[] {
  const specs = steps.map(spec => ({ ...spec }))
  const fail = scenario.failStep
  if (fail) {
    const spec = specs.find(s => s.stepName === fail.stepName)
    const failed = { status: FAILED, statusReason: fail.statusReason ?? `${fail.stepName} failed`, ...(fail.log !== undefined ? { log: fail.log } : {}) }
    if (spec) Object.assign(spec, failed)
    else specs.push({ stepName: fail.stepName, ...failed })
  }
  return specs
}

/** True when the scenario counts the job's phases or steps in reads. */
export function hostingOnReadClock(scenario: Scenario, steps: readonly StepSpec[] = scenario.steps ?? []): boolean {
  return onReadClock(scenario.statuses) || steps.some(step => step.forReads !== undefined)
}

/**
 * The timeline of a job started under `scenario`. `stepList` holds the job's steps before failStep is
 * applied: the scenario's `steps` (or the build defaults) for StartJob, `deploySteps` (or one
 * DEPLOY step) for a manual deployment.
 */
export function planJob(scenario: Scenario, stepList: readonly StepSpec[] = scenario.steps ?? DEFAULT_STEPS): JobPlan {
  const byReads = hostingOnReadClock(scenario, stepList)
  let phases = onClock(scenario.statuses?.length ? scenario.statuses : DEFAULT_STATUSES, byReads)
  // Without its final phase, the last remaining phase lasts forever.
  if (scenario.neverEnds && phases.length > 1) phases = phases.slice(0, -1)

  const runningIndex = phases.findIndex(phase => phase.status === RUNNING)
  const steps: PlannedStep[] = []
  if (runningIndex >= 0) {
    const specs = stepSpecs(scenario, stepList)
    const openEnded = runningIndex === phases.length - 1
    const runningMs = openEnded ? Infinity : Math.max(0, phases[runningIndex]?.forMs ?? 0)
    const defaultMs = openEnded ? (byReads ? READ_TICK_MS : OPEN_RUNNING_STEP_MS) : Math.floor(runningMs / Math.max(1, specs.length))
    let at = phaseStartMs(phases, runningIndex)
    for (const spec of specs) {
      const given = byReads ? (spec.forReads === undefined ? undefined : spec.forReads * READ_TICK_MS) : spec.durationMs
      const duration = Math.max(0, given ?? defaultMs)
      const failing = spec.status === FAILED
      steps.push({
        stepName: spec.stepName,
        startMs: at,
        endMs: at + duration,
        status: spec.status ?? SUCCEED,
        ...(spec.statusReason !== undefined ? { statusReason: spec.statusReason } : {}),
        ...(spec.log !== undefined ? { log: spec.log } : {}),
        failing
      })
      at += duration
      if (failing) break // later steps never run
    }
    const last = steps[steps.length - 1]
    if (scenario.neverEnds && last && !last.failing) last.endMs = Infinity
  }

  const failingStep = steps.find(step => step.failing)
  let end: JobPlan['end']
  if (failingStep) {
    end = { atMs: failingStep.endMs, status: FAILED }
  } else if (!scenario.neverEnds) {
    const finalStatus = (phases[phases.length - 1] as StatusPhase).status
    const finalAt = finalPhaseStartMs(phases)
    // A successful job waits for its steps; any other final status cuts them short.
    const stepsEnd = steps.reduce((latest, step) => Math.max(latest, step.endMs), 0)
    end = { atMs: finalStatus === SUCCEED ? Math.max(finalAt, stepsEnd) : finalAt, status: finalStatus }
  }
  return { byReads, phases, steps, end }
}

/** The job as seen `elapsedMs` after its start, given a StopJob at `stop.atMs`, if any. */
export function viewJob(plan: JobPlan, elapsedMs: number, stop?: { atMs: number; delayMs: number }): JobView {
  const stopped = stop !== undefined && (plan.end === undefined || stop.atMs < plan.end.atMs)
  const cut = stopped
    ? { atMs: stop.atMs, endMs: stop.atMs + stop.delayMs, status: CANCELLED }
    : plan.end
      ? { atMs: plan.end.atMs, endMs: plan.end.atMs, status: plan.end.status }
      : undefined

  let status: string
  let endMs: number | undefined
  if (cut && elapsedMs >= cut.endMs) {
    status = cut.status
    endMs = cut.endMs
  } else if (stopped && elapsedMs >= stop.atMs) {
    status = CANCELLING
  } else {
    const phase = phaseAt(plan.phases, elapsedMs)
    // Past the final phase's start but not ended yet (steps still running): stay in the phase before.
    status = phase.final && plan.phases.length > 1 && cut ? (plan.phases[phase.index - 1] as StatusPhase).status : phase.status
  }

  const steps: StepView[] = []
  for (const step of plan.steps) {
    if (step.startMs > elapsedMs) continue
    if (cut && step.startMs >= cut.atMs) continue
    const cutShort = cut !== undefined && step.endMs > cut.atMs
    const actualEnd = cutShort ? cut.endMs : step.endMs
    const ended = elapsedMs >= actualEnd
    const endStatus = cutShort ? (cut.status === SUCCEED ? SUCCEED : cut.status) : step.status
    const span = step.endMs - step.startMs
    steps.push({
      stepName: step.stepName,
      status: ended ? endStatus : RUNNING,
      startMs: step.startMs,
      ...(ended ? { endMs: actualEnd } : {}),
      ...(ended && step.statusReason !== undefined && !cutShort ? { statusReason: step.statusReason } : {}),
      ...(step.log !== undefined ? { log: step.log } : {}),
      failing: step.failing && !cutShort,
      progress: ended ? 1 : Number.isFinite(span) && span > 0 ? (elapsedMs - step.startMs) / span : 0.5
    })
  }
  return { status, ...(endMs !== undefined ? { endMs } : {}), steps }
}
