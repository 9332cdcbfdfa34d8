import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { GITHUB_ACTIONS_BOT, MAX_COMMENT_CHARACTERS, OTHER_BOT, startGitHubApi, type GitHubApi, type GitHubComment } from '../../../emulator/github-api.js'
import { errorOf } from '../../helpers/errors.js'

const OWNER = 'octo-org'
const REPO = 'site'
const PR = 12
const WRITE_TOKEN = 'ghs_writeTokenForTheFake0001'
const READ_TOKEN = 'ghs_forkReadOnlyToken0002'
const MARKER = '<!-- amplify-job-action d1abc/main -->'
const SIMILAR_MARKER = '<!-- amplify-job-action d1abc/main-2 -->'
const COMMENTS_DOCS = 'https://docs.github.com/rest/issues/comments'
/** Every member octokit's issue-comment type requires, plus those the action reads. */
const COMMENT_KEYS = ['id', 'node_id', 'url', 'html_url', 'body', 'user', 'created_at', 'updated_at', 'issue_url', 'author_association', 'reactions']
const USER_KEYS = ['login', 'id', 'node_id', 'avatar_url', 'gravatar_id', 'url', 'html_url', 'type', 'site_admin']
/** GitHub's stamps: whole seconds, no fraction. */
const GITHUB_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/

/** What octokit's RequestError carries, as the action will look at it. */
interface HttpError {
  name: string
  status: number
  message: string
  response?: { data: unknown; headers: Record<string, string | undefined> }
  request: { headers: Record<string, string> }
}

let fake: GitHubApi
let octokit: ReturnType<typeof getOctokit>
let readOnly: ReturnType<typeof getOctokit>

const client = (token: string, url = fake.url) => getOctokit(token, { baseUrl: url })
const create = (body: string, c = octokit, number = PR) => c.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: number, body })
const failure = (promise: Promise<unknown>) => errorOf<HttpError>(promise)
const others = (count: number, from = 0) => Array.from({ length: count }, (_, i) => ({ body: `Preview ready (build ${from + i})` }))

beforeAll(async () => {
  fake = await startGitHubApi()
})
afterAll(async () => {
  await fake.close()
})
beforeEach(() => {
  fake.reset()
  fake.addToken(WRITE_TOKEN, { pullRequests: 'write' })
  fake.addToken(READ_TOKEN, { pullRequests: 'read' })
  fake.addPullRequest(OWNER, REPO, PR)
  octokit = client(WRITE_TOKEN)
  readOnly = client(READ_TOKEN)
})

