/**
 * Status sequences evaluated against a job's clock. On the wall clock a job's status is computed
 * from how long ago it started, so no timers are needed and a paused test sees consistent
 * answers. On the read clock (phases given in `forReads`) the job's time moves on only when it is
 * read, so what each read sees is fixed however fast or slow the machine is.
 */
import type { StatusPhase } from './types.js'

/**
 * How far one read moves a job on the read clock: one second of the job's own time, so its
 * timestamps read like those of a job polled every second (a step of 2 reads ended "after 2.0s").
 */
export const READ_TICK_MS = 1000

export interface PhaseAt {
  index: number
  status: string
  /** Offset (ms from the start) at which this phase began. */
  startMs: number
  /** True for the last phase, which never ends. */
  final: boolean
}

/** True when the phases are counted in reads (any phase but the last gives forReads). */
export function onReadClock(phases: readonly StatusPhase[] | undefined): boolean {
  return (phases ?? []).slice(0, -1).some(phase => phase.forReads !== undefined)
}

/** The phases with their length in milliseconds of the job's clock (reads turned into ticks). */
export function onClock(phases: readonly StatusPhase[], byReads: boolean): StatusPhase[] {
  if (!byReads) return [...phases]
  return phases.map(({ status, forReads }) => (forReads === undefined ? { status } : { status, forMs: forReads * READ_TICK_MS }))
}

/**
 * A job's clock: the wall clock from its start, or its reads so far (each READ_TICK_MS). `read()`
 * is called once per answered read, after the answer was computed: read n (1-based) sees the
 * job as it is after n - 1 ticks.
 */
export class JobClock {
  private reads = 0

  constructor(
    private readonly startMs: number,
    readonly byReads: boolean
  ) {}

  elapsedMs(nowMs: number): number {
    return this.byReads ? this.reads * READ_TICK_MS : nowMs - this.startMs
  }

  read(): void {
    this.reads++
  }
}

/** The phase in force `elapsedMs` after the start. The last phase lasts forever. */
export function phaseAt(phases: readonly StatusPhase[], elapsedMs: number): PhaseAt {
  if (phases.length === 0) throw new Error('A status sequence needs at least one phase')
  let startMs = 0
  for (let index = 0; index < phases.length - 1; index++) {
    const phase = phases[index] as StatusPhase
    const duration = Math.max(0, phase.forMs ?? 0)
    if (elapsedMs < startMs + duration) return { index, status: phase.status, startMs, final: false }
    startMs += duration
  }
  const last = phases[phases.length - 1] as StatusPhase
  return { index: phases.length - 1, status: last.status, startMs, final: true }
}

/** Offset at which phase `index` begins. */
export function phaseStartMs(phases: readonly StatusPhase[], index: number): number {
  let startMs = 0
  for (let i = 0; i < index && i < phases.length; i++) startMs += Math.max(0, phases[i]?.forMs ?? 0)
  return startMs
}

/** Offset at which the last (final) phase begins: when the job ends. */
export function finalPhaseStartMs(phases: readonly StatusPhase[]): number {
  return phaseStartMs(phases, phases.length - 1)
}
