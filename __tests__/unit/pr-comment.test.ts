/**
 * The pull request comment's text (src/pr-comment/body.ts): one marker per target, the comment of
 * each job type, and what it says when nothing changed or the job failed.
 */
import { describe, expect, it } from '@jest/globals'
import type { ActionInputs, BackendInputs, CodegenInputs, DeleteBranchInputs, HostingInputs } from '../../src/inputs.js'
import { commentBody, commentMarker, isCommentOf, MAX_COMMENT_CHARACTERS } from '../../src/pr-comment/body.js'
import type { Outcome } from '../../src/report.js'

const APP = 'd1a2b3c4d5e6f7'
const common = { appId: APP, wait: true, timeoutMs: 600_000, firstPollMs: 500, maxPollMs: 2_000, workspace: '/w' }
const release = { ...common, jobType: 'release', branch: 'feature/x--y', clean: false, stopOnCancel: true, commitId: 'abcdef0123456789' } as HostingInputs
const codegen = {
  ...common,
  jobType: 'codegen',
  environment: 'staging',
  output: { relative: 'src/ui-components', absolute: '/w/src/ui-components' }
} as CodegenInputs
const backend = { ...common, jobType: 'backend', environment: 'staging', jobId: 'job-7' } as BackendInputs
const deleted = { ...common, jobType: 'delete-branch', branch: 'feature/x--y' } as DeleteBranchInputs
const context = { workspace: '/w', serverUrl: 'https://github.com', repository: 'octo/site', runId: '5' }
const NOW = new Date('2026-12-02T10:00:00.123Z')

function outcome(extra: Partial<Outcome> = {}): Outcome {
  return { jobType: 'release', noun: 'Amplify Hosting job', result: 'succeeded', durationMs: 83_000, status: 'SUCCEED', ...extra }
}

describe('commentMarker', () => {
  it('names the target; no name can end the hidden comment early', () => {
    expect(commentMarker(release)).toBe('<!-- amplify-job-action: hosting/d1a2b3c4d5e6f7/feature%2Fx%2D%2Dy -->')
    expect(commentMarker(codegen)).toBe('<!-- amplify-job-action: codegen/d1a2b3c4d5e6f7/staging/src%2Fui%2Dcomponents -->')
    expect(commentMarker(backend)).toBe('<!-- amplify-job-action: backend/d1a2b3c4d5e6f7/staging/job%2D7 -->')
  })

  it('a deploy, a release and a delete-branch of one branch share the marker; other branches do not', () => {
    const deploy = { ...release, jobType: 'deploy' } as unknown as ActionInputs
    expect(commentMarker(deploy)).toBe(commentMarker(release))
    expect(commentMarker(deleted)).toBe(commentMarker(release))
    expect(commentMarker({ ...release, branch: 'main' })).not.toBe(commentMarker(release))
  })

  it('a comment is one of the target only when it starts with the marker (not a quote of it)', () => {
    const marker = commentMarker(release)
    expect(isCommentOf(`${marker}\n### ✅`, marker)).toBe(true)
    expect(isCommentOf(`> ${marker}`, marker)).toBe(false)
    expect(isCommentOf(commentMarker({ ...release, branch: 'main' }), marker)).toBe(false)
    expect(isCommentOf(undefined, marker)).toBe(false)
  })
})

describe('commentBody', () => {
  it('a release: status, site, commit, duration, console, and the run', () => {
    const body = commentBody(release, outcome({ siteUrl: 'https://x.example.com', consoleUrl: 'https://console/job/3', jobId: '3' }), context, NOW)
    expect(body.split('\n')).toEqual([
      commentMarker(release),
      '### ✅ Release of `feature/x--y` succeeded',
      '',
      '| Site | [https://x.example.com](https://x.example.com) |',
      '|:--|:--|',
      '| Commit | `abcdef012345` |',
      '| Status | `SUCCEED` |',
      '| Duration | 1m23s |',
      '| Console | [job 3](https://console/job/3) |',
      '',
      '',
      '<sub>amplify-job-action · [workflow run](https://github.com/octo/site/actions/runs/5) · 2026-12-02T10:00:00Z</sub>'
    ])
  })

  it('a failure is shown in a code block, cut when very long', () => {
    const body = commentBody(
      release,
      outcome({ result: 'failed', status: 'FAILED', failure: `Job 3 FAILED in step BUILD\nsecond line ${'x'.repeat(5000)}` }),
      context,
      NOW
    )
    expect(body).toContain('### ❌ Release of `feature/x--y` failed\n\n```text\nJob 3 FAILED in step BUILD\nsecond line xxx')
    expect(body).toMatch(/x…\n/)
    expect(body.length).toBeLessThan(3_000)
  })

  it('codegen: the files that changed, or a line saying nothing did; dependency warnings', () => {
    const files = (added: string[]) => ({
      path: 'src/ui-components',
      kept: [],
      commit: { files: ['a.js', ...added], added, modified: [], removed: [], changed: added.length > 0, kept: [] }
    })
    const changed = commentBody(codegen, outcome({ jobType: 'codegen', status: 'succeeded', files: files(['b.js']) }), context, NOW)
    expect(changed).toContain('### ✅ UI components regenerated in `src/ui-components`')
    expect(changed).toContain('#### Files in `src/ui-components`: 1 added, 1 unchanged')
    const same = commentBody(
      codegen,
      outcome({
        jobType: 'codegen',
        status: 'succeeded',
        files: files([]),
        dependencies: [{ name: 'aws-amplify', supportedVersion: '^6', isSemVer: true, reason: 'v6', state: 'missing' }]
      }),
      context,
      NOW
    )
    expect(same).toContain('#### Files: no changes')
    expect(same).toContain('#### Dependencies of the generated code')
  })

  it('backend and delete-branch', () => {
    expect(commentBody(backend, outcome({ status: 'COMPLETED' }), context, NOW)).toContain('### ✅ Backend job `job-7` COMPLETED')
    expect(commentBody(deleted, outcome({ status: 'NOT_FOUND' }), context, NOW)).toContain(
      'No branch `feature/x--y` was left to delete in app `d1a2b3c4d5e6f7`.'
    )
  })

  it('never exceeds what GitHub takes', () => {
    const many = Array.from({ length: 5000 }, (_, index) => `Component${index}.jsx`)
    const files = { path: 'src/ui-components', kept: [], commit: { files: many, added: many, modified: [], removed: [], changed: true, kept: [] } }
    expect(commentBody(codegen, outcome({ files }), context, NOW).length).toBeLessThanOrEqual(MAX_COMMENT_CHARACTERS)
  })
})
