/**
 * Unpacks an untrusted zip (hosting build artifacts, codegen assets of older service versions) into
 * a staging folder. The whole central directory is checked before the first byte is written: entry
 * count, names, entry kinds, encryption, compression and the declared total size. While writing,
 * yauzl checks that each entry inflates to exactly its declared size, and the CRC-32 is compared.
 */
import { createHash } from 'node:crypto'
import { mkdir, open, rm } from 'node:fs/promises'
import * as path from 'node:path'
import { Transform, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import * as zlib from 'node:zlib'
import yauzl from 'yauzl'
import type { Entry, ZipFile } from 'yauzl'
import { ActionError, UnsafeContentError } from '../errors.js'
import { COMPRESSION_RATIO_FLOOR_BYTES, MAX_COMPRESSION_RATIO } from './limits.js'
import { NameSet, printableName, safeRelativePath } from './names.js'
import type { FetchLimits, StagedFile, Staging } from './types.js'

/** Unix file type bits in the upper half of the external attributes (S_IFMT and friends). */
const S_IFMT = 0o170000
const S_IFREG = 0o100000
const S_IFDIR = 0o040000
const S_IFLNK = 0o120000
/** General purpose flag bit 0: the entry is encrypted (bit 6, strong encryption, implies it). */
const FLAG_ENCRYPTED = 0x0001
/** Compression methods node can undo: stored and deflate. */
const STORED = 0
const DEFLATED = 8
/** zlib.crc32 arrived in node 20.15; on an older node the size checks still hold, the CRC is skipped. */
const HAS_CRC32 = typeof zlib.crc32 === 'function'

export interface ExtractOptions {
  limits: FetchLimits
  signal?: AbortSignal
  /** Human words for the archive in errors, e.g. "the build artifacts". */
  what?: string
}

interface PlannedFile {
  entry: Entry
  path: string
}

function unsafe(what: string, problem: string): UnsafeContentError {
  return new UnsafeContentError(`Refusing ${what}: ${problem}. Nothing was written.`)
}

function openZip(zipPath: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings: false, so that names reach safeRelativePath unaltered (yauzl would turn "\"
    // into "/" and refuse some names itself with messages that print them raw).
    yauzl.open(
      zipPath,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true },
      (error, zip) => (error === null ? resolve(zip) : reject(error))
    )
  })
}

/** The entry's name decoded as the spec says (UTF-8 flag, Info-ZIP Unicode path field, else CP437). */
function entryName(entry: Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true)
}

/** Classifies one central directory entry; throws for anything that is not a plain file or folder. */
function checkEntry(entry: Entry, name: string, what: string): 'file' | 'folder' {
  const shown = `the entry ${printableName(name)} of ${what}`
  if ((entry.generalPurposeBitFlag & FLAG_ENCRYPTED) !== 0) {
    throw unsafe(shown, 'it is encrypted, and the action cannot decrypt archives')
  }
  const isFolder = name.endsWith('/')
  // The unix mode is in the upper 16 bits. It is honoured whoever made the archive: a zero type
  // says nothing, any other type but a regular file or a folder is refused.
  const type = (entry.externalFileAttributes >>> 16) & S_IFMT
  if (type === S_IFLNK) throw unsafe(shown, 'it is a symbolic link, which could point outside the output folder')
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
    throw unsafe(shown, `it is neither a regular file nor a folder (unix file type 0o${type.toString(8)})`)
  }
  if ((type === S_IFDIR) !== isFolder && type !== 0) {
    throw unsafe(shown, isFolder ? 'its name ends with "/" but it is not a folder' : 'it is a folder whose name does not end with "/"')
  }
  if (isFolder) {
    if (entry.uncompressedSize !== 0) throw unsafe(shown, 'it is a folder with content')
    return 'folder'
  }
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    throw unsafe(shown, `it uses compression method ${entry.compressionMethod}; only stored and deflate are supported`)
  }
  return 'file'
}

/**
 * Reads the whole central directory and returns the files to write, or throws before anything is
 * written: a zip bomb is refused on what it declares, and the declared sizes are then enforced.
 */
