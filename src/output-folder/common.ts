/**
 * Names, errors and small file-system helpers shared by the output-folder modules (the public API is
 * in transaction.ts, the plan in plan.ts, the journal of the final move in journal.ts).
 */
import { createHash } from 'node:crypto'
import { lstatSync, readFileSync, type Stats } from 'node:fs'
import { open } from 'node:fs/promises'
import path from 'node:path'
import { ActionError } from '../errors.js'
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

/** Test seams of commit and recovery. */
export interface CommitHooks {
  /** Called before every mutating file-system operation; `step` counts from 1 within one call. */
  beforeStep?(step: number, description: string): void | Promise<void>
}

/** Numbers the mutating operations of one commit or recovery and lets a test hook interrupt them. */
export class Steps {
  private taken = 0

  constructor(private readonly hooks: CommitHooks | undefined) {}

  async run<T>(description: string, operation: () => T | Promise<T>): Promise<T> {
    this.taken += 1
    await this.hooks?.beforeStep?.(this.taken, description)
    return operation()
  }
}

/** Splits a `/`-separated relative path; undefined when it could leave its root or is not plain. */
export function safeSegments(relative: string): string[] | undefined {
  if (relative === '' || relative.includes('\0') || relative.includes('\\')) return undefined
  const segments = relative.split('/')
  const plain = segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..')
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
