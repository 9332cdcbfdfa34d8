/**
 * The journaled move of staged files into output-path, and the two ways to finish one that was
 * interrupted: roll back (journal not committed) or roll forward (committed).
 *
 * Layout of WORK_DIR (all inside output-path, so every rename stays on one file system):
 *
 *   .amplify-job-action.work/
 *     created.json                 {"createdLevels": n}: output-path and n-1 parents were created by
 *                                  this run (absent when output-path existed); lets a rollback remove them
 *     staging-<hex>/files/...      the job's files, laid out as in output-path
 *     staging-<hex>/scratch/       downloads that are not part of the result
 *     txn/state.json               the new STATE file, renamed into place like any other file
 *     txn/journal.json             the plan, written to journal.json.tmp, fsynced, renamed
 *     txn/journal.committed.json   the same file once renamed: the commit point
 *     txn/backup/<n>               the previous content of each replaced or removed path
 *
 * Invariant: output-path is changed only while txn/journal.json or txn/journal.committed.json exists,
 * and every step can be redone or undone from what is on disk, so recovery is idempotent.
 *
 * One window is left open on purpose: removing the folders a run created (output-path and parents)
 * needs created.json deleted first, since it lives inside them. A kill between that deletion and the
 * last rmdir leaves those folders behind, empty. Nothing outside output-path can record them, and an
 * empty folder holds no content (git does not even see it).
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  ancestorsOf,
  errorCode,
  isReservedPath,
  isStagingName,
  lstatIfExists,
  OutputFolderError,
  resolveBelow,
  safeSegments,
  STAGING_FILES_DIR,
  Steps
} from './common.js'
import { STATE_FILE_NAME, WORK_DIR_NAME } from './reserved-names.js'

const JOURNAL_VERSION = 1
const CREATED_RECORD = 'created.json'
const TRANSACTION_DIR = 'txn'
const JOURNAL_FILE = 'journal.json'
const JOURNAL_TEMP_FILE = 'journal.json.tmp'
const COMMITTED_FILE = 'journal.committed.json'
const BACKUP_DIR = 'backup'
const NEW_STATE_FILE = 'state.json'
/** More created folder levels than this in created.json means the file was not written by us. */
const MAX_CREATED_LEVELS = 64

export type EntryAction = 'add' | 'replace' | 'remove'

/** One path of output-path that the transaction changes. */
export interface JournalEntry {
  /** Relative to output-path, `/`-separated; STATE_FILE_NAME for the STATE file. */
  path: string
  action: EntryAction
  /** For replace and remove: the previous content is moved to txn/backup/<backup>. */
  backup?: number
}

export interface Journal {
  version: typeof JOURNAL_VERSION
  /** Folder in WORK_DIR whose `files/` holds the new content. */
  staging: string
  /** Order of execution: backups (replace, remove), then adds and replaces are put in place. */
  entries: JournalEntry[]
  /** Folders to create, outermost first. */
  createDirs: string[]
  /** Folders left empty by removals, innermost first. */
  removeDirs: string[]
}

export interface WorkPaths {
  work: string
  created: string
  transaction: string
  journal: string
  journalTemp: string
  committed: string
  backups: string
  newState: string
}

export function workPaths(outputDir: string): WorkPaths {
  const work = path.join(outputDir, WORK_DIR_NAME)
  const transaction = path.join(work, TRANSACTION_DIR)
  return {
    work,
    created: path.join(work, CREATED_RECORD),
    transaction,
    journal: path.join(transaction, JOURNAL_FILE),
    journalTemp: path.join(transaction, JOURNAL_TEMP_FILE),
    committed: path.join(transaction, COMMITTED_FILE),
    backups: path.join(transaction, BACKUP_DIR),
    newState: path.join(transaction, NEW_STATE_FILE)
  }
}

export function newJournal(staging: string, entries: JournalEntry[], createDirs: string[], removeDirs: string[]): Journal {
  return { version: JOURNAL_VERSION, staging, entries, createDirs, removeDirs }
}

