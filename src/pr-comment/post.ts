/**
 * Writes the pull request comment through @actions/github (octokit): finds this target's comment by
 * its marker on any page of the pull request's comments and edits it, or creates it. Loaded only
 * when a comment is written, after the job: octokit is not needed before the first AWS request.
 * Never throws: a comment that cannot be written is a warning that says what permission to give,
 * and the step's result does not depend on it.
 */
import { getOctokit } from '@actions/github'
import { sleep } from '../stop-signal.js'
import { isCommentOf } from './body.js'

/** The comments endpoint's largest page: fewer requests to find the comment on a busy pull request. */
const COMMENTS_PAGE_SIZE = 100
/** A 5xx or a broken connection is tried again, this many times, after these pauses. */
const RETRY_DELAYS_MS = [1_000, 3_000]
/** The whole comment, retries included, gets this long: it is written after the job, and a cancelled run has little time. */
export const COMMENT_TIMEOUT_MS = 20_000

export interface CommentRequest {
  token: string
  /** GITHUB_API_URL: github.com's API or a GitHub Enterprise Server's. */
  apiUrl: string
  /** owner/name */
  repository: string
  pullRequest: number
  marker: string
  body: string
  warn(message: string): void
  info(message: string): void
}

export type CommentResult = 'created' | 'updated' | 'failed'

export async function postComment(request: CommentRequest): Promise<CommentResult> {
  const [owner, repo] = request.repository.split('/')
  const signal = AbortSignal.timeout(COMMENT_TIMEOUT_MS)
  const octokit = getOctokit(request.token, { baseUrl: request.apiUrl, request: { signal } })
  const ids = { owner: owner!, repo: repo!, issue_number: request.pullRequest }
  // The find and the write are tried again together: a create (or edit) whose answer was lost may
  // have been carried out, and only reading the comments again finds it, so that a second comment
  // for the target is never written.
  const findAndWrite = async (): Promise<Exclude<CommentResult, 'failed'>> => {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...ids, per_page: COMMENTS_PAGE_SIZE })
    const mine = comments.find(comment => isCommentOf(comment.body, request.marker))
    if (mine) {
      await octokit.rest.issues.updateComment({ owner: ids.owner, repo: ids.repo, comment_id: mine.id, body: request.body })
      request.info(`Updated the pull request comment: ${mine.html_url}`)
      return 'updated'
    }
    const created = await octokit.rest.issues.createComment({ ...ids, body: request.body })
    request.info(`Commented on the pull request: ${created.data.html_url}`)
    return 'created'
  }
  try {
    return await patiently(signal, findAndWrite)
  } catch (error) {
    request.warn(`Could not write the pull request comment: ${explain(error)} The step's result does not depend on it.`)
    return 'failed'
  }
}

/** Runs `call`, again from the start after a 5xx or a network error (GitHub's API has brief outages). */
async function patiently<T>(signal: AbortSignal, call: () => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await call()
    } catch (error) {
      const delay = RETRY_DELAYS_MS[retry]
      if (delay === undefined || signal.aborted || !transient(error)) throw error
      await sleep(delay, signal)
    }
  }
}

function transient(error: unknown): boolean {
  const status = statusOf(error)
  // octokit reports a broken connection as a 500 with the network error's message.
  return status === undefined || status >= 500
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/** What went wrong, and the permission or setting that fixes it. */
function explain(error: unknown): string {
  const status = statusOf(error)
  const message = ((error as { message?: string } | null)?.message ?? String(error)).replace(/ - https:\/\/docs\.github\.com\S*/, '')
  switch (status) {
    case 401:
      return `GitHub refused the token (401 ${message}). Check 'github-token' (default: the workflow's own token).`
    case 403:
    case 429:
      if (/rate limit/i.test(message)) return `GitHub's API rate limit was reached (${status} ${message}); the next run writes the comment.`
      return (
        `GitHub answered 403 (${message}): the token may not write to pull requests. Give the job \`permissions: pull-requests: write\`; ` +
        'a pull request from a fork gets a read-only token, so no comment can be written for it.'
      )
    case 404:
      return `GitHub answered 404 (${message}): the token cannot see this repository or pull request. Give the job \`permissions: pull-requests: write\`, or a 'github-token' with access to the repository.`
    default:
      return status !== undefined ? `GitHub answered ${status} (${message}).` : `${message}.`
  }
}
