/**
 * Helpers of the fault suite (faults-*.test.ts, docs/reliability.md). Each test runs the bundled
 * action against the emulator under one fault and checks the promise of the fault matrix: nothing
 * outside output-path is written, and output-path is exactly as before or exactly the new result.
 *
 * The fault files run their tests concurrently (many faults are mostly waiting), so they share one
 * emulator per file that is never reset: every test takes an app id of its own, and the emulator
 * keeps scenarios and fault counters per app.
 */
import { expect } from '@jest/globals'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Emulator, RecordedRequest, Scenario } from '../../emulator/types.js'
import { type ActionRun, type RunOptions, type Sandbox, makeSandbox, runAction, snapshot, useEmulator } from './harness.js'

export type { ActionRun, Sandbox }
export { makeSandbox, scratchFolder, signalWhen, snapshot, when } from './harness.js'

/** The preload that injects file-system faults into the bundled action (see the file). */
export const FS_FAULTS_PRELOAD = resolve('__tests__/e2e/fixtures/fs-faults.mjs')

/** One emulator for the whole file, never reset: tests tell their requests apart by app id. */
export function sharedEmulator(): () => Emulator {
  return useEmulator({ reset: false })
}

let apps = 0
/** A fresh app id (`d` + lowercase letters and digits, at most 20 characters). */
export function newAppId(): string {
  apps += 1
  return `dfault${process.pid.toString(36)}${apps.toString(36)}`.slice(0, 20)
}

/** Requests of one app, optionally of one operation. */
export function requestsOf(emulator: Emulator, appId: string, operation?: string): RecordedRequest[] {
  return emulator.requests.filter(request => request.appId === appId && (operation === undefined || request.operation === operation))
}

/** A workspace as a user has it: a hand-written file in output-path and one elsewhere. */
export function populatedSandbox(output = 'src/ui-components'): Sandbox {
  return makeSandbox({ [`${output}/custom/Mine.jsx`]: 'mine\n', 'README.md': 'hello\n' })
}

export const CODEGEN_INPUTS = { environment: 'staging', 'poll-interval': '100ms' }
export const RELEASE_INPUTS = { 'job-type': 'release', branch: 'main', 'poll-interval': '100ms' }
/**
 * Hosting jobs of four reads (PENDING, BUILD running, DEPLOY running, SUCCEED): half a second at a
 * 100 ms poll interval, and the same four answers however slow the machine.
 */
export const QUICK_HOSTING: Scenario = {
  statuses: [{ status: 'PENDING', forReads: 1 }, { status: 'RUNNING', forReads: 2 }, { status: 'SUCCEED' }],
  steps: [
    { stepName: 'BUILD', forReads: 1 },
    { stepName: 'DEPLOY', forReads: 1 }
  ]
}

export interface FaultRun {
  appId: string
  scenario: Scenario
  inputs: Record<string, string>
  env?: Record<string, string>
  onSpawn?: RunOptions['onSpawn']
  timeoutMs?: number
}

/** Sets the app's scenario and runs the action with the app id added to the inputs. */
export function runWith(emulator: Emulator, sandbox: Sandbox, run: FaultRun): Promise<ActionRun> {
  emulator.setScenario(run.scenario, run.appId)
  return runAction({
    workspace: sandbox.workspace,
    inputs: { 'app-id': run.appId, ...run.inputs },
    env: { ...emulator.env, ...run.env },
    onSpawn: run.onSpawn,
    timeoutMs: run.timeoutMs
  })
}

/** The environment that loads the fault preload into the action, with its AJA_FAULT_* settings. */
export function fsFaults(settings: Record<string, string>): Record<string, string> {
  return { NODE_OPTIONS: `--import=${pathToFileURL(FS_FAULTS_PRELOAD).href}`, ...settings }
}

/** A refused or failed run: exit 1, one error matching `message`, and the sandbox exactly as before. */
export function expectCleanFailure(run: ActionRun, message: RegExp, sandbox: Sandbox, before: Record<string, string>): void {
  expect({ exitCode: run.exitCode, errors: run.errors }).toEqual({ exitCode: 1, errors: [expect.stringMatching(message)] })
  expect(snapshot(sandbox)).toEqual(before)
}

/** A successful run. */
export function expectSuccess(run: ActionRun): void {
  expect({ exitCode: run.exitCode, errors: run.errors }).toEqual({ exitCode: 0, errors: [] })
}