/** Records that output-path (and `levels - 1` parents) did not exist before this run. */
export function writeCreatedRecord(paths: WorkPaths, levels: number): void {
  writeFileSync(paths.created, `${JSON.stringify({ createdLevels: levels })}\n`)
}

// ---- forward: prepare, journal, apply, commit -------------------------------------------------

/** Writes what the journal refers to (the new STATE file); nothing in output-path changes yet. */
export async function prepareTransaction(paths: WorkPaths, stateText: string | undefined, steps: Steps): Promise<void> {
  await steps.run('create the transaction folder', () => mkdirSync(paths.transaction))
  if (stateText !== undefined) await steps.run('write the new STATE file', () => writeFileSync(paths.newState, stateText))
}

/** Makes the plan durable; from here on an interruption is rolled back from the journal. */
export async function writeJournal(paths: WorkPaths, journal: Journal, steps: Steps): Promise<void> {
  await steps.run('write the journal', () => writeDurably(paths.journalTemp, `${JSON.stringify(journal, null, 1)}\n`))
  await steps.run('publish the journal', () => renameSync(paths.journalTemp, paths.journal))
  syncDirectory(paths.transaction)
}

/** Backs up, removes, creates and puts in place, in that order. */
export async function applyTransaction(outputDir: string, journal: Journal, steps: Steps): Promise<void> {
  const paths = workPaths(outputDir)
  const backedUp = journal.entries.filter(entry => entry.backup !== undefined)
  if (backedUp.length > 0) await steps.run('create the backup folder', () => mkdirSync(paths.backups))
  for (const entry of backedUp) {
    const backup = backupPath(paths, entry)
    await steps.run(`back up ${entry.path}`, () => renameSync(resolveBelow(outputDir, entry.path), backup))
  }
  for (const folder of journal.removeDirs) {
    await steps.run(`remove the emptied folder ${folder}`, () => rmdirSync(resolveBelow(outputDir, folder)))
  }
  for (const folder of journal.createDirs) {
    await steps.run(`create the folder ${folder}`, () => mkdirSync(resolveBelow(outputDir, folder)))
  }
  for (const entry of journal.entries) {
    if (entry.action === 'remove') continue
    const source = sourcePath(outputDir, journal, entry)
    await steps.run(`put ${entry.path} in place`, () => renameSync(source, resolveBelow(outputDir, entry.path)))
  }
}

/** The commit point: one atomic rename. */
export async function markCommitted(paths: WorkPaths, steps: Steps): Promise<void> {
  await steps.run('mark the journal committed', () => renameSync(paths.journal, paths.committed))
}

// ---- backward: read and roll back ------------------------------------------------------------

/** The journal an interrupted run left, if any. */
export function readTransaction(paths: WorkPaths): { journal: Journal; committed: boolean } | undefined {
  const folder = lstatIfExists(paths.transaction)
  if (folder === undefined) return undefined
  if (!folder.isDirectory()) throw leftoverError(paths, `${paths.transaction} is not a folder`)
  for (const [file, committed] of [
    [paths.committed, true],
    [paths.journal, false]
  ] as const) {
    const text = readIfExists(file)
    if (text !== undefined) return { journal: parseJournal(text, file, paths), committed }
  }
  return undefined
}

/**
 * Puts back what a journal that was not committed changed. Idempotent: every step looks at the disk
 * first, so running it again after an interruption finishes the job.
 */
export async function rollBackTransaction(outputDir: string, journal: Journal, steps: Steps): Promise<void> {
  const paths = workPaths(outputDir)
  for (const entry of [...journal.entries].reverse()) {
    if (entry.action === 'remove') continue
    assertNoLinksAbove(outputDir, entry.path)
    if (entry.action === 'replace') await restoreBackup(outputDir, paths, entry, steps)
    else await removeAdded(outputDir, entry, steps)
  }
  for (const folder of [...journal.createDirs].reverse()) {
    const absolute = resolveBelow(outputDir, folder)
    assertNoLinksAbove(outputDir, folder)
    if (lstatIfExists(absolute)?.isDirectory()) await steps.run(`remove the created folder ${folder}`, () => rmdirSync(absolute))
  }
  for (const folder of [...journal.removeDirs].reverse()) {
    const absolute = resolveBelow(outputDir, folder)
    assertNoLinksAbove(outputDir, folder)
    if (lstatIfExists(absolute) === undefined) await steps.run(`recreate the folder ${folder}`, () => mkdirSync(absolute))
  }
  for (const entry of journal.entries) {
    if (entry.action !== 'remove') continue
    assertNoLinksAbove(outputDir, entry.path)
    await restoreBackup(outputDir, paths, entry, steps)
  }
}