describe('creating a comment', () => {
  it('answers 201 with the comment in GitHub wire shape, as github-actions[bot], and keeps it', async () => {
    const response = await create(`${MARKER}\nDeployed`)
    expect(response.status).toBe(201)
    const comment = response.data
    for (const key of COMMENT_KEYS) expect(comment).toHaveProperty(key)
    for (const key of USER_KEYS) expect(comment.user).toHaveProperty(key)
    expect(comment.body).toBe(`${MARKER}\nDeployed`)
    expect(comment.user).toMatchObject({ login: 'github-actions[bot]', id: GITHUB_ACTIONS_BOT.id, type: 'Bot' })
    expect(comment.author_association).toBe('NONE')
    expect(typeof comment.id).toBe('number')
    expect(Number(comment.id)).toBeGreaterThan(2 ** 31)
    expect(comment.url).toBe(`${fake.url}/repos/${OWNER}/${REPO}/issues/comments/${comment.id}`)
    expect(comment.issue_url).toBe(`${fake.url}/repos/${OWNER}/${REPO}/issues/${PR}`)
    expect(comment.html_url).toBe(`https://github.com/${OWNER}/${REPO}/pull/${PR}#issuecomment-${comment.id}`)
    expect(comment.created_at).toMatch(GITHUB_TIMESTAMP)
    expect(comment.updated_at).toBe(comment.created_at)
    expect(response.headers.location).toBe(comment.url)
    expect(fake.comments(OWNER, REPO, PR)).toEqual([comment])
  })

  it('sends the headers octokit reads: JSON with charset, a request id, the rate limit counting down', async () => {
    const first = await create('one')
    const second = await create('two')
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(first.headers['x-github-request-id']).toMatch(/^[0-9A-F]{4}:[0-9A-F]{6}:[0-9A-F]{7}:[0-9A-F]{7}:[0-9A-F]{8}$/)
    expect(first.headers['x-github-request-id']).not.toBe(second.headers['x-github-request-id'])
    expect(first.headers['x-ratelimit-limit']).toBe('1000')
    expect(first.headers['x-ratelimit-resource']).toBe('core')
    expect(Number(first.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000)
    expect(Number(first.headers['x-ratelimit-remaining']) - Number(second.headers['x-ratelimit-remaining'])).toBe(1)
    expect(Number(second.headers['x-ratelimit-used'])).toBe(2)
  })

  it('records what octokit sent: the token only in the authorization header, nothing but the comment calls', async () => {
    await create('hello')
    await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR })
    expect(fake.requests.map(r => [r.method, r.path, r.operation, r.status])).toEqual([
      ['POST', `/repos/${OWNER}/${REPO}/issues/${PR}/comments`, 'createComment', 201],
      ['GET', `/repos/${OWNER}/${REPO}/issues/${PR}/comments`, 'listComments', 200]
    ])
    const [post] = fake.callsOf('createComment')
    expect(post?.headers.authorization).toBe(`token ${WRITE_TOKEN}`)
    expect(post?.headers.accept).toBe('application/vnd.github.v3+json')
    expect(post?.headers['user-agent']).toMatch(/octokit-core\.js\//)
    expect(post?.body).toEqual({ body: 'hello' })
    for (const request of fake.requests) {
      const { authorization, ...otherHeaders } = request.headers
      expect(authorization).toBeDefined()
      expect(JSON.stringify([request.path, request.query, otherHeaders, request.body])).not.toContain(WRITE_TOKEN)
    }
  })

  it('gives comment ids unique across pull requests and repositories', async () => {
    fake.addPullRequest(OWNER, 'other-repo', PR)
    const ids = [
      (await create('a')).data.id,
      (await octokit.rest.issues.createComment({ owner: OWNER, repo: 'other-repo', issue_number: PR, body: 'b' })).data.id,
      (await create('c')).data.id
    ]
    expect(new Set(ids).size).toBe(3)
  })

  it('refuses a blank, missing or too long body with 422 as GitHub does', async () => {
    const blank = await failure(create('  \n'))
    expect(blank.status).toBe(422)
    expect(blank.response?.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message: 'Body cannot be blank' }]
    })
    const long = await failure(create('é'.repeat(MAX_COMMENT_CHARACTERS + 1)))
    expect(long.status).toBe(422)
    expect(long.message).toContain('Body is too long (maximum is 65536 characters)')
    expect((await create('é'.repeat(MAX_COMMENT_CHARACTERS))).status).toBe(201)
    const missing = await failure(octokit.request(`POST /repos/${OWNER}/${REPO}/issues/${PR}/comments`))
    expect(missing.status).toBe(422)
    expect(fake.comments(OWNER, REPO, PR)).toHaveLength(1)
  })
})

