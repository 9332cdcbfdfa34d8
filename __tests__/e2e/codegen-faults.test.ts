/**
 * Codegen runs that go wrong: failed jobs, per-component errors, timeouts, throttling beyond the
 * SDK's own retries, download faults and hostile file names. In every failing case the step exits
 * non-zero with one clear error and the workspace and what is beside it are exactly as they were;
 * no presigned URL's signature is ever printed (the harness checks every run for that).
 */
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import type { Scenario } from '../../emulator/types.js'
import { type ActionRun, type Sandbox, makeSandbox, makeWorkspace, runAction, signalWhen, snapshot, treeOf, useEmulator } from './harness.js'

const APP_ID = 'd1a2b3c4d5e6f7'

const emulator = useEmulator()

/** A workspace that already has generated files and a hand-written one: all must survive. */
function populatedSandbox(): Sandbox {
  return makeSandbox({ 'src/ui-components/custom/Mine.jsx': 'mine', 'README.md': 'hello' })
}

async function codegen(workspace: string, scenario: Scenario, inputs: Record<string, string> = {}): Promise<ActionRun> {
  emulator().setScenario(scenario)
  return runAction({
    workspace,
    inputs: { 'app-id': APP_ID, environment: 'staging', 'poll-interval': '100ms', ...inputs },
    env: emulator().env
  })
}

async function expectFailureLeavesWorkspace(scenario: Scenario, message: RegExp, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const sandbox = populatedSandbox()
  const before = snapshot(sandbox)
  const run = await codegen(sandbox.workspace, scenario, inputs)
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(message)
  expect(snapshot(sandbox)).toEqual(before)
  return run
}

describe('jobs that fail', () => {
  it('a failed job fails the step with its message', async () => {
    const run = await expectFailureLeavesWorkspace({ durationMs: 300, fail: 'Theme Primary is invalid' }, /Codegen job .* failed: Theme Primary is invalid/)
    expect(run.outputs.status).toBe('failed')
    expect(run.outputs['job-id']).toMatch(/\S/)
    expect(run.summary).toContain('Theme Primary is invalid')
  })

  it('codegenErrors in a succeeded job fail the step listing every component, and write nothing', async () => {
    const run = await expectFailureLeavesWorkspace(
      {
        codegenErrors: [
          { schemaName: 'Card', error: 'Unknown binding' },
          { schemaName: 'HeroLayout', error: 'Missing property' }
        ]
      },
      /2 components failed to generate: Card: Unknown binding; HeroLayout: Missing property/
    )
    expect(run.outputs.status).toBe('succeeded')
  })

  it('manifest entries with an error or no URL fail the step listing each', async () => {
    await expectFailureLeavesWorkspace(
      {
        manifestEntryErrors: [
          { schemaName: 'Card', error: 'Render failed' },
          { schemaName: 'NavBar', noUrl: true }
        ]
      },
      /Card.*Render failed[\s\S]*NavBar/
    )
  })

  it('the timeout ends the wait with a clear error and the last status', async () => {
    const run = await expectFailureLeavesWorkspace({ neverEnds: true }, /did not end within the timeout of 2\.0s \(its last status was in_progress\)/, {
      timeout: '2s'
    })
    expect(run.outputs.status).toBe('in_progress')
  })
})

describe('throttling and server errors while waiting', () => {
  it('throttling beyond the SDK retries does not fail the step before the deadline', async () => {
    const workspace = makeWorkspace()
    const run = await codegen(workspace, { durationMs: 300, throttle: { times: 9, operations: ['GetCodegenJob'] } })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(
      emulator()
        .callsOf('GetCodegenJob')
        .filter(call => call.status === 429).length
    ).toBe(9)
    expect(run.warnings.some(w => /ThrottlingException/.test(w))).toBe(true)
  })

  it('5xx answers while waiting are waited through', async () => {
    const run = await codegen(makeWorkspace(), { serverErrors: { times: 6, operations: ['GetCodegenJob'] } })
    expect(run.errors).toEqual([])
    expect(run.outputs.status).toBe('succeeded')
  })

  it('throttling that outlasts the timeout fails with the timeout error', async () => {
    await expectFailureLeavesWorkspace({ throttle: { times: 10_000, operations: ['GetCodegenJob'] } }, /did not end within the timeout/, { timeout: '2s' })
  })
})

