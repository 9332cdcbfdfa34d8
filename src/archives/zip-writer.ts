/**
 * Writes a site's files (site-folder.ts) into one zip for a manual deployment to Amplify Hosting.
 *
 * Deterministic: the same files in the same order give the same bytes, whatever the files' times,
 * owners and modes, the order they were created in, or the `concurrency` used. Every entry has the
 * fixed time FIXED_DOS_DATE/FIXED_DOS_TIME (1980-01-01 00:00, the earliest a zip can hold), "made by"
 * Unix with mode 0644 for a regular file, the UTF-8 name flag, no extra field carrying a time, no
 * data descriptor and no comment. Compressed bytes come from the zlib bundled with Node: the same
 * Node gives the same zip; another Node version may deflate differently (the files inside are the
 * same either way).
 *
 * The layout is the plainest a zip can have, which every reader takes (yauzl, Info-ZIP unzip,
 * Python's zipfile, streaming readers that never look at the central directory): each local header
 * carries the entry's real CRC-32 and sizes. Files of up to BUFFERED_FILE_MAX_BYTES are read whole
 * and deflated in the thread pool (the smallest on the main thread), up to `concurrency` at once
 * and up to IN_FLIGHT_BUDGET_BYTES ahead of the writer, which appends finished entries in order; they are read into one ring
 * buffer of that size (buffer-ring.ts), allocated once, so that files leave no garbage behind. Larger files are streamed through
 * a deflate stream when their turn comes, into the place after their local header, which is written
 * once the CRC and sizes are known (the output is a file, so it can go back). Memory therefore stays
 * bounded by those constants whatever the site's size, apart from the central directory, kept as
 * bytes until the end where the zip format wants it (46 bytes plus the name per file: 7 MB for
 * 100,000 files).
 *
 * Compression by kind: formats that are compressed already (STORED_EXTENSIONS) are stored without
 * trying; everything else is deflated, and stored after all when deflating did not make it smaller.
 * ZIP64 fields are written exactly where a value does not fit the classic ones (65,535 entries or
 * more, an entry or offset of 4 GiB or more), so a usual site is a classic zip.
 *
 * Who removes what: writeZip creates the zip (never overwriting a file), closes every handle it
 * opened on every path, and on failure or abort leaves the partial zip where it is. An abort stops a
 * streamed file at once; a deflate already running in the thread pool (at most one buffered file
 * per slot) is waited for, so that nothing of the writer outlives its promise. The caller
 * removes it (simplest: write into a folder of its own from mkdtemp and remove the folder).
 */
import { createHash } from 'node:crypto'
import { closeSync, constants, openSync, readSync } from 'node:fs'
import { type FileHandle, open } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import * as path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import * as zlib from 'node:zlib'
import { formatBytes } from '../bytes.js'
import { ActionError, UnsafeContentError } from '../errors.js'
import { fileSink, writeAll } from '../transfer/file-sink.js'
import { BufferRing } from './buffer-ring.js'
import { printableName } from './names.js'
import { releaseMemory } from './release-memory.js'
import type { SiteFile } from './types.js'

const KiB = 1024
const MiB = 1024 * KiB

/**
 * Extensions of formats that are compressed already: deflating them costs CPU and gains a few bytes
 * at best (measured: PDFs 1.5 to 2.5 %), so they are stored without trying. Left out on purpose,
 * hence deflated: ico (usually uncompressed bitmaps inside: 17 to 47 % smaller), svg, bmp, ttf, otf,
 * eot, wasm and wav, which deflate well. A stored entry costs nothing to unpack, and what deflate
 * cannot shrink is stored anyway, so a missing extension here only costs time.
 */
export const STORED_EXTENSIONS: ReadonlySet<string> = new Set([
  // images
  'png',
  'apng',
  'jpg',
  'jpeg',
  'jfif',
  'gif',
  'webp',
  'avif',
  'heic',
  'heif',
  'jxl',
  // web fonts (woff: zlib inside, woff2: brotli inside)
  'woff',
  'woff2',
  // video and audio
  'mp4',
  'm4v',
  'mov',
  'webm',
  'mkv',
  'ogv',
  'mp3',
  'm4a',
  'aac',
  'ogg',
  'oga',
  'opus',
  'flac',
  'weba',
  // archives and pre-compressed assets (index.js.gz, index.js.br next to index.js)
  'zip',
  'gz',
  'tgz',
  'br',
  'zst',
  'xz',
  'bz2',
  '7z',
  'rar',
  'lz4',
  'jar',
  // documents that are zips or deflate streams inside
  'pdf',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
  'epub'
])

/**
 * Compressions at once by default: twice the CPUs, at most the thread pool's size (libuv: 4 unless
 * UV_THREADPOOL_SIZE says otherwise). More than the CPUs pays because the main thread's share (reads,
 * CRC, hashing, writes) and a streamed file holding a slot leave the pool idle otherwise: on 2 CPUs
 * (bench/zip-site.ts), concurrency 4 zipped the 600 MB site in 0.60 and 100,000 small files in 0.62
 * of the time of concurrency 1, where concurrency 2 took 0.79 and 0.72, for the same memory.
 */