describe('listing comments', () => {
  it('pages 30 by default and at most 100, oldest first', async () => {
    fake.seedComments(OWNER, REPO, PR, others(130))
    const byDefault = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR })
    expect(byDefault.data.map(c => c.body)).toEqual(others(30).map(c => c.body))
    const capped = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR, per_page: 500 })
    expect(capped.data).toHaveLength(100)
    const last = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR, per_page: 100, page: 2 })
    expect(last.data.map(c => c.body)).toEqual(others(30, 100).map(c => c.body))
  })

  it('lets octokit.paginate follow rel="next" over 3 pages to find the marked comment among similar ones', async () => {
    fake.seedComments(OWNER, REPO, PR, others(150))
    fake.seedComments(OWNER, REPO, PR, [
      { body: `${MARKER}\nsomeone copied our marker`, user: { login: 'octocat', id: 583231, type: 'User' }, authorAssociation: 'MEMBER' }
    ])
    fake.seedComments(OWNER, REPO, PR, [{ body: `${SIMILAR_MARKER}\nanother target`, user: GITHUB_ACTIONS_BOT }])
    fake.seedComments(OWNER, REPO, PR, others(50, 150))
    const [ours] = fake.seedComments(OWNER, REPO, PR, [{ body: `${MARKER}\nDeployed`, user: GITHUB_ACTIONS_BOT }])
    fake.seedComments(OWNER, REPO, PR, others(10, 200))

    const all = await octokit.paginate(octokit.rest.issues.listComments, { owner: OWNER, repo: REPO, issue_number: PR, per_page: 100 })
    expect(all).toHaveLength(213)
    const found = all.filter((c: GitHubComment) => c.user?.login === GITHUB_ACTIONS_BOT.login && (c.body ?? '').startsWith(`${MARKER}\n`))
    expect(found).toEqual([ours])

    const repositoryId = /\/repositories\/(\d+)\//.exec(fake.requests[1]?.path ?? '')?.[1]
    expect(repositoryId).toMatch(/^\d+$/)
    expect(fake.callsOf('listComments').map(r => [r.path, r.query])).toEqual([
      [`/repos/${OWNER}/${REPO}/issues/${PR}/comments`, { per_page: '100' }],
      [`/repositories/${repositoryId}/issues/${PR}/comments`, { per_page: '100', page: '2' }],
      [`/repositories/${repositoryId}/issues/${PR}/comments`, { per_page: '100', page: '3' }]
    ])
    expect(fake.requests.every(r => r.headers.authorization === `token ${WRITE_TOKEN}`)).toBe(true)
  })

  it('writes the Link header exactly as GitHub does on the first, a middle, the last and a page past the end', async () => {
    fake.seedComments(OWNER, REPO, PR, others(25))
    const link = async (page: number) => {
      const response = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR, per_page: 10, page })
      return response.headers.link
    }
    const first = await link(1)
    const base = /^<(.+)\?per_page=10&page=2>; rel="next"/.exec(first ?? '')?.[1]
    expect(base).toMatch(new RegExp(`^${fake.url}/repositories/\\d+/issues/${PR}/comments$`))
    const at = (page: number) => `<${base}?per_page=10&page=${page}>`
    expect(first).toBe(`${at(2)}; rel="next", ${at(3)}; rel="last"`)
    expect(await link(2)).toBe(`${at(1)}; rel="prev", ${at(3)}; rel="next", ${at(3)}; rel="last", ${at(1)}; rel="first"`)
    expect(await link(3)).toBe(`${at(2)}; rel="prev", ${at(1)}; rel="first"`)
    expect(await link(4)).toBe(`${at(3)}; rel="prev", ${at(3)}; rel="last", ${at(1)}; rel="first"`)
  })

  it('sends no Link header when everything fits on the first page, nor for a pull request without comments', async () => {
    const empty = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR })
    expect(empty.data).toEqual([])
    expect(empty.headers.link).toBeUndefined()
    fake.seedComments(OWNER, REPO, PR, others(30))
    const full = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR })
    expect(full.data).toHaveLength(30)
    expect(full.headers.link).toBeUndefined()
  })

  it('filters by since (updated at or after)', async () => {
    const [old] = fake.seedComments(OWNER, REPO, PR, [{ body: 'old', createdAt: '2020-01-01T00:00:00Z' }])
    const fresh = (await create('fresh')).data
    const listed = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR, since: '2021-01-01T00:00:00Z' })
    expect(listed.data.map(c => c.id)).toEqual([fresh.id])
    expect(old?.created_at).toBe('2020-01-01T00:00:00Z')
  })
})