async function restoreBackup(outputDir: string, paths: WorkPaths, entry: JournalEntry, steps: Steps): Promise<void> {
  const backup = backupPath(paths, entry)
  // No backup means the target was never moved away (or was already restored): it holds the old content.
  if (lstatIfExists(backup) === undefined) return
  await steps.run(`restore ${entry.path}`, () => renameSync(backup, resolveBelow(outputDir, entry.path)))
}

async function removeAdded(outputDir: string, entry: JournalEntry, steps: Steps): Promise<void> {
  const target = resolveBelow(outputDir, entry.path)
  const found = lstatIfExists(target)
  if (found === undefined) return
  if (found.isDirectory()) throw new OutputFolderError(`Cannot undo the write of ${target}: it is now a folder. Check ${outputDir} by hand.`)
  await steps.run(`remove the added ${entry.path}`, () => unlinkSync(target))
}

/** A tampered journal must not make recovery write through a symlink to outside output-path. */
function assertNoLinksAbove(outputDir: string, relative: string): void {
  for (const folder of ancestorsOf(relative)) {
    const found = lstatIfExists(resolveBelow(outputDir, folder))
    if (found === undefined) return
    if (!found.isDirectory()) {
      throw new OutputFolderError(
        `Cannot restore ${resolveBelow(outputDir, relative)}: ${resolveBelow(outputDir, folder)} is not a folder (a symlink or a file). ` +
          `Check ${outputDir} by hand and delete ${path.join(outputDir, WORK_DIR_NAME)}.`
      )
    }
  }
}

// ---- cleanup -----------------------------------------------------------------------------------

/**
 * Deletes WORK_DIR; with `removeCreated`, also output-path and the parents this run created, when
 * empty. The journal goes last but one, so an interruption here leaves a journal to finish from;
 * created.json goes after it on rollback (it is still needed) and first on commit (it no longer is).
 */
export async function clearWorkDir(outputDir: string, steps: Steps, removeCreated: boolean): Promise<void> {
  const paths = workPaths(outputDir)
  if (lstatIfExists(paths.work) === undefined) return
  const createdLevels = removeCreated ? readCreatedLevels(paths) : 0
  if (!removeCreated) await removeIfExists(paths.created, 'forget the created folders', steps)
  await removeEntries(paths.work, [TRANSACTION_DIR, CREATED_RECORD], steps)
  if (lstatIfExists(paths.transaction) !== undefined) {
    await removeEntries(paths.transaction, [JOURNAL_FILE, COMMITTED_FILE], steps)
    await removeIfExists(paths.journal, 'delete the journal', steps)
    await removeIfExists(paths.committed, 'delete the committed journal', steps)
    await steps.run('remove the transaction folder', () => rmdirSync(paths.transaction))
  }
  await removeIfExists(paths.created, 'forget the created folders', steps)
  await steps.run('remove the working folder', () => rmdirSync(paths.work))
  await removeCreatedFolders(outputDir, createdLevels, steps)
}

async function removeEntries(folder: string, keep: readonly string[], steps: Steps): Promise<void> {
  for (const name of readdirSync(folder).sort()) {
    if (keep.includes(name)) continue
    const entry = path.join(folder, name)
    await steps.run(`delete ${path.basename(folder)}/${name}`, () => rmSync(entry, { recursive: true, force: true }))
  }
}

async function removeIfExists(file: string, description: string, steps: Steps): Promise<void> {
  if (lstatIfExists(file) !== undefined) await steps.run(description, () => unlinkSync(file))
}

