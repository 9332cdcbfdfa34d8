/**
 * Durations as people write them in workflow files: plain seconds (`600`), or units combined from
 * largest to smallest (`90s`, `15m`, `1h30m`, `500ms`).
 */

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 }
const PLAIN_SECONDS = /^\d+(\.\d+)?$/
const WITH_UNITS = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/

/** Returns milliseconds, or undefined when `text` is not a duration. */
export function parseDuration(text: string): number | undefined {
  const value = text.trim().toLowerCase()
  if (value === '') return undefined
  if (PLAIN_SECONDS.test(value)) return Math.round(Number(value) * UNIT_MS.s!)
  const match = WITH_UNITS.exec(value)
  if (!match || match.slice(1).every(part => part === undefined)) return undefined
  const [, hours, minutes, seconds, millis] = match
  return Math.round(
    Number(hours ?? 0) * UNIT_MS.h! +
      Number(minutes ?? 0) * UNIT_MS.m! +
      Number(seconds ?? 0) * UNIT_MS.s! +
      Number(millis ?? 0)
  )
}

/** `1h2m3.4s` style, for logs and summaries. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)}ms`
  const totalSeconds = ms / 1_000
  if (totalSeconds < 60) return `${totalSeconds.toFixed(1)}s`
  const hours = Math.floor(totalSeconds / 3_600)
  const minutes = Math.floor((totalSeconds % 3_600) / 60)
  const seconds = Math.round(totalSeconds % 60)
  return (hours ? `${hours}h` : '') + (hours || minutes ? `${minutes}m` : '') + `${seconds}s`
}
