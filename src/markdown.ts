/**
 * The Markdown the job summary and the pull request comment are written in: text from outside
 * (file names, build logs, AWS messages) put in code spans, table cells and code blocks so that it
 * shows as it is and cannot break the page's structure.
 */

/** Inline code that survives backticks in the text (a file name may hold one). */
export function code(text: string): string {
  const fence = '`'.repeat(longestRun(text, '`') + 1)
  const pad = fence.length > 1 ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/** A table cell stays one cell on one row: pipes escaped, and every line ending (CR too, per CommonMark) a space. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, ' ')
}

/** A two-column table of label and value; the first row is its head (a table without one would show an empty row). */
export function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const [head, ...body] = rows.map(([label, value]) => `| ${label} | ${escapeCell(value)} |`)
  return head ? [head, '|:--|:--|', ...body, ''] : []
}

/** A fenced `text` block that shows `lines` as they are: its fence is longer than any run of backticks in them. */
export function codeBlock(lines: readonly string[]): string[] {
  const fence = '`'.repeat(Math.max(3, ...lines.map(line => longestRun(line, '`') + 1)))
  return [`${fence}text`, ...lines, fence, '']
}

/**
 * A failure message, whole or cut at `maxCharacters`: in a code block, since it quotes what the
 * service or the build said (HTML, underscores, `#` and `|` included).
 */
export function failureBlock(message: string, maxCharacters = Infinity): string[] {
  const text = message.length > maxCharacters ? `${message.slice(0, maxCharacters)}…` : message
  return codeBlock(text.split(/\r\n|\r|\n/))
}

function longestRun(text: string, character: string): number {
  let longest = 0
  let run = 0
  for (const c of text) {
    run = c === character ? run + 1 : 0
    longest = Math.max(longest, run)
  }
  return longest
}
