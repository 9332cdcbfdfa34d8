/**
 * Patience for AWS calls made outside the wait loop (starting a codegen job, listing and locating a
 * hosting job's artifacts). The SDK retries throttling and 5xx answers itself, but only 3 times
 * within about a second; AWS throttles an account for much longer than that. A call wrapped here
 * that still fails with such an error is tried again, with a growing delay, until its abort signal
 * fires: the step's timeout or a cancel. The status reads of the wait loop are not wrapped: the loop
 * does this itself, and says so in the log.
 */
import { isPassingAwsError } from '../aws.js'
import { sleep } from '../stop-signal.js'

/**
 * none: the SDK's retries only (a call that must not be repeated, or one without an abort signal).
 * throttling: also retry 429-class answers, which mean the request was not carried out.
 * transient: also retry 5xx and network errors: for idempotent calls only.
 */
export type Patience = 'none' | 'throttling' | 'transient'

/** Delay before the first retry of a call; doubles per retry up to the cap, with jitter. */
export const PATIENT_FIRST_DELAY_MS = 1_000
export const PATIENT_MAX_DELAY_MS = 10_000

const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'LimitExceededException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown'
])

interface SendOptions {
  abortSignal?: AbortSignal
}

/** The part of an AWS SDK v3 client the job modules use. */
export interface Sender {
  // Matches the SDK's overloaded send: the command types stay the caller's.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  send(command: any, options?: any): Promise<any>
}

/** How patient to be with one command, and the name of its operation for the log. */
export interface CallPatience {
  patience: Patience
  /** "StartCodegenJob": given by the caller, as class names do not survive minification. */
  operation: string
}

/** For every command not named by the caller. */
export const SDK_RETRIES_ONLY: CallPatience = { patience: 'none', operation: 'a request' }

export interface PatientOptions {
  /** Decided per command class by the caller. */
  patienceFor(command: unknown): CallPatience
  /** Told once per call, when it first has to wait. */
  warn(message: string): void
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
  random?: () => number
}

export function isThrottlingAwsError(error: unknown): boolean {
  const sdk = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null
  if (!sdk || typeof sdk !== 'object') return false
  return (sdk.name !== undefined && THROTTLING_NAMES.has(sdk.name)) || sdk.$metadata?.httpStatusCode === 429
}

/** A client whose `send` retries as `patienceFor` says, until the call's abort signal fires. */
export function patientClient<C extends Sender>(client: C, options: PatientOptions): Pick<C, 'send'> {
  const pause = options.sleep ?? sleep
  const random = options.random ?? Math.random
  const send = async (command: unknown, sendOptions?: SendOptions): Promise<unknown> => {
    const { patience, operation } = options.patienceFor(command)
    const signal = sendOptions?.abortSignal
    for (let retry = 0; ; retry++) {
      try {
        return await client.send(command, sendOptions)
      } catch (error) {
        // Without a signal nothing would ever end the waiting; an aborted call is over.
        if (signal === undefined || signal.aborted || !retryable(patience, error)) throw error
        const ceiling = Math.min(PATIENT_MAX_DELAY_MS, PATIENT_FIRST_DELAY_MS * 2 ** retry)
        const delay = Math.round(ceiling / 2 + (random() * ceiling) / 2)
        if (retry === 0) {
          options.warn(
            `AWS answered ${operation} with ${describe(error)} after the SDK's own retries; ` +
              'the action keeps trying, with growing pauses, until the timeout.'
          )
        }
        await pause(delay, signal)
      }
    }
  }
  return { send } as Pick<C, 'send'>
}

function retryable(patience: Patience, error: unknown): boolean {
  if (patience === 'none') return false
  if (patience === 'throttling') return isThrottlingAwsError(error)
  return isPassingAwsError(error)
}

function describe(error: unknown): string {
  const sdk = error as { name?: string; message?: string } | null
  return sdk?.name && sdk.name !== 'Error' ? sdk.name : (sdk?.message ?? String(error))
}
