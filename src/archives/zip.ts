/**
 * Unpacks an untrusted zip (hosting build artifacts, codegen assets of older service versions) into
 * a staging folder. The whole central directory is checked before the first byte is written: entry
 * count, names, entry kinds, encryption, compression and the declared total size. While writing,
 * yauzl checks that each entry inflates to exactly its declared size, and the CRC-32 is compared.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { type FileHandle, mkdir, open, rm } from 'node:fs/promises'
import * as path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import * as zlib from 'node:zlib'
import yauzl from 'yauzl'
import type { Entry, ZipFile } from 'yauzl'
import { ActionError, UnsafeContentError } from '../errors.js'
import { fileSink } from '../transfer/file-sink.js'
import { COMPRESSION_RATIO_FLOOR_BYTES, MAX_COMPRESSION_RATIO } from './limits.js'
import { NameRefusal, NameSet, printableName, safeRelativePath } from './names.js'
import { type IndexPlacement, indexPlacement } from './site-index.js'
import type { FetchLimits } from './types.js'
import type { StagedFile, Staging } from '../output-folder/types.js'

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
/** Reads of the archive and inflated pieces: large, so that a big entry takes few round trips. */
const READ_CHUNK_BYTES = 1024 * 1024
const INFLATE_CHUNK_BYTES = 256 * 1024
/** zlib.crc32 arrived in node 20.15; on an older node the size checks still hold, the CRC is skipped. */
const HAS_CRC32 = typeof zlib.crc32 === 'function'

export interface ExtractOptions {
  limits: FetchLimits
  signal?: AbortSignal
  /** Human words for the archive in errors, e.g. "the build artifacts". */
  what?: string
}

/** A file entry of the central directory, checked, with the relative path it will have. */
export interface PlannedFile {
  entry: Entry
  path: string
}

export function unsafe(what: string, problem: string): UnsafeContentError {
  return new UnsafeContentError(`Refusing ${what}: ${problem}. Nothing was written.`)
}

// decodeStrings: false, so that names reach safeRelativePath unaltered (yauzl would turn "\" into
// "/" and refuse some names itself with messages that print them raw).
const YAUZL_OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true }

/** Opens an archive whose bytes come from `reader` (zip-stream.ts: the fetched end of a download). */
export function openZipFromReader(reader: yauzl.RandomAccessReader, size: number): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromRandomAccessReader(reader, size, YAUZL_OPTIONS, (error, zip) => (error === null ? resolve(zip) : reject(error)))
  })
}

function openZip(zipPath: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, YAUZL_OPTIONS, (error, zip) => (error === null ? resolve(zip) : reject(error)))
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
export async function plan(zip: ZipFile, limits: FetchLimits, what: string, signal: AbortSignal | undefined): Promise<PlannedFile[]> {
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

/**
 * A hosting job may list several archives, and their files land in one folder: a file an earlier
 * archive of the job already gave (or one that is the same file on macOS and Windows runners) is
 * refused before anything of this archive is written, rather than one replacing the other.
 */
export function refuseNamesTaken(files: readonly PlannedFile[], staging: Staging, what: string): void {
  if (staging.files.length === 0) return
  const names = new NameSet()
  for (const earlier of staging.files) names.claim(earlier.path)
  for (const file of files) {
    try {
      names.claim(file.path)
    } catch (error) {
      if (!(error instanceof UnsafeContentError)) throw error
      throw unsafe(
        what,
        `it holds ${printableName(file.path)}, and an earlier archive of this job holds the same file; the action does not choose between them. ` +
          "Make the build's artifacts hold each file once, or leave 'output-path' unset"
      )
    }
  }
}

/**
 * The streams that yield an entry's content: its bytes read straight from the archive in large
 * chunks (yauzl checks the local header and that the data lies within the file), inflated when
 * deflated. The meter after them enforces the declared size.
 */
async function entryData(zip: ZipFile, source: FileHandle, entry: Entry): Promise<NodeJS.ReadableStream> {
  const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true })
  if (entry.compressedSize === 0) return Readable.from([])
  return createReadStream('', {
    fd: source.fd,
    autoClose: false,
    start: fileDataStart,
    end: fileDataStart + entry.compressedSize - 1,
    highWaterMark: READ_CHUNK_BYTES
  })
}

