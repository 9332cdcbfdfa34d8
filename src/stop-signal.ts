/**
 * How the step stops: one signal for the whole run, which aborts on cancel (SIGINT/SIGTERM) with a
 * CancelledError or at the deadline with a DeadlineError, and the few ways of waiting that honour
 * it. Everything that waits or calls out takes that signal; nothing keeps a deadline of its own.
 */
import { setTimeout as delay } from 'node:timers/promises'
import { DeadlineError } from './errors.js'

/** Resolves after `ms`; rejects with the signal's reason as soon as it aborts (also when it already has). */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    // A signal of its own that follows the run's: timers/promises adds an abort listener to the
    // signal it is given, so twenty parallel back-offs on the run's signal would pass Node's limit
    // of ten and print a MaxListenersExceededWarning; AbortSignal.any follows without a listener.
    await delay(ms, undefined, { signal: signal && AbortSignal.any([signal]) })
  } catch (error) {
    // timers/promises rejects with an AbortError; callers want to know why the signal aborted.
    throw signal?.aborted ? signal.reason : error
  }
}

export interface StepSignal {
  /** Aborts with the cancel's reason, or with a DeadlineError at the deadline. */
  signal: AbortSignal
  /** Stops the deadline's timer (the run is over). */
  dispose(): void
}

/**
 * The run's signal: `cancel`'s reason when it aborts, or a DeadlineError saying `message` once
 * `remainingMs` have passed. The timer does not keep the process alive.
 */
export function stepSignal(cancel: AbortSignal, remainingMs: number, message: string): StepSignal {
  const deadline = new AbortController()
  const timer = setTimeout(() => deadline.abort(new DeadlineError(message)), Math.max(0, remainingMs))
  timer.unref()
  return { signal: AbortSignal.any([cancel, deadline.signal]), dispose: () => clearTimeout(timer) }
}

/** Why the run's signal aborted, in the words of what was going on: the deadline names the phase. */
export function stopReason(signal: AbortSignal, deadlineMessage: string): unknown {
  const reason: unknown = signal.reason
  return reason instanceof DeadlineError ? new DeadlineError(deadlineMessage) : reason
}

/**
 * `work`, or the signal's reason as soon as it aborts, even when the work does not honour its
 * signal (the AWS SDK finishes a retry delay before it looks).
 */
export async function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) throw signal.reason
  let onAbort: (() => void) | undefined
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([work, aborted])
  } finally {
    signal.removeEventListener('abort', onAbort!)
  }
}

/**
 * A request that creates a job (StartJob, CreateDeployment, StartDeployment) and is in flight when
 * the workflow is cancelled is given this long to answer: aborting it could leave a job that was
 * created but never stopped. The rest of the runner's 7.5 s between SIGINT and SIGTERM is for
 * StopJob.
 */
export const START_GRACE_AFTER_CANCEL_MS = 2_000

/**
 * A signal that aborts `graceMs` after `signal` does, with its reason: for a request that must be
 * let finish for a moment (a StartJob in flight, whose job would otherwise be created and never
 * stopped).
 */
export function afterGrace(signal: AbortSignal, graceMs: number): AbortSignal {
  const controller = new AbortController()
  const abort = (): void => {
    setTimeout(() => controller.abort(signal.reason), graceMs).unref()
  }
  if (signal.aborted) abort()
  else signal.addEventListener('abort', abort, { once: true })
  return controller.signal
}

/**
 * The abort signal of a request that creates a job (StartJob, CreateDeployment, StartDeployment):
 * it is never sent after a cancel (this throws the cancel's reason), and one in flight when the
 * cancel comes may answer for START_GRACE_AFTER_CANCEL_MS, so that the job it made is known and
 * stopped.
 */
export function creatingJobSignal(signal: AbortSignal): AbortSignal {
  signal.throwIfAborted()
  return afterGrace(signal, START_GRACE_AFTER_CANCEL_MS)
}