export const DEFAULT_CONCURRENCY = Math.max(1, Math.min(2 * availableParallelism(), Number(process.env.UV_THREADPOOL_SIZE) || 4))

/** zlib's default level: close to the best ratio for a third of level 9's time. */
export const DEFLATE_LEVEL = 6
/** Files up to this size are read whole and deflated in parallel; larger ones are streamed in order. */
export const BUFFERED_FILE_MAX_BYTES = 8 * MiB
/**
 * Source bytes read ahead of the writer, and the size of the ring they are read into (a deflated copy
 * goes back over its file there): room for two files of BUFFERED_FILE_MAX_BYTES, and for a few hundred
 * usual ones to compress while the writer is busy. Measured (bench/zip-site.ts, 2 CPUs): 16 MiB zipped
 * the 60 MB site as fast as 32 MiB, for a peak RSS of 110 MB instead of 133 MB (131 and 148 MB on the
 * 600 MB site); 12 MiB saved nothing more.
 */
export const IN_FLIGHT_BUDGET_BYTES = 16 * MiB
/**
 * Files up to this size are deflated synchronously on the main thread. For them the fixed cost of
 * a deflate call (a zlib stream object and its 256 KiB of state, about 0.05 to 0.1 ms) is most of
 * the work, and an async call pays it on the main thread as well, plus a trip through the thread
 * pool: a site of 100,000 tiny files zips in half the time (bench/zip-site.ts --many). The
 * bytes are the same either way.
 */
export const SYNC_DEFLATE_MAX_BYTES = 4 * KiB
/**
 * Counted per entry read ahead on top of its size: caps the read-ahead of tiny files at about 500
 * entries, whose promises and buffers would otherwise crowd the heap (100,000 files of 200 bytes).
 */
const ENTRY_BUDGET_BYTES = 64 * KiB
/** Entries are collected and written with one writev per this many bytes. */
const WRITE_BATCH_BYTES = 1 * MiB
/** Read size of streamed files and of reading back the zip to hash it. */
const STREAM_CHUNK_BYTES = 1 * MiB

/** 1980-01-01 00:00:00 in MS-DOS date and time: the earliest a zip can express, the same for everyone. */
export const FIXED_DOS_DATE = ((1980 - 1980) << 9) | (1 << 5) | 1
export const FIXED_DOS_TIME = 0

const LOCAL_HEADER_SIGNATURE = 0x04034b50
const CENTRAL_HEADER_SIGNATURE = 0x02014b50
const END_RECORD_SIGNATURE = 0x06054b50
const ZIP64_END_RECORD_SIGNATURE = 0x06064b50
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50
const LOCAL_HEADER_BYTES = 30
const CENTRAL_HEADER_BYTES = 46
const END_RECORD_BYTES = 22
const ZIP64_END_RECORD_BYTES = 56
const ZIP64_LOCATOR_BYTES = 20
/** The zip64 extended information extra field: tag, size, then the 8-byte values that did not fit. */
const ZIP64_EXTRA_TAG = 0x0001
const METHOD_STORED = 0
const METHOD_DEFLATED = 8
/** "Version needed to extract": 1.0 for stored, 2.0 for deflate, 4.5 for zip64 fields. */
const VERSION_STORED = 10
const VERSION_DEFLATED = 20
const VERSION_ZIP64 = 45
/** Made by Unix (host 3), spec 4.5: readers take the external attributes as a Unix mode. */
const VERSION_MADE_BY = (3 << 8) | VERSION_ZIP64
/** General purpose bit 11: the name is UTF-8. */
const FLAG_UTF8_NAME = 0x0800
/** Regular file, rw-r--r--, in the upper half of the external attributes. */
const REGULAR_FILE_ATTRIBUTES = (0o100644 << 16) >>> 0
const MAX_NAME_BYTES = 0xffff

/** Where zip64 starts: an entry count, or a size or offset in bytes, at or above these. */
export interface Zip64Thresholds {
  entries: number
  bytes: number
}

/** The classic fields' limits (a field holding its all-ones value means "see the zip64 field"). */
export const ZIP64_THRESHOLDS: Zip64Thresholds = { entries: 0xffff, bytes: 0xffffffff }

export interface WriteZipOptions {
  signal?: AbortSignal
  /**
   * Files compressed at once (a streamed large file counts as one). 1 compresses one file at a time.
   * Default: DEFAULT_CONCURRENCY. The zip's bytes do not depend on it.
   */
  concurrency?: number
  /** Refuse (UnsafeContentError) once the zip would be larger than this many bytes, e.g. Amplify's 5 GB. */
  maxBytes?: number
  /** How messages name the folder: the `source` input as the user wrote it. Default: "the site". */
  label?: string
  /** Test seam: lower thresholds so that tests exercise every zip64 field without writing 4 GiB. */
  zip64Thresholds?: Zip64Thresholds
}

