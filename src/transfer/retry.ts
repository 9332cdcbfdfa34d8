/**
 * What downloads and uploads share around one HTTP exchange: which failures are worth another
 * attempt, the backoff between attempts, the idle timer of an attempt, and error descriptions with
 * every URL cut out (a presigned URL's query holds credentials).
 */
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './limits.js'

/** Network error codes worth another attempt: the connection broke, not the request. */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'EAI_AGAIN',
  // DNS on hosted runners fails now and then for a moment; a wrong host would fail 5 times quickly.
  'ENOTFOUND',
  'ERR_STREAM_PREMATURE_CLOSE',
  'HPE_INVALID_CHUNK_SIZE',
  'HPE_INVALID_CONSTANT',
  'HPE_UNEXPECTED_CONTENT_LENGTH'
])

/** Something transient went wrong in one attempt; another attempt may succeed. */
export class RetryableFailure extends Error {
  constructor(
    readonly reason: string,
    readonly retryAfterMs?: number
  ) {
    super(reason)
  }
}

export interface RetrySettings {
  /** Waits between attempts; rejects with the signal's reason when it aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** A number in [0, 1) for the backoff jitter. */
  random: () => number
  /** Tries in all, the first included. */
  attempts: number
  /** Where retries are reported. Never receives a URL. */
  log: (message: string) => void
}

export interface RetryWording {
  /** What the log line of a retry starts with, e.g. "Downloading component Button.jsx". */
  doing: string
  /** The error once every attempt failed; `reason` is the last attempt's. */
  gaveUp: (reason: string, attempts: number) => Error
}

/**
 * Runs `attempt` until it succeeds, throws anything but a RetryableFailure, or has failed
 * `s.attempts` times; waits with full-jitter exponential backoff between attempts (at least a
 * server's Retry-After, at most BACKOFF_CAP_MS). The signal's reason wins over any failure.
 */
export async function withRetries<T>(s: RetrySettings, signal: AbortSignal | undefined, wording: RetryWording, attempt: (n: number) => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    signal?.throwIfAborted()
    try {
      return await attempt(n)
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      if (!(error instanceof RetryableFailure)) throw error
      if (n >= s.attempts) throw wording.gaveUp(error.reason, s.attempts)
      const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (n - 1))
      const delay = Math.round(Math.min(BACKOFF_CAP_MS, Math.max(s.random() * ceiling, error.retryAfterMs ?? 0)))
      s.log(`${wording.doing} failed (${error.reason}); trying again in ${(delay / 1000).toFixed(1)} s (attempt ${n + 1} of ${s.attempts}).`)
      await s.sleep(delay, signal)
    }
  }
}

/**
 * The idle clock of one attempt: `touch()` on every sign of life restarts it; after `ms` without
 * one, `onIdle` is called once with the failure to abandon the attempt with.
 */
export function idleTimer(ms: number, onIdle: (failure: RetryableFailure) => void, silence: string): { touch(): void; stop(): void } {
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  return {
    touch() {
      // A write of an attempt already given up can still complete; it must not arm a timer again.
      if (stopped) return
      clearTimeout(timer)
      timer = setTimeout(() => onIdle(new RetryableFailure(`${silence} for ${formatSeconds(ms)}`)), ms)
    },
    stop() {
      stopped = true
      clearTimeout(timer)
    }
  }
}

/** A RetryableFailure for a network error another attempt may get past, else undefined. */
export function networkFailure(error: unknown): RetryableFailure | undefined {
  const code = (error as { code?: unknown } | undefined)?.code
  return typeof code === 'string' && RETRYABLE_CODES.has(code) ? new RetryableFailure(describeError(error)) : undefined
}

/** Retry-After in milliseconds (seconds or an HTTP date), or undefined. */
export function retryAfterMs(header: string | undefined): number | undefined {
  if (header === undefined) return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now())
}

/** An error's code and message, with anything that looks like a URL cut out. */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code
  // Not `instanceof Error`: an error made in another realm (a vm context, jest) is one too.
  const message = (error as { message?: unknown } | undefined)?.message
  const safe = withoutUrls(typeof message === 'string' ? message : String(error))
  return typeof code === 'string' && !safe.includes(code) ? `${code}: ${safe}` : safe
}

/** `text` with every `scheme://...` cut out. */
export function withoutUrls(text: string): string {
  return text.replace(/[a-z][a-z0-9+.-]*:\/\/\S*/gi, '<address>')
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`
}