/** rmdir only: a created folder that someone filled in the meantime stays. */
export async function removeCreatedFolders(outputDir: string, levels: number, steps: Steps): Promise<void> {
  let folder = outputDir
  for (let level = 0; level < levels; level++) {
    const current = folder
    if (lstatIfExists(current) !== undefined) {
      try {
        await steps.run(`remove the created folder ${current}`, () => rmdirSync(current))
      } catch (error) {
        if (errorCode(error) === 'ENOTEMPTY' || errorCode(error) === 'EEXIST') return
        throw error
      }
    }
    folder = path.dirname(folder)
  }
}

function readCreatedLevels(paths: WorkPaths): number {
  const text = readIfExists(paths.created)
  if (text === undefined) return 0
  let levels: unknown
  try {
    levels = (JSON.parse(text) as { createdLevels?: unknown } | null)?.createdLevels
  } catch {
    levels = undefined
  }
  if (typeof levels !== 'number' || !Number.isInteger(levels) || levels < 0 || levels > MAX_CREATED_LEVELS) {
    throw leftoverError(paths, `${paths.created} is not a record this action wrote`)
  }
  return levels
}

// ---- journal file ------------------------------------------------------------------------------

function parseJournal(text: string, file: string, paths: WorkPaths): Journal {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw leftoverError(paths, `${file} is not valid JSON`)
  }
  const journal = parsed as Partial<Journal> | null
  const valid =
    typeof journal === 'object' &&
    journal !== null &&
    journal.version === JOURNAL_VERSION &&
    typeof journal.staging === 'string' &&
    isStagingName(journal.staging) &&
    Array.isArray(journal.entries) &&
    journal.entries.every(isValidEntry) &&
    isFolderList(journal.createDirs) &&
    isFolderList(journal.removeDirs)
  if (!valid) throw leftoverError(paths, `${file} is not a journal this version of the action wrote`)
  return journal as Journal
}

function isValidEntry(entry: unknown): boolean {
  const candidate = entry as Partial<JournalEntry> | null
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.path !== 'string') return false
  const pathOk = candidate.path === STATE_FILE_NAME || (safeSegments(candidate.path) !== undefined && !isReservedPath(candidate.path))
  const needsBackup = candidate.action === 'replace' || candidate.action === 'remove'
  const backupOk = needsBackup ? Number.isInteger(candidate.backup) && (candidate.backup as number) >= 0 : candidate.backup === undefined
  return pathOk && (needsBackup || candidate.action === 'add') && backupOk
}

function isFolderList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(item => typeof item === 'string' && safeSegments(item) !== undefined && !isReservedPath(item))
}

function leftoverError(paths: WorkPaths, problem: string): OutputFolderError {
  return new OutputFolderError(
    `${problem}, so the action cannot tell how to finish the interrupted write it found in ${paths.work}. ` +
      `Check the folder's content (git status) and delete ${paths.work} by hand.`
  )
}

// ---- small helpers -----------------------------------------------------------------------------

function backupPath(paths: WorkPaths, entry: JournalEntry): string {
  return path.join(paths.backups, String(entry.backup))
}

function sourcePath(outputDir: string, journal: Journal, entry: JournalEntry): string {
  const paths = workPaths(outputDir)
  if (entry.path === STATE_FILE_NAME) return paths.newState
  return resolveBelow(path.join(paths.work, journal.staging, STAGING_FILES_DIR), entry.path)
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined
    throw error
  }
}

function writeDurably(file: string, text: string): void {
  const descriptor = openSync(file, 'w')
  try {
    writeFileSync(descriptor, text)
    fsyncSync(descriptor)
  } finally {
    closeSync(descriptor)
  }
}

/** Makes a rename in `folder` durable. Windows cannot open folders for fsync; NTFS journals renames. */
export function syncDirectory(folder: string): void {
  if (process.platform === 'win32') return
  const descriptor = openSync(folder, 'r')
  try {
    fsyncSync(descriptor)
  } finally {
    closeSync(descriptor)
  }
}
