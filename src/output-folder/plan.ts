/**
 * Works out what a commit will do to output-path, without writing anything: which files are added,
 * replaced, left alone or removed, which folders appear or go, and whether anything is in the way.
 * Every refusal happens here, before the first change.
 */
import type { Stats } from 'node:fs'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { UnsafeContentError } from '../errors.js'
import type { JournalEntry } from './journal.js'
import {
  ancestorsOf,
  compareText,
  depthOf,
  isReservedPath,
  lstatIfExists,
  mapLimit,
  OutputFolderError,
  resolveBelow,
  safeSegments,
  sha256OfFile
} from './common.js'
import { STATE_FILE_NAME, WORK_DIR_NAME } from './reserved-names.js'
import { parseState, renderState } from './state.js'
import type { StagedFile } from './types.js'

/** lstat and hashing run this many files at once: enough to hide latency, few enough for file handles. */
const INSPECT_CONCURRENCY = 32

export interface CommitPlan {
  /** Every file the job produced, sorted. */
  files: string[]
  added: string[]
  modified: string[]
  removed: string[]
  /** Files an earlier run wrote that the job no longer produces, left in place because they changed. */
  kept: string[]
  entries: JournalEntry[]
  createDirs: string[]
  removeDirs: string[]
  stateText: string
  stateChanged: boolean
  changed: boolean
}

type Kind = 'missing' | 'folder' | 'file' | 'symlink' | 'other'

/** lstat with a cache, so folders shared by many files are looked at once. */
class Inspector {
  private readonly cache = new Map<string, Stats | undefined>()

  constructor(readonly root: string) {}

  stat(relative: string): Stats | undefined {
    if (!this.cache.has(relative)) this.cache.set(relative, lstatIfExists(resolveBelow(this.root, relative)))
    return this.cache.get(relative)
  }

  kind(relative: string): Kind {
    const stats = this.stat(relative)
    if (stats === undefined) return 'missing'
    if (stats.isDirectory()) return 'folder'
    if (stats.isFile()) return 'file'
    return stats.isSymbolicLink() ? 'symlink' : 'other'
  }

  /** The outermost folder on the way to `relative` that is missing or not a real folder. */
  firstObstacle(relative: string): { folder: string; kind: Kind } | undefined {
    for (const folder of ancestorsOf(relative)) {
      const kind = this.kind(folder)
      if (kind !== 'folder') return { folder, kind }
    }
    return undefined
  }
}

/** Plans moving `staged` (files below `stagingRoot`) into `outputDir`. Reads only. */
export async function planCommit(outputDir: string, stagingRoot: string, staged: readonly StagedFile[], clean: boolean): Promise<CommitPlan> {
  const produced = [...staged].sort((a, b) => compareText(a.path, b.path))
  assertPlainPaths(produced)
  for (const file of produced) assertStaged(stagingRoot, file)

  const inspector = new Inspector(outputDir)
  const createDirs = new Set<string>()
  const outcomes = await mapLimit(produced, INSPECT_CONCURRENCY, file => classifyProduced(inspector, file, createDirs))
  const added = produced.filter((_, index) => outcomes[index] === 'add').map(file => file.path)
  const modified = produced.filter((_, index) => outcomes[index] === 'replace').map(file => file.path)

  const previousState = readPreviousState(outputDir)
  const producedPaths = new Set(produced.map(file => file.path))
  const { removed, kept } = clean
    ? { removed: everythingElse(outputDir, producedPaths), kept: [] }
    : await staleGenerated(inspector, previousStateFiles(previousState, outputDir), producedPaths)
  const neededFolders = new Set(produced.flatMap(file => ancestorsOf(file.path)))
  const removeDirs = emptiedFolders(outputDir, removed, neededFolders)

  const stateText = renderState(produced)
  const stateChanged = previousState === undefined || !previousState.equals(Buffer.from(stateText))
  return {
    files: produced.map(file => file.path),
    added,
    modified,
    removed,
    kept,
    entries: journalEntries(added, modified, removed, previousState === undefined ? 'add' : stateChanged ? 'replace' : 'none'),
    createDirs: [...createDirs].sort(outermostFirst),
    removeDirs,
    stateText,
    stateChanged,
    changed: added.length + modified.length + removed.length > 0 || stateChanged
  }
}

/** Defence in depth: the sources validate names, but a bad one here would write outside the folder. */
function assertPlainPaths(produced: readonly StagedFile[]): void {
  const paths = new Set<string>()
  for (const file of produced) {
    if (safeSegments(file.path) === undefined || isReservedPath(file.path)) {
      throw new UnsafeContentError(
        `The job produced the file name ${JSON.stringify(file.path)}, which is not a plain relative path or is reserved for the action.`
      )
    }
    if (paths.has(file.path)) throw new UnsafeContentError(`The job produced ${file.path} twice.`)
    paths.add(file.path)
  }
  for (const file of produced) {
    const clash = ancestorsOf(file.path).find(folder => paths.has(folder))
    if (clash !== undefined) {
      throw new UnsafeContentError(`The job produced both a file ${clash} and a file inside a folder of that name (${file.path}).`)
    }
  }
}

function assertStaged(stagingRoot: string, file: StagedFile): void {
  const stats = lstatIfExists(resolveBelow(stagingRoot, file.path))
  if (stats === undefined || !stats.isFile() || stats.size !== file.bytes) {
    throw new Error(`Internal error: the staged file ${file.path} is missing, not a regular file, or not the ${file.bytes} bytes registered.`)
  }
}

