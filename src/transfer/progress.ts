/**
 * Progress lines for a long transfer (the deployment zip's upload): often enough that a log
 * watcher sees it move, rarely enough not to flood the log. Fed by an Uploader's onProgress.
 */

/** A line each time another this many percent have gone. */
export const PROGRESS_EVERY_PERCENT = 10
/** ... or when this long has passed since the last line, for a slow transfer. */
export const PROGRESS_EVERY_MS = 5_000
/** Smaller transfers take a moment: no lines at all. */
export const PROGRESS_MIN_BYTES = 10_000_000

export interface ProgressOptions {
  everyPercent?: number
  everyMs?: number
  minBytes?: number
  /** The clock, in milliseconds (tests pass a fake one). */
  now?: () => number
}

/**
 * A function to give every new count of bytes done (of `total`); it calls `print` with a line such
 * as "52.4 MB of 512.0 MB (10 %)" each time another `everyPercent` have gone or `everyMs` have
 * passed since the last line, and never when `total` is under `minBytes`. A count smaller than the
 * one before (a retry starts again) goes on from there.
 */
export function progressReporter(total: number, print: (line: string) => void, options: ProgressOptions = {}): (done: number) => void {
  const everyPercent = options.everyPercent ?? PROGRESS_EVERY_PERCENT
  const everyMs = options.everyMs ?? PROGRESS_EVERY_MS
  const now = options.now ?? Date.now
  if (total < (options.minBytes ?? PROGRESS_MIN_BYTES) || total <= 0) return () => undefined
  let lastLineAt = now()
  let previous = 0
  const nextMarkAfter = (percent: number): number => (Math.floor(percent / everyPercent) + 1) * everyPercent
  let nextMark = everyPercent
  return done => {
    const percent = (Math.min(done, total) / total) * 100
    if (done < previous) nextMark = nextMarkAfter(percent)
    previous = done
    const at = now()
    if (percent < nextMark && at - lastLineAt < everyMs) return
    print(`${megabytes(done)} of ${megabytes(total)} (${Math.floor(percent)} %)`)
    lastLineAt = at
    nextMark = nextMarkAfter(percent)
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}