export interface ZipSummary {
  /** The zip's size in bytes (for Content-Length). */
  bytes: number
  /** SHA-256 of the whole zip, lowercase hex. */
  sha256: string
  /** Entries written (one per file). */
  files: number
  /** Sum of the files' sizes. */
  contentBytes: number
  deflated: number
  stored: number
  /** Whether any zip64 field was needed. */
  zip64: boolean
}

/** How an entry's content is kept. */
export type Compression = 'deflate' | 'store'

/** Stored for the formats in STORED_EXTENSIONS (any case), deflated for everything else. */
export function compressionFor(name: string): Compression {
  const extension = path.posix.extname(name).slice(1).toLowerCase()
  return STORED_EXTENSIONS.has(extension) ? 'store' : 'deflate'
}

const deflateRaw = promisify(zlib.deflateRaw)

/**
 * How a buffered file is deflated, so that its deflated copy comes out as one Buffer of its own that
 * releaseMemory can free once it is copied into the ring: an output buffer as large as the file
 * (what does not fit in it would be stored anyway), never a slice of Node's shared pool (at least
 * Buffer.poolSize), and the whole file taken with Z_FINISH at once (the one-shot call otherwise
 * deflates it with Z_NO_FLUSH and finishes with a second call, whose output it concatenates, leaving
 * both buffers to the collector). The bytes are the same as the plain call's.
 */
const WHOLE_FILE_DEFLATE = (bytes: number): zlib.ZlibOptions => ({
  level: DEFLATE_LEVEL,
  chunkSize: Math.max(bytes, Buffer.poolSize),
  flush: zlib.constants.Z_FINISH
})

/** An entry read and compressed, waiting for its turn. */
interface PreparedEntry {
  crc: number
  method: number
  data: Buffer
}

/** An entry written: what its central directory header says. */
interface WrittenEntry {
  name: Buffer
  crc: number
  method: number
  compressedSize: number
  size: number
  offset: number
}

/** Central directory headers are kept as bytes, in chunks of this size: about 70 bytes per file. */
const DIRECTORY_CHUNK_BYTES = 256 * KiB

/**
 * Writes `files` into a new zip at `zipPath`, in the order given (listSiteFolder's, for the same bytes
 * every time), each under its `name` (unique, relative, '/'-separated) with the content of its
 * `path`. Throws ActionError when a file cannot be read or changed size since it was listed (a build
 * still running) or the zip cannot be written, UnsafeContentError past `maxBytes`, or the signal's
 * reason; in every case the zip's handle is closed and the partial zip is left for the caller.
 */
export async function writeZip(zipPath: string, files: readonly SiteFile[], options: WriteZipOptions = {}): Promise<ZipSummary> {
  const { signal } = options
  signal?.throwIfAborted()
  let handle: FileHandle
  try {
    handle = await open(zipPath, 'wx+')
  } catch (error) {
    throw writeError(error, zipPath)
  }
  // Made once the file is open: it listens to the caller's signal until settle() below.
  const writer = new ZipWriter(files, options)
  try {
    return await writer.write(handle, zipPath)
  } catch (error) {
    throw signal?.aborted === true ? signal.reason : error
  } finally {
    await writer.settle()
    await handle.close()
  }
}

class ZipWriter {
  private readonly label: string
  private readonly concurrency: number
  private readonly thresholds: Zip64Thresholds
  /** Aborted by the caller's signal or when the writer stops: ends a streamed file and the waits for preparations. */
  private readonly stop = new AbortController()
  private readonly hash = createHash('sha256')
  /** The central directory so far: full chunks, then the one being filled up to `directoryFill`. */
  private readonly directory: Buffer[] = []
  private directoryChunk = Buffer.alloc(0)
  private directoryFill = 0
  private entries = 0
  private readonly prepared = new Map<number, Promise<PreparedEntry>>()
  /** Preparations running and their promises, for settle(). */
  private readonly running = new Set<Promise<unknown>>()
  private handle!: FileHandle
  private zipPath = ''
  private position = 0
  private batch: Buffer[] = []
  private batchBytes = 0
  /** Read buffers of large files (chunkBuffers). */
  private chunks: [Buffer, Buffer] | undefined
  /** Where buffered files are read, each piece given back once its entry is on disk (see flush). */
  private readonly ring = new BufferRing(IN_FLIGHT_BUDGET_BYTES)
  /** Entries appended to the batch whose ring pieces go back once the batch is written. */
  private unflushedPieces = 0
  /** Next file not yet started (preparation), and bytes of files read ahead of the writer. */
  private nextToStart = 0
  private budgetUsed = 0
  /** Compressions running, the writer's streamed file included. */
  private busy = 0
  /** Set while the writer waits for a compression slot for a streamed file. */
  private wakeWriter: (() => void) | undefined
  private deflated = 0
  private stored = 0
  private zip64 = false

