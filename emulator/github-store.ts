/**
 * What the GitHub fake remembers: repositories, their pull requests and issues, the comments on
 * them, and the tokens it accepts. Builds comments in GitHub's wire shape.
 */
import type { AuthorAssociation, GitHubComment, GitHubUser, IssueOptions, SeedComment, TokenGrant } from './github-types.js'

/** The user GITHUB_TOKEN writes as (its id and avatar are GitHub's). */
export const GITHUB_ACTIONS_BOT: GitHubUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
/** Default author of seeded comments: someone else, whose comments the action must leave alone. */
export const OTHER_BOT: GitHubUser = { login: 'other-bot[bot]', id: 49699333, type: 'Bot' }
/** Above 2^31, as GitHub's comment ids are now: a client that keeps ids in 32 bits breaks here. */
const FIRST_COMMENT_ID = 2_147_483_700
const FIRST_REPOSITORY_ID = 700_000_001
const GITHUB_ACTIONS_APP_ID = 15368
const DEFAULT_ASSOCIATION: AuthorAssociation = 'NONE'

export interface Repository {
  id: number
  owner: string
  name: string
  private: boolean
  issues: Map<number, Issue>
}

export interface Issue {
  number: number
  kind: 'pull' | 'issues'
  comments: GitHubComment[]
}

export interface StoredComment {
  repository: Repository
  issue: Issue
  comment: GitHubComment
}

export interface Grant {
  pullRequests?: TokenGrant['pullRequests']
  issues?: TokenGrant['issues']
  user: GitHubUser
  authorAssociation: AuthorAssociation
  /** Requests made with this token, for the x-ratelimit-* headers. */
  used: number
  resetEpochSeconds: number
}