/**
 * Writes one planned file below staging.root (a new file, never an existing one) from its bytes as
 * stored in the archive (`raw`: inflated here when deflated), checks size and CRC-32, hashes it.
 */
export async function writeEntry(
  file: PlannedFile,
  raw: NodeJS.ReadableStream,
  staging: Staging,
  what: string,
  signal: AbortSignal | undefined
): Promise<StagedFile> {
  const destination = path.join(staging.root, ...file.path.split('/'))
  await mkdir(path.dirname(destination), { recursive: true })
  const handle = await open(destination, 'wx')
  const hash = createHash('sha256')
  let crc = 0
  let bytes = 0
  let complete = false
  try {
    const stages = file.entry.compressionMethod === DEFLATED ? [raw, zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK_BYTES })] : [raw]
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
    await pipeline([...stages, meter, fileSink(handle)], signal === undefined ? {} : { signal })
    if (bytes !== file.entry.uncompressedSize) {
      throw unsafe(`the entry ${printableName(file.path)} of ${what}`, `it has not enough bytes: ${bytes} of the ${file.entry.uncompressedSize} it declares`)
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
  let source: FileHandle | undefined
  try {
    zip = await openZip(zipPath)
  } catch (error) {
    throw damaged(error, what)
  }
  try {
    const files = await plan(zip, options.limits, what, signal).catch((error: unknown) => {
      throw damaged(error, what)
    })
    refuseNamesTaken(files, staging, what)
    const staged: StagedFile[] = []
    source = await open(zipPath, 'r')
    for (const file of files) {
      signal?.throwIfAborted()
      const archive = source
      const stagedFile = await entryData(zip, archive, file.entry)
        .then(raw => writeEntry(file, raw, staging, what, signal))
        .catch((error: unknown) => {
          throw damaged(error, `the entry ${printableName(file.path)} of ${what}`, 'its content does not match its header')
        })
      staging.add(stagedFile)
      staged.push(stagedFile)
    }
    return staged
  } catch (error) {
    throw signal?.aborted === true ? signal.reason : error
  } finally {
    await source?.close()
    zip.close()
  }
}

/**
 * Checks what a zip declares, every name and size, by the same rules as extractZip, without
 * unpacking it: a `.zip` deploy source before it is uploaded. Returns how many files it holds and
 * where its index.html is.
 */
export async function checkZip(
  zipPath: string,
  limits: FetchLimits,
  what: string,
  signal: AbortSignal | undefined
): Promise<{ files: number } & IndexPlacement> {
  let zip: ZipFile
  try {
    zip = await openZip(zipPath)
  } catch (error) {
    throw damaged(error, what)
  }
  try {
    const files = await plan(zip, limits, what, signal).catch((error: unknown) => {
      if (error instanceof NameRefusal) {
        throw new UnsafeContentError(
          `Refusing ${what}: it holds the name ${printableName(error.refusedName)}, which Amplify would unpack as it is (${error.why}). Nothing was uploaded. ` +
            "Make the zip from the site's folder with plain relative names, or give that folder as 'source'."
        )
      }
      throw damaged(error, what)
    })
    if (!files.length)
      throw new UnsafeContentError(`Refusing ${what}: it holds no files. Nothing was uploaded. Zip the site's folder, or give the folder as 'source'.`)
    return { files: files.length, ...indexPlacement(files.map(file => file.path)) }
  } finally {
    zip.close()
  }
}

/** Keeps our own errors; turns yauzl's and the file system's into one that says what was refused. */
export function damaged(error: unknown, what: string, problem = 'it is not a valid zip archive or is damaged'): unknown {
  if (error instanceof ActionError) return error
  if ((error as { name?: unknown } | null)?.name === 'AbortError') return error
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && !code.startsWith('Z_')) {
    return new UnsafeContentError(`Could not unpack ${what}: ${code} (${message}). Check the free space and permissions of the workspace.`)
  }
  return unsafe(what, `${problem} (${message})`)
}
