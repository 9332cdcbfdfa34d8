/**
 * GitHub's error answers (JSON `{message, documentation_url, status}`, the status as a string) and
 * the injected faults. Messages are GitHub's own words, as clients and users see them.
 */
import type { GitHubFault, GitHubOperation } from './github-types.js'

const DOCS = 'https://docs.github.com/rest'
const COMMENTS_DOCS = `${DOCS}/issues/comments`
const SECONDARY_RATE_LIMIT_DOCS = 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
const PRIMARY_RATE_LIMIT_DOCS = `${DOCS}/overview/rate-limits-for-the-rest-api`
const DEFAULT_RETRY_AFTER_SECONDS = 60
/** Named in the primary rate limit's message, as GitHub names the token's installation. */
const FAKE_INSTALLATION_ID = 51234567

/** Each operation's page in GitHub's REST documentation: error bodies link to it. */
export const OPERATION_DOCS: Record<GitHubOperation, string> = {
  listComments: `${COMMENTS_DOCS}#list-issue-comments`,
  createComment: `${COMMENTS_DOCS}#create-an-issue-comment`,
  getComment: `${COMMENTS_DOCS}#get-an-issue-comment`,
  updateComment: `${COMMENTS_DOCS}#update-an-issue-comment`,
  deleteComment: `${COMMENTS_DOCS}#delete-an-issue-comment`
}

/** The words of a status's body where GitHub's are not more specific. */
const STATUS_MESSAGES: Record<number, string> = {
  400: 'Problems parsing JSON',
  401: 'Bad credentials',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  422: 'Validation Failed',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
  504: "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists."
}

export interface ValidationError {
  resource: string
  code: string
  field: string
  message?: string
}

/** An error answer. Handlers throw it; the server turns it into a reply. */
export class GitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly documentationUrl: string = DOCS,
    readonly headers: Record<string, string> = {},
    readonly errors?: ValidationError[]
  ) {
    super(message)
  }

  body(): Record<string, unknown> {
    return {
      message: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
      documentation_url: this.documentationUrl,
      status: String(this.status)
    }
  }
}

export function statusError(status: number, documentationUrl = DOCS, message?: string): GitHubError {
  return new GitHubError(status, message ?? STATUS_MESSAGES[status] ?? 'Error', documentationUrl)
}

export const notFound = (operation?: GitHubOperation): GitHubError => statusError(404, operation ? OPERATION_DOCS[operation] : DOCS)
export const badCredentials = (): GitHubError => statusError(401)
export const requiresAuthentication = (operation: GitHubOperation): GitHubError => new GitHubError(401, 'Requires authentication', OPERATION_DOCS[operation])
/** What an installation token (GITHUB_TOKEN) gets for a permission it lacks, e.g. a fork's read-only token. */
export const notAccessibleByIntegration = (operation: GitHubOperation): GitHubError =>
  new GitHubError(403, 'Resource not accessible by integration', OPERATION_DOCS[operation])

/** The 422 answers of POST and PATCH for a body GitHub refuses. */
export function invalidCommentBody(body: unknown, operation: GitHubOperation, maxCharacters: number): GitHubError | undefined {
  const docs = OPERATION_DOCS[operation]
  if (body === undefined || body === null) return new GitHubError(422, 'Invalid request.\n\n"body" wasn\'t supplied.', docs)
  if (typeof body !== 'string') return new GitHubError(422, `Invalid request.\n\nFor 'properties/body', ${JSON.stringify(body)} is not a string.`, docs)
  const unprocessable = (message: string): GitHubError =>
    new GitHubError(422, 'Validation Failed', docs, {}, [{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message }])
  if (body.trim() === '') return unprocessable('Body cannot be blank')
  // GitHub counts characters, not UTF-16 code units or bytes.
  if ([...body].length > maxCharacters) return unprocessable(`Body is too long (maximum is ${maxCharacters} characters)`)
  return undefined
}

/** The answer a fault gives, or undefined for `delay` and `destroy` (handled by the server). */
export function faultError(fault: GitHubFault, requestId: string, resetEpochSeconds: number): GitHubError | undefined {
  switch (fault.kind) {
    case 'status':
      return statusError(fault.status, DOCS, fault.message)
    case 'secondaryRateLimit':
      return new GitHubError(
        fault.status ?? 403,
        `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
        SECONDARY_RATE_LIMIT_DOCS,
        { 'retry-after': String(fault.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) }
      )
    case 'primaryRateLimit':
      return new GitHubError(
        fault.status ?? 403,
        `API rate limit exceeded for installation ID ${FAKE_INSTALLATION_ID}. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
        PRIMARY_RATE_LIMIT_DOCS,
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetEpochSeconds) }
      )
    default:
      return undefined
  }
}

/** Picks the injected fault for a request and counts it; restarts with every setFaults. */
export class FaultPlan {
  private faults: GitHubFault[] = []
  private used: number[] = []

  set(faults: GitHubFault[]): void {
    for (const fault of faults) {
      if (fault.kind === 'status' && !(Number.isInteger(fault.status) && fault.status >= 400 && fault.status <= 599)) {
        throw new Error(`A status fault needs an error status (400 to 599), not ${fault.status}`)
      }
    }
    this.faults = faults.map(fault => ({ ...fault }))
    this.used = faults.map(() => 0)
  }

  take(method: string, operation: GitHubOperation | 'unknown'): GitHubFault | undefined {
    for (const [index, fault] of this.faults.entries()) {
      const used = this.used[index] ?? 0
      if (used >= (fault.times ?? 1)) continue
      if (fault.method !== undefined && fault.method.toUpperCase() !== method) continue
      if (fault.operation !== undefined && fault.operation !== operation) continue
      this.used[index] = used + 1
      return fault
    }
    return undefined
  }
}
