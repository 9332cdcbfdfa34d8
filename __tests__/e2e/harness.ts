/**
 * End-to-end test helpers: the action is run by scripts/runner.ts exactly as the runner would, on
 * this machine's Node, or on Node 24 in the `e2e (node 24)` jest project.
 */
import type { ChildProcess } from 'node:child_process'
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from '@jest/globals'
import { everIssuedSecrets } from '../../emulator/presign.js'
import { startEmulator } from '../../emulator/server.js'
import type { Emulator } from '../../emulator/types.js'
import { type ActionRun, type RunOptions, runAction as runWithNode } from '../../scripts/runner.js'

export type { ActionRun, RunOptions }

declare const E2E_NODE: string | undefined
export const NODE_BINARY: string = typeof E2E_NODE === 'string' && E2E_NODE ? E2E_NODE : process.execPath

/**
 * Runs the bundled action. Every run of every end-to-end test is swept for secrets: a run whose
 * output shows one fails the test that made it (see secretsShownIn).
 */
export async function runAction(options: RunOptions): Promise<ActionRun> {
  const run = await runWithNode({ node: NODE_BINARY, ...options })
  const shown = secretsShownIn(run, options.env)
  if (shown.length > 0) {
    throw new Error(
      `The action showed ${shown.length} secret(s) unmasked (starting ${shown.map(secret => JSON.stringify(secret.slice(0, 6))).join(', ')}): ` +
        'a presigned URL signature or session token, or the AWS secret key, outside an ::add-mask:: line.'
    )
  }
  return run
}

/** Everything of a run that the runner shows or keeps: the log (but the ::add-mask:: commands), the summary and the outputs. */
export function shownText(run: ActionRun): string {
  const log = run.stdout.split('\n').filter(line => !line.startsWith('::add-mask::'))
  return [...log, run.stderr, run.summary, ...Object.values(run.outputs)].join('\n')
}

/**
 * The secrets that appear in what a run shows, raw or percent-encoded: every X-Amz-Signature and
 * X-Amz-Security-Token any emulator of this test file handed out, and the AWS secret key and session
 * token the run was given.
 */
export function secretsShownIn(run: ActionRun, env: Record<string, string> = {}): string[] {
  const text = shownText(run)
  const secrets = [...everIssuedSecrets(), env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN].filter((secret): secret is string => !!secret)
  return secrets.filter(secret => text.includes(secret) || text.includes(encodeURIComponent(secret)))
}

/** Folders made by the tests of this file, removed after each test or after the file (useEmulator). */
const scratchFolders: string[] = []

function removeScratchFolders(): void {
  for (const folder of scratchFolders.splice(0)) rmSync(folder, { recursive: true, force: true })
}

/** A fresh, real (symlink-free) temporary folder, removed with the test's workspaces. */
export function scratchFolder(prefix: string): string {
  const folder = realpathSync(mkdtempSync(join(tmpdir(), prefix)))
  scratchFolders.push(folder)
  return folder
}

export interface Sandbox {
  /** Holds the workspace and a file beside it: anything written outside the workspace shows here. */
  parent: string
  workspace: string
}

/**
 * A workspace `repo` with the given files (path -> content), inside a fresh folder that also
 * holds `outside.txt`. Paths are real (no symlinked temp folder), so a preload can compare them.
 */
export function makeSandbox(files: Record<string, string> = {}): Sandbox {
  const parent = scratchFolder('aja-workspace-')
  const workspace = join(parent, 'repo')
  mkdirSync(workspace)
  writeFileSync(join(parent, 'outside.txt'), 'next to the workspace\n')
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true })
    writeFileSync(join(workspace, path), content)
  }
  return { parent, workspace }
}

/** The workspace of a fresh sandbox (see makeSandbox). */
export function makeWorkspace(files: Record<string, string> = {}): string {
  return makeSandbox(files).workspace
}

/** Everything below the sandbox's parent folder: what a run changed anywhere near the workspace. */
export function snapshot(sandbox: Sandbox): Record<string, string> {
  return treeOf(sandbox.parent)
}

/** The one `::error::` line of a failed run (exit code 1). */
export function theError(run: ActionRun): string {
  expect({ exitCode: run.exitCode, errors: run.errors.length }).toEqual({ exitCode: 1, errors: 1 })
  return run.errors[0]!
}

/** What a trigger did: when it acted and when the process exited (epoch ms), once they happened. */
export interface Trigger {
  onSpawn: (child: ChildProcess) => void
  firedAt?: number
  exitedAt?: number
}

/** How often a trigger looks at its condition. */
const TRIGGER_CHECK_MS = 10

/**
 * Does `act` once `ready()` holds (looked at every 10 ms while the action runs), e.g. sends a
 * signal once the emulator has seen a request. Pass `onSpawn` to runAction.
 */
export function when(ready: () => boolean, act: (child: ChildProcess) => void): Trigger {
  const trigger: Trigger = {
    onSpawn: child => {
      child.once('exit', () => {
        trigger.exitedAt = Date.now()
      })
      const timer = setInterval(() => {
        if (child.exitCode !== null || child.signalCode !== null) {
          clearInterval(timer)
          return
        }
        if (!ready()) return
        clearInterval(timer)
        trigger.firedAt = Date.now()
        act(child)
      }, TRIGGER_CHECK_MS)
    }
  }
  return trigger
}

/** Sends `signal` to the action once `ready()` holds. */
export function signalWhen(ready: () => boolean, signal: NodeJS.Signals): Trigger {
  return when(ready, child => child.kill(signal))
}

/** Every file, folder and symlink below `root`: path -> content, 'dir', or '-> target'. */
export function treeOf(root: string): Record<string, string> {
  const tree: Record<string, string> = {}
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name)
      const path = prefix ? `${prefix}/${name}` : name
      const stats = lstatSync(full)
      if (stats.isSymbolicLink()) tree[path] = `-> ${readlinkSync(full)}`
      else if (stats.isDirectory()) {
        tree[path] = 'dir'
        walk(full, path)
      } else tree[path] = readFileSync(full, 'utf8')
    }
  }
  walk(root, '')
  return tree
}

/** What a user's package.json for an amplify-js v6 app looks like. */
export const V6_PACKAGE_JSON = JSON.stringify(
  { name: 'app', dependencies: { 'aws-amplify': '^6.0.0', '@aws-amplify/ui-react': '^6.1.0', react: '^18.2.0' } },
  null,
  2
)

/**
 * One emulator per test file: call at the top of a file and use the returned getter inside tests.
 * By default it forgets jobs, requests and scenarios between tests, and the workspaces of a test
 * are removed after it; `{ reset: false }` keeps one emulator state for files whose tests run
 * concurrently and tell their requests apart by app id, and removes the workspaces after the file
 * (jest runs a concurrent test's afterEach while the others still run).
 */
export function useEmulator({ reset = true }: { reset?: boolean } = {}): () => Emulator {
  let emulator: Emulator | undefined
  beforeAll(async () => {
    emulator = await startEmulator()
  })
  afterAll(async () => {
    await emulator?.close()
    removeScratchFolders()
  })
  if (reset) {
    beforeEach(() => emulator?.reset())
    afterEach(removeScratchFolders)
  }
  return () => {
    if (!emulator) throw new Error('the emulator is not running: call useEmulator() at the top of the test file')
    return emulator
  }
}