  constructor(
    private readonly files: readonly SiteFile[],
    private readonly options: WriteZipOptions
  ) {
    this.label = options.label ?? 'the site'
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY))
    this.thresholds = options.zip64Thresholds ?? ZIP64_THRESHOLDS
    const { signal } = options
    if (signal !== undefined) {
      const onAbort = (): void => this.stop.abort(signal.reason)
      signal.addEventListener('abort', onAbort, { once: true })
      this.stop.signal.addEventListener('abort', () => signal.removeEventListener('abort', onAbort), { once: true })
    }
  }

  async write(handle: FileHandle, zipPath: string): Promise<ZipSummary> {
    this.handle = handle
    this.zipPath = zipPath
    let contentBytes = 0
    for (const [index, file] of this.files.entries()) {
      this.stop.signal.throwIfAborted()
      this.fill()
      if (isStreamed(file)) await this.writeStreamed(file)
      else await this.writePrepared(file, index)
      contentBytes += file.size
      this.checkSize()
    }
    await this.writeCentralDirectory()
    this.checkSize()
    await this.flush()
    // A large file first deflated and then stored may have left bytes past the end.
    await this.handle.truncate(this.position).catch((error: unknown) => {
      throw writeError(error, this.zipPath)
    })
    return {
      bytes: this.position,
      sha256: this.hash.digest('hex'),
      files: this.files.length,
      contentBytes,
      deflated: this.deflated,
      stored: this.stored,
      zip64: this.zip64
    }
  }

  /**
   * Stops starting preparations and waits until none runs any more (a deflate in the thread pool
   * cannot be interrupted; one takes at most BUFFERED_FILE_MAX_BYTES of input), so that no work
   * outlives writeZip's promise.
   */
  async settle(): Promise<void> {
    this.stop.abort(new ActionError('the zip writer stopped'))
    while (this.running.size > 0) await Promise.allSettled([...this.running])
  }

  /** Starts preparing the files ahead of the writer, within the compression slots and the budget. */
  private fill(): void {
    while (this.nextToStart < this.files.length && !this.stop.signal.aborted) {
      const index = this.nextToStart
      const file = this.files[index]!
      if (isStreamed(file)) {
        this.nextToStart++
        continue
      }
      const cost = budgetOf(file)
      const withinBudget = this.budgetUsed === 0 || this.budgetUsed + cost <= IN_FLIGHT_BUDGET_BYTES
      if (this.busy >= this.concurrency || this.wakeWriter !== undefined || !withinBudget) return
      // One byte more than listed, so that a file that grew is noticed as well as one that shrank.
      const piece = this.ring.take(file.size + 1)
      if (piece === undefined) return
      this.nextToStart++
      this.budgetUsed += cost
      this.busy++
      const preparation = this.prepare(file, piece)
      const tracked = preparation.then(
        () => undefined,
        () => undefined
      )
      this.running.add(tracked)
      void tracked.then(() => {
        this.running.delete(tracked)
        this.freeSlot()
      })
      // Awaited by the writer in its turn; this keeps an early failure from going unhandled meanwhile.
      preparation.catch(() => undefined)
      this.prepared.set(index, preparation)
    }
  }

  /** A compression ended: its slot goes to the writer when it waits for one, else to the next file. */
  private freeSlot(): void {
    const wake = this.wakeWriter
    if (wake !== undefined) {
      this.wakeWriter = undefined
      wake()
      return
    }
    this.busy--
    this.fill()
  }

  /**
   * Reads a file whole into `piece` (its ring piece: its size plus one byte), checks its size, and
   * deflates it unless stored (in the thread pool above SYNC_DEFLATE_MAX_BYTES). A deflated copy
   * that is smaller goes back into the piece, over the file, and zlib's output buffer is freed at once
   * (releaseMemory), so that files leave nothing behind for the garbage collector.
   */
  private async prepare(file: SiteFile, piece: Buffer): Promise<PreparedEntry> {
    const data = this.readWhole(file, piece)
    const crc = zlib.crc32(data)
    if (data.length > 0 && compressionFor(file.name) === 'deflate') {
      const compressed =
        data.length <= SYNC_DEFLATE_MAX_BYTES
          ? zlib.deflateRawSync(data, WHOLE_FILE_DEFLATE(data.length))
          : await deflateRaw(data, WHOLE_FILE_DEFLATE(data.length))
      const compressedBytes = compressed.length < data.length ? compressed.copy(piece) : 0
      releaseMemory(compressed)
      if (compressedBytes > 0) return { crc, method: METHOD_DEFLATED, data: piece.subarray(0, compressedBytes) }
    }
    return { crc, method: METHOD_STORED, data }
  }

  /**
   * Reads a file of known size whole: open, one read, close, synchronously on the main thread. The
   * writer is all the action does at this point, and a file of at most BUFFERED_FILE_MAX_BYTES comes
   * from the page cache in a few milliseconds, while the same three calls through the thread pool
   * (fs/promises) cost about twice the CPU time for a site of small files (bench/zip-site.ts: 2,000
   * files, 0.3 ms per file) and queue behind the deflates. The read asks for the whole of `data`, one
   * byte more than listed, so that a file that grew is noticed as well as one that shrank.
   */
  private readWhole(file: SiteFile, data: Buffer): Buffer {
    this.stop.signal.throwIfAborted()
    let fd: number | undefined
    try {
      // O_NONBLOCK: a named pipe passed in by mistake (listSiteFolder refuses them) fails (a positioned
      // read on a pipe is ESPIPE) instead of blocking the process. Regular files ignore the flag.
      fd = openSync(file.path, constants.O_RDONLY | constants.O_NONBLOCK)
      let length = 0
      for (;;) {
        const bytesRead = readSync(fd, data, length, data.length - length, length)
        if (bytesRead === 0 || length + bytesRead === data.length) {
          length += bytesRead
          break
        }
        length += bytesRead
      }
      if (length !== file.size) throw changedError(file, length, this.label)
      return data.subarray(0, length)
    } catch (error) {
      if (error instanceof ActionError) throw error
      throw readError(error, file, this.label)
    } finally {
      if (fd !== undefined) closeSync(fd)
    }
  }

  private async writePrepared(file: SiteFile, index: number): Promise<void> {
    if (!this.prepared.has(index)) {
      // The ring is full of entries written but not flushed yet: flushing gives their pieces back.
      await this.flush()
      this.fill()
    }
    const preparation = this.prepared.get(index)
    if (preparation === undefined) throw new Error(`zip writer: the preparation of entry ${index} did not start`)
    this.prepared.delete(index)
    // Not raced against the signal: settle() waits for a running deflate anyway (at most one buffered file).
    const entry = await preparation
    this.stop.signal.throwIfAborted()
    const name = nameBytes(file, this.label)
    const offset = this.position
    this.append(this.localHeader(name, file.size, entry.crc, entry.method, entry.data.length))
    this.append(entry.data)
    this.unflushedPieces++
    this.record({ name, crc: entry.crc, method: entry.method, compressedSize: entry.data.length, size: file.size, offset })
    this.budgetUsed -= budgetOf(file)
    if (this.batchBytes >= WRITE_BATCH_BYTES) await this.flush()
    this.fill()
  }

  /**
   * A large file, in its turn: its data is streamed after the place of its local header, which is
   * written once its CRC and sizes are known; then the entry is read back for the zip's hash.
   */
  private async writeStreamed(file: SiteFile): Promise<void> {
    await this.flush()
    await this.takeSlot()
    const name = nameBytes(file, this.label)
    const offset = this.position
    const dataStart = offset + this.localHeaderBytes(name, file.size)
    let method = compressionFor(file.name) === 'deflate' && file.size > 0 ? METHOD_DEFLATED : METHOD_STORED
    let result: { crc: number; written: number }
    try {
      result = await this.streamFile(file, method, dataStart)
      if (method === METHOD_DEFLATED && result.written >= file.size) {
        // Deflate did not help: store it, over the deflated bytes, exactly as a buffered file would be.
        const deflatedCrc = result.crc
        method = METHOD_STORED
        result = await this.streamFile(file, method, dataStart)
        if (result.crc !== deflatedCrc) throw changedError(file, undefined, this.label)
      }
    } finally {
      this.freeSlot()
    }
    const header = this.localHeader(name, file.size, result.crc, method, result.written)
    await this.writeAt([header], offset)
    this.position = dataStart + result.written
    await this.hashFromDisk(offset, this.position)
    this.record({ name, crc: result.crc, method, compressedSize: result.written, size: file.size, offset })
  }

  /** Takes a compression slot, waiting for a running preparation to hand over its own when all are taken. */
  private async takeSlot(): Promise<void> {
    if (this.busy < this.concurrency) {
      this.busy++
      return
    }
    await new Promise<void>(resolve => (this.wakeWriter = resolve))
    this.stop.signal.throwIfAborted()
  }

  /**
   * Streams a file (deflated or not) into the zip at `start`; returns its CRC-32 and the bytes written.
   * The file is read into the writer's two chunk buffers in turn, one read into while the other is
   * deflated or written, so that a large file leaves no garbage behind but its deflated output (a
   * read stream allocates a new buffer per chunk: 180 MB of garbage for the 600 MB test site).
   */
  private async streamFile(file: SiteFile, method: number, start: number): Promise<{ crc: number; written: number }> {
    const buffers = this.chunkBuffers()
    let crc = 0
    let read = 0
    let written = 0
    let source: FileHandle
    try {
      source = await open(file.path, 'r')
    } catch (error) {
      throw readError(error, file, this.label)
    }
    const deflate = method === METHOD_DEFLATED ? zlib.createDeflateRaw({ level: DEFLATE_LEVEL, chunkSize: 256 * KiB }) : undefined
    const sink = fileSink(this.handle, { start, onChunk: chunk => (written += chunk.length), wrapError: error => writeError(error, this.zipPath) })
    const deflating = deflate === undefined ? undefined : pipeline(deflate, sink, { signal: this.stop.signal })
    deflating?.catch(() => undefined) // awaited below; this keeps an early failure from going unhandled meanwhile
    let position = start
    const consume = async (chunk: Buffer): Promise<void> => {
      if (deflate === undefined) {
        await this.writeAt([chunk], position)
        position += chunk.length
        written += chunk.length
        return
      }
      // The callback comes once zlib has taken the whole chunk in: then its buffer can be read into again.
      await new Promise<void>((resolve, reject) => deflate.write(chunk, error => (error == null ? resolve() : reject(error))))
    }
    // Sequential reads (no position): a named pipe has none, and the tests stream one.
    const readInto = async (buffer: Buffer): Promise<Buffer> => buffer.subarray(0, (await source.read(buffer, 0, buffer.length, null)).bytesRead)
    let next = readInto(buffers[0])
    try {
      for (let turn = 1; ; turn++) {
        const chunk = await next
        this.stop.signal.throwIfAborted()
        if (chunk.length === 0) break
        read += chunk.length
        if (read > file.size) throw changedError(file, read, this.label)
        crc = zlib.crc32(chunk, crc)
        next = readInto(buffers[turn % 2]!)
        await consume(chunk)
      }
      deflate?.end()
      await deflating
    } catch (error) {
      deflate?.destroy()
      // The deflate's own failure (the sink's write error, the abort) says more than a write refused after it.
      const failure =
        (await deflating?.then(
          () => undefined,
          (deflateError: unknown) => deflateError
        )) ?? error
      if (this.stop.signal.aborted) throw this.stop.signal.reason
      if (failure instanceof ActionError) throw failure
      if (error instanceof ActionError) throw error
      throw readError(failure, file, this.label)
    } finally {
      // Never close the file under a read still running.
      await next.catch(() => undefined)
      await source.close().catch(() => undefined)
    }
    if (read !== file.size) throw changedError(file, read, this.label)
    return { crc, written }
  }

  /** The two buffers large files are read through and the zip is read back with (allocated once per zip). */
  private chunkBuffers(): readonly [Buffer, Buffer] {
    this.chunks ??= [Buffer.allocUnsafeSlow(STREAM_CHUNK_BYTES), Buffer.allocUnsafeSlow(STREAM_CHUNK_BYTES)]
    return this.chunks
  }

  private async writeCentralDirectory(): Promise<void> {
    const start = this.position
    for (const chunk of [...this.directory, this.directoryChunk.subarray(0, this.directoryFill)]) {
      this.append(chunk)
      if (this.batchBytes >= WRITE_BATCH_BYTES) await this.flush()
    }
    const size = this.position - start
    const count = this.entries
    const needsZip64 = count >= this.thresholds.entries || size >= this.thresholds.bytes || start >= this.thresholds.bytes
    if (needsZip64) {
      this.zip64 = true
      const recordOffset = this.position
      const record = Buffer.alloc(ZIP64_END_RECORD_BYTES)
      record.writeUInt32LE(ZIP64_END_RECORD_SIGNATURE, 0)
      record.writeBigUInt64LE(BigInt(ZIP64_END_RECORD_BYTES - 12), 4)
      record.writeUInt16LE(VERSION_MADE_BY, 12)
      record.writeUInt16LE(VERSION_ZIP64, 14)
      record.writeUInt32LE(0, 16) // this disk
      record.writeUInt32LE(0, 20) // disk of the central directory
      record.writeBigUInt64LE(BigInt(count), 24)
      record.writeBigUInt64LE(BigInt(count), 32)
      record.writeBigUInt64LE(BigInt(size), 40)
      record.writeBigUInt64LE(BigInt(start), 48)
      const locator = Buffer.alloc(ZIP64_LOCATOR_BYTES)
      locator.writeUInt32LE(ZIP64_LOCATOR_SIGNATURE, 0)
      locator.writeUInt32LE(0, 4) // disk of the zip64 end record
      locator.writeBigUInt64LE(BigInt(recordOffset), 8)
      locator.writeUInt32LE(1, 16) // disks in all
      this.append(record)
      this.append(locator)
    }
    // With a zip64 end record, every field it repeats says "see zip64" (all ones), as yauzl expects.
    const end = Buffer.alloc(END_RECORD_BYTES)
    end.writeUInt32LE(END_RECORD_SIGNATURE, 0)
    end.writeUInt16LE(0, 4) // this disk
    end.writeUInt16LE(0, 6) // disk of the central directory
    end.writeUInt16LE(needsZip64 ? 0xffff : count, 8)
    end.writeUInt16LE(needsZip64 ? 0xffff : count, 10)
    end.writeUInt32LE(needsZip64 ? 0xffffffff : size, 12)
    end.writeUInt32LE(needsZip64 ? 0xffffffff : start, 16)
    end.writeUInt16LE(0, 20) // comment length
    this.append(end)
  }

  /** Whether an entry of this size gets zip64 sizes (compressed is never larger: see writeStreamed). */
  private isZip64Entry(size: number): boolean {
    return size >= this.thresholds.bytes
  }

  private localHeaderBytes(name: Buffer, size: number): number {
    return LOCAL_HEADER_BYTES + name.length + (this.isZip64Entry(size) ? 20 : 0)
  }

  private localHeader(name: Buffer, size: number, crc: number, method: number, compressedSize: number): Buffer {
    const zip64 = this.isZip64Entry(size)
    const header = Buffer.alloc(this.localHeaderBytes(name, size))
    header.writeUInt32LE(LOCAL_HEADER_SIGNATURE, 0)
    header.writeUInt16LE(versionNeeded(method, zip64), 4)
    header.writeUInt16LE(FLAG_UTF8_NAME, 6)
    header.writeUInt16LE(method, 8)
    header.writeUInt16LE(FIXED_DOS_TIME, 10)
    header.writeUInt16LE(FIXED_DOS_DATE, 12)
    header.writeUInt32LE(crc >>> 0, 14)
    header.writeUInt32LE(zip64 ? 0xffffffff : compressedSize, 18)
    header.writeUInt32LE(zip64 ? 0xffffffff : size, 22)
    header.writeUInt16LE(name.length, 26)
    header.writeUInt16LE(zip64 ? 20 : 0, 28)
    name.copy(header, LOCAL_HEADER_BYTES)
    if (zip64) {
      // In a local header the zip64 field holds both sizes, uncompressed first.
      const at = LOCAL_HEADER_BYTES + name.length
      header.writeUInt16LE(ZIP64_EXTRA_TAG, at)
      header.writeUInt16LE(16, at + 2)
      header.writeBigUInt64LE(BigInt(size), at + 4)
      header.writeBigUInt64LE(BigInt(compressedSize), at + 12)
    }
    return header
  }

  private centralHeader(entry: WrittenEntry): Buffer {
    const zip64Sizes = this.isZip64Entry(entry.size)
    const zip64Offset = entry.offset >= this.thresholds.bytes
    // The central zip64 field holds only the values whose classic field is all ones, in this order.
    const values = [...(zip64Sizes ? [entry.size, entry.compressedSize] : []), ...(zip64Offset ? [entry.offset] : [])]
    const extraBytes = values.length === 0 ? 0 : 4 + 8 * values.length
    const header = Buffer.alloc(CENTRAL_HEADER_BYTES + entry.name.length + extraBytes)
    header.writeUInt32LE(CENTRAL_HEADER_SIGNATURE, 0)
    header.writeUInt16LE(VERSION_MADE_BY, 4)
    header.writeUInt16LE(versionNeeded(entry.method, values.length > 0), 6)
    header.writeUInt16LE(FLAG_UTF8_NAME, 8)
    header.writeUInt16LE(entry.method, 10)
    header.writeUInt16LE(FIXED_DOS_TIME, 12)
    header.writeUInt16LE(FIXED_DOS_DATE, 14)
    header.writeUInt32LE(entry.crc >>> 0, 16)
    header.writeUInt32LE(zip64Sizes ? 0xffffffff : entry.compressedSize, 20)
    header.writeUInt32LE(zip64Sizes ? 0xffffffff : entry.size, 24)
    header.writeUInt16LE(entry.name.length, 28)
    header.writeUInt16LE(extraBytes, 30)
    header.writeUInt16LE(0, 32) // comment length
    header.writeUInt16LE(0, 34) // disk number
    header.writeUInt16LE(0, 36) // internal attributes
    header.writeUInt32LE(REGULAR_FILE_ATTRIBUTES, 38)
    header.writeUInt32LE(zip64Offset ? 0xffffffff : entry.offset, 42)
    entry.name.copy(header, CENTRAL_HEADER_BYTES)
    if (values.length > 0) {
      let at = CENTRAL_HEADER_BYTES + entry.name.length
      header.writeUInt16LE(ZIP64_EXTRA_TAG, at)
      header.writeUInt16LE(8 * values.length, at + 2)
      at += 4
      for (const value of values) {
        header.writeBigUInt64LE(BigInt(value), at)
        at += 8
      }
    }
    return header
  }

  /** Adds the entry's central directory header to the directory so far. */
  private record(entry: WrittenEntry): void {
    const header = this.centralHeader(entry)
    if (this.directoryFill + header.length > this.directoryChunk.length) {
      if (this.directoryFill > 0) this.directory.push(this.directoryChunk.subarray(0, this.directoryFill))
      this.directoryChunk = Buffer.allocUnsafe(Math.max(DIRECTORY_CHUNK_BYTES, header.length))
      this.directoryFill = 0
    }
    this.directoryFill += header.copy(this.directoryChunk, this.directoryFill)
    this.entries++
    if (entry.method === METHOD_DEFLATED) this.deflated++
    else this.stored++
    if (this.isZip64Entry(entry.size) || entry.offset >= this.thresholds.bytes) this.zip64 = true
  }

  /** Queues bytes to write at the current end, and hashes them (they follow everything hashed so far). */
  private append(bytes: Buffer): void {
    if (bytes.length === 0) return
    this.hash.update(bytes)
    this.batch.push(bytes)
    this.batchBytes += bytes.length
    this.position += bytes.length
  }

  /** Writes the batch, then gives back the ring pieces of its entries (their bytes were in it). */
  private async flush(): Promise<void> {
    const pieces = this.unflushedPieces
    const buffers = this.batch
    const at = this.position - this.batchBytes
    this.batch = []
    this.batchBytes = 0
    this.unflushedPieces = 0
    if (buffers.length > 0) await this.writeAt(buffers, at)
    this.ring.giveBack(pieces)
  }

  private async writeAt(buffers: Buffer[], at: number): Promise<void> {
    try {
      await writeAll(this.handle, buffers, at)
    } catch (error) {
      throw writeError(error, this.zipPath)
    }
  }

  /** Hashes what lies in the zip from `start` to `end` (a streamed entry, whose header came last). */
  private async hashFromDisk(start: number, end: number): Promise<void> {
    const chunk = this.chunkBuffers()[0]
    for (let at = start; at < end;) {
      this.stop.signal.throwIfAborted()
      const { bytesRead } = await this.handle.read(chunk, 0, Math.min(chunk.length, end - at), at)
      if (bytesRead === 0) throw new ActionError(`The zip ${printableName(this.zipPath)} is shorter than what was written into it; check the disk.`)
      this.hash.update(chunk.subarray(0, bytesRead))
      at += bytesRead
    }
  }

  private checkSize(): void {
    const max = this.options.maxBytes
    if (max === undefined || this.position <= max) return
    throw tooLargeToDeploy(printableName(this.label), max)
  }
}

