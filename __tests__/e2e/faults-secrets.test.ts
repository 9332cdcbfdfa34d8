/**
 * Secrets: every run of every end-to-end test is swept (harness.ts, runAction) for the presigned
 * URL signatures and session tokens the emulator issued and for the AWS secret key. These tests show
 * the sweep can fail, and that each presigned URL reaches the runner's masking before anything else
 * could print it, on the paths that handle URLs: codegen files, a failed build's log, artifacts.
 */
import { describe, expect, it } from '@jest/globals'
import type { ActionRun } from './harness.js'
import { secretsShownIn } from './harness.js'
import { CODEGEN_INPUTS, makeSandbox, newAppId, QUICK_HOSTING, RELEASE_INPUTS, requestsOf, runWith, sharedEmulator } from './faults-helpers.js'

const emulator = sharedEmulator()

function fakeRun(parts: Partial<ActionRun>): ActionRun {
  return { exitCode: 0, signal: null, stdout: '', stderr: '', outputs: {}, summary: '', errors: [], warnings: [], ...parts }
}

/** Every presigned URL of an app the emulator served, from its download requests. */
function signaturesServed(appId: string): string[] {
  return requestsOf(emulator(), appId, 'Download').map(request => request.query['X-Amz-Signature'] ?? '')
}

/** Each signature was masked (::add-mask::) on a line before any other line that holds it. */
function expectMaskedFirst(run: ActionRun, signatures: string[]): void {
  const lines = run.stdout.split('\n')
  for (const signature of signatures) {
    const first = lines.findIndex(line => line.includes(signature))
    expect({ signature, firstLine: lines[first]?.slice(0, 13) }).toEqual({ signature, firstLine: '::add-mask::h' })
  }
}

describe('the sweep', () => {
  it('finds an issued signature or session token in the log, stderr, summary or outputs, raw or percent-encoded, but not in ::add-mask:: lines', async () => {
    const appId = newAppId()
    await runWith(emulator(), makeSandbox(), { appId, scenario: { components: ['Button'] }, inputs: CODEGEN_INPUTS })
    const [signature] = signaturesServed(appId)
    const token = requestsOf(emulator(), appId, 'Download')[0]!.query['X-Amz-Security-Token']!
    expect(signature).toMatch(/^[0-9a-f]{64}$/)
    expect(secretsShownIn(fakeRun({ stdout: `::add-mask::${signature}\n::add-mask::${token}\n` }))).toEqual([])
    expect(secretsShownIn(fakeRun({ stdout: `Downloading https://x/?X-Amz-Signature=${signature}\n` }))).toEqual([signature])
    expect(secretsShownIn(fakeRun({ stderr: `token ${encodeURIComponent(token)}` }))).toEqual([token])
    expect(secretsShownIn(fakeRun({ summary: `| ${signature} |` }))).toEqual([signature])
    expect(secretsShownIn(fakeRun({ outputs: { files: signature! } }))).toEqual([signature])
    expect(secretsShownIn(fakeRun({ stdout: 'secret emulator-secret' }), { AWS_SECRET_ACCESS_KEY: 'emulator-secret' })).toEqual(['emulator-secret'])
  })
})

describe('presigned URLs are masked before anything could print them', () => {
  it.concurrent('codegen: the manifest and every file URL', async () => {
    const appId = newAppId()
    const run = await runWith(emulator(), makeSandbox(), { appId, scenario: { componentCount: 4 }, inputs: CODEGEN_INPUTS })
    expect(run.exitCode).toBe(0)
    expect(signaturesServed(appId).length).toBeGreaterThan(8)
    expectMaskedFirst(run, signaturesServed(appId))
  })

  it.concurrent('codegen: a failing download with debug logging on still shows no URL', async () => {
    const appId = newAppId()
    const run = await runWith(emulator(), makeSandbox(), {
      appId,
      scenario: { download: { failStatus: 500, failTimes: 1000, failFiles: ['Button.jsx'] } },
      inputs: CODEGEN_INPUTS,
      env: { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::debug::Downloading the generated file "Button\.jsx" failed/)
    expectMaskedFirst(run, signaturesServed(appId))
  })

  it.concurrent('hosting: a failed build step log', async () => {
    const appId = newAppId()
    const run = await runWith(emulator(), makeSandbox(), { appId, scenario: { ...QUICK_HOSTING, failStep: { stepName: 'BUILD' } }, inputs: RELEASE_INPUTS })
    expect(run.exitCode).toBe(1)
    expect(signaturesServed(appId).length).toBeGreaterThan(0)
    expectMaskedFirst(run, signaturesServed(appId))
  })

  it.concurrent('hosting: build artifacts offered by the step and by GetArtifactUrl', async () => {
    for (const via of ['step', 'list'] as const) {
      const appId = newAppId()
      const run = await runWith(emulator(), makeSandbox(), {
        appId,
        scenario: { ...QUICK_HOSTING, artifacts: { via } },
        inputs: { ...RELEASE_INPUTS, 'output-path': 'site' }
      })
      expect(run.exitCode).toBe(0)
      expect(signaturesServed(appId)).toHaveLength(1)
      expectMaskedFirst(run, signaturesServed(appId))
    }
  })
})

describe('where downloads may go', () => {
  const URLS: Array<[string, string, RegExp]> = [
    [
      'plain http to another machine',
      'http://example.com/x.jsx?X-Amz-Signature=0123456789abcdef',
      /Refusing to download .* over plain http from another machine/
    ],
    ['a file URL', 'file:///etc/passwd', /Refusing to download .* from a file URL/],
    ['an ftp URL', 'ftp://example.com/x.jsx', /Refusing to download .* from a ftp URL/]
  ]

  it.concurrent.each(URLS)('a manifest entry pointing at %s is refused before any request, and the URL is not shown', async (_label, url, why) => {
    const appId = newAppId()
    const manifestBody = JSON.stringify({ Output: [{ fileName: 'X.jsx', schemaName: 'X', downloadUrl: url }] })
    const run = await runWith(emulator(), makeSandbox(), { appId, scenario: { manifestBody }, inputs: CODEGEN_INPUTS })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([expect.stringMatching(why)])
    expect(run.errors[0]).not.toContain(url)
    expect(requestsOf(emulator(), appId, 'Download').map(request => request.fileName)).toEqual(['manifest.json'])
  })
})
