/**
 * The final move of a job's files into output-path: staging inside the folder, a plan made before
 * any change, a journaled transaction, and recovery of one that a killed process left behind.
 *
 * Order of use: recoverOutputFolder -> createStaging -> (sources write into staging.root and call
 * staging.add) -> commitStaging, or staging.discard() when the fetch fails. Files reach output-path
 * only in commitStaging; an error there puts back what was there, and a SIGKILL during it is finished
 * or undone by the next recoverOutputFolder. Nothing outside output-path is written, except creating
 * output-path's missing parents (and removing them again if the run does not commit).
 */
import { randomBytes } from 'node:crypto'
import { mkdir, rm, stat, utimes } from 'node:fs/promises'
import path from 'node:path'
import { UnsafeContentError } from '../errors.js'
import {
  applyTransaction,
  clearWorkDir,
  markCommitted,
  newJournal,
  prepareTransaction,
  readTransaction,
  removeCreatedFolders,
  rollBackTransaction,
  syncDirectory,
  workPaths,
  writeCreatedRecord,
  writeJournal
} from './journal.js'
import {
  type CommitHooks,
  errorCode,
  isReservedPath,
  lstatIfExists,
  messageOf,
  OutputFolderError,
  safeSegments,
  SimulatedCrash,
  STAGING_FILES_DIR,
  STAGING_PREFIX,
  STAGING_SCRATCH_DIR,
  Steps
} from './common.js'
import { type CommitPlan, planCommit } from './plan.js'
import type { CommitResult, StagedFile, Staging } from './types.js'

export { type CommitHooks, OutputFolderError, SimulatedCrash } from './common.js'
export { STATE_FILE_NAME, WORK_DIR_NAME } from './reserved-names.js'

/** Random part of a staging folder's name; only needs to differ from a stale one's. */
const STAGING_ID_BYTES = 6
const NANOSECONDS_PER_MICROSECOND = 1000n
const MICROSECONDS_PER_SECOND = 1e6

/**
 * clean: nothing to do. rolled-back: an uncommitted move was undone (the old content is back).
 * rolled-forward: a committed move was finished (the new content stays). discarded-staging: only
 * leftovers were found (a staging area of a killed fetch, or the tail of a finished cleanup) and removed.
 */
export type RecoveryOutcome = 'clean' | 'rolled-back' | 'rolled-forward' | 'discarded-staging'

export interface RecoveryOptions {
  hooks?: CommitHooks
}

export interface CommitOptions {
  /** Remove everything in output-path the job did not produce (else only stale files this action wrote). */
  clean: boolean
  hooks?: CommitHooks
}

export interface CommitOutcome extends CommitResult {
  /** Files an earlier run wrote that the job no longer produces, kept because they were edited since. */
  kept: string[]
}

/** Access and modification times of output-path, put back when a run leaves its content unchanged. */
interface FolderTimes {
  atime: number
  mtime: number
}

/**
 * Finishes or undoes what an interrupted run left in output-path (its journal), and removes stale
 * staging. Call it before anything else touches output-path. Returns what it did, for a log line.
 */
export async function recoverOutputFolder(outputDir: string, options: RecoveryOptions = {}): Promise<RecoveryOutcome> {
  return recover(path.resolve(outputDir), new Steps(options.hooks))
}

/**
 * Creates output-path if needed (remembering which folders it created, so a run that does not commit
 * removes them again) and a fresh staging area in its working folder.
 */
export async function createStaging(outputDir: string): Promise<StagingArea> {
  const absolute = path.resolve(outputDir)
  const createdLevels = await createMissingFolders(absolute)
  const outputTimes = createdLevels === 0 ? await folderTimes(absolute) : undefined
  const paths = workPaths(absolute)
  if (lstatIfExists(paths.work) !== undefined) {
    throw new Error(`Internal error: ${paths.work} exists; recoverOutputFolder must run before createStaging.`)
  }
  const name = `${STAGING_PREFIX}${randomBytes(STAGING_ID_BYTES).toString('hex')}`
  const staging = new StagingArea(absolute, name, outputTimes)
  try {
    await mkdir(paths.work)
    if (createdLevels > 0) writeCreatedRecord(paths, createdLevels)
    await mkdir(staging.root, { recursive: true })
    await mkdir(staging.scratch)
  } catch (error) {
    await rm(paths.work, { recursive: true, force: true })
    await removeCreatedFolders(absolute, createdLevels, new Steps(undefined))
    throw new OutputFolderError(`Cannot prepare a staging folder in ${absolute}: ${messageOf(error)}. Check that the workflow can write there.`, {
      cause: error
    })
  }
  return staging
}

