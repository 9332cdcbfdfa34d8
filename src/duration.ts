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
  return Math.round(Number(hours ?? 0) * UNIT_MS.h! + Number(minutes ?? 0) * UNIT_MS.m! + Number(seconds ?? 0) * UNIT_MS.s! + Number(millis ?? 0))
}

/** `1h2m3.4s` style, for logs and summaries. */
export function formatDuration(ms: number): string {
  if (Math.round(ms) < 1_000) return `${Math.round(ms)}ms`
  // Rounded before it is split, so 59.96 s is "1m0s", never "60.0s", and 119.6 s "2m0s", never "1m60s".
  const tenths = Math.round(ms / 100)
  if (tenths < 600) return `${(tenths / 10).toFixed(1)}s`
  const totalSeconds = Math.round(ms / 1_000)
  const hours = Math.floor(totalSeconds / 3_600)
  const minutes = Math.floor((totalSeconds % 3_600) / 60)
  const seconds = totalSeconds % 60
  return (hours ? `${hours}h` : '') + (hours || minutes ? `${minutes}m` : '') + `${seconds}s`
}
