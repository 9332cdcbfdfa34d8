/**
 * The GitHub fake's public shapes: what a test may register (tokens, pull requests, seeded
 * comments), the faults it may inject, and what it can observe afterwards. The wire shape of a
 * comment is octokit's own type, so the compiler checks the fake against GitHub's OpenAPI
 * description.
 */
import type { components } from '@octokit/openapi-types'

/** An issue comment exactly as the REST API sends it. */
export type GitHubComment = components['schemas']['issue-comment']
export type AuthorAssociation = components['schemas']['author-association']

/** The REST operations the fake answers (octokit's `rest.issues.*` method names). */
export type GitHubOperation = 'listComments' | 'createComment' | 'getComment' | 'updateComment' | 'deleteComment'

export type PermissionLevel = 'read' | 'write'

/** Who a comment is by: the fake fills in the URLs and ids GitHub derives from these. */
export interface GitHubUser {
  login: string
  id: number
  type: 'User' | 'Bot' | 'Organization'
}

/**
 * What a token may do, as a GitHub App installation token (GITHUB_TOKEN) has it. Comments on a
 * pull request need `pullRequests` or `issues`; on a plain issue, `issues`. A fork's pull request
 * run gets `read` only.
 */
export interface TokenGrant {
  pullRequests?: PermissionLevel
  issues?: PermissionLevel
  /** The author of the comments this token writes (default: github-actions[bot]). */
  user?: GitHubUser
  /** `author_association` of those comments (default NONE, as for github-actions[bot]). */
  authorAssociation?: AuthorAssociation
}

export interface IssueOptions {
  /** A private repository answers 404 to a request without a token; a public one lets it read. */
  private?: boolean
}

/** A comment already on the pull request before the test runs. */
export interface SeedComment {
  body: string
  /** Default: another bot (`other-bot[bot]`), so it is never the action's own. */
  user?: GitHubUser
  authorAssociation?: AuthorAssociation
  /** ISO-8601; default: the fake's clock (each stamp a second after the previous one). */
  createdAt?: string
}

interface FaultScope {
  /** How many matching requests get the fault (default 1). */
  times?: number
  /** Only requests of this method (GET, POST, PATCH, DELETE). */
  method?: string
  /** Only requests of this operation. */
  operation?: GitHubOperation
  /** Hold the request this long first (the answer that follows is the fault's, or the normal one for `delay`). */
  delayMs?: number
  /**
   * Carry the request out first, then answer with the fault instead of its answer: a comment
   * created or edited whose answer was lost (a 502 from a proxy, a connection cut on the way back).
   */
  afterEffect?: boolean
}

/**
 * A fault answered instead of the real response. Faults are tried in order; each counts the
 * requests it took, and setting the faults again restarts every count.
 */
export type GitHubFault = FaultScope &
  (
    | { kind: 'status'; status: number; message?: string }
    /** "You have exceeded a secondary rate limit", with `retry-after` (default 60 s). */
    | { kind: 'secondaryRateLimit'; status?: 403 | 429; retryAfterSeconds?: number }
    /** "API rate limit exceeded", with `x-ratelimit-remaining: 0` and the reset time. */
    | { kind: 'primaryRateLimit'; status?: 403 | 429 }
    /** The connection is destroyed without an answer. */
    | { kind: 'destroy' }
    /** The normal answer, after `delayMs` (forever when omitted, until the client gives up). */
    | { kind: 'delay' }
  )

/** One HTTP request as it arrived, with what the fake answered. */
export interface GitHubRecordedRequest {
  /** `unknown` when no route matched. */
  operation: GitHubOperation | 'unknown'
  method: string
  /** Path as sent (still percent-encoded, with the base path). */
  path: string
  query: Record<string, string>
  /** Lower-case names, authorization included: tests check where the token went. */
  headers: Record<string, string>
  /** The JSON body, parsed; undefined when there was none or it was not JSON. */
  body: unknown
  /** Status answered; 0 while unanswered or when the connection was destroyed instead. */
  status: number
  /** The fault injected into this answer, if any. */
  fault?: GitHubFault['kind']
  /** Epoch milliseconds when the request arrived. */
  time: number
}

export interface GitHubApiOptions {
  /** 0 or omitted: a free port. */
  port?: number
  /** Where the API lives on the server, e.g. `/api/v3` as on GitHub Enterprise Server (default: the root). */
  basePath?: string
  /** The web address in `html_url` (default https://github.com). */
  serverUrl?: string
  /** Called once per request when its answer is done (or the connection closed). */
  onRequest?: (request: GitHubRecordedRequest) => void
}

export interface GitHubApi {
  /** The API's base URL (with the base path): what GITHUB_API_URL is set to. */
  readonly url: string
  readonly port: number
  /** GITHUB_API_URL and GITHUB_SERVER_URL for a child process. */
  readonly env: Record<string, string>
  readonly requests: GitHubRecordedRequest[]
  /** Accept this token (`Authorization: token X` or `Bearer X`) with these permissions. */
  addToken(token: string, grant: TokenGrant): void
  /** Create the repository if needed and an open pull request in it. */
  addPullRequest(owner: string, repo: string, number: number, options?: IssueOptions): void
  /** Same for a plain issue (its comments need the `issues` permission). */
  addIssue(owner: string, repo: string, number: number, options?: IssueOptions): void
  /** Put comments on a registered pull request or issue, oldest first; returns them as the API would. */
  seedComments(owner: string, repo: string, number: number, comments: SeedComment[]): GitHubComment[]
  /** The comments of a pull request or issue now, oldest first. */
  comments(owner: string, repo: string, number: number): GitHubComment[]
  /** Replace the injected faults and restart their counts; `[]` clears them. */
  setFaults(faults: GitHubFault[]): void
  callsOf(operation: GitHubOperation): GitHubRecordedRequest[]
  /** Forget tokens, repositories, comments, faults and recorded requests. */
  reset(): void
  close(): Promise<void>
}
