/**
 * Reading a failed build's log: which lines explain the failure (the last one that looks like an
 * error, not Amplify's closing lines), the excerpt around it, and how the job summary shows them.
 * Pure text: the job module downloads the log and hands it over.
 */
import { codeBlock } from '../markdown.js'

/** How much of a failed step's log is shown: enough for a stack trace and its cause. */
export const LOG_TAIL_LINES = 200
/** A build log beyond this is read only in part: the tail is what matters. */
export const MAX_LOG_BYTES = 16 * 1024 * 1024
/** Lines that look like the cause of a failure, searched from the end of the log. */
const ERROR_LINE = /\b(error|failed|failure|fatal|exception|cannot|could not|not found|denied)\b|ERR!|✖/i
/** `TypeError:`, `ModuleNotFoundError`, `NullPointerException`: error class names (case matters). */
const ERROR_NAME = /[a-z](Error|Exception)\b/
/**
 * Closing lines that say that a build failed, not why: Amplify's own ("!!! Build failed", "!!! Error:
 * Command failed with exit code 2"), the package managers' trailers and tsc's count. A line before
 * them is preferred; they are shown only when nothing else looks like an error.
 */
const GENERIC_FAILURE_LINES: readonly RegExp[] = [
  /^!!!\s*(Build failed\b.*|Error: Command failed with exit code \d+\.?)$/i,
  /^(error |\S*\s*ELIFECYCLE\s+)?Command failed with exit code \d+\.?$/i,
  /^npm (ERR!|error)\s*$/i,
  /^npm (ERR!|error) +(code |errno |syscall |path |command |signal |workspace |location |Lifecycle |Failed at the |This is probably not a problem with npm|Exit status|Make sure you have|A complete log of this run)/i,
  /^Found \d+ errors?\b/
]
/** The timestamp and level Amplify puts before every log line: `2024-05-01T10:00:00.000Z [INFO]: `. */
const LOG_LINE_PREFIX = /^\d{4}-\d\d-\d\dT[\d:.]+Z?\s+(\[[A-Z]+\]:\s?)?/

/** What the action learned about a failed job, for the error and the summary. */
export interface FailureDetails {
  step?: string
  reason?: string
  errorLine?: string
  /** The last LOG_TAIL_LINES lines of the step's log (none when it could not be read). */
  tail: string[]
}

/** The tail of a downloaded log and its error line. */
export function readLog(body: Buffer, statusReason: string | undefined): Pick<FailureDetails, 'tail' | 'errorLine'> {
  const lines = body.toString('utf8').replace(/\r\n?/g, '\n').split('\n')
  while (lines.length && lines[lines.length - 1] === '') lines.pop()
  const tail = lines.slice(-LOG_TAIL_LINES)
  return { tail, errorLine: lastErrorLine(tail, statusReason) }
}

/**
 * The last line that looks like an error, without Amplify's timestamp and level. Amplify's own
 * closing lines (and the line repeating the step's statusReason) only count when nothing else does.
 */
export function lastErrorLine(lines: readonly string[], statusReason?: string): string | undefined {
  let fallback: string | undefined
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i]!.replace(LOG_LINE_PREFIX, '').trim()
    if (!text || !(ERROR_LINE.test(text) || ERROR_NAME.test(text))) continue
    const generic = GENERIC_FAILURE_LINES.some(line => line.test(text)) || (statusReason !== undefined && text === `!!! ${statusReason.trim()}`)
    if (!generic) return text
    fallback ??= text
  }
  return fallback
}

/** How many lines before the error line the summary shows open (the whole tail stays folded). */
const CONTEXT_LINES_BEFORE = 10
const CONTEXT_LINES_AFTER = 2

/**
 * The lines around the last error line, without timestamps; the last lines of the log when no
 * line looks like an error.
 */
export function errorContext(tail: readonly string[], errorLine: string | undefined): string[] {
  const plain = tail.map(line => line.replace(LOG_LINE_PREFIX, ''))
  let at = errorLine === undefined ? -1 : plain.findLastIndex(line => line.trim() === errorLine)
  if (at < 0) at = plain.length - 1 - CONTEXT_LINES_AFTER
  return plain.slice(Math.max(0, at - CONTEXT_LINES_BEFORE), at + 1 + CONTEXT_LINES_AFTER)
}

/**
 * The job summary's sections for a failed job: the failing step and its reason, the lines around
 * the error line (open), and the whole tail (folded). None when nothing is known of the step.
 */
export function failureSections(failure: FailureDetails): string[] {
  if (!failure.step && !failure.tail.length) return []
  const step = failure.step ?? 'step'
  const reason = failure.reason ? `: ${failure.reason}` : ''
  const sections = [`### Failing step: ${failure.step ?? 'unknown'}${reason}`, '']
  // The lines that lead to the error, open: what a reader looks for first.
  const context = errorContext(failure.tail, failure.errorLine)
  if (context.length) {
    const lead = failure.errorLine ? `The ${step} log around the last error line:` : `The end of the ${step} log:`
    sections.push(lead, '', ...codeBlock(context))
  }
  if (failure.tail.length) {
    sections.push(`<details><summary>Last ${failure.tail.length} lines of the ${step} log</summary>`, '', ...codeBlock(failure.tail), '</details>', '')
  }
  return sections
}
