/**
 * Fault matrix, AWS APIs: throttling and 5xx on every API the action calls, for longer than the
 * SDK's own 3 attempts; credentials that expire mid-wait. (Half of all calls throttled for a long
 * window: faults-downloads.test.ts, where it overlaps the idle-timeout test.) Tests run
 * concurrently (most of them wait), each with an app id of its own.
 */
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import {
  CODEGEN_INPUTS,
  expectCleanFailure,
  expectSuccess,
  makeSandbox,
  newAppId,
  populatedSandbox,
  QUICK_HOSTING,
  RELEASE_INPUTS,
  requestsOf,
  runWith,
  sharedEmulator,
  snapshot,
  when
} from './faults-helpers.js'
import { treeOf } from './harness.js'

const emulator = sharedEmulator()

/** More than the SDK's 3 attempts, so the action's own patience is what gets the call through. */
const BEYOND_SDK = 7

function faultCount(appId: string, operation: string, fault: string): number {
  return requestsOf(emulator(), appId, operation).filter(request => request.fault === fault).length
}

describe('throttling and 5xx beyond the SDK retries, on every API', () => {
  it.concurrent('StartCodegenJob throttled 7 times: started once, then succeeds', async () => {
    const appId = newAppId()
    const sandbox = makeSandbox()
    const run = await runWith(emulator(), sandbox, {
      appId,
      scenario: { throttle: { times: BEYOND_SDK, operations: ['StartCodegenJob'] } },
      inputs: CODEGEN_INPUTS
    })
    expectSuccess(run)
    expect(faultCount(appId, 'StartCodegenJob', 'throttle')).toBe(BEYOND_SDK)
    // Every attempt carried the same idempotency token: one job, however many tries.
    expect(new Set(requestsOf(emulator(), appId, 'StartCodegenJob').map(request => request.query.clientToken)).size).toBe(1)
    expect(run.warnings.some(warning => /StartCodegenJob with ThrottlingException/.test(warning))).toBe(true)
    expect(Object.keys(treeOf(join(sandbox.workspace, 'src/ui-components')))).toContain('Button.jsx')
  })

  it.concurrent('StartCodegenJob answering 500 seven times: retried (idempotent by its client token), then succeeds', async () => {
    const appId = newAppId()
    const run = await runWith(emulator(), makeSandbox(), {
      appId,
      scenario: { serverErrors: { times: BEYOND_SDK, operations: ['StartCodegenJob'] } },
      inputs: CODEGEN_INPUTS
    })
    expectSuccess(run)
    expect(faultCount(appId, 'StartCodegenJob', 'serverError')).toBe(BEYOND_SDK)
    expect(new Set(requestsOf(emulator(), appId, 'StartCodegenJob').map(request => request.query.clientToken)).size).toBe(1)
  })

  it.concurrent('GetJob throttled 7 times while waiting for a release: waited through', async () => {
    const appId = newAppId()
    const run = await runWith(emulator(), makeSandbox(), {
      appId,
      scenario: { ...QUICK_HOSTING, throttle: { times: BEYOND_SDK, operations: ['GetJob'] } },
      inputs: RELEASE_INPUTS
    })
    expectSuccess(run)
    expect(run.outputs.status).toBe('SUCCEED')
    expect(faultCount(appId, 'GetJob', 'throttle')).toBe(BEYOND_SDK)
  })

  it.concurrent('GetJob answering 500 seven times: waited through', async () => {
    const appId = newAppId()
    const run = await runWith(emulator(), makeSandbox(), {
      appId,
      scenario: { ...QUICK_HOSTING, serverErrors: { times: BEYOND_SDK, operations: ['GetJob'] } },
      inputs: RELEASE_INPUTS
    })
    expectSuccess(run)
    expect(faultCount(appId, 'GetJob', 'serverError')).toBe(BEYOND_SDK)
  })

  it.concurrent.each([
    ['ListArtifacts', 'GetArtifactUrl'],
    ['GetArtifactUrl', 'ListArtifacts']
  ])('%s throttled and %s answering 500, each 7 times: the artifacts still arrive', async (throttled, failing) => {
    const appId = newAppId()
    const sandbox = makeSandbox()
    const run = await runWith(emulator(), sandbox, {
      appId,
      scenario: {
        ...QUICK_HOSTING,
        artifacts: { via: 'list' },
        throttle: { times: BEYOND_SDK, operations: [throttled] },
        serverErrors: { times: BEYOND_SDK, operations: [failing] }
      },
      inputs: { ...RELEASE_INPUTS, 'output-path': 'site' }
    })
    expectSuccess(run)
    expect(faultCount(appId, throttled, 'throttle')).toBe(BEYOND_SDK)
    expect(faultCount(appId, failing, 'serverError')).toBe(BEYOND_SDK)
    expect(Object.keys(treeOf(join(sandbox.workspace, 'site')))).toContain('index.html')
  })

  it.concurrent('GetBackendJob throttled and answering 504 beyond the SDK retries: waited through', async () => {
    const appId = newAppId()
    const run = await runWith(emulator(), makeSandbox(), {
      appId,
      scenario: {
        backend: { statuses: [{ status: 'IN_PROGRESS', forMs: 300 }, { status: 'COMPLETED' }] },
        throttle: { times: BEYOND_SDK },
        serverErrors: { times: BEYOND_SDK }
      },
      inputs: { 'job-type': 'backend', environment: 'staging', 'job-id': 'job-1', 'poll-interval': '100ms' }
    })
    expectSuccess(run)
    expect(run.outputs.status).toBe('COMPLETED')
    expect(faultCount(appId, 'GetBackendJob', 'throttle')).toBe(BEYOND_SDK)
    expect(faultCount(appId, 'GetBackendJob', 'serverError')).toBe(BEYOND_SDK)
  })

  it.concurrent('StartJob throttled beyond the SDK retries: refused at once with the reason, nothing written, no retry loop', async () => {
    // StartJob is not idempotent, and Amplify's LimitExceededException there also means "too many jobs".
    const appId = newAppId()
    const sandbox = populatedSandbox('site')
    const before = snapshot(sandbox)
    const run = await runWith(emulator(), sandbox, {
      appId,
      scenario: { ...QUICK_HOSTING, throttle: { times: 1000, operations: ['StartJob'] } },
      inputs: { ...RELEASE_INPUTS, 'output-path': 'site' }
    })
    expectCleanFailure(run, /LimitExceededException.*wait for them to end/, sandbox, before)
    expect(requestsOf(emulator(), appId, 'StartJob')).toHaveLength(3)
    expect(requestsOf(emulator(), appId, 'GetJob')).toHaveLength(0)
  })

  it.concurrent('StartJob answering 500 beyond the SDK retries: refused with one clear error, nothing written', async () => {
    const appId = newAppId()
    const sandbox = populatedSandbox('site')
    const before = snapshot(sandbox)
    const run = await runWith(emulator(), sandbox, {
      appId,
      scenario: { ...QUICK_HOSTING, serverErrors: { times: 1000, operations: ['StartJob'] } },
      inputs: { ...RELEASE_INPUTS, 'output-path': 'site' }
    })
    expectCleanFailure(run, /AWS kept failing while starting the Amplify Hosting job \(InternalFailureException: .*re-run the step later/, sandbox, before)
    expect(requestsOf(emulator(), appId, 'StartJob')).toHaveLength(3)
  })
})

describe('credentials', () => {
  /** Neverending job; once the action has read it twice, the credentials stop working. */
  async function expireMidWait(
    fault: 'expiredToken' | 'unauthorized'
  ): Promise<{ run: Awaited<ReturnType<typeof runWith>>; appId: string; before: Record<string, string>; after: Record<string, string> }> {
    const appId = newAppId()
    const sandbox = populatedSandbox()
    const before = snapshot(sandbox)
    const expire = when(
      () => requestsOf(emulator(), appId, 'GetCodegenJob').length >= 2,
      () => emulator().setScenario({ neverEnds: true, [fault]: { times: 1000 } }, appId)
    )
    const run = await runWith(emulator(), sandbox, {
      appId,
      scenario: { neverEnds: true },
      inputs: { ...CODEGEN_INPUTS, timeout: '30s' },
      onSpawn: expire.onSpawn
    })
    expect(expire.firedAt).toBeDefined()
    return { run, appId, before, after: snapshot(sandbox) }
  }

  it.concurrent('ExpiredTokenException mid-wait: fails at once, says the credentials expired and points to the session duration', async () => {
    const { run, appId, before, after } = await expireMidWait('expiredToken')
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      expect.stringMatching(/credentials expired while waiting for the codegen job \(ExpiredTokenException\).*role-duration-seconds.*maximum session duration/)
    ])
    expect(after).toEqual(before)
    expect(faultCount(appId, 'GetCodegenJob', 'expiredToken')).toBeGreaterThan(0)
  })

  it.concurrent('a session token that stops being recognised mid-wait (UnrecognizedClientException) is explained as an expired session too', async () => {
    const { run, before, after } = await expireMidWait('unauthorized')
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      expect.stringMatching(/credentials stopped working while waiting .*UnrecognizedClientException.*most likely expired.*role-duration-seconds/)
    ])
    expect(after).toEqual(before)
  })

  it.concurrent('credentials refused from the first call are a permissions problem, not an expiry', async () => {
    const appId = newAppId()
    const sandbox = populatedSandbox()
    const before = snapshot(sandbox)
    const run = await runWith(emulator(), sandbox, { appId, scenario: { unauthorized: { times: 1000 } }, inputs: CODEGEN_INPUTS })
    expectCleanFailure(run, /AWS refused starting the codegen job \(UnrecognizedClientException.*IAM/, sandbox, before)
  })
})