/**
 * The refusal of a site larger than Amplify Hosting takes for a manual deployment, for a folder
 * whose zip grew past `maxBytes` while written, and for a `.zip` source of `bytes`.
 */
export function tooLargeToDeploy(what: string, maxBytes: number, bytes?: number): UnsafeContentError {
  const size = bytes === undefined ? `its zip is larger than ${formatBytes(maxBytes)}` : `it is ${formatBytes(bytes)}, more than ${formatBytes(maxBytes)}`
  return new UnsafeContentError(
    `Refusing to deploy ${what}: ${size}, the most Amplify Hosting accepts for a manual deployment. ` +
      "Leave large media and source maps out (serve media from S3 or a CDN), or upload the site to S3 and deploy it with 'source: s3://bucket/prefix/'."
  )
}

function isStreamed(file: SiteFile): boolean {
  return file.size > BUFFERED_FILE_MAX_BYTES
}

function budgetOf(file: SiteFile): number {
  return file.size + ENTRY_BUDGET_BYTES
}

function versionNeeded(method: number, zip64: boolean): number {
  if (zip64) return VERSION_ZIP64
  return method === METHOD_DEFLATED ? VERSION_DEFLATED : VERSION_STORED
}

function nameBytes(file: SiteFile, label: string): Buffer {
  const name = Buffer.from(file.name, 'utf8')
  if (name.length === 0 || name.length > MAX_NAME_BYTES) {
    throw new ActionError(`Cannot zip ${printableName(`${label}/${file.name}`)}: a zip entry's name must have 1 to ${MAX_NAME_BYTES} bytes.`)
  }
  return name
}

