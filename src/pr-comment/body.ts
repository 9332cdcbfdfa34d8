/**
 * The pull request comment: which target it belongs to (found again by a hidden marker, so each
 * run edits its own comment and two targets on one pull request keep two), and what it says. Pure
 * text, tested as such; post.ts writes it.
 */
import type { RunContext } from '../context.js'
import { runUrl } from '../context.js'
import { formatDuration } from '../duration.js'
import type { ActionInputs } from '../inputs.js'
import { code, failureBlock, table } from '../markdown.js'
import { dependencyTable, fileSections, type Outcome, RESULT_ICONS } from '../report.js'

const MARKER_PREFIX = '<!-- amplify-job-action:'
const MARKER_SUFFIX = ' -->'
/** GitHub refuses a comment longer than this. */
export const MAX_COMMENT_CHARACTERS = 65_536
/** A failure message in the comment is cut here: the job summary has it whole. */
const MAX_FAILURE_CHARACTERS = 2_000

/**
 * The hidden line that names the comment's target: the app and branch of a Hosting job (so a
 * delete-branch step in another job edits the deploy's comment), the app, environment and output
 * folder of codegen, the app, environment and job of a backend job. Each part is percent-encoded,
 * `-` too, so no name can end the HTML comment early.
 */
export function commentMarker(inputs: ActionInputs): string {
  const parts = ((): string[] => {
    switch (inputs.jobType) {
      case 'codegen':
        return ['codegen', inputs.appId, inputs.environment, inputs.output.relative]
      case 'backend':
        return ['backend', inputs.appId, inputs.environment, inputs.jobId]
      default:
        return ['hosting', inputs.appId, inputs.branch]
    }
  })()
  return `${MARKER_PREFIX} ${parts.map(part => encodeURIComponent(part).replace(/-/g, '%2D')).join('/')}${MARKER_SUFFIX}`
}

/** True when `body` is a comment of this target: it starts with the marker (a quote of it does not). */
export function isCommentOf(body: string | null | undefined, marker: string): boolean {
  return body?.startsWith(marker) === true
}

/** The whole comment for this run's outcome, marker first. */
export function commentBody(inputs: ActionInputs, outcome: Outcome, context: RunContext, now: Date = new Date()): string {
  const lines = [commentMarker(inputs), ...content(inputs, outcome, context), '', footer(context, now)]
  const text = lines.join('\n')
  return text.length <= MAX_COMMENT_CHARACTERS ? text : `${text.slice(0, MAX_COMMENT_CHARACTERS - 200)}\n\n… (cut: the job summary of the run has it all)`
}

function content(inputs: ActionInputs, outcome: Outcome, context: RunContext): string[] {
  switch (inputs.jobType) {
    case 'delete-branch':
      return deletedBranch(inputs.appId, inputs.branch, outcome)
    case 'codegen':
      return codegen(inputs.output.relative, outcome)
    case 'backend':
      return [heading(outcome, `Backend job ${code(inputs.jobId)} ${outcome.status ?? outcome.result}`), '', ...failure(outcome), ...detailsTable(outcome, [])]
    default: {
      const what =
        inputs.jobType === 'deploy' ? `Deploy to ${code(inputs.branch)}` : `${inputs.jobType === 'retry' ? 'Retry' : 'Release'} of ${code(inputs.branch)}`
      const commit = inputs.jobType === 'release' && inputs.commitId ? inputs.commitId : (context.pullRequest?.headSha ?? context.sha)
      const rows: Array<[string, string]> = []
      if (outcome.siteUrl) rows.push(['Site', `[${outcome.siteUrl}](${outcome.siteUrl})`])
      if (commit) rows.push(['Commit', code(commit.slice(0, 12))])
      return [heading(outcome, `${what} ${outcome.result}`), '', ...failure(outcome), ...detailsTable(outcome, rows)]
    }
  }
}

function deletedBranch(appId: string, branch: string, outcome: Outcome): string[] {
  if (outcome.result !== 'succeeded') return [heading(outcome, `Removing the preview ${code(branch)} ${outcome.result}`), '', ...failure(outcome)]
  const what =
    outcome.status === 'NOT_FOUND'
      ? `No branch ${code(branch)} was left to delete in app ${code(appId)}.`
      : `Branch ${code(branch)} of app ${code(appId)} was deleted, and its site with it.`
  return ['### 🗑️ Preview removed', '', what]
}

function codegen(folder: string, outcome: Outcome): string[] {
  const lines = [
    heading(outcome, `UI components ${outcome.result === 'succeeded' ? 'regenerated' : outcome.result} in ${code(folder)}`),
    '',
    ...failure(outcome)
  ]
  if (outcome.files) {
    // The file table's own heading says what changed, or that nothing did.
    lines.push(...fileSections(outcome.files).map(line => line.replace(/^### /, '#### ')))
  }
  const warnings = (outcome.dependencies ?? []).filter(check => check.state !== 'ok')
  if (warnings.length) lines.push(...dependencyTable(warnings).map(line => line.replace(/^### /, '#### ')))
  lines.push(...detailsTable(outcome, []))
  return lines
}

function heading(outcome: Outcome, text: string): string {
  return `### ${RESULT_ICONS[outcome.result]} ${text}`
}

/** The failure as the service or build said it; long build errors are cut (the job summary has them whole). */
function failure(outcome: Outcome): string[] {
  return outcome.failure ? failureBlock(outcome.failure, MAX_FAILURE_CHARACTERS) : []
}

/** The rows every comment has, after the job type's own: status, duration, the console. */
function detailsTable(outcome: Outcome, rows: Array<[string, string]>): string[] {
  const all = [...rows]
  if (outcome.status) all.push(['Status', code(outcome.status)])
  all.push(['Duration', formatDuration(outcome.durationMs)])
  if (outcome.consoleUrl) all.push(['Console', `[${outcome.jobId ? `job ${outcome.jobId}` : 'open'}](${outcome.consoleUrl})`])
  return table(all)
}

function footer(context: RunContext, now: Date): string {
  const run = runUrl(context)
  const where = run ? `[workflow run](${run})` : 'workflow run'
  return `<sub>amplify-job-action · ${where} · ${now.toISOString().replace(/\.\d+Z$/, 'Z')}</sub>`
}
