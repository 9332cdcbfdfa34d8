/**
 * The polling loop: reads a status until it settles, the deadline passes or the run is cancelled.
 * It knows no service: the job module says how to read, what a status means and which errors are
 * passing (throttling, 5xx, network), which are waited through until the deadline because the job
 * keeps running while AWS throttles us.
 */
import { CancelledError, DeadlineError } from './errors.js'
import { formatDuration } from './duration.js'

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
  /** Reads the current state; the signal aborts the request at the deadline or on cancel. */
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
  /** Absolute time (ms) after which waiting fails. */
  deadline: number
  firstDelayMs: number
  maxDelayMs: number
  /** Aborted when the workflow is cancelled. */
  cancel?: AbortSignal
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
  const { clock, log } = options
  const elapsed = (): string => formatDuration(clock.now() - options.startedAt)
  let nextDelay = options.firstDelayMs
  let errorDelay = 0
  let reads = 0
  let last: S | undefined
  let lastStatus: string | undefined

  if (!options.readFirst) await pause(options, nextDelay)
  for (;;) {
    throwIfCancelled(options.cancel)
    if (clock.now() >= options.deadline) throw timeout(options, last, lastStatus)
    let sleepFor: number
    try {
      const state = await readBeforeDeadline(options)
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
      throwIfCancelled(options.cancel)
      // The read's own timer may fire a moment before the clock shows the deadline.
      if (error === DEADLINE_REACHED || clock.now() >= options.deadline) throw timeout(options, last, lastStatus)
      if (!options.isPassing(error)) throw error
      if (errorDelay === 0) {
        log.warning(`[${elapsed()}] Could not read the ${options.noun}'s status (${describe(error)}); the job keeps running, so the action keeps trying until the timeout.`)
      }
      errorDelay = Math.min(Math.max(errorDelay, nextDelay) * 2, options.maxDelayMs * ERROR_BACKOFF_CAP_FACTOR)
      sleepFor = errorDelay
    }
    await pause(options, Math.min(sleepFor, Math.max(0, options.deadline - clock.now())))
  }
}

/** Thrown by readBeforeDeadline when the deadline aborted the read. */
const DEADLINE_REACHED = new Error('deadline reached')

/**
 * Aborts the read when the deadline passes or the run is cancelled, and stops waiting for it then
 * even if the read does not honour its signal (the SDK finishes a retry delay first).
 */
async function readBeforeDeadline<S>(options: WaitOptions<S>): Promise<S> {
  const controller = new AbortController()
  const remaining = Math.max(0, options.deadline - options.clock.now())
  const timer = setTimeout(() => controller.abort(DEADLINE_REACHED), remaining)
  const onCancel = (): void => controller.abort(options.cancel?.reason)
  options.cancel?.addEventListener('abort', onCancel, { once: true })
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true })
  })
  try {
    return await Promise.race([options.read(controller.signal), aborted])
  } catch (error) {
    throw controller.signal.reason === DEADLINE_REACHED ? DEADLINE_REACHED : error
  } finally {
    clearTimeout(timer)
    options.cancel?.removeEventListener('abort', onCancel)
  }
}

async function pause<S>(options: WaitOptions<S>, ms: number): Promise<void> {
  try {
    await options.clock.sleep(ms, options.cancel)
  } catch {
    throwIfCancelled(options.cancel)
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError('The workflow was cancelled while waiting for the job.')
}

function timeout<S>(options: WaitOptions<S>, last: S | undefined, lastStatus: string | undefined): WaitTimeoutError<S> {
  const waited = formatDuration(options.deadline - options.startedAt)
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
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      const onAbort = (): void => {
        clearTimeout(timer)
        reject(signal?.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
    })
}
