/**
 * Names, errors and small file-system helpers shared by the output-folder modules (the public API is
 * in transaction.ts, the plan in plan.ts, the journal of the final move in journal.ts).
 */
import { createHash } from 'node:crypto'
import { lstatSync, readFileSync, type Stats } from 'node:fs'
import { open } from 'node:fs/promises'
import path from 'node:path'
import { ActionError } from '../errors.js'
import { sleep } from '../stop-signal.js'
import { STATE_FILE_NAME, WORK_DIR_NAME } from './reserved-names.js'

/** Inside WORK_DIR: one folder per staging area, `staging-<hex>`, holding `files/` and `scratch/`. */
export const STAGING_PREFIX = 'staging-'
export const STAGING_FILES_DIR = 'files'
export const STAGING_SCRATCH_DIR = 'scratch'
const STAGING_NAME_PATTERN = /^staging-[0-9a-f]{8,32}$/

/** Files up to this size are hashed from one read; larger ones are streamed in chunks. */
const WHOLE_READ_BYTES = 1024 * 1024
const SHA256_PATTERN = /^[0-9a-f]{64}$/

/** A problem with output-path itself (a symlink in the way, a leftover that cannot be restored). */
export class OutputFolderError extends ActionError {
  override name = 'OutputFolderError'
}

/**
 * Thrown by a test hook to model SIGKILL at that point: commit and recovery let it through without
 * rolling anything back, so the test sees exactly what a killed process leaves on disk.
 */
export class SimulatedCrash extends Error {
  override name = 'SimulatedCrash'
}

/**
 * On Windows an antivirus or a search indexer opens a file for a moment after it was written, and a
 * rename or removal meanwhile fails with one of these; elsewhere only EBUSY is worth another try
 * (EPERM and EACCES there are real permission problems, to report at once).
 */
const TRANSIENT_CODES: Readonly<Partial<Record<NodeJS.Platform, readonly string[]>>> = { win32: ['EPERM', 'EBUSY', 'EACCES'] }
const DEFAULT_TRANSIENT_CODES: readonly string[] = ['EBUSY']
/**
 * The pauses before each new try of a file operation that failed transiently: about 4.5 s in all,
 * longer than a scanner holds a file, short enough that a file locked for good fails clearly.
 */
export const TRANSIENT_RETRY_DELAYS_MS: readonly number[] = [50, 100, 200, 400, 800, 1000, 1000, 1000]

/** Test seams of commit and recovery. */
export interface CommitHooks {
  /** Called before every try of a mutating file-system operation; `step` counts from 1 within one call. */
  beforeStep?(step: number, description: string): void | Promise<void>
  /** Whose transient error codes are tried again (default: this process's platform). */
  platform?: NodeJS.Platform
  /** The pause between tries (default: a timer). */
  sleep?(ms: number): Promise<void>
}

/** Numbers the mutating operations of one commit or recovery and lets a test hook interrupt them. */
export class Steps {
  private taken = 0

  constructor(private readonly hooks: CommitHooks | undefined) {}

  /** Runs one mutating operation, trying it again while it fails transiently (TRANSIENT_CODES). */
  async run<T>(description: string, operation: () => T | Promise<T>): Promise<T> {
    this.taken += 1
    const step = this.taken
    const transient = TRANSIENT_CODES[this.hooks?.platform ?? process.platform] ?? DEFAULT_TRANSIENT_CODES
    for (let retry = 0; ; retry++) {
      try {
        await this.hooks?.beforeStep?.(step, description)
        return await operation()
      } catch (error) {
        const delay = TRANSIENT_RETRY_DELAYS_MS[retry]
        if (delay === undefined || !transient.includes(errorCode(error) ?? '')) throw error
        await (this.hooks?.sleep ?? sleep)(delay)
      }
    }
  }
}

/** Splits a `/`-separated relative path; undefined when it could leave its root or is not plain. */
export function safeSegments(relative: string): string[] | undefined {
  if (relative === '' || relative.includes('\0') || relative.includes('\\')) return undefined
  const segments = relative.split('/')
  const plain = segments.every(segment => segment !== '' && segment !== '.' && segment !== '..')
  return plain ? segments : undefined
}

/** True for paths the action keeps for itself: the STATE file and anything in WORK_DIR. */
export function isReservedPath(relative: string): boolean {
  const first = relative.split('/')[0]
  return relative === STATE_FILE_NAME || first === WORK_DIR_NAME
}

export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && SHA256_PATTERN.test(value)
}

export function isStagingName(name: string): boolean {
  return STAGING_NAME_PATTERN.test(name)
}

/** Absolute path of a `/`-separated path relative to `root`. */
export function resolveBelow(root: string, relative: string): string {
  return path.join(root, ...relative.split('/'))
}

/** `a`, `a/b` for `a/b/c`: the folders between the root and a path, outermost first. */
export function ancestorsOf(relative: string): string[] {
  const segments = relative.split('/')
  return segments.slice(0, -1).map((_, index) => segments.slice(0, index + 1).join('/'))
}

export function depthOf(relative: string): number {
  return relative.split('/').length
}

/** Code-unit order, so the result does not depend on the locale of the machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * lstat that answers undefined for a path that does not exist (or whose parent is not a folder).
 * Synchronous, like most file operations here: a metadata call is a few microseconds, while a
 * round trip through the thread pool costs about a hundred, and a commit makes a thousand of them.
 */
export function lstatIfExists(file: string): Stats | undefined {
  try {
    return lstatSync(file)
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
    throw error
  }
}

export async function sha256OfFile(file: string, bytes: number): Promise<string> {
  const hash = createHash('sha256')
  if (bytes <= WHOLE_READ_BYTES) return hash.update(readFileSync(file)).digest('hex')
  const handle = await open(file, 'r')
  try {
    for await (const chunk of handle.createReadStream({ autoClose: false })) hash.update(chunk as Buffer)
  } finally {
    await handle.close()
  }
  return hash.digest('hex')
}

/** Runs `worker` over `items` with at most `limit` at once, keeping the order of the results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, worker: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await worker(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
  return results
}
