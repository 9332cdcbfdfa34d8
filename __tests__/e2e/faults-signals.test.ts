/**
 * Fault matrix, cancellation: SIGINT and SIGTERM (what the runner sends when a workflow is
 * cancelled) while starting the job, while waiting for it, and while downloading its files. The step
 * ends at once, non-zero, saying it was cancelled; output-path is exactly as before. (During the
 * final move: faults-move.test.ts.)
 */
import { describe, expect, it } from '@jest/globals'
import type { Scenario } from '../../emulator/types.js'
import {
  CODEGEN_INPUTS,
  expectCleanFailure,
  newAppId,
  populatedSandbox,
  QUICK_HOSTING,
  RELEASE_INPUTS,
  requestsOf,
  runWith,
  sharedEmulator,
  signalWhen,
  snapshot
} from './faults-helpers.js'

const emulator = sharedEmulator()

interface Phase {
  scenario: Scenario
  /** True once the action is in the phase. */
  inPhase: (appId: string) => boolean
}

const PHASES: Record<string, Phase> = {
  // StartCodegenJob throttled past the SDK's retries: the action is waiting to try again.
  start: {
    scenario: { throttle: { times: 1000, operations: ['StartCodegenJob'] } },
    inPhase: appId => requestsOf(emulator(), appId, 'StartCodegenJob').length >= 4
  },
  wait: {
    scenario: { neverEnds: true },
    inPhase: appId => requestsOf(emulator(), appId, 'GetCodegenJob').length >= 2
  },
  // Button.jsx sends a few bytes, then nothing: the download is under way.
  download: {
    scenario: { download: { stallAfterBytes: 10, failFiles: ['Button.jsx'] } },
    inPhase: appId => requestsOf(emulator(), appId, 'Download').some(request => request.fileName === 'Button.jsx')
  }
}

const CASES = Object.keys(PHASES).flatMap(phase => (['SIGINT', 'SIGTERM'] as const).map(signal => [phase, signal] as const))

describe('a cancel in every phase of a codegen run', () => {
  it.concurrent.each(CASES)('while %s: %s ends the step at once as cancelled, output-path as before', async (phase, signal) => {
    const appId = newAppId()
    const sandbox = populatedSandbox()
    const before = snapshot(sandbox)
    const { scenario, inPhase } = PHASES[phase]!
    const trigger = signalWhen(() => inPhase(appId), signal)
    const run = await runWith(emulator(), sandbox, { appId, scenario, inputs: CODEGEN_INPUTS, onSpawn: trigger.onSpawn })
    expect(trigger.firedAt).toBeDefined()
    expect(run.stdout).toContain(`Received ${signal}: the workflow is being cancelled.`)
    expectCleanFailure(run, /cancelled/i, sandbox, before)
  })
})

describe('a cancel while a release is running', () => {
  it.concurrent.each(['SIGINT', 'SIGTERM'] as const)('%s: StopJob is called and the step says the job was stopped; output-path as before', async signal => {
    const appId = newAppId()
    const sandbox = populatedSandbox('site')
    const before = snapshot(sandbox)
    const trigger = signalWhen(() => requestsOf(emulator(), appId, 'GetJob').length >= 2, signal)
    const run = await runWith(emulator(), sandbox, {
      appId,
      scenario: { ...QUICK_HOSTING, neverEnds: true, stopDelayMs: 100 },
      inputs: { ...RELEASE_INPUTS, 'output-path': 'site' },
      onSpawn: trigger.onSpawn
    })
    expect(trigger.firedAt).toBeDefined()
    expectCleanFailure(run, /cancelled.*stopped/i, sandbox, before)
    expect(requestsOf(emulator(), appId, 'StopJob')).toHaveLength(1)
  })

  it.concurrent('StopJob throttled past the SDK retries on a cancel: the step says the job could not be stopped', async () => {
    const appId = newAppId()
    const sandbox = populatedSandbox('site')
    const before = snapshot(sandbox)
    const trigger = signalWhen(() => requestsOf(emulator(), appId, 'GetJob').length >= 2, 'SIGTERM')
    const run = await runWith(emulator(), sandbox, {
      appId,
      scenario: { ...QUICK_HOSTING, neverEnds: true, throttle: { times: 1000, operations: ['StopJob'] } },
      inputs: { ...RELEASE_INPUTS, 'output-path': 'site' },
      onSpawn: trigger.onSpawn
    })
    expect(trigger.firedAt).toBeDefined()
    expectCleanFailure(run, /cancelled/i, sandbox, before)
    expect(run.errors[0]).toMatch(/Amplify console|not be stopped|could not stop|still running|left running/i)
  })
})
