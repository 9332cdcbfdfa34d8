/** Counted words in messages and the job summary. */

/** `count` and its word: "1 file", "0 files", "214 files" (every word the action counts takes an s). */
export function counted(count: number, word: string): string {
  return `${count} ${count === 1 ? word : `${word}s`}`
}
