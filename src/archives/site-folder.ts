/**
 * Lists a built site folder for a manual deployment to Amplify Hosting (`job-type: deploy` with a
 * folder as `source`): every file that goes into the zip, in a fixed order, so that the same folder
 * always gives the same zip (zip-writer.ts). Refuses, naming what it found and how to fix it, what
 * must never be published: a `.git` folder (the repository), a symlink resolving outside the folder
 * (the runner's secrets), special files, and names the archive name rules (names.ts) refuse, since
 * Amplify unpacks the zip on its side and the same rules protect it.
 *
 * Symlinks that resolve inside the folder are followed: a file link is zipped under the link's name
 * with its target's content, a folder link is walked (a link back to one of its own ancestors is
 * refused as a loop). Empty sub-folders are not entries: a zip of files recreates the folders.
 *
 * Names that differ only in case or Unicode normalisation (`Logo.png` and `logo.png`) are kept: the
 * site is served from S3, which is case-sensitive, so both are distinct pages; refusing them (as the
 * unpacking side does for runners on macOS and Windows) would refuse sites that work today.
 *
 * The walk keeps its own queue (no recursion, so any depth works) and runs at most
 * LISTING_CONCURRENCY file system calls at once, whatever the number of files.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import * as path from 'node:path'
import { ActionError, InputError, UnsafeContentError } from '../errors.js'
import { RESERVED_TOP_LEVEL_NAMES } from '../output-folder/reserved-names.js'
import { isInside } from '../workspace-paths.js'
import { printableName, relativePathProblem } from './names.js'
import { type IndexPlacement, indexPlacement } from './site-index.js'
import type { SiteFile } from './types.js'

/**
 * File system calls (readdir, lstat, realpath, stat) in flight at once. libuv runs four at a time by
 * default; a few more keep its queue full while the answers are handled, without queuing a call for
 * each of 100,000 files at once.
 */
export const LISTING_CONCURRENCY = 16
/** The input the folder comes from, named in input errors. */
const SOURCE_INPUT = 'source'
/** What a name that was not valid UTF-8 on disk becomes when node decodes it. */
const REPLACEMENT_CHARACTER = '\uFFFD'

/** A site folder ready to zip. */
export interface SiteListing extends IndexPlacement {
  /** Every file, sorted bytewise by the UTF-8 bytes of `name` (the order of the zip's entries). */
  files: SiteFile[]
  /**
   * The action's own bookkeeping at the folder's root, left out of the site: the folder was an
   * `output-path` (build artifacts fetched by an earlier step, deployed now elsewhere).
   */
  leftOut: string[]
}

export interface ListSiteOptions {
  /** How messages name the folder: the `source` input as the user wrote it (default: the path given). */
  label?: string
  signal?: AbortSignal
}

/** A folder being walked, with the chain of folders that led to it (to refuse loops of folder links). */
interface Folder {
  /** Its path with every symlink resolved. */
  real: string
  /** Its name relative to the site folder, '' for the site folder itself. */
  name: string
  parent: Folder | undefined
}

type Task = { kind: 'folder'; folder: Folder } | { kind: 'entry'; parent: Folder; base: string; name: string }

/**
 * Lists `folder` (an absolute path) for deployment; see the module comment for what is refused.
 * Throws InputError (input `source`) when the folder is missing, not a folder or holds no files,
 * UnsafeContentError for content that must not be published, ActionError when the file system
 * fails (a file vanishing mid-walk: a build still running), or the signal's reason.
 */