describe('reading, updating and deleting a comment', () => {
  it('edits in place: same id, new body, updated_at later than created_at', async () => {
    const created = (await create(`${MARKER}\nDeploying`)).data
    const updated = await octokit.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: Number(created.id), body: `${MARKER}\nDeployed` })
    expect(updated.status).toBe(200)
    expect(updated.data).toMatchObject({ id: created.id, body: `${MARKER}\nDeployed`, created_at: created.created_at })
    expect(updated.data.updated_at).toMatch(GITHUB_TIMESTAMP)
    expect(Date.parse(updated.data.updated_at)).toBeGreaterThan(Date.parse(created.created_at))
    const read = await octokit.rest.issues.getComment({ owner: OWNER, repo: REPO, comment_id: Number(created.id) })
    expect(read.data).toEqual(updated.data)
    expect(fake.comments(OWNER, REPO, PR)).toEqual([updated.data])
  })

  it('deletes with 204, after which the comment is not found', async () => {
    const created = (await create('temporary')).data
    const deleted = await octokit.rest.issues.deleteComment({ owner: OWNER, repo: REPO, comment_id: Number(created.id) })
    expect(deleted.status).toBe(204)
    expect(fake.comments(OWNER, REPO, PR)).toEqual([])
    expect((await failure(octokit.rest.issues.getComment({ owner: OWNER, repo: REPO, comment_id: Number(created.id) }))).status).toBe(404)
  })

  it("lets a writer edit another user's comment, as GitHub does (the action must check the author itself)", async () => {
    const [theirs] = fake.seedComments(OWNER, REPO, PR, [{ body: MARKER, user: OTHER_BOT }])
    const edited = await octokit.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: Number(theirs?.id), body: 'changed' })
    expect(edited.data.user?.login).toBe(OTHER_BOT.login)
  })
})

describe('tokens and permissions', () => {
  it("lets a read-only token (a fork's GITHUB_TOKEN) read, and refuses its writes with 403 and GitHub's message", async () => {
    const [existing] = fake.seedComments(OWNER, REPO, PR, [{ body: MARKER, user: GITHUB_ACTIONS_BOT }])
    expect((await readOnly.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR })).data).toHaveLength(1)
    const refused = await failure(create('from a fork', readOnly))
    expect(refused.name).toBe('HttpError')
    expect(refused.status).toBe(403)
    expect(refused.response?.data).toEqual({
      message: 'Resource not accessible by integration',
      documentation_url: `${COMMENTS_DOCS}#create-an-issue-comment`,
      status: '403'
    })
    // What the action's warning will start from: octokit joins the message and the documentation link.
    expect(refused.message).toBe(`Resource not accessible by integration - ${COMMENTS_DOCS}#create-an-issue-comment`)
    expect(refused.request.headers.authorization).toBe('token [REDACTED]')
    const patch = await failure(readOnly.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: Number(existing?.id), body: 'x' }))
    expect(patch.status).toBe(403)
    expect(fake.comments(OWNER, REPO, PR)).toEqual([existing])
  })

  it('needs the issues permission for a plain issue; pull-requests alone is refused there', async () => {
    fake.addIssue(OWNER, REPO, 99)
    fake.addToken('ghs_issues', { issues: 'write' })
    expect((await failure(create('no', octokit, 99))).status).toBe(403)
    const made = await create('yes', client('ghs_issues'), 99)
    expect(made.data.html_url).toBe(`https://github.com/${OWNER}/${REPO}/issues/99#issuecomment-${made.data.id}`)
    expect((await create('also on a pull request', client('ghs_issues'))).status).toBe(201)
  })

  it('answers 401 Bad credentials to an unknown token, and accepts a known one with the Bearer scheme', async () => {
    const refused = await failure(create('x', client('ghs_unknown')))
    expect(refused.status).toBe(401)
    expect(refused.response?.data).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' })
    const bearer = await fetch(`${fake.url}/repos/${OWNER}/${REPO}/issues/${PR}/comments`, { headers: { authorization: `Bearer ${WRITE_TOKEN}` } })
    expect(bearer.status).toBe(200)
    expect(fake.comments(OWNER, REPO, PR)).toEqual([])
  })

  it('without a token: reads a public repository, 401 Requires authentication to write, 404 for a private one', async () => {
    fake.addPullRequest(OWNER, 'secret', 1, { private: true })
    const url = `${fake.url}/repos/${OWNER}/${REPO}/issues/${PR}/comments`
    expect((await fetch(url)).status).toBe(200)
    const post = await fetch(url, { method: 'POST', body: JSON.stringify({ body: 'anonymous' }) })
    expect(post.status).toBe(401)
    expect(await post.json()).toMatchObject({ message: 'Requires authentication' })
    expect((await fetch(`${fake.url}/repos/${OWNER}/secret/issues/1/comments`)).status).toBe(404)
    expect((await octokit.rest.issues.listComments({ owner: OWNER, repo: 'secret', issue_number: 1 })).status).toBe(200)
  })
})