/** `bytes`: what was found, any number above the listed size meaning "longer" (reads stop there); undefined: the same size, other content. */
function changedError(file: SiteFile, bytes: number | undefined, label: string): ActionError {
  const found = bytes === undefined ? 'then other content' : bytes > file.size ? 'now longer' : `now ${bytes}`
  return new ActionError(
    `Could not zip ${printableName(`${label}/${file.name}`)}: it changed while it was being zipped (listed with ${file.size} bytes, ${found}). ` +
      'Run the deploy after the build has finished writing the site.'
  )
}

function readError(error: unknown, file: SiteFile, label: string): Error {
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : String(error)
  if (code === 'ENOENT') {
    return new ActionError(
      `Could not zip ${printableName(`${label}/${file.name}`)}: it disappeared after the folder was listed. Run the deploy after the build has finished writing the site.`
    )
  }
  return new ActionError(
    `Could not zip ${printableName(`${label}/${file.name}`)}: ${typeof code === 'string' ? code : 'read error'} (${message}). Check the file's permissions.`
  )
}

function writeError(error: unknown, zipPath: string): Error {
  if (error instanceof ActionError) return error
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : String(error)
  return new ActionError(
    `Could not write the zip ${printableName(zipPath)}: ${typeof code === 'string' ? code : 'write error'} (${message}). Check the free space and permissions of the runner's temporary folder.`
  )
}
