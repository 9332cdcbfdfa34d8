/**
 * Who calls the GitHub fake and what they may do: the Authorization header (`token X` or
 * `Bearer X`, as octokit sends them), the permissions of an installation token (GITHUB_TOKEN),
 * and the x-ratelimit-* headers each caller's answers carry.
 */
import type { IncomingMessage } from 'node:http'
import { badCredentials, notAccessibleByIntegration, requiresAuthentication } from './github-errors.js'
import type { Grant, GitHubStore, Issue } from './github-store.js'
import type { GitHubOperation, PermissionLevel } from './github-types.js'

/** GITHUB_TOKEN's primary rate limit: 1,000 requests an hour per repository. */
const TOKEN_RATE_LIMIT = 1000
const ANONYMOUS_RATE_LIMIT = 60
export const RATE_LIMIT_WINDOW_SECONDS = 3600
const AUTHORIZATION = /^(token|bearer)\s+(\S+)\s*$/i
const WRITES: ReadonlySet<GitHubOperation> = new Set(['createComment', 'updateComment', 'deleteComment'])

/** Who is asking: a known token's grant, or nobody (no Authorization header). */
export type Caller = { grant: Grant } | { anonymous: true }

/** The permission a comment on this issue needs: a pull request's comments take either grant. */
function allows(grant: Grant, issue: Issue, need: PermissionLevel): boolean {
  const levels = issue.kind === 'pull' ? [grant.pullRequests, grant.issues] : [grant.issues]
  return levels.some(level => level === 'write' || (level === 'read' && need === 'read'))
}

export class Callers {
  private anonymousUsed = 0
  private readonly anonymousReset = Math.floor(Date.now() / 1000) + RATE_LIMIT_WINDOW_SECONDS

  constructor(private readonly store: GitHubStore) {}

  private grantOf(req: IncomingMessage): Grant | undefined {
    const token = AUTHORIZATION.exec(req.headers.authorization ?? '')?.[2]
    return token === undefined ? undefined : this.store.grant(token)
  }

  /** The caller of a request, counted against its rate limit; 401 for a token the fake does not know. */
  of(req: IncomingMessage): Caller {
    if (req.headers.authorization === undefined) {
      this.anonymousUsed++
      return { anonymous: true }
    }
    const grant = this.grantOf(req)
    if (!grant) throw badCredentials()
    grant.used++
    return { grant }
  }

  /** The caller, for the rate headers of an injected fault: counted, never refused. */
  known(req: IncomingMessage): Caller | undefined {
    const grant = this.grantOf(req)
    if (grant) grant.used++
    return grant ? { grant } : undefined
  }

  /** 401 for an anonymous write, 403 for a token without the permission. */
  authorize(caller: Caller, issue: Issue, operation: GitHubOperation): void {
    const need: PermissionLevel = WRITES.has(operation) ? 'write' : 'read'
    if ('anonymous' in caller) {
      if (need === 'write') throw requiresAuthentication(operation)
      return
    }
    if (!allows(caller.grant, issue, need)) throw notAccessibleByIntegration(operation)
  }

  /** Without a known caller (a 401), GitHub sends zeros, as seen on its answers to bad credentials. */
  rateHeaders(caller: Caller | undefined): Record<string, string> {
    if (!caller) return { 'x-ratelimit-limit': '0', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '0', 'x-ratelimit-resource': 'core' }
    const [limit, used, reset] =
      'grant' in caller
        ? [TOKEN_RATE_LIMIT, caller.grant.used, caller.grant.resetEpochSeconds]
        : [ANONYMOUS_RATE_LIMIT, this.anonymousUsed, this.anonymousReset]
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - used)),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': 'core'
    }
  }

  reset(): void {
    this.anonymousUsed = 0
  }
}
