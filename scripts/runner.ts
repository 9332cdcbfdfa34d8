/**
 * Runs the bundled action (dist/index.js) the way the GitHub runner does: a child process with
 * INPUT_<NAME> variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_WORKSPACE, and nothing of
 * this machine's own AWS setup. Shared by the end-to-end tests, the demo and the benchmarks.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const DIST_ENTRY = resolve('dist/index.js')
/** Generous: a run normally takes well under a second; the machines are shared and noisy. */
const DEFAULT_RUN_TIMEOUT_MS = 60_000
/**
 * What a Windows process cannot run without, whatever the step's env: Winsock (so every socket)
 * fails without SystemRoot, temporary folders come from TEMP/TMP. None of them is AWS setup.
 */
const WINDOWS_ESSENTIALS = ['SystemRoot', 'windir', 'TEMP', 'TMP', 'PATHEXT']

function windowsEssentials(): Record<string, string> {
  if (process.platform !== 'win32') return {}
  return Object.fromEntries(WINDOWS_ESSENTIALS.flatMap(name => (process.env[name] === undefined ? [] : [[name, process.env[name]!]])))
}

export interface RunOptions {
  inputs: Record<string, string>
  /** Emulator variables and anything else the step's env has. */
  env?: Record<string, string>
  workspace: string
  /** Called once the process is running, e.g. to send it a signal. */
  onSpawn?: (child: ChildProcess) => void
  timeoutMs?: number
  /** The Node binary (default: this process's). */
  node?: string
  /** Also copy the action's stdout and stderr to this process's, as they arrive (the demo). */
  echo?: boolean
  /** The bundle to run (default: dist/index.js); the benchmarks run a bundle of their own. */
  entry?: string
  /** Node options before the script, e.g. --cpu-prof. */
  nodeArgs?: string[]
  /** A command that runs node, e.g. ['/usr/bin/time', '-v', '-o', file] (the benchmarks). */
  wrapper?: string[]
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
    ...windowsEssentials(),
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

  const node = options.node ?? process.execPath
  const script = [...(options.nodeArgs ?? []), options.entry ?? DIST_ENTRY]
  const [command, args] = options.wrapper?.length ? [options.wrapper[0]!, [...options.wrapper.slice(1), node, ...script]] : [node, script]
  const child = spawn(command, args, { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    if (options.echo) process.stdout.write(chunk)
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
    if (options.echo) process.stderr.write(chunk)
  })
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