/** Moves the staged files into output-path as one transaction; see StagingArea.commit. */
export async function commitStaging(staging: StagingArea, options: CommitOptions): Promise<CommitOutcome> {
  return staging.commit(options)
}

/** A staging folder in output-path's working folder; single use: commit or discard it. */
export class StagingArea implements Staging {
  readonly root: string
  readonly scratch: string
  private readonly registered: StagedFile[] = []
  private readonly registeredPaths = new Set<string>()
  private status: 'open' | 'committing' | 'closed' = 'open'

  constructor(
    readonly outputDir: string,
    readonly name: string,
    private readonly outputTimes: FolderTimes | undefined
  ) {
    const folder = path.join(workPaths(outputDir).work, name)
    this.root = path.join(folder, STAGING_FILES_DIR)
    this.scratch = path.join(folder, STAGING_SCRATCH_DIR)
  }

  get files(): readonly StagedFile[] {
    return this.registered
  }

  add(file: StagedFile): void {
    this.assertOpen('add a file to')
    if (safeSegments(file.path) === undefined || isReservedPath(file.path)) {
      throw new UnsafeContentError(
        `The job produced the file name ${JSON.stringify(file.path)}, which is not a plain relative path or is reserved for the action.`
      )
    }
    if (this.registeredPaths.has(file.path)) throw new UnsafeContentError(`The job produced ${file.path} twice.`)
    this.registeredPaths.add(file.path)
    this.registered.push({ ...file })
  }

  /** Removes the staging area and the folders createStaging made: the workspace is as before. */
  async discard(): Promise<void> {
    if (this.status !== 'open') return
    this.status = 'closed'
    await this.undo(new Steps(undefined))
  }

  /**
   * Plans (no writes; every refusal happens here), then runs the journaled transaction. An ordinary
   * error rolls back and is rethrown; a SimulatedCrash is let through untouched, as SIGKILL would.
   */
  async commit(options: CommitOptions): Promise<CommitOutcome> {
    this.assertOpen('commit')
    this.status = 'committing'
    const steps = new Steps(options.hooks)
    const plan = await this.failSafely(steps, () => planCommit(this.outputDir, this.root, this.registered, options.clean))
    if (plan.changed) await this.failSafely(steps, () => this.transact(plan, steps))
    await this.finish(steps, plan.changed)
    const { files, added, modified, removed, changed, kept } = plan
    return { files, added, modified, removed, changed, kept }
  }

  private async transact(plan: CommitPlan, steps: Steps): Promise<void> {
    const paths = workPaths(this.outputDir)
    const journal = newJournal(this.name, plan.entries, plan.createDirs, plan.removeDirs)
    await prepareTransaction(paths, plan.stateChanged ? plan.stateText : undefined, steps)
    await writeJournal(paths, journal, steps)
    await applyTransaction(this.outputDir, journal, steps)
    await markCommitted(paths, steps)
  }

