/** Sizes in messages and the job summary. */

/** Bytes as people read them: 812 B, 14.2 KB, 61.3 MB, 4.80 GB (powers of 1000, as Amplify's limits are written). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1000
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${value.toFixed(value < 10 && unit >= 2 ? 2 : 1)} ${units[unit]}`
}
