/**
 * pr-comment, end to end: the bundled action against the Amplify emulator and the local fake of
 * GitHub's REST API (GITHUB_API_URL pointed at it), as a pull request workflow runs it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { GITHUB_ACTIONS_BOT, startGitHubApi } from '../../emulator/github-api.js'
import type { GitHubApi, GitHubFault } from '../../emulator/github-types.js'
import { type ActionRun, makeSandbox, runAction, scratchFolder, useEmulator, V6_PACKAGE_JSON } from './harness.js'

const APP_ID = 'd5c6b7a8e9f0a1'
const OWNER = 'octo-org'
const REPO = 'site'
const PR = 12
const WRITE_TOKEN = 'ghs_writetoken0123456789'
const FORK_TOKEN = 'ghs_forktoken0123456789'

const emulator = useEmulator()
let github: GitHubApi

beforeAll(async () => {
  github = await startGitHubApi()
})
afterAll(async () => {
  await github.close()
})
beforeEach(() => {
  github.reset()
  github.addToken(WRITE_TOKEN, { pullRequests: 'write' })
  github.addToken(FORK_TOKEN, { pullRequests: 'read' })
  github.addPullRequest(OWNER, REPO, PR)
  emulator().setScenario({
    statuses: [{ status: 'RUNNING', forReads: 1 }, { status: 'SUCCEED' }],
    branches: [{ branchName: 'main' }, { branchName: 'pr-12', tags: { 'amplify-job-action': 'created' } }]
  })
})

/** The environment of a run for pull request `number` (or for another event). */
function eventEnv(
  event: 'pull_request' | 'push',
  payload: unknown = { number: PR, pull_request: { number: PR, head: { sha: 'c0ffee1234567890' } } }
): Record<string, string> {
  const folder = scratchFolder('aja-event-')
  const path = join(folder, 'event.json')
  writeFileSync(path, JSON.stringify(payload))
  return { GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_RUN_ID: '99', ...github.env }
}

function siteWorkspace(): string {
  const { workspace } = makeSandbox({ 'dist/index.html': '<p>preview</p>', 'package.json': V6_PACKAGE_JSON })
  return workspace
}

function action(inputs: Record<string, string>, env: Record<string, string> = eventEnv('pull_request'), workspace = siteWorkspace()): Promise<ActionRun> {
  return runAction({
    workspace,
    inputs: { 'app-id': APP_ID, 'poll-interval': '100ms', 'pr-comment': 'true', 'github-token': WRITE_TOKEN, ...inputs },
    env: { ...emulator().env, ...env }
  })
}

const deployPreview = (extra: Record<string, string> = {}, env?: Record<string, string>) =>
  action({ 'job-type': 'deploy', branch: 'pr-12', source: 'dist', 'create-branch': 'true', ...extra }, env)

function comments(): string[] {
  return github.comments(OWNER, REPO, PR).map(comment => comment.body ?? '')
}

