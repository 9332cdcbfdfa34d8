/**
 * Runs the bundled action (dist/index.js) the way the GitHub runner does: a child process with
 * INPUT_<NAME> variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_WORKSPACE, and nothing of
 * this machine's own AWS setup. The Node binary is the machine's, or Node 24 in the
 * `e2e (node 24)` jest project.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

export const DIST_ENTRY = resolve('dist/index.js')
/** Generous: a run normally takes well under a second; the machines are shared and noisy. */
const DEFAULT_RUN_TIMEOUT_MS = 60_000

declare const E2E_NODE: string | undefined
export const NODE_BINARY: string = typeof E2E_NODE === 'string' && E2E_NODE ? E2E_NODE : process.execPath

export interface RunOptions {
  inputs: Record<string, string>
  /** Emulator variables and anything else the step's env has. */
  env?: Record<string, string>
  workspace: string
  /** Called once the process is running, e.g. to send it a signal. */
  onSpawn?: (child: ChildProcess) => void
  timeoutMs?: number
}

export interface ActionRun {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** The `::error::` lines (workflow commands) printed. */
  errors: string[]
  warnings: string[]
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'aja-runner-'))
  const outputFile = join(scratch, 'output')
  const summaryFile = join(scratch, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    // A home of its own: no ~/.aws of this machine's user is read.
    HOME: scratch,
    AWS_CONFIG_FILE: join(scratch, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_JOB: 'regenerate',
    GITHUB_ACTION: `step-${randomUUID()}`,
    GITHUB_WORKFLOW: 'UI components',
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: 'a'.repeat(40),
    RUNNER_TEMP: scratch,
    ...options.env
  }
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value

  const child = spawn(NODE_BINARY, [DIST_ENTRY], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', chunk => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk))
  options.onSpawn?.(child)
  const timeoutMs = options.timeoutMs ?? DEFAULT_RUN_TIMEOUT_MS
  const { exitCode, signal } = await new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`the action did not end within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`))
    }, timeoutMs)
    child.on('close', (code, sig) => {
      clearTimeout(timer)
      done({ exitCode: code, signal: sig })
    })
  })
  const run: ActionRun = {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    errors: commandLines(stdout, 'error'),
    warnings: commandLines(stdout, 'warning')
  }
  rmSync(scratch, { recursive: true, force: true })
  return run
}

/** The runner's GITHUB_OUTPUT format: `name<<DELIMITER\nvalue\nDELIMITER\n`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!)
      outputs[name!] = value.join('\n')
    } else if (lines[i]!.includes('=')) {
      const at = lines[i]!.indexOf('=')
      outputs[lines[i]!.slice(0, at)] = lines[i]!.slice(at + 1)
    }
  }
  return outputs
}

function commandLines(stdout: string, command: string): string[] {
  return stdout
    .split('\n')
    .filter(line => line.startsWith(`::${command}`))
    .map(line => line.slice(line.indexOf('::', 2) + 2))
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
