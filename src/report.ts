/**
 * Outputs and the job summary. The summary is built as Markdown by a pure function (tested as
 * text) and appended to GITHUB_STEP_SUMMARY by the caller.
 */
import type { DependencyCheck } from './dependencies.js'
import { formatDuration } from './duration.js'
import type { CommitResult } from './fetch/types.js'
import type { JobReport } from './jobs/types.js'

/** Longer file lists fold into a <details> block so the summary stays readable. */
const FILES_SHOWN_OPEN = 20

/** `in progress`: not waited for (wait: false), and found still running when read once. */
export type Result = 'succeeded' | 'failed' | 'started' | 'in progress' | 'timed out' | 'cancelled'

export interface FilesWritten {
  /** Workspace-relative output folder. */
  path: string
  commit: CommitResult
  /** Generated files the job no longer produces but that were edited by hand, so were kept. */
  kept: string[]
}

export interface Outcome {
  jobType: string
  noun: string
  result: Result
  durationMs: number
  jobId?: string
  arn?: string
  consoleUrl?: string
  status?: string
  failure?: string
  files?: FilesWritten
  dependencies?: DependencyCheck[]
  job?: JobReport
}

const RESULT_ICONS: Record<Result, string> = {
  succeeded: '✅',
  failed: '❌',
  started: '🚀',
  'in progress': '⏳',
  'timed out': '⏱️',
  cancelled: '🛑'
}

/** Every output of the contract that this outcome knows, as strings. */
export function outputsOf(outcome: Outcome): Record<string, string> {
  const outputs: Record<string, string> = {}
  if (outcome.jobId) outputs['job-id'] = outcome.jobId
  if (outcome.arn) outputs['job-arn'] = outcome.arn
  if (outcome.status) outputs.status = outcome.status
  if (outcome.files) {
    const { path, commit } = outcome.files
    outputs['output-path'] = path
    outputs.files = JSON.stringify(commit.files.map(file => `${path}/${file}`))
    outputs.changed = String(commit.changed)
  }
  return { ...outputs, ...outcome.job?.outputs }
}

export function summaryMarkdown(outcome: Outcome): string {
  const lines: string[] = []
  // "codegen job" reads "Amplify codegen job"; a noun that already names Amplify keeps its own.
  const noun = /^Amplify\b/.test(outcome.noun) ? outcome.noun : `Amplify ${outcome.noun}`
  const title = `${RESULT_ICONS[outcome.result]} ${noun} ${outcome.result}`
  lines.push(`## ${title}`, '')
  if (outcome.failure) lines.push(`> ${outcome.failure.replace(/\n/g, '\n> ')}`, '')

  const rows: Array<[string, string]> = []
  if (outcome.jobId) rows.push(['Job', outcome.consoleUrl ? `[\`${outcome.jobId}\`](${outcome.consoleUrl})` : `\`${outcome.jobId}\``])
  if (outcome.status) rows.push(['Status', `\`${outcome.status}\``])
  rows.push(['Duration', formatDuration(outcome.durationMs)])
  rows.push(...(outcome.job?.details ?? []))
  if (outcome.files) {
    const { commit } = outcome.files
    rows.push(['Output', `\`${outcome.files.path}\`: ${commit.files.length} files, ${commit.changed ? 'changed' : 'unchanged'}`])
  }
  lines.push('| | |', '|---|---|', ...rows.map(([label, value]) => `| ${label} | ${escapeCell(value)} |`), '')

  if (outcome.files) lines.push(...fileSections(outcome.files))
  if (outcome.dependencies?.length) lines.push(...dependencyTable(outcome.dependencies))
  for (const section of outcome.job?.sections ?? []) lines.push(section)
  return lines.join('\n')
}

function fileSections(files: FilesWritten): string[] {
  const { added, modified, removed } = files.commit
  const sections: Array<[string, string[]]> = [
    ['Added', added],
    ['Changed', modified],
    ['Removed', removed],
    ['Kept (edited by hand, no longer generated)', files.kept]
  ]
  const lines: string[] = []
  for (const [label, list] of sections) {
    if (!list.length) continue
    const items = list.map(file => `- \`${files.path}/${file}\``)
    if (list.length > FILES_SHOWN_OPEN) {
      lines.push(`<details><summary>${label}: ${list.length} files</summary>`, '', ...items, '', '</details>', '')
    } else {
      lines.push(`**${label}** (${list.length})`, '', ...items, '')
    }
  }
  if (!lines.length) lines.push('No files changed.', '')
  return lines
}

const DEPENDENCY_ICONS: Record<DependencyCheck['state'], string> = {
  ok: '✅ ok',
  missing: '⚠️ missing',
  'out of range': '⚠️ out of range',
  'not comparable': 'ℹ️ not comparable'
}

function dependencyTable(checks: DependencyCheck[]): string[] {
  return [
    '### Dependencies of the generated code',
    '',
    '| Package | Needed | package.json | State | Why |',
    '|---|---|---|---|---|',
    ...checks.map(c =>
      `| \`${escapeCell(c.name)}\` | \`${escapeCell(c.supportedVersion)}\` | ${c.installed ? `\`${escapeCell(c.installed)}\`` : '—'} | ${DEPENDENCY_ICONS[c.state]} | ${escapeCell(c.reason)} |`
    ),
    ''
  ]
}

/** A table cell stays one cell on one row: pipes escaped, and every line ending (CR too, per CommonMark) a space. */
function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, ' ')
}
