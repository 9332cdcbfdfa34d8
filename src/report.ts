/**
 * Outputs and the job summary. The summary is built as Markdown by a pure function (tested as
 * text) and appended to GITHUB_STEP_SUMMARY by the caller.
 */
import type { DependencyCheck } from './dependencies.js'
import { formatBytes } from './bytes.js'
import { formatDuration } from './duration.js'
import type { CommitResult } from './output-folder/types.js'
import type { JobReport } from './jobs/types.js'
import { code, escapeCell, failureBlock, table } from './markdown.js'
import { counted } from './words.js'

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

/** What a deploy published, for the summary (deploy-site.ts PreparedSite). */
export interface DeployedSite {
  label: string
  zipBytes?: number
  files?: number
  uploadMs?: number
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
  /** The summary's sections on why the job failed (a failing step and its log excerpt). */
  failureSections?: string[]
  files?: FilesWritten
  dependencies?: DependencyCheck[]
  /** The branch's site (release, retry, deploy), once known. */
  siteUrl?: string
  /** deploy: what was deployed, and how big its zip was. */
  site?: DeployedSite
  job?: JobReport
}

export const RESULT_ICONS: Record<Result, string> = {
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
  if (outcome.siteUrl) outputs.url = outcome.siteUrl
  if (outcome.files) {
    const { path, commit } = outcome.files
    outputs['output-path'] = path
    outputs.files = JSON.stringify(commit.files.map(file => `${path}/${file}`))
    outputs.changed = String(commit.changed)
  }
  return { ...outputs, ...outcome.job?.outputs }
}

/** How the title says how long it took, per result; `started` and `in progress` say nothing. */
const DURATION_WORDS: Partial<Record<Result, string>> = {
  succeeded: 'in',
  failed: 'after',
  'timed out': 'after',
  cancelled: 'after'
}

export function summaryMarkdown(outcome: Outcome): string {
  const lines: string[] = []
  // "codegen job" reads "Amplify codegen job"; a noun that already names Amplify keeps its own.
  const noun = /^Amplify\b/.test(outcome.noun) ? outcome.noun : `Amplify ${outcome.noun}`
  const words = DURATION_WORDS[outcome.result]
  const took = words ? ` ${words} ${formatDuration(outcome.durationMs)}` : ''
  lines.push(`## ${RESULT_ICONS[outcome.result]} ${noun} ${outcome.result}${took}`, '')
  if (outcome.failure) lines.push(...failureBlock(outcome.failure))
  if (outcome.consoleUrl) lines.push(`🔗 [Open in ${consoleName(outcome.consoleUrl)}](${outcome.consoleUrl})`, '')

  const rows: Array<[string, string]> = []
  if (outcome.jobId) rows.push(['Job', outcome.consoleUrl ? `[\`${outcome.jobId}\`](${outcome.consoleUrl})` : `\`${outcome.jobId}\``])
  if (outcome.status) rows.push(['Status', `\`${outcome.status}\``])
  if (!words) rows.push(['Duration', formatDuration(outcome.durationMs)])
  rows.push(...(outcome.job?.details ?? []))
  if (outcome.siteUrl) rows.push(['Site', `[${outcome.siteUrl}](${outcome.siteUrl})`])
  if (outcome.site) rows.push(['Deployed', deployedRow(outcome.site)])
  if (outcome.files) {
    const { commit } = outcome.files
    rows.push(['Output', `\`${outcome.files.path}\`: ${counted(commit.files.length, 'file')}, ${commit.changed ? 'changed' : 'unchanged'}`])
  }
  lines.push(...table(rows))

  // What went wrong (a failing step and its log) comes before the files and dependencies.
  for (const section of outcome.failureSections ?? []) lines.push(section)
  if (outcome.files) lines.push(...fileSections(outcome.files))
  if (outcome.dependencies?.length) lines.push(...dependencyTable(outcome.dependencies))
  return lines.join('\n')
}

/** `dist`: 214 files, zip 12.4 MB, uploaded in 3.2s. */
function deployedRow(site: DeployedSite): string {
  const parts = [code(site.label)]
  const details: string[] = []
  if (site.files !== undefined) details.push(counted(site.files, 'file'))
  if (site.zipBytes !== undefined) details.push(`zip ${formatBytes(site.zipBytes)}`)
  if (site.uploadMs !== undefined) details.push(`uploaded in ${formatDuration(site.uploadMs)}`)
  return details.length ? `${parts[0]}: ${details.join(', ')}` : parts[0]!
}

/** Hosting links go to the Amplify console; codegen and backend links to Amplify Studio. */
function consoleName(url: string): string {
  return /\.admin\.amplifyapp\.com\//.test(url) ? 'Amplify Studio' : 'the Amplify console'
}

type Change = 'changed' | 'added' | 'removed' | 'kept'

const CHANGE_LABELS: Record<Change, string> = {
  changed: '✏️ changed',
  added: '➕ added',
  removed: '➖ removed',
  kept: '📌 kept'
}
const CHANGE_NOTES: Partial<Record<Change, string>> = { kept: ': edited by hand, no longer generated' }

/**
 * What changed in the output folder, one table row per kind of change, paths relative to the
 * folder: changed first (what a reviewer looks at), then added, removed and kept. Folded when it
 * names more than FILES_SHOWN_OPEN files.
 */
export function fileSections(files: FilesWritten): string[] {
  const { added, modified, removed } = files.commit
  const groups: Array<[Change, string[]]> = [
    ['changed', modified],
    ['added', added],
    ['removed', removed],
    ['kept', files.kept]
  ]
  const listed = groups.filter(([, list]) => list.length)
  const total = files.commit.files.length
  if (!listed.length) {
    return ['### Files: no changes', '', `No files changed: the ${counted(total, 'file')} in ${code(files.path)} ${total === 1 ? 'is' : 'are'} as before.`, '']
  }
  const unchanged = total - added.length - modified.length
  const counts = listed.map(([change, list]) => `${list.length} ${change}`)
  if (unchanged > 0) counts.push(`${unchanged} unchanged`)
  const rows = listed.map(
    ([change, list]) => `| ${CHANGE_LABELS[change]} (${list.length})${CHANGE_NOTES[change] ?? ''} | ${escapeCell(list.map(code).join(', '))} |`
  )
  const changes = ['| Change | Files |', '|:--|:--|', ...rows, '']
  const heading = [`### Files in ${code(files.path)}: ${counts.join(', ')}`, '']
  const named = listed.reduce((sum, [, list]) => sum + list.length, 0)
  if (named <= FILES_SHOWN_OPEN) return [...heading, ...changes]
  return [...heading, `<details><summary>Show the ${named} files</summary>`, '', ...changes, '</details>', '']
}

const DEPENDENCY_ICONS: Record<DependencyCheck['state'], string> = {
  ok: '✅ ok',
  missing: '⚠️ missing',
  'out of range': '⚠️ out of range',
  'not comparable': 'ℹ️ not comparable'
}

export function dependencyTable(checks: DependencyCheck[]): string[] {
  return [
    '### Dependencies of the generated code',
    '',
    '| Package | Needed | package.json | State | Why |',
    '|---|---|---|---|---|',
    ...checks.map(
      c =>
        `| \`${escapeCell(c.name)}\` | \`${escapeCell(c.supportedVersion)}\` | ${c.installed ? `\`${escapeCell(c.installed)}\`` : '—'} | ${DEPENDENCY_ICONS[c.state]} | ${escapeCell(c.reason)} |`
    ),
    ''
  ]
}