  /** Runs `operation`; on an ordinary error puts output-path back as it was, then rethrows. */
  private async failSafely<T>(steps: Steps, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation()
    } catch (error) {
      if (error instanceof SimulatedCrash) throw error
      this.status = 'closed'
      try {
        await this.undo(steps)
      } catch (undoError) {
        if (undoError instanceof SimulatedCrash) throw undoError
        throw new OutputFolderError(
          `Writing the job's files into ${this.outputDir} failed (${messageOf(error)}), and putting back the previous content failed too ` +
            `(${messageOf(undoError)}). Do not commit or delete ${workPaths(this.outputDir).work}: the next run of the action finishes ` +
            `restoring the folder from it.`,
          { cause: error }
        )
      }
      throw error
    }
  }

  /** Rolls back a journal if there is one (the same code path as recovery), then drops the staging. */
  private async undo(steps: Steps): Promise<void> {
    await recover(this.outputDir, steps)
    await this.restoreTimes(steps)
  }

  private async finish(steps: Steps, changed: boolean): Promise<void> {
    this.status = 'closed'
    const paths = workPaths(this.outputDir)
    try {
      // The commit mark must be durable before the backups it makes obsolete are deleted.
      if (changed) syncDirectory(paths.transaction)
      await clearWorkDir(this.outputDir, steps, false)
      if (!changed) await this.restoreTimes(steps)
    } catch (error) {
      if (error instanceof SimulatedCrash) throw error
      throw new OutputFolderError(
        `The job's files are in ${this.outputDir}, but the action's working folder ${paths.work} could not be removed ` +
          `(${messageOf(error)}). Do not commit it: the next run of the action removes it, or delete it by hand.`,
        { cause: error }
      )
    }
  }

  /** Cosmetic, so best effort: the folder's times only changed because the working folder came and went. */
  private async restoreTimes(steps: Steps): Promise<void> {
    const times = this.outputTimes
    if (times === undefined) return
    try {
      await steps.run('restore the times of the output folder', () => utimes(this.outputDir, times.atime, times.mtime))
    } catch (error) {
      if (error instanceof SimulatedCrash) throw error
    }
  }

  private assertOpen(action: string): void {
    if (this.status !== 'open') throw new Error(`Internal error: cannot ${action} a staging area that was already committed or discarded.`)
  }
}

async function recover(outputDir: string, steps: Steps): Promise<RecoveryOutcome> {
  const folder = await statIfExists(outputDir)
  if (folder === undefined || !folder.isDirectory()) return 'clean'
  const paths = workPaths(outputDir)
  const work = lstatIfExists(paths.work)
  if (work === undefined) return 'clean'
  if (!work.isDirectory()) {
    throw new OutputFolderError(
      `${paths.work} is not a folder (a file or a symbolic link), but the action reserves that name for its working folder. Remove it, then run again.`
    )
  }
  const transaction = readTransaction(paths)
  if (transaction?.committed) {
    await clearWorkDir(outputDir, steps, false)
    return 'rolled-forward'
  }
  if (transaction !== undefined) await rollBackTransaction(outputDir, transaction.journal, steps)
  await clearWorkDir(outputDir, steps, true)
  return transaction === undefined ? 'discarded-staging' : 'rolled-back'
}

/** mkdir -p that counts the levels it created, outermost last. */
async function createMissingFolders(outputDir: string): Promise<number> {
  const missing: string[] = []
  for (let folder = outputDir; lstatIfExists(folder) === undefined; folder = path.dirname(folder)) {
    missing.push(folder)
    if (path.dirname(folder) === folder) break
  }
  try {
    for (const folder of missing.reverse()) await mkdir(folder)
  } catch (error) {
    throw new OutputFolderError(`Cannot create the output folder ${outputDir}: ${messageOf(error)}. Check output-path and the folders above it.`, {
      cause: error
    })
  }
  const found = await statIfExists(outputDir)
  if (found === undefined || !found.isDirectory())
    throw new OutputFolderError(
      `The output folder ${outputDir} is not a folder (a file, or a link to nothing). Choose another output-path, or remove what is there.`
    )
  return missing.length
}

/**
 * In seconds, to the microsecond: utimes takes a double, so nanoseconds cannot survive. Half a
 * microsecond is added because libuv truncates the fraction, which would otherwise lose one.
 */
async function folderTimes(folder: string): Promise<FolderTimes> {
  const found = await stat(folder, { bigint: true })
  const seconds = (nanoseconds: bigint): number => (Number(nanoseconds / NANOSECONDS_PER_MICROSECOND) + 0.5) / MICROSECONDS_PER_SECOND
  return { atime: seconds(found.atimeNs), mtime: seconds(found.mtimeNs) }
}

/** stat, following a symlinked output-path (the input check allows one that resolves inside the workspace). */
async function statIfExists(file: string): Promise<Awaited<ReturnType<typeof stat>> | undefined> {
  try {
    return await stat(file)
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return undefined
    throw error
  }
}