describe('not found', () => {
  it('answers 404 Not Found for a missing repository, pull request, comment, a comment of another repository, an unknown route', async () => {
    fake.addPullRequest(OWNER, 'elsewhere', 1)
    const [foreign] = fake.seedComments(OWNER, 'elsewhere', 1, [{ body: 'there' }])
    const cases: [string, () => Promise<unknown>][] = [
      [`${COMMENTS_DOCS}#list-issue-comments`, () => octokit.rest.issues.listComments({ owner: OWNER, repo: 'missing', issue_number: PR })],
      [`${COMMENTS_DOCS}#create-an-issue-comment`, () => create('x', octokit, 404)],
      [`${COMMENTS_DOCS}#get-an-issue-comment`, () => octokit.rest.issues.getComment({ owner: OWNER, repo: REPO, comment_id: 1 })],
      [
        `${COMMENTS_DOCS}#update-an-issue-comment`,
        () => octokit.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: Number(foreign?.id), body: 'x' })
      ],
      ['https://docs.github.com/rest', () => octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner: OWNER, repo: REPO, pull_number: PR })]
    ]
    for (const [documentation, call] of cases) {
      const error = await failure(call())
      expect(error.status).toBe(404)
      expect(error.response?.data).toEqual({ message: 'Not Found', documentation_url: documentation, status: '404' })
    }
    expect(fake.requests.map(r => r.operation)).toEqual(['listComments', 'createComment', 'getComment', 'updateComment', 'unknown'])
    expect(fake.comments(OWNER, 'elsewhere', 1)).toEqual([foreign])
  })

  it('matches owner and repository names without regard to case, as GitHub does', async () => {
    const listed = await octokit.rest.issues.listComments({ owner: OWNER.toUpperCase(), repo: 'Site', issue_number: PR })
    expect(listed.status).toBe(200)
  })
})

