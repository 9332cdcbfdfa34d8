/**
 * A local fake of the GitHub REST API's issue comments, for the action's pull request comment:
 * a loopback server (127.0.0.1 only) that the real `@actions/github` client talks to when
 * GITHUB_API_URL points at it. It answers with GitHub's wire shapes, status codes, error bodies
 * and headers (Link pages, x-ratelimit-*, x-github-request-id), checks tokens and their
 * permissions like an installation token (GITHUB_TOKEN), injects faults, and records every
 * request. Its own server, apart from the Amplify emulator: the two are started separately.
 *
 *   GET    /repos/{owner}/{repo}/issues/{issue_number}/comments   (also /repositories/{id}/...)
 *   POST   /repos/{owner}/{repo}/issues/{issue_number}/comments
 *   GET    /repos/{owner}/{repo}/issues/comments/{comment_id}
 *   PATCH  /repos/{owner}/{repo}/issues/comments/{comment_id}
 *   DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}
 */
import { randomBytes } from 'node:crypto'
import { setMaxListeners } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { type Caller, Callers, RATE_LIMIT_WINDOW_SECONDS } from './github-auth.js'
import { GitHubError, FaultPlan, OPERATION_DOCS, faultError, invalidCommentBody, notFound, requiresAuthentication, statusError } from './github-errors.js'
import { listPage } from './github-paging.js'
import { type Repository, GitHubStore } from './github-store.js'
import type { GitHubApi, GitHubApiOptions, GitHubComment, GitHubOperation, GitHubRecordedRequest } from './github-types.js'
import { AwsError, flatHeaders, parseJson, queryObject, readBody } from './http.js'
import { sleep } from './sleep.js'

