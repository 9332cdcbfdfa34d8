/**
 * End-to-end test helpers: the action is run by scripts/runner.ts exactly as the runner would, on
 * this machine's Node, or on Node 24 in the `e2e (node 24)` jest project.
 */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, beforeEach } from '@jest/globals'
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

/** A scratch workspace with the given files (path -> content). */
export function makeWorkspace(files: Record<string, string> = {}): string {
  const workspace = mkdtempSync(join(tmpdir(), 'aja-workspace-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true })
    writeFileSync(join(workspace, path), content)
  }
  return workspace
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
 * By default it forgets jobs, requests and scenarios between tests; `{ reset: false }` keeps one
 * emulator state for files whose tests run concurrently and tell their requests apart by app id.
 */
export function useEmulator({ reset = true }: { reset?: boolean } = {}): () => Emulator {
  let emulator: Emulator | undefined
  beforeAll(async () => {
    emulator = await startEmulator()
  })
  afterAll(async () => {
    await emulator?.close()
  })
  if (reset) beforeEach(() => emulator?.reset())
  return () => {
    if (!emulator) throw new Error('the emulator is not running: call useEmulator() at the top of the test file')
    return emulator
  }
}