/** GitHub's timestamps have whole seconds and no fraction. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export class GitHubStore {
  private readonly repositories = new Map<string, Repository>()
  private readonly commentsById = new Map<number, StoredComment>()
  private readonly tokens = new Map<string, Grant>()
  private nextCommentId = FIRST_COMMENT_ID
  private nextRepositoryId = FIRST_REPOSITORY_ID
  private lastStampMs = 0

  constructor(
    private readonly apiUrl: () => string,
    private readonly serverUrl: string
  ) {}

  /**
   * Every stamp is at least a second after the previous one, so `updated_at` moves on a PATCH
   * however fast the test runs (GitHub's stamps have whole seconds).
   */
  private stamp(): string {
    this.lastStampMs = Math.max(Math.floor(Date.now() / 1000) * 1000, this.lastStampMs + 1000)
    return isoSeconds(this.lastStampMs)
  }

  addToken(token: string, grant: TokenGrant, rateLimitWindowSeconds: number): void {
    this.tokens.set(token, {
      ...(grant.pullRequests ? { pullRequests: grant.pullRequests } : {}),
      ...(grant.issues ? { issues: grant.issues } : {}),
      user: grant.user ?? GITHUB_ACTIONS_BOT,
      authorAssociation: grant.authorAssociation ?? DEFAULT_ASSOCIATION,
      used: 0,
      resetEpochSeconds: Math.floor(Date.now() / 1000) + rateLimitWindowSeconds
    })
  }

  grant(token: string): Grant | undefined {
    return this.tokens.get(token)
  }

  /** Owner and repository names are case-insensitive on GitHub. */
  repository(owner: string, name: string): Repository | undefined {
    return this.repositories.get(`${owner}/${name}`.toLowerCase())
  }

  repositoryById(id: number): Repository | undefined {
    for (const repository of this.repositories.values()) if (repository.id === id) return repository
    return undefined
  }

  addIssue(owner: string, name: string, number: number, kind: Issue['kind'], options: IssueOptions = {}): void {
    if (!Number.isSafeInteger(number) || number < 1) throw new Error(`A pull request or issue number is a positive integer, not ${number}`)
    const key = `${owner}/${name}`.toLowerCase()
    let repository = this.repositories.get(key)
    if (!repository) {
      repository = { id: this.nextRepositoryId++, owner, name, private: options.private ?? false, issues: new Map() }
      this.repositories.set(key, repository)
    }
    if (repository.issues.has(number)) throw new Error(`${owner}/${name}#${number} is already registered`)
    repository.issues.set(number, { number, kind, comments: [] })
  }

  issue(owner: string, name: string, number: number): { repository: Repository; issue: Issue } {
    const repository = this.repository(owner, name)
    const issue = repository?.issues.get(number)
    if (!repository || !issue) throw new Error(`${owner}/${name}#${number} is not registered: call addPullRequest or addIssue first`)
    return { repository, issue }
  }

  comment(id: number): StoredComment | undefined {
    return this.commentsById.get(id)
  }

  addComment(repository: Repository, issue: Issue, body: string, user: GitHubUser, association: AuthorAssociation, createdAt?: string): GitHubComment {
    const id = this.nextCommentId++
    const created = createdAt ?? this.stamp()
    const repoUrl = `${this.apiUrl()}/repos/${repository.owner}/${repository.name}`
    const comment: GitHubComment = {
      id,
      node_id: `IC_kwDO${Buffer.from(`${repository.id}:${id}`).toString('base64url')}`,
      url: `${repoUrl}/issues/comments/${id}`,
      html_url: `${this.serverUrl}/${repository.owner}/${repository.name}/${issue.kind}/${issue.number}#issuecomment-${id}`,
      body,
      user: this.wireUser(user),
      created_at: created,
      updated_at: created,
      issue_url: `${repoUrl}/issues/${issue.number}`,
      author_association: association,
      performed_via_github_app: null,
      reactions: {
        url: `${repoUrl}/issues/comments/${id}/reactions`,
        total_count: 0,
        '+1': 0,
        '-1': 0,
        laugh: 0,
        confused: 0,
        heart: 0,
        hooray: 0,
        eyes: 0,
        rocket: 0
      }
    }
    issue.comments.push(comment)
    this.commentsById.set(id, { repository, issue, comment })
    return comment
  }

  seed(owner: string, name: string, number: number, seeds: SeedComment[]): GitHubComment[] {
    const { repository, issue } = this.issue(owner, name, number)
    return seeds.map(seed =>
      structuredClone(this.addComment(repository, issue, seed.body, seed.user ?? OTHER_BOT, seed.authorAssociation ?? DEFAULT_ASSOCIATION, seed.createdAt))
    )
  }

  updateComment(stored: StoredComment, body: string): GitHubComment {
    stored.comment.body = body
    stored.comment.updated_at = this.stamp()
    return stored.comment
  }

  deleteComment(stored: StoredComment): void {
    this.commentsById.delete(stored.comment.id as number)
    const index = stored.issue.comments.indexOf(stored.comment)
    if (index >= 0) stored.issue.comments.splice(index, 1)
  }

  reset(): void {
    this.repositories.clear()
    this.commentsById.clear()
    this.tokens.clear()
  }

  private wireUser(user: GitHubUser): NonNullable<GitHubComment['user']> {
    const api = `${this.apiUrl()}/users/${encodeURIComponent(user.login)}`
    const bot = user.type === 'Bot'
    return {
      login: user.login,
      id: user.id,
      node_id: `${bot ? 'BOT' : 'U'}_kgDO${Buffer.from(String(user.id)).toString('base64url')}`,
      avatar_url:
        user.id === GITHUB_ACTIONS_BOT.id
          ? `https://avatars.githubusercontent.com/in/${GITHUB_ACTIONS_APP_ID}?v=4`
          : `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
      gravatar_id: '',
      url: api,
      html_url: bot ? `${this.serverUrl}/apps/${user.login.replace(/\[bot\]$/, '')}` : `${this.serverUrl}/${user.login}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: user.type,
      user_view_type: 'public',
      site_admin: false
    }
  }
}
