/**
 * Status sequences evaluated against the clock: a job's status is computed from how long ago it
 * started, so no timers are needed and a paused test sees consistent answers.
 */
import type { StatusPhase } from './types.js'

export interface PhaseAt {
  index: number
  status: string
  /** Offset (ms from the start) at which this phase began. */
  startMs: number
  /** True for the last phase, which never ends. */
  final: boolean
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