export async function listSiteFolder(folder: string, options: ListSiteOptions = {}): Promise<SiteListing> {
  const label = (options.label ?? folder).replace(/(?<=.)\/+$/u, '')
  const { signal } = options
  signal?.throwIfAborted()
  const root = await realFolder(folder, label)
  const files: SiteFile[] = []
  const leftOut: string[] = []
  const shown = (name: string): string => printableName(name === '' ? label : `${label}/${name}`)
  const refuse = (problem: string, fix: string): UnsafeContentError => new UnsafeContentError(`Refusing to deploy ${printableName(label)}: ${problem}. ${fix}`)

  const addFile = (name: string, filePath: string, size: number): void => {
    const problem = relativePathProblem(name)
    if (problem !== undefined) {
      throw refuse(
        `the file ${shown(name)} has a name that is not safe in a zip (${problem}); Amplify unpacks the zip and the action refuses such names on the way back too`,
        'Rename the file in the build, or remove it from the folder.'
      )
    }
    files.push({ name, path: filePath, size })
  }

  const visitFolder = async (current: Folder, add: (task: Task) => void): Promise<void> => {
    const entries = await fileSystem(() => readdir(current.real, { withFileTypes: true }), current.name, shown)
    for (const entry of entries) {
      const name = current.name === '' ? entry.name : `${current.name}/${entry.name}`
      if (current.name === '' && RESERVED_TOP_LEVEL_NAMES.includes(entry.name)) {
        leftOut.push(name)
        continue
      }
      if (entry.name.normalize('NFC').toLowerCase() === '.git') {
        throw entry.isDirectory()
          ? refuse(
              `it holds a .git folder, ${shown(name)}, and deploying it would publish the repository (its history and configuration, with any credentials in it)`,
              "Point 'source' at the folder the build writes the site into, or remove the .git folder from it."
            )
          : refuse(
              `it holds ${shown(name)}, a .git entry (git's pointer to a repository, or a link to one)`,
              "Remove it from the folder, or point 'source' at the folder the build writes the site into."
            )
      }
      if (entry.isDirectory()) add({ kind: 'folder', folder: { real: path.join(current.real, entry.name), name, parent: current } })
      else add({ kind: 'entry', parent: current, base: entry.name, name })
    }
  }

  const visitEntry = async (parent: Folder, base: string, name: string, add: (task: Task) => void): Promise<void> => {
    const entryPath = path.join(parent.real, base)
    const stats = await fileSystem(() => lstat(entryPath), name, shown)
    if (stats.isFile()) return addFile(name, entryPath, stats.size)
    if (stats.isDirectory()) return add({ kind: 'folder', folder: { real: entryPath, name, parent } })
    if (!stats.isSymbolicLink())
      throw refuse(`${shown(name)} is ${specialKind(stats)}, not a regular file`, 'Only files and folders can be deployed: remove it from the folder.')

    let target: string
    try {
      target = await realpath(entryPath)
    } catch (error) {
      const code = (error as { code?: unknown }).code
      if (code === 'ENOENT')
        throw refuse(`${shown(name)} is a symbolic link to something that does not exist`, 'Remove the link, or create what it points to before this step.')
      if (code === 'ELOOP') throw refuse(`${shown(name)} is a symbolic link that leads back to itself (a loop of links)`, 'Remove the link.')
      throw fileSystemError(error, name, shown)
    }
    if (!isInside(root, target)) {
      throw refuse(
        `${shown(name)} is a symbolic link to ${printableName(target)}, outside the folder, and deploying it could publish files of the runner (credentials, the workspace)`,
        'Replace the link with a copy of what it should publish, or remove it.'
      )
    }
    const targetStats = await fileSystem(() => stat(target), name, shown)
    if (targetStats.isFile()) return addFile(name, target, targetStats.size)
    if (!targetStats.isDirectory()) {
      throw refuse(
        `${shown(name)} is a symbolic link to ${specialKind(targetStats)}, not a regular file`,
        'Only files and folders can be deployed: remove the link.'
      )
    }
    for (let ancestor: Folder | undefined = parent; ancestor !== undefined; ancestor = ancestor.parent) {
      if (isInside(target, ancestor.real)) {
        throw refuse(
          `${shown(name)} is a symbolic link to ${shown(path.relative(root, target).split(path.sep).join('/'))}, a folder that holds the link itself, so the site would never end`,
          'Remove the link.'
        )
      }
    }
    add({ kind: 'folder', folder: { real: target, name, parent } })
  }

  await drain<Task>([{ kind: 'folder', folder: { real: root, name: '', parent: undefined } }], LISTING_CONCURRENCY, signal, (task, add) =>
    task.kind === 'folder' ? visitFolder(task.folder, add) : visitEntry(task.parent, task.base, task.name, add)
  )

  if (files.length === 0) {
    throw new InputError(
      SOURCE_INPUT,
      `${printableName(label)} holds no files (empty folders are not deployed). Build the site before this step, or set 'source' to the folder the build writes it into.`
    )
  }
  return { ...summarise(sortByName(files)), leftOut: leftOut.sort() }
}