export type * from './github-types.js'
export { GITHUB_ACTIONS_BOT, OTHER_BOT } from './github-store.js'
export { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './github-paging.js'

const HOST = '127.0.0.1'
const DEFAULT_SERVER_URL = 'https://github.com'
/** GitHub's limit on a comment body, in characters. */
export const MAX_COMMENT_CHARACTERS = 65536
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'
/** As on a load balancer: Node's 5 s default races a client that reuses a connection after a pause. */
const IDLE_CONNECTION_TIMEOUT_MS = 60_000

/** The routes, as regular expressions over the path below the base path. */
const ROUTES: { method: string; pattern: RegExp; operation: GitHubOperation }[] = [
  { method: 'GET', pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/([^/]+)$/, operation: 'getComment' },
  { method: 'PATCH', pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/([^/]+)$/, operation: 'updateComment' },
  { method: 'DELETE', pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/([^/]+)$/, operation: 'deleteComment' },
  { method: 'GET', pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/([^/]+)\/comments$/, operation: 'listComments' },
  { method: 'GET', pattern: /^\/repositories\/(\d+)\/issues\/([^/]+)\/comments$/, operation: 'listComments' },
  { method: 'POST', pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/([^/]+)\/comments$/, operation: 'createComment' }
]

interface Answer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

function requestId(): string {
  return [4, 6, 7, 7, 8].map(length => randomBytes(4).toString('hex').slice(0, length).toUpperCase()).join(':')
}

function decoded(raw: string | undefined): string {
  try {
    return decodeURIComponent(raw ?? '')
  } catch {
    return ''
  }
}

function issueNumber(raw: string): number | undefined {
  return /^\d+$/.test(raw) ? Number(raw) : undefined
}

export async function startGitHubApi(options: GitHubApiOptions = {}): Promise<GitHubApi> {
  const closing = new AbortController()
  // Every delayed request listens for the close; that is concurrency, not a leak.
  setMaxListeners(0, closing.signal)
  const basePath = (options.basePath ?? '').replace(/\/+$/, '')
  const serverUrl = (options.serverUrl ?? DEFAULT_SERVER_URL).replace(/\/+$/, '')
  let origin = ''
  const apiUrl = (): string => `${origin}${basePath}`
  const store = new GitHubStore(apiUrl, serverUrl)
  const faults = new FaultPlan()
  const requests: GitHubRecordedRequest[] = []
  const callers = new Callers(store)

  function send(res: ServerResponse, record: GitHubRecordedRequest, id: string, caller: Caller | undefined, answer: Answer): void {
    const body = answer.body === undefined ? undefined : Buffer.from(JSON.stringify(answer.body), 'utf8')
    record.status = answer.status
    res.writeHead(answer.status, {
      ...(body ? { 'content-type': JSON_CONTENT_TYPE, 'content-length': body.length } : {}),
      date: new Date().toUTCString(),
      'x-github-request-id': id,
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      ...callers.rateHeaders(caller),
      ...answer.headers
    })
    res.end(body)
  }

  /** The repository a path names; a private one is invisible (404) without a token, as on GitHub. */
  function repositoryOf(match: RegExpExecArray, byId: boolean, caller: Caller, operation: GitHubOperation): Repository {
    const repository = byId ? store.repositoryById(Number(match[1])) : store.repository(decoded(match[1]), decoded(match[2]))
    if (!repository || (repository.private && 'anonymous' in caller)) throw notFound(operation)
    return repository
  }

  function handleIssueComments(match: RegExpExecArray, url: URL, operation: GitHubOperation, body: unknown, caller: Caller): Answer {
    const byId = url.pathname.slice(basePath.length).startsWith('/repositories/')
    const repository = repositoryOf(match, byId, caller, operation)
    const number = issueNumber(match[byId ? 2 : 3] ?? '')
    const issue = number === undefined ? undefined : repository.issues.get(number)
    if (!issue) throw notFound(operation)
    callers.authorize(caller, issue, operation)

    if (operation === 'createComment') {
      const text = (body as { body?: unknown } | undefined)?.body
      const invalid = invalidCommentBody(text, operation, MAX_COMMENT_CHARACTERS)
      if (invalid) throw invalid
      const author = 'grant' in caller ? caller.grant : undefined
      if (!author) throw requiresAuthentication(operation)
      const comment = store.addComment(repository, issue, text as string, author.user, author.authorAssociation)
      return { status: 201, body: comment, headers: { location: comment.url } }
    }

    const since = url.searchParams.get('since')
    const sinceMs = since === null ? NaN : Date.parse(since)
    const listed = Number.isNaN(sinceMs) ? issue.comments : issue.comments.filter(comment => Date.parse(comment.updated_at) >= sinceMs)
    const page = listPage(`${apiUrl()}/repositories/${repository.id}/issues/${issue.number}/comments`, listed.length, url.searchParams)
    return { status: 200, body: listed.slice(page.start, page.end), ...(page.link ? { headers: { link: page.link } } : {}) }
  }

  function handleComment(match: RegExpExecArray, operation: GitHubOperation, body: unknown, caller: Caller): Answer {
    const repository = repositoryOf(match, false, caller, operation)
    const id = issueNumber(match[3] ?? '')
    const stored = id === undefined ? undefined : store.comment(id)
    if (!stored || stored.repository !== repository) throw notFound(operation)
    callers.authorize(caller, stored.issue, operation)

    if (operation === 'updateComment') {
      const text = (body as { body?: unknown } | undefined)?.body
      const invalid = invalidCommentBody(text, operation, MAX_COMMENT_CHARACTERS)
      if (invalid) throw invalid
      return { status: 200, body: store.updateComment(stored, text as string) }
    }
    if (operation === 'deleteComment') {
      store.deleteComment(stored)
      return { status: 204 }
    }
    return { status: 200, body: stored.comment }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin)
    const id = requestId()
    const record: GitHubRecordedRequest = {
      operation: 'unknown',
      method: req.method ?? 'GET',
      path: url.pathname,
      query: queryObject(url),
      headers: flatHeaders(req),
      body: undefined,
      status: 0,
      time: Date.now()
    }
    requests.push(record)
    if (options.onRequest) res.once('close', () => options.onRequest?.(record))
    let caller: Caller | undefined
    try {
      const parsed = parseJson(await readBody(req))
      if (parsed.ok) record.body = parsed.value
      const path = url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : undefined
      const route = path === undefined ? undefined : ROUTES.find(candidate => candidate.method === record.method && candidate.pattern.test(path))
      if (route) record.operation = route.operation

      const carryOut = (): Answer => {
        if (!route || path === undefined) throw notFound()
        if (!parsed.ok) throw statusError(400, OPERATION_DOCS[route.operation])
        caller = callers.of(req)
        const match = route.pattern.exec(path) as RegExpExecArray
        return route.operation === 'listComments' || route.operation === 'createComment'
          ? handleIssueComments(match, url, route.operation, record.body, caller)
          : handleComment(match, route.operation, record.body, caller)
      }

      const fault = faults.take(record.method, record.operation)
      if (fault) {
        record.fault = fault.kind
        if (fault.afterEffect) carryOut()
        if (fault.kind !== 'delay') caller = callers.known(req)
        const holdMs = fault.delayMs ?? (fault.kind === 'delay' ? Infinity : 0)
        if (holdMs > 0) await sleep(holdMs, closing.signal)
        if (closing.signal.aborted) return
        if (fault.kind === 'destroy') {
          req.socket.destroy()
          return
        }
        const error = faultError(fault, id, Math.floor(Date.now() / 1000) + RATE_LIMIT_WINDOW_SECONDS)
        if (error) throw error
      }

      const answer = carryOut() // first: it settles who the caller is, which send() reports
      send(res, record, id, caller, answer)
    } catch (error) {
      if (res.headersSent || res.destroyed) {
        res.destroy()
        return
      }
      const answer =
        error instanceof GitHubError
          ? error
          : error instanceof AwsError
            ? statusError(error.status, undefined, error.message)
            : statusError(500, undefined, `Fake GitHub error: ${(error as Error).message}`)
      send(res, record, id, caller, { status: answer.status, body: answer.body(), headers: answer.headers })
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res)
  })
  server.keepAliveTimeout = IDLE_CONNECTION_TIMEOUT_MS
  server.on('connection', (socket: Socket) => socket.setNoDelay(true))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  origin = `http://${HOST}:${(server.address() as AddressInfo).port}`

  const api: GitHubApi = {
    get url() {
      return apiUrl()
    },
    get port() {
      return Number(new URL(origin).port)
    },
    get env() {
      return { GITHUB_API_URL: apiUrl(), GITHUB_SERVER_URL: serverUrl }
    },
    requests,
    addToken: (token, grant) => store.addToken(token, grant, RATE_LIMIT_WINDOW_SECONDS),
    addPullRequest: (owner, repo, number, issueOptions) => store.addIssue(owner, repo, number, 'pull', issueOptions),
    addIssue: (owner, repo, number, issueOptions) => store.addIssue(owner, repo, number, 'issues', issueOptions),
    seedComments: (owner, repo, number, comments) => store.seed(owner, repo, number, comments),
    comments: (owner, repo, number): GitHubComment[] => structuredClone(store.issue(owner, repo, number).issue.comments),
    setFaults: list => faults.set(list),
    callsOf: operation => requests.filter(request => request.operation === operation),
    reset: () => {
      store.reset()
      faults.set([])
      requests.length = 0
      callers.reset()
    },
    close: async () => {
      closing.abort()
      await new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    }
  }
  return api
}