async function classifyProduced(inspector: Inspector, file: StagedFile, createDirs: Set<string>): Promise<'add' | 'replace' | 'unchanged'> {
  const obstacle = inspector.firstObstacle(file.path)
  if (obstacle?.kind === 'missing') {
    const folders = ancestorsOf(file.path)
    for (const folder of folders.slice(folders.indexOf(obstacle.folder))) createDirs.add(folder)
    return 'add'
  }
  const target = resolveBelow(inspector.root, file.path)
  if (obstacle !== undefined) {
    const what = obstacle.kind === 'symlink' ? 'a symbolic link' : 'not a folder'
    throw new OutputFolderError(
      `Cannot write ${target}: ${resolveBelow(inspector.root, obstacle.folder)} is ${what}, and the action does not write through ` +
        `links or replace files with folders. Remove or rename it, then run again.`
    )
  }
  const stats = inspector.stat(file.path)
  if (stats === undefined) return 'add'
  if (stats.isDirectory()) {
    throw new OutputFolderError(
      `Cannot write ${target}: a folder of that name exists, and the job produces a file there. Remove or rename the folder, then run again.`
    )
  }
  if (!stats.isFile()) return 'replace'
  const same = stats.size === file.bytes && (await sha256OfFile(target, stats.size)) === file.sha256
  return same ? 'unchanged' : 'replace'
}

/** The current STATE file's bytes, or undefined when there is none. */
function readPreviousState(outputDir: string): Buffer | undefined {
  const file = path.join(outputDir, STATE_FILE_NAME)
  const stats = lstatIfExists(file)
  if (stats === undefined) return undefined
  if (!stats.isFile()) {
    throw new OutputFolderError(
      `${file} is not a regular file (a folder or a link), but the action keeps its record of written files under that name. Remove it, then run again.`
    )
  }
  return readFileSync(file)
}

function previousStateFiles(state: Buffer | undefined, outputDir: string): Map<string, string> {
  return state === undefined ? new Map() : parseState(state.toString('utf8'), path.join(outputDir, STATE_FILE_NAME))
}

/**
 * clean: false. Files the previous run recorded and the job no longer produces, still holding the
 * recorded content. Anything else an earlier run wrote (edited since, or now behind a link) is kept.
 */
async function staleGenerated(inspector: Inspector, previous: Map<string, string>, produced: Set<string>): Promise<{ removed: string[]; kept: string[] }> {
  const candidates = [...previous.keys()].filter(file => !produced.has(file)).sort(compareText)
  const verdicts = await mapLimit(candidates, INSPECT_CONCURRENCY, async (file): Promise<'remove' | 'keep' | 'gone'> => {
    const obstacle = inspector.firstObstacle(file)
    if (obstacle !== undefined) return obstacle.kind === 'symlink' ? 'keep' : 'gone'
    const stats = inspector.stat(file)
    if (stats === undefined) return 'gone'
    if (!stats.isFile()) return 'keep'
    const unchanged = (await sha256OfFile(resolveBelow(inspector.root, file), stats.size)) === previous.get(file)
    return unchanged ? 'remove' : 'keep'
  })
  return {
    removed: candidates.filter((_, index) => verdicts[index] === 'remove'),
    kept: candidates.filter((_, index) => verdicts[index] === 'keep')
  }
}

/** clean: true. Every non-folder entry the job did not produce; links are removed, not followed. */
function everythingElse(outputDir: string, produced: Set<string>): string[] {
  const removed: string[] = []
  const walk = (folder: string): void => {
    const entries = readdirSync(folder === '' ? outputDir : resolveBelow(outputDir, folder), { withFileTypes: true })
    for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
      if (folder === '' && (entry.name === STATE_FILE_NAME || entry.name === WORK_DIR_NAME)) continue
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`
      if (entry.isDirectory()) walk(relative)
      else if (!produced.has(relative)) removed.push(relative)
    }
  }
  walk('')
  return removed
}

/** Folders whose every entry is removed (innermost first); folders that were empty already stay. */
function emptiedFolders(outputDir: string, removed: readonly string[], needed: Set<string>): string[] {
  const candidates = [...new Set(removed.flatMap(ancestorsOf))].filter(folder => !needed.has(folder)).sort((a, b) => -outermostFirst(a, b))
  const gone = new Set(removed)
  const emptied: string[] = []
  for (const folder of candidates) {
    const names = readdirSync(resolveBelow(outputDir, folder))
    if (names.every(name => gone.has(`${folder}/${name}`))) {
      gone.add(folder)
      emptied.push(folder)
    }
  }
  return emptied
}

/** Backups first (replace, remove), then the new files; STATE last in each group. */
function journalEntries(added: string[], modified: string[], removed: string[], state: 'add' | 'replace' | 'none'): JournalEntry[] {
  const backedUp: JournalEntry[] = [
    ...modified.map((file): JournalEntry => ({ path: file, action: 'replace' })),
    ...removed.map((file): JournalEntry => ({ path: file, action: 'remove' }))
  ].sort((a, b) => compareText(a.path, b.path))
  if (state === 'replace') backedUp.push({ path: STATE_FILE_NAME, action: 'replace' })
  const adds = added.map((file): JournalEntry => ({ path: file, action: 'add' }))
  if (state === 'add') adds.push({ path: STATE_FILE_NAME, action: 'add' })
  return [...backedUp.map((entry, index) => ({ ...entry, backup: index })), ...adds]
}

function outermostFirst(a: string, b: string): number {
  return depthOf(a) - depthOf(b) || compareText(a, b)
}