describe('download faults', () => {
  it('5xx and resets on downloads are retried', async () => {
    const workspace = makeWorkspace()
    const run = await codegen(workspace, { download: { failStatus: 503, failTimes: 2, failFiles: ['Button.jsx'], resetTimes: 1 } })
    expect(run.errors).toEqual([])
    expect(Object.keys(treeOf(join(workspace, 'src/ui-components')))).toContain('Button.jsx')
  })

  it('truncated bodies are retried', async () => {
    const workspace = makeWorkspace()
    const run = await codegen(workspace, { download: { truncate: 1 } })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
  })

  it('403 on a presigned URL fails fast, says the URL expired, retries nothing', async () => {
    await expectFailureLeavesWorkspace({ download: { failStatus: 403, failTimes: 100, failFiles: ['Button.jsx'] } }, /403.*expired/)
    expect(emulator().requests.filter(r => r.fileName === 'Button.jsx')).toHaveLength(1)
  })

  it('the deadline reached while downloading abandons the fetch and writes nothing', async () => {
    await expectFailureLeavesWorkspace({ download: { stallAfterBytes: 10, failFiles: ['Button.jsx'] } }, /timeout .* reached while fetching/, { timeout: '8s' })
  })

  it('a manifest that is not JSON is refused', async () => {
    await expectFailureLeavesWorkspace({ manifestBody: '<html>not json</html>' }, /not valid JSON|not JSON/i)
  })

  it('a manifest that lists the same file twice is refused', async () => {
    await expectFailureLeavesWorkspace({ duplicateEntries: true }, /two files with this name/)
  })
})

describe('hostile file names write nothing anywhere', () => {
  const HOSTILE: Array<[string, string]> = [
    ['parent traversal', '../escape.js'],
    ['deep traversal', 'a/../../escape.js'],
    ['absolute path', '/tmp/escape.js'],
    ['backslash', '..\\escape.js'],
    ['drive letter', 'C:escape.js'],
    ['NUL byte', 'a\u0000b.js'],
    ['control character', 'a\u001bb.js'],
    ['the action state file', '.amplify-job-action.json'],
    ['into .git', '.git/hooks/pre-commit']
  ]

  it.each(HOSTILE)('%s (manifest)', async (_label, name) => {
    const run = await expectFailureLeavesWorkspace({ hostileNames: [name] }, /Refus|refus|not allowed|unsafe/i)
    expect(run.outputs.files).toBeUndefined()
  })

  it.each(HOSTILE.slice(0, 4))('%s (zip asset)', async (_label, name) => {
    await expectFailureLeavesWorkspace({ assetFormat: 'zip', hostileNames: [name] }, /Refus|refus|not allowed|unsafe/i)
  })

  it('names that collide on a case-insensitive file system are refused', async () => {
    await expectFailureLeavesWorkspace({ hostileNames: ['button.jsx'], components: ['Button'] }, /collide|clash|same file/i)
  })

  it('nothing lands next to the workspace either', async () => {
    const sandbox = makeSandbox({ 'keep.txt': 'x', 'src/ui-components/.keep': '' })
    const before = snapshot(sandbox)
    const run = await codegen(sandbox.workspace, { hostileNames: ['../../escape.js'] })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([expect.stringMatching(/Refus|refus|not allowed|unsafe/)])
    expect(snapshot(sandbox)).toEqual(before)
  })
})

describe('secrets', () => {
  it("a successful run hands every presigned URL's signature to the runner's masking", async () => {
    // (That none is shown unmasked, the harness checks for every run.) Masking them is what keeps
    // them out of what other steps and the runner print.
    const run = await codegen(makeWorkspace(), { components: ['Button', 'Card'] })
    expect(run.exitCode).toBe(0)
    expect(emulator().issuedSignatures.length).toBeGreaterThan(3)
    for (const signature of emulator().issuedSignatures) expect(run.stdout).toContain(`::add-mask::${signature}`)
  })
})

describe('cancellation', () => {
  it('SIGINT while waiting ends the step non-zero at once and leaves the workspace as it was', async () => {
    const sandbox = populatedSandbox()
    const before = snapshot(sandbox)
    emulator().setScenario({ neverEnds: true })
    const trigger = signalWhen(() => emulator().callsOf('GetCodegenJob').length > 0, 'SIGINT')
    const run = await runAction({
      workspace: sandbox.workspace,
      inputs: { 'app-id': APP_ID, environment: 'staging', 'poll-interval': '100ms' },
      env: emulator().env,
      onSpawn: trigger.onSpawn
    })
    expect(trigger.firedAt).toBeDefined()
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([expect.stringMatching(/cancelled/i)])
    expect(snapshot(sandbox)).toEqual(before)
  })
})
