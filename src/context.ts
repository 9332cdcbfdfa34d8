/**
 * What the action needs to know about the workflow run, read from the runner's environment and the
 * event payload. Kept small on purpose: @actions/github's context would bring its whole Octokit
 * stack into every run for a few environment variables and one JSON file (it is loaded only to
 * write a pull request comment).
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
  /** GITHUB_EVENT_NAME: push, pull_request, workflow_dispatch, ... */
  eventName?: string
  /** The pull request the run is for (pull_request and pull_request_target events), when its number is known. */
  pullRequest?: { number: number; headSha?: string }
  /** GITHUB_API_URL: the REST API of github.com or of a GitHub Enterprise Server. */
  apiUrl?: string
}

/** The events whose runs are for a pull request. */
export const PULL_REQUEST_EVENTS: readonly string[] = ['pull_request', 'pull_request_target']

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
    ...readEvent(nonEmpty('GITHUB_EVENT_PATH'), nonEmpty('GITHUB_EVENT_NAME')),
    eventName: nonEmpty('GITHUB_EVENT_NAME'),
    apiUrl: nonEmpty('GITHUB_API_URL')
  }
}

/** The run's web page, when the run is known. */
export function runUrl(context: RunContext): string | undefined {
  if (!context.repository || !context.runId) return undefined
  return `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`
}

interface EventPayload {
  head_commit?: { message?: unknown; timestamp?: unknown }
  pull_request?: { number?: unknown; head?: { sha?: unknown } }
  number?: unknown
}

/** What the run needs of the event payload: the pushed head commit, the pull request. */
function readEvent(eventPath: string | undefined, eventName: string | undefined): Pick<RunContext, 'headCommit' | 'pullRequest'> {
  if (!eventPath) return {}
  let event: EventPayload
  try {
    event = JSON.parse(readFileSync(eventPath, 'utf8')) as EventPayload
  } catch {
    // A missing or unreadable event file only costs the defaults it would have given.
    return {}
  }
  if (event === null || typeof event !== 'object') return {}
  const commit = event.head_commit
  const headCommit = commit
    ? {
        message: typeof commit.message === 'string' ? commit.message : undefined,
        timestamp: typeof commit.timestamp === 'string' ? commit.timestamp : undefined
      }
    : undefined
  const number = event.pull_request?.number ?? event.number
  const pullRequest =
    eventName !== undefined && PULL_REQUEST_EVENTS.includes(eventName) && Number.isSafeInteger(number) && (number as number) > 0
      ? { number: number as number, headSha: typeof event.pull_request?.head?.sha === 'string' ? event.pull_request.head.sha : undefined }
      : undefined
  return { headCommit, pullRequest }
}
