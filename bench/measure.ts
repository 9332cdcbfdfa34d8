/**
 * Small measuring tools for the benchmark: timed child processes, /usr/bin/time -v, medians, and
 * the clean environment every measured process gets (nothing of this machine's AWS setup).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const now = (): number => performance.timeOrigin + performance.now()

export interface TimedRun {
  /** Epoch ms (fractional) right after the process was spawned, and when it exited. */
  startMs: number
  exitMs: number
  wallMs: number
  exitCode: number | null
  stdout: string
  stderr: string
}

/** An environment like the runner's for a process that is not the action (the CLI replay, baselines). */
export function cleanEnv(extra: Record<string, string>): { env: Record<string, string>; dispose: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'aja-bench-home-'))
  return {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      AWS_CONFIG_FILE: join(home, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      ...extra
    },
    dispose: () => rmSync(home, { recursive: true, force: true })
  }
}

/** Spawns a process and times it from just after spawn() returned to its exit. */
export function spawnTimed(command: string, args: string[], options: { env: Record<string, string>; cwd?: string; timeoutMs?: number }): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    const startMs = now()
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    let exitMs = 0
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${command} ${args.join(' ')} did not end within ${options.timeoutMs} ms\n${stdout}\n${stderr}`))
    }, options.timeoutMs ?? 180_000)
    child.once('exit', () => (exitMs = now()))
    child.once('error', reject)
    child.once('close', code => {
      clearTimeout(timer)
      resolve({ startMs, exitMs, wallMs: exitMs - startMs, exitCode: code, stdout, stderr })
    })
  })
}

export interface TimeV {
  wallMs: number
  /** User + system CPU time, of the process and the children it waited for. */
  cpuMs: number
  /** The largest resident set of the process or of any child it waited for. */
  maxRssKb: number
}

/** Reads the file written by `/usr/bin/time -v -o <file>`. */
export function parseTimeV(file: string): TimeV {
  const text = readFileSync(file, 'utf8')
  const elapsed = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(text)
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text)
  const user = /User time \(seconds\): ([\d.]+)/.exec(text)
  const system = /System time \(seconds\): ([\d.]+)/.exec(text)
  if (!elapsed || !rss || !user || !system) throw new Error(`unexpected /usr/bin/time -v output:\n${text}`)
  const [, hours, minutes, seconds] = elapsed
  return {
    wallMs: ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000,
    cpuMs: (Number(user[1]) + Number(system[1])) * 1000,
    maxRssKb: Number(rss[1])
  }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a'
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`
}

export function formatMb(kb: number): string {
  return `${(kb / 1024).toFixed(0)} MB`
}
