/**
 * The polling loop: reads a status until it settles or the run's signal stops it (the deadline or
 * a cancel, stop-signal.ts). It knows no service: the job module says how to read, what a status
 * means and which errors are passing (throttling, 5xx, network), which are waited through until the
 * deadline because the job keeps running while AWS throttles us.
 */
import { CancelledError, DeadlineError } from './errors.js'
import { formatDuration } from './duration.js'
import { sleep, unlessAborted } from './stop-signal.js'

export type Phase = 'running' | 'succeeded' | 'failed'

/** Each delay is the previous one times this, up to the cap. */
export const POLL_GROWTH = 1.5
/** After a passing error the next delay doubles (up to this many times the cap), to ease throttling. */
const ERROR_BACKOFF_CAP_FACTOR = 4

export interface Clock {
  now(): number
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export interface WaitLog {
  info(message: string): void
  warning(message: string): void
}

export interface WaitOptions<S> {
  /** Reads the current state; the signal (the run's) aborts the request at the deadline or on cancel. */
  read(signal: AbortSignal): Promise<S>
  phase(state: S): Phase
  /** The status word to print when it changes. */
  status(state: S): string
  /** Called after every successful read, for details such as steps starting and ending. */
  observe?(state: S, elapsedMs: number): void
  /** Errors that the loop waits through until the deadline. */
  isPassing(error: unknown): boolean
  /** When the job started (ms): elapsed times are measured from here. */
  startedAt: number
  /** The step's timeout, for the message when the deadline ends the wait. */
  timeoutMs: number
  firstDelayMs: number
  maxDelayMs: number
  /** The run's signal: aborts with a CancelledError on cancel, with a DeadlineError at the deadline. */
  signal: AbortSignal
  /** Read the state at once (true), or wait firstDelayMs before the first read. */
  readFirst?: boolean
  clock: Clock
  log: WaitLog
  noun: string
}

export interface WaitResult<S> {
  state: S
  reads: number
}

export class WaitTimeoutError<S> extends DeadlineError {
  constructor(
    message: string,
    readonly lastState: S | undefined
  ) {
    super(message)
  }
}

export async function waitForJob<S>(options: WaitOptions<S>): Promise<WaitResult<S>> {
  const { clock, log, signal } = options
  const elapsed = (): string => formatDuration(clock.now() - options.startedAt)
  let nextDelay = options.firstDelayMs
  let errorDelay = 0
  let reads = 0
  let last: S | undefined
  let lastStatus: string | undefined
  /** What the user is told when the run's signal ends the wait. */
  const stopped = (): Error => (signal.reason instanceof DeadlineError ? timeout(options, last, lastStatus) : cancelled())

  if (!options.readFirst) await pause(options, nextDelay, stopped)
  for (;;) {
    if (signal.aborted) throw stopped()
    let sleepFor: number
    try {
      const state = await unlessAborted(options.read(signal), signal)
      reads++
      last = state
      if (errorDelay > 0) log.info(`[${elapsed()}] Reading the ${options.noun}'s status works again.`)
      errorDelay = 0
      const status = options.status(state)
      const settled = options.phase(state) !== 'running'
      // Details (a build step ending) come before the job's final status, after any other.
      if (settled) options.observe?.(state, clock.now() - options.startedAt)
      if (status !== lastStatus) {
        log.info(`[${elapsed()}] ${capitalise(options.noun)} status: ${status}`)
        lastStatus = status
      }
      if (settled) return { state, reads }
      options.observe?.(state, clock.now() - options.startedAt)
      sleepFor = nextDelay
      nextDelay = Math.min(nextDelay * POLL_GROWTH, options.maxDelayMs)
    } catch (error) {
      // A read ended by the signal (the SDK's abort error, or the signal's own reason) is the stop.
      if (signal.aborted) throw stopped()
      if (!options.isPassing(error)) throw error
      if (errorDelay === 0) {
        log.warning(
          `[${elapsed()}] Could not read the ${options.noun}'s status (${describe(error)}); the job keeps running, so the action keeps trying until the timeout.`
        )
      }
      errorDelay = Math.min(Math.max(errorDelay, nextDelay) * 2, options.maxDelayMs * ERROR_BACKOFF_CAP_FACTOR)
      sleepFor = errorDelay
    }
    await pause(options, sleepFor, stopped)
  }
}

/** Sleeps on the clock; the run's signal ends the sleep with what `stopped` says. */
async function pause<S>(options: WaitOptions<S>, ms: number, stopped: () => Error): Promise<void> {
  try {
    await options.clock.sleep(ms, options.signal)
  } catch (error) {
    if (options.signal.aborted) throw stopped()
    throw error
  }
}

function cancelled(): CancelledError {
  return new CancelledError('The workflow was cancelled while waiting for the job.')
}

function timeout<S>(options: WaitOptions<S>, last: S | undefined, lastStatus: string | undefined): WaitTimeoutError<S> {
  const waited = formatDuration(options.timeoutMs)
  const status = lastStatus ? `its last status was ${lastStatus}` : 'its status could not be read'
  return new WaitTimeoutError(
    `The ${options.noun} did not end within the timeout of ${waited} (${status}). Raise the 'timeout' input if the job normally takes longer.`,
    last
  )
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message
  return String(error)
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep
}