async function plan(zip: ZipFile, limits: FetchLimits, what: string, signal: AbortSignal | undefined): Promise<PlannedFile[]> {
  // The count in the end record is checked before reading any entry: a hostile archive could
  // otherwise make us walk millions of them.
  if (zip.entryCount > limits.maxFiles) {
    throw unsafe(what, `it has ${zip.entryCount} entries, more than the ${limits.maxFiles} allowed`)
  }
  const names = new NameSet()
  const files: PlannedFile[] = []
  let declaredTotal = 0
  for await (const entry of zip.eachEntry()) {
    signal?.throwIfAborted()
    const name = entryName(entry)
    const kind = checkEntry(entry, name, what)
    if (kind === 'folder') {
      names.claimFolder(safeRelativePath(name.slice(0, -1)))
      continue
    }
    const checked = safeRelativePath(name)
    names.claim(checked)
    declaredTotal += entry.uncompressedSize
    if (declaredTotal > limits.maxTotalBytes) {
      throw unsafe(what, `its files unpack to more than the ${limits.maxTotalBytes} bytes allowed (a zip bomb, or a job far larger than expected)`)
    }
    if (declaredTotal > COMPRESSION_RATIO_FLOOR_BYTES && declaredTotal > zip.fileSize * MAX_COMPRESSION_RATIO) {
      throw unsafe(
        what,
        `its files unpack to more than ${MAX_COMPRESSION_RATIO} times the archive's own ${zip.fileSize} bytes (a zip bomb: real build output compresses far less)`
      )
    }
    files.push({ entry, path: checked })
  }
  return files
}

function openEntry(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error === null ? resolve(stream) : reject(error)))
  })
}

/** Writes one planned file below staging.root (a new file, never an existing one) and hashes it. */
async function writeFile(zip: ZipFile, file: PlannedFile, staging: Staging, what: string, signal: AbortSignal | undefined): Promise<StagedFile> {
  const destination = path.join(staging.root, ...file.path.split('/'))
  await mkdir(path.dirname(destination), { recursive: true })
  const handle = await open(destination, 'wx')
  const hash = createHash('sha256')
  let crc = 0
  let bytes = 0
  let complete = false
  try {
    const stream = await openEntry(zip, file.entry)
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length
        // yauzl stops at the declared size already; this keeps the promise independent of it.
        if (bytes > file.entry.uncompressedSize) {
          callback(unsafe(`the entry ${printableName(file.path)} of ${what}`, 'it holds more bytes than it declares'))
          return
        }
        hash.update(chunk)
        if (HAS_CRC32) crc = zlib.crc32(chunk, crc)
        callback(null, chunk)
      }
    })
    let position = 0
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        const at = position
        position += chunk.length
        handle.write(chunk, 0, chunk.length, at).then(() => callback(), callback)
      }
    })
    await pipeline([stream, meter, sink], signal === undefined ? {} : { signal })
    if (bytes !== file.entry.uncompressedSize) {
      throw unsafe(`the entry ${printableName(file.path)} of ${what}`, `it holds ${bytes} bytes but declares ${file.entry.uncompressedSize}`)
    }
    if (HAS_CRC32 && crc !== file.entry.crc32) {
      throw unsafe(`the entry ${printableName(file.path)} of ${what}`, 'its checksum (CRC-32) does not match; the archive is damaged')
    }
    complete = true
  } finally {
    await handle.close()
    // A partial file must not pass for content, even in a staging folder that is thrown away.
    if (!complete) await rm(destination, { force: true })
  }
  return { path: file.path, bytes, sha256: hash.digest('hex') }
}

/**
 * Unpacks `zipPath` into `staging.root` and registers every file; returns the files written. Throws
 * UnsafeContentError naming the entry for anything unsafe or inconsistent, or the signal's reason.
 * Folder entries only reserve their names: empty folders are not created, the files define the tree.
 */
export async function extractZip(zipPath: string, staging: Staging, options: ExtractOptions): Promise<StagedFile[]> {
  const what = options.what ?? 'the archive'
  const { signal } = options
  signal?.throwIfAborted()
  let zip: ZipFile
  try {
    zip = await openZip(zipPath)
  } catch (error) {
    throw damaged(error, what)
  }
  try {
    const files = await plan(zip, options.limits, what, signal).catch((error: unknown) => {
      throw damaged(error, what)
    })
    const staged: StagedFile[] = []
    for (const file of files) {
      signal?.throwIfAborted()
      const stagedFile = await writeFile(zip, file, staging, what, signal).catch((error: unknown) => {
        throw damaged(error, `the entry ${printableName(file.path)} of ${what}`, 'its content does not match its header')
      })
      staging.add(stagedFile)
      staged.push(stagedFile)
    }
    return staged
  } catch (error) {
    throw signal?.aborted === true ? signal.reason : error
  } finally {
    zip.close()
  }
}

/** Keeps our own errors; turns yauzl's and the file system's into one that says what was refused. */
function damaged(error: unknown, what: string, problem = 'it is not a valid zip archive or is damaged'): unknown {
  if (error instanceof ActionError) return error
  if ((error as { name?: unknown } | null)?.name === 'AbortError') return error
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && !code.startsWith('Z_')) {
    return new UnsafeContentError(`Could not unpack ${what}: ${code} (${message}). Check the free space and permissions of the workspace.`)
  }
  return unsafe(what, `${problem} (${message})`)
}