describe('pr-comment on a pull request', () => {
  it('the first deploy creates the comment: status, site link, commit, console; the token is masked', async () => {
    const run = await deployPreview()
    expect(run.errors).toEqual([])
    expect(run.warnings).toEqual([])
    const [body] = comments()
    expect(comments()).toHaveLength(1)
    expect(body).toMatch(/^<!-- amplify-job-action: hosting\/d5c6b7a8e9f0a1\/pr%2D12 -->\n### ✅ Deploy to `pr-12` succeeded/)
    expect(body).toContain(`| Site | [https://pr-12.${APP_ID}.amplifyapp.com](https://pr-12.${APP_ID}.amplifyapp.com) |`)
    expect(body).toContain('| Commit | `c0ffee123456` |')
    expect(body).toContain('| Status | `SUCCEED` |')
    expect(body).toMatch(
      /\| Console \| \[job 1\]\(https:\/\/us-east-1\.console\.aws\.amazon\.com\/amplify\/apps\/d5c6b7a8e9f0a1\/branches\/pr-12\/deployments\/1\) \|/
    )
    expect(run.stdout).toContain(`::add-mask::${WRITE_TOKEN}`)
    expect(github.requests.every(request => request.headers.authorization === `token ${WRITE_TOKEN}`)).toBe(true)
  })

  it('the next run edits the same comment in place; it is never duplicated', async () => {
    await deployPreview()
    const first = github.comments(OWNER, REPO, PR)[0]!
    emulator().setScenario({ failStep: { stepName: 'DEPLOY', statusReason: 'Quota exceeded' } }, APP_ID)
    const run = await deployPreview()
    expect(run.exitCode).toBe(1)
    const now = github.comments(OWNER, REPO, PR)
    expect(now).toHaveLength(1)
    expect(now[0]!.id).toBe(first.id)
    expect(now[0]!.body).toMatch(/### ❌ Deploy to `pr-12` failed\n\n```text\nAmplify Hosting job 2 FAILED in step DEPLOY; reason: Quota exceeded/)
    expect(github.callsOf('updateComment')).toHaveLength(1)
    expect(github.callsOf('createComment')).toHaveLength(1)
  })

  it("finds its comment on a later page, and leaves other people's comments (and quotes of its marker) alone", async () => {
    await deployPreview()
    const mine = github.comments(OWNER, REPO, PR)[0]!
    const marker = mine.body!.split('\n')[0]!
    github.reset()
    github.addToken(WRITE_TOKEN, { pullRequests: 'write' })
    github.addPullRequest(OWNER, REPO, PR)
    github.seedComments(OWNER, REPO, PR, [
      ...Array.from({ length: 150 }, (_, index) => ({ body: `comment ${index}` })),
      { body: `> ${marker}\n> quoted by a reviewer` },
      { body: mine.body!, user: GITHUB_ACTIONS_BOT }
    ])
    const run = await deployPreview()
    expect(run.warnings).toEqual([])
    const all = github.comments(OWNER, REPO, PR)
    expect(all).toHaveLength(152)
    expect(github.callsOf('listComments').length).toBeGreaterThanOrEqual(2)
    expect(github.callsOf('updateComment')).toHaveLength(1)
    expect(all.at(-1)!.body).toMatch(/Deploy to `pr-12` succeeded/)
    expect(all.at(-2)!.body).toBe(`> ${marker}\n> quoted by a reviewer`)
  })

  it('two targets on one pull request keep two comments (a preview and a codegen)', async () => {
    await deployPreview()
    emulator().setScenario({ durationMs: 200, components: ['Button'] }, APP_ID)
    const codegen = await action({ environment: 'staging' })
    expect(codegen.errors).toEqual([])
    const bodies = comments()
    expect(bodies).toHaveLength(2)
    expect(bodies[1]).toMatch(
      /^<!-- amplify-job-action: codegen\/d5c6b7a8e9f0a1\/staging\/src%2Fui%2Dcomponents -->\n### ✅ UI components regenerated in `src\/ui-components`/
    )
    expect(bodies[1]).toMatch(/#### Files in `src\/ui-components`: \d+ added/)
  })

  it("delete-branch (another job, on closed) marks the deploy's comment: the preview was removed", async () => {
    await deployPreview()
    const run = await action({ 'job-type': 'delete-branch', branch: 'pr-12' })
    expect(run.errors).toEqual([])
    const bodies = comments()
    expect(bodies).toHaveLength(1)
    expect(bodies[0]).toContain(`### 🗑️ Preview removed\n\nBranch \`pr-12\` of app \`${APP_ID}\` was deleted, and its site with it.`)
  })
})

describe('a comment that cannot be written is a warning, never a failed step', () => {
  it("a fork's read-only token (403): warns with the permission to give; the deploy succeeds", async () => {
    const run = await deployPreview({ 'github-token': FORK_TOKEN })
    expect(run.exitCode).toBe(0)
    expect(run.warnings).toEqual([
      expect.stringMatching(
        /^Could not write the pull request comment: GitHub answered 403 \(Resource not accessible by integration\): .*`permissions: pull-requests: write`.*from a fork gets a read-only token/
      )
    ])
    expect(comments()).toEqual([])
  })

  it('an unknown pull request (404) and a bad token (401) are warnings', async () => {
    const missing = await action(
      { 'job-type': 'deploy', branch: 'pr-12', source: 'dist', 'create-branch': 'true' },
      eventEnv('pull_request', { number: 404, pull_request: { number: 404 } })
    )
    expect(missing.exitCode).toBe(0)
    expect(missing.warnings).toEqual([expect.stringMatching(/GitHub answered 404 .*cannot see this repository or pull request/)])
    const refused = await deployPreview({ 'github-token': 'ghs_unknown' })
    expect(refused.exitCode).toBe(0)
    expect(refused.warnings).toEqual([expect.stringMatching(/GitHub refused the token \(401 Bad credentials\)\. Check 'github-token'/)])
  })

  it('5xx is tried again and the comment is written; one that persists is a warning', async () => {
    github.setFaults([{ kind: 'status', status: 502, operation: 'createComment', times: 1 }])
    const retried = await deployPreview()
    expect(retried.warnings).toEqual([])
    expect(github.callsOf('createComment').map(call => call.status)).toEqual([502, 201])
    github.setFaults([{ kind: 'status', status: 503, operation: 'updateComment', times: 10 }])
    const failed = await deployPreview()
    expect(failed.exitCode).toBe(0)
    expect(failed.warnings).toEqual([expect.stringMatching(/^Could not write the pull request comment: GitHub answered 503/)])
    expect(github.callsOf('updateComment')).toHaveLength(3)
  })

  it.each<[string, GitHubFault]>([
    ['a 502', { kind: 'status', status: 502 }],
    ['a connection cut', { kind: 'destroy' }]
  ])('a create that took effect but whose answer was lost to %s is found by its marker and edited: one comment', async (_label, fault) => {
    github.setFaults([{ ...fault, operation: 'createComment', afterEffect: true }])
    const run = await deployPreview()
    expect(run.warnings).toEqual([])
    expect(comments()).toHaveLength(1)
    expect(github.callsOf('createComment')).toHaveLength(1)
    expect(github.callsOf('updateComment').map(call => call.status)).toEqual([200])
    expect(run.stdout).toContain('Updated the pull request comment:')
  })

  it('a pull request payload without a number: a warning, no request', async () => {
    const run = await action({ 'job-type': 'deploy', branch: 'pr-12', source: 'dist', 'create-branch': 'true' }, eventEnv('pull_request', { pull_request: {} }))
    expect(run.exitCode).toBe(0)
    expect(run.warnings).toEqual(["pr-comment: no comment is written: the event's payload names no pull request number."])
    expect(github.requests).toEqual([])
  })
})

describe('no comment where none is asked for', () => {
  it('a push run writes nothing, and says why', async () => {
    const run = await action({ 'job-type': 'release', branch: 'main' }, eventEnv('push', { head_commit: { message: 'x' } }))
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('pr-comment: this run is for push, not a pull request, so no comment is written.')
    expect(github.requests).toEqual([])
  })

  it('pr-comment off makes no GitHub request at all', async () => {
    const run = await action({ 'job-type': 'release', branch: 'main', 'pr-comment': 'false' })
    expect(run.exitCode).toBe(0)
    expect(github.requests).toEqual([])
  })
})
