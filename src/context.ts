/**
 * What the action needs to know about the workflow run, read from the runner's environment. Kept
 * small on purpose: @actions/github would bring a whole Octokit stack into the bundle for a few
 * environment variables and one JSON file.
 */
import { readFileSync } from 'node:fs'

export interface RunContext {
  workspace: string
  serverUrl: string
  repository?: string
  runId?: string
  runAttempt?: string
  runNumber?: string
  workflow?: string
  job?: string
  /** The step's id (GITHUB_ACTION): distinct for every step of a job. */
  stepId?: string
  sha?: string
  /** The pushed head commit, when the event has one (push events). */
  headCommit?: { message?: string; timestamp?: string }
}

type Env = Record<string, string | undefined>

export function readRunContext(env: Env = process.env): RunContext {
  const nonEmpty = (name: string): string | undefined => env[name] || undefined
  return {
    workspace: nonEmpty('GITHUB_WORKSPACE') ?? process.cwd(),
    serverUrl: nonEmpty('GITHUB_SERVER_URL') ?? 'https://github.com',
    repository: nonEmpty('GITHUB_REPOSITORY'),
    runId: nonEmpty('GITHUB_RUN_ID'),
    runAttempt: nonEmpty('GITHUB_RUN_ATTEMPT'),
    runNumber: nonEmpty('GITHUB_RUN_NUMBER'),
    workflow: nonEmpty('GITHUB_WORKFLOW'),
    job: nonEmpty('GITHUB_JOB'),
    stepId: nonEmpty('GITHUB_ACTION'),
    sha: nonEmpty('GITHUB_SHA'),
    headCommit: readHeadCommit(nonEmpty('GITHUB_EVENT_PATH'))
  }
}

/** The run's web page, when the run is known. */
export function runUrl(context: RunContext): string | undefined {
  if (!context.repository || !context.runId) return undefined
  return `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`
}

function readHeadCommit(eventPath: string | undefined): RunContext['headCommit'] {
  if (!eventPath) return undefined
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { head_commit?: { message?: unknown; timestamp?: unknown } }
    const commit = event.head_commit
    if (!commit) return undefined
    return {
      message: typeof commit.message === 'string' ? commit.message : undefined,
      timestamp: typeof commit.timestamp === 'string' ? commit.timestamp : undefined
    }
  } catch {
    // A missing or unreadable event file only costs the default commit message.
    return undefined
  }
}