/** The folder's real path; InputError when it is missing or not a folder. */
async function realFolder(folder: string, label: string): Promise<string> {
  let real: string
  try {
    real = await realpath(folder)
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      throw new InputError(SOURCE_INPUT, `the folder ${printableName(label)} does not exist. Build the site before this step, or correct the path.`)
    }
    throw fileSystemError(error, '', () => printableName(label))
  }
  const stats = await stat(real)
  if (!stats.isDirectory())
    throw new InputError(SOURCE_INPUT, `${printableName(label)} is not a folder. Set 'source' to the folder the build writes the site into, or to a .zip file.`)
  return real
}

/** Sorts by the UTF-8 bytes of the name (JavaScript's own order compares UTF-16 units, which differs above U+FFFF). */
function sortByName(files: SiteFile[]): SiteFile[] {
  return files
    .map(file => ({ file, key: Buffer.from(file.name, 'utf8') }))
    .sort((a, b) => Buffer.compare(a.key, b.key))
    .map(({ file }) => file)
}

function summarise(files: SiteFile[]): Omit<SiteListing, 'leftOut'> {
  return { files, ...indexPlacement(files.map(file => file.name)) }
}

/** What a file that is neither a regular file, a folder nor a symlink is, in words. */
function specialKind(stats: { isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean }): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)'
  if (stats.isSocket()) return 'a socket'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isCharacterDevice()) return 'a character device'
  return 'a special file'
}

/** Runs one file system call, turning its failure into an error that names the file. */
async function fileSystem<T>(call: () => Promise<T>, name: string, shown: (name: string) => string): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw fileSystemError(error, name, shown)
  }
}

function fileSystemError(error: unknown, name: string, shown: (name: string) => string): Error {
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : String(error)
  if (code === 'ENOENT' && name.includes(REPLACEMENT_CHARACTER)) {
    // readdir decoded a name that is not valid UTF-8; the decoded name leads nowhere.
    return new UnsafeContentError(
      `Refusing to deploy: the name ${shown(name)} is not valid UTF-8 on disk (shown with \uFFFD where its bytes are invalid), and zip names are UTF-8. Rename the file in the build.`
    )
  }
  if (code === 'ENOENT') {
    return new ActionError(
      `Could not list ${shown(name)}: it disappeared while the folder was being read. Run the deploy after the build has finished writing the site.`
    )
  }
  if (typeof code === 'string') return new ActionError(`Could not list ${shown(name)}: ${code} (${message}). Check the folder's permissions.`)
  return error instanceof Error ? error : new ActionError(message)
}

/**
 * Runs `run` on every task, and on every task it adds, at most `limit` at a time; tasks are taken
 * last in, first out, so the queue holds about one folder level's entries rather than the tree.
 * Stops starting tasks at the first failure (or abort) and rejects once the running ones have
 * settled, so that no file system call outlives the promise.
 */
function drain<T>(initial: T[], limit: number, signal: AbortSignal | undefined, run: (task: T, add: (task: T) => void) => Promise<void>): Promise<void> {
  const queue = [...initial]
  const add = (task: T): void => {
    queue.push(task)
  }
  let running = 0
  let failure: { error: unknown } | undefined
  return new Promise((resolve, reject) => {
    const settle = (): void => {
      if (running > 0) return
      if (failure !== undefined) reject(failure.error)
      else if (queue.length === 0) resolve()
    }
    const pump = (): void => {
      if (failure === undefined && signal?.aborted === true) failure = { error: signal.reason }
      while (failure === undefined && running < limit && queue.length > 0) {
        const task = queue.pop()!
        running++
        run(task, add).then(
          () => {
            running--
            pump()
          },
          (error: unknown) => {
            running--
            failure ??= { error }
            pump()
          }
        )
      }
      settle()
    }
    pump()
  })
}