describe('injected faults', () => {
  it.each([500, 502, 503, 504])("answers %i once; @actions/github's octokit does not retry it by itself", async status => {
    fake.setFaults([{ kind: 'status', status }])
    const error = await failure(create('x'))
    expect(error.status).toBe(status)
    expect(fake.callsOf('createComment').map(r => [r.status, r.fault])).toEqual([[status, 'status']])
    expect(fake.comments(OWNER, REPO, PR)).toEqual([])
    expect((await create('x')).status).toBe(201)
  })

  it('fails only the method or operation asked for, as many times as asked, and restarts the count when set again', async () => {
    fake.setFaults([
      { kind: 'status', status: 502, method: 'PATCH', times: 2 },
      { kind: 'status', status: 500, operation: 'listComments' }
    ])
    const created = (await create('kept')).data
    const update = () => octokit.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: Number(created.id), body: 'new' })
    expect((await failure(update())).status).toBe(502)
    expect((await failure(update())).status).toBe(502)
    expect((await update()).status).toBe(200)
    expect((await failure(octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR }))).status).toBe(500)
    expect((await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR })).status).toBe(200)
    fake.setFaults([{ kind: 'status', status: 502, method: 'PATCH' }])
    expect((await failure(update())).status).toBe(502)
    expect((await update()).status).toBe(200)
  })

  it('answers a secondary rate limit with 403 and retry-after, which octokit does not retry either', async () => {
    fake.setFaults([{ kind: 'secondaryRateLimit', retryAfterSeconds: 30 }])
    const error = await failure(create('x'))
    expect(error.status).toBe(403)
    expect(error.message).toMatch(/^You have exceeded a secondary rate limit/)
    expect(error.response?.headers['retry-after']).toBe('30')
    expect(Number(error.response?.headers['x-ratelimit-remaining'])).toBeGreaterThan(0)
    expect(fake.callsOf('createComment')).toHaveLength(1)
  })

  it('answers a primary rate limit with x-ratelimit-remaining 0 and the reset time', async () => {
    fake.setFaults([{ kind: 'primaryRateLimit', status: 429 }])
    const error = await failure(create('x'))
    expect(error.status).toBe(429)
    expect(error.message).toMatch(/^API rate limit exceeded/)
    expect(error.response?.headers['x-ratelimit-remaining']).toBe('0')
    expect(Number(error.response?.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000)
  })

  it('destroys the connection without an answer: octokit reports status 500 and does not retry', async () => {
    fake.setFaults([{ kind: 'destroy', operation: 'createComment' }])
    const error = await failure(create('x'))
    expect(error.name).toBe('HttpError')
    expect(error.status).toBe(500)
    expect(error.response).toBeUndefined()
    expect(fake.callsOf('createComment').map(r => [r.status, r.fault])).toEqual([[0, 'destroy']])
    expect((await create('x')).status).toBe(201)
  })

  it('holds a request until the client gives up (the request is seen, nothing is answered)', async () => {
    fake.setFaults([{ kind: 'delay' }])
    const abort = new AbortController()
    const pending = failure(octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: PR, request: { signal: abort.signal } }))
    while (fake.requests.length === 0) await new Promise(resolve => setImmediate(resolve))
    abort.abort()
    const error = await pending
    // Octokit passes an abort on as status 500 (named AbortError on plain Node; inside jest's VM
    // the DOMException is of another realm and octokit wraps it as an HttpError, same status).
    expect(error.status).toBe(500)
    expect(fake.requests.map(r => [r.operation, r.status, r.fault])).toEqual([['listComments', 0, 'delay']])
  })

  it('answers normally after a finite delay, and a fault after its delay', async () => {
    fake.setFaults([
      { kind: 'delay', delayMs: 5 },
      { kind: 'status', status: 503, delayMs: 5 }
    ])
    expect((await create('slow')).status).toBe(201)
    expect((await failure(create('x'))).status).toBe(503)
    expect(fake.requests.map(r => [r.status, r.fault])).toEqual([
      [201, 'delay'],
      [503, 'status']
    ])
  })
})

describe('GitHub Enterprise Server address', () => {
  it('serves the API below a base path such as /api/v3, links included, and nothing outside it', async () => {
    const ghes = await startGitHubApi({ basePath: '/api/v3', serverUrl: 'https://ghes.example' })
    try {
      expect(ghes.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/)
      expect(ghes.env).toEqual({ GITHUB_API_URL: ghes.url, GITHUB_SERVER_URL: 'https://ghes.example' })
      ghes.addToken(WRITE_TOKEN, { pullRequests: 'write' })
      ghes.addPullRequest(OWNER, REPO, PR)
      ghes.seedComments(OWNER, REPO, PR, others(40))
      const enterprise = client(WRITE_TOKEN, ghes.url)
      const made = await create('on GHES', enterprise)
      expect(made.data.url).toBe(`${ghes.url}/repos/${OWNER}/${REPO}/issues/comments/${made.data.id}`)
      expect(made.data.html_url).toMatch(/^https:\/\/ghes\.example\/octo-org\/site\/pull\/12#issuecomment-\d+$/)
      const all = await enterprise.paginate(enterprise.rest.issues.listComments, { owner: OWNER, repo: REPO, issue_number: PR })
      expect(all).toHaveLength(41)
      expect(ghes.requests.map(r => r.path.startsWith('/api/v3/'))).toEqual([true, true, true])
      const outside = await fetch(`http://127.0.0.1:${ghes.port}/repos/${OWNER}/${REPO}/issues/${PR}/comments`, {
        headers: { authorization: `token ${WRITE_TOKEN}` }
      })
      expect(outside.status).toBe(404)
    } finally {
      await ghes.close()
    }
  })
})
