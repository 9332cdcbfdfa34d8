/**
 * A zip unpacked while it downloads (hosting build artifacts), instead of downloaded to a scratch
 * file and read back. First the end of the archive is fetched with a Range request: the central
 * directory, checked in full by zip.ts's plan() exactly as for a file on disk, before anything is
 * written. Then the entries' bytes are streamed once, in the order they lie in the archive, each
 * straight into its file in staging, with the same size, CRC-32 and hash checks as zip.ts. Every
 * byte goes through the disk once instead of three times, and unpacking overlaps the download.
 *
 * A stream that breaks resumes with a Range request from the entry it was writing (that file is
 * started again). Returns undefined, having written nothing, when this path cannot take the archive:
 * the host ignores ranges, the central directory is larger than maxDocumentBytes or cannot be found
 * from the end, or entries overlap. The caller then downloads the whole archive (asset.ts), and
 * zip.ts says what is wrong with it, if anything.
 */
import { Readable, PassThrough, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yauzl from 'yauzl'
import { ActionError, DownloadError } from '../errors.js'
import { RangeNotSupportedError } from '../transfer/types.js'
import { printableName } from './names.js'
import type { FetchLimits } from './types.js'
import type { StagedFile, Staging } from '../output-folder/types.js'
import type { ContentRange, Downloader } from '../transfer/types.js'
import { damaged, openZipFromReader, plan, type PlannedFile, refuseNamesTaken, unsafe, writeEntry } from './zip.js'

/**
 * The end of the archive fetched first: the end record (with a comment of at most 64 KiB) and, for
 * archives of up to about a thousand files, the whole central directory.
 */
export const TAIL_BYTES = 128 * 1024
const END_RECORD = 0x06054b50
const END_RECORD_BYTES = 22
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_LOCATOR_BYTES = 20
const ZIP64_END_RECORD = 0x06064b50
const ZIP64_END_RECORD_BYTES = 56
const LOCAL_HEADER = 0x04034b50
const LOCAL_HEADER_BYTES = 30
/** Entry data queued for a file while its previous piece is written. */
const ENTRY_BUFFER_BYTES = 1024 * 1024
/** Files still being written (their data all received) while the next entries arrive. */
const MAX_FILES_IN_FLIGHT = 8

export interface StreamZipOptions {
  limits: FetchLimits
  what: string
  signal?: AbortSignal
}

/**
 * Unpacks the zip at `url` into `staging.root` and registers every file, streaming; or returns
 * undefined (nothing written) when the whole archive must be downloaded instead.
 */
export async function stageZipStreaming(url: string, staging: Staging, downloader: Downloader, options: StreamZipOptions): Promise<StagedFile[] | undefined> {
  const { what, signal, limits } = options
  if (downloader.toSink === undefined) return undefined
  const toSink = downloader.toSink.bind(downloader)

  let tailRange: ContentRange | undefined
  const tail = await fetchRange(downloader, url, { suffix: TAIL_BYTES }, TAIL_BYTES, range => (tailRange = range), options)
  if (tail === undefined || tailRange === undefined) return undefined
  const directory = centralDirectoryOffset(tail, tailRange)
  if (directory === undefined || tailRange.start - directory > limits.maxDocumentBytes) return undefined

  // The archive from its central directory on (and the tail before it, if the directory is in it).
  let known = { start: tailRange.start, data: tail }
  if (directory < tailRange.start) {
    const head = await fetchRange(downloader, url, { start: directory, end: tailRange.start }, tailRange.start - directory, undefined, options)
    if (head === undefined) return undefined
    known = { start: directory, data: Buffer.concat([head, tail]) }
  }

  let zip: yauzl.ZipFile
  try {
    zip = await openZipFromReader(new KnownBytes(known.start, known.data), tailRange.total)
  } catch (error) {
    throw damaged(error, what)
  }
  let files: PlannedFile[]
  try {
    files = await plan(zip, limits, what, signal).catch((error: unknown) => {
      throw damaged(error, what)
    })
  } finally {
    zip.close()
  }
  refuseNamesTaken(files, staging, what)
  files.sort((a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader)
  if (!laidOutInOrder(files, directory)) return undefined

  if (files.length === 0) return []
  const progress: Progress = { next: 0, from: files[0]!.entry.relativeOffsetOfLocalHeader, staged: [], cleanup: Promise.resolve() }
  const demux = (): Writable => entrySink(files, directory, progress, staging, options)
  try {
    if (files[0]!.entry.relativeOffsetOfLocalHeader >= known.start) {
      // A small archive: everything is in the bytes already fetched.
      const first = files[0]!.entry.relativeOffsetOfLocalHeader
      await pipeline(Readable.from([known.data.subarray(first - known.start, directory - known.start)]), demux(), signal === undefined ? {} : { signal })
    } else {
      await toSink(url, demux, {
        what,
        signal,
        maxBytes: directory,
        range: () => {
          progress.from = files[progress.next]!.entry.relativeOffsetOfLocalHeader
          return { start: progress.from, end: directory }
        }
      })
    }
    await progress.cleanup
  } catch (error) {
    await progress.cleanup
    if (signal?.aborted === true) throw signal.reason
    if (error instanceof RangeNotSupportedError) {
      throw new DownloadError(`The file host stopped serving ${what} in parts halfway (${error.message}). Re-run the step.`)
    }
    throw error
  }
  if (progress.next < files.length) {
    throw unsafe(what, `it ended inside the entry ${printableName(files[progress.next]!.path)}; the archive is damaged`)
  }
  return progress.staged
}

/** Part of the archive into memory, or undefined when the host does not serve ranges. */
async function fetchRange(
  downloader: Downloader,
  url: string,
  range: { suffix: number } | { start: number; end: number },
  maxBytes: number,
  onRange: ((range: ContentRange) => void) | undefined,
  { what, signal }: StreamZipOptions
): Promise<Buffer | undefined> {
  try {
    return await downloader.toBuffer(url, { what, signal, maxBytes, range: () => range, onRange })
  } catch (error) {
    if (error instanceof RangeNotSupportedError) return undefined
    throw error
  }
}

/**
 * Where the central directory starts, from the end record (zip64: its locator and record) in the
 * fetched tail; undefined when they are not there. yauzl checks all of it again when it opens.
 */
export function centralDirectoryOffset(tail: Buffer, range: ContentRange): number | undefined {
  const lowest = Math.max(0, tail.length - END_RECORD_BYTES - 0xffff)
  for (let at = tail.length - END_RECORD_BYTES; at >= lowest; at--) {
    if (tail.readUInt32LE(at) !== END_RECORD || at + END_RECORD_BYTES + tail.readUInt16LE(at + 20) !== tail.length) continue
    let offset = tail.readUInt32LE(at + 16)
    if (offset === 0xffffffff) {
      const locator = at - ZIP64_LOCATOR_BYTES
      if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR) return undefined
      const record = Number(tail.readBigUInt64LE(locator + 8)) - range.start
      if (record < 0 || record + ZIP64_END_RECORD_BYTES > locator || tail.readUInt32LE(record) !== ZIP64_END_RECORD) return undefined
      offset = Number(tail.readBigUInt64LE(record + 48))
    }
    return offset <= range.start + at ? offset : undefined
  }
  return undefined
}

/**
 * Entries whose data follow one another without overlapping (every archive a zip tool writes).
 * Overlapping entries (one piece of data listed several times) can only be unpacked from a file.
 */
function laidOutInOrder(files: readonly PlannedFile[], directory: number): boolean {
  let end = 0
  for (const { entry } of files) {
    if (entry.relativeOffsetOfLocalHeader < end) return false
    end = entry.relativeOffsetOfLocalHeader + LOCAL_HEADER_BYTES + entry.compressedSize
  }
  return end <= directory
}

/** The bytes fetched so far, for yauzl: from the central directory (or the tail) to the end. */
class KnownBytes extends yauzl.RandomAccessReader {
  constructor(
    private readonly start: number,
    private readonly data: Buffer
  ) {
    super()
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const known = start >= this.start && end <= this.start + this.data.length
    const slice = known ? this.data.subarray(start - this.start, end - this.start) : undefined
    let done = false
    return new Readable({
      read() {
        if (slice === undefined) {
          this.destroy(new Error(`bytes ${start} to ${end} of the archive were not fetched: they lie before its central directory`))
          return
        }
        if (!done) this.push(slice)
        done = true
        this.push(null)
      }
    })
  }
}

/** How far the entries got, across attempts. */
interface Progress {
  /** Index of the first file not yet staged; a retry asks for the archive from its local header. */
  next: number
  /** Where the bytes of the current attempt start. */
  from: number
  staged: StagedFile[]
  /**
   * Settles once a broken attempt has dealt with every byte it received (an entry it had all of is
   * staged) and removed the file it was writing, so the next attempt starts from where that left off.
   */
  cleanup: Promise<void>
}

interface OpenEntry {
  file: PlannedFile
  input: PassThrough
  remaining: number
  written: Promise<StagedFile>
  /** Set once writing the file failed (the reason, as thrown by `written`). */
  readonly failed: unknown
}

/**
 * A Writable for one attempt: its bytes start at progress.from (the local header of the first file
 * not yet staged when the attempt began) and run to `end`, the central directory. It skips to each
 * entry's local header, checks it, and pipes the entry's data into writeEntry. Up to
 * MAX_FILES_IN_FLIGHT files finish writing while the next entries arrive; they are registered in
 * archive order.
 */
function entrySink(files: readonly PlannedFile[], end: number, progress: Progress, staging: Staging, { what, signal }: StreamZipOptions): Writable {
  let position = progress.from
  let header: Buffer[] = []
  let headerBytes = 0
  /** The entry receiving data, and the ones that have all of theirs and are still being written. */
  let current: OpenEntry | undefined
  const finishing: OpenEntry[] = []
  let nextFile: number | undefined
  let stopped = false
  const previousCleanup = progress.cleanup

  const entryWhat = (file: PlannedFile): string => `the entry ${printableName(file.path)} of ${what}`

  const open = (file: PlannedFile, dataStart: number): OpenEntry => {
    if (dataStart + file.entry.compressedSize > end) {
      throw unsafe(entryWhat(file), 'its data runs past the end of the entries')
    }
    const input = new PassThrough({ highWaterMark: ENTRY_BUFFER_BYTES })
    // writeEntry attaches its pipeline only once the file is open; an attempt that breaks before
    // then destroys `input` with the error, which that pipeline still reports.
    input.on('error', () => undefined)
    const state: { failed?: unknown } = {}
    const written = writeEntry(file, input, staging, what, signal).catch((error: unknown) => {
      state.failed = damaged(error, entryWhat(file), 'its content does not match its header')
      throw state.failed
    })
    // Awaited below; this keeps an early failure from going unhandled meanwhile.
    written.catch(() => undefined)
    return {
      file,
      input,
      remaining: file.entry.compressedSize,
      written,
      get failed() {
        return state.failed
      }
    }
  }

  /** One at a time (the sink's own steps and an abandoned attempt's cleanup may both ask). */
  let staged: Promise<void> = Promise.resolve()

  /** Waits for the oldest finishing file and registers it; rethrows its failure. */
  const stageOldest = (): Promise<void> => {
    staged = staged.then(
      () => stageFirst(),
      () => stageFirst()
    )
    return staged
  }

  const stageFirst = async (): Promise<void> => {
    const entry = finishing[0]
    if (entry === undefined) return
    try {
      const file = await entry.written
      staging.add(file)
      progress.staged.push(file)
      progress.next++
    } finally {
      finishing.shift()
    }
  }

  /** Stages every finishing file; with `keepGoing`, past failures (their files are gone). */
  const stageAll = async (keepGoing = false): Promise<void> => {
    while (finishing.length > 0) {
      try {
        await stageOldest()
      } catch (error) {
        if (!keepGoing) throw error
      }
    }
  }

  /** All of an entry's data is in: its file finishes while the next entries arrive. */
  const received = async (entry: OpenEntry): Promise<void> => {
    entry.input.end()
    current = undefined
    finishing.push(entry)
    nextFile!++
    if (finishing.length >= MAX_FILES_IN_FLIGHT) await stageOldest()
  }

  /** Queues data for the open entry, waiting while its file catches up; rethrows its failure. */
  const feed = async (entry: OpenEntry, piece: Buffer): Promise<void> => {
    if (entry.failed !== undefined) throw entry.failed
    if (entry.input.write(piece)) return
    await drainedOr(entry.input, entry.written)
    if (entry.failed !== undefined) throw entry.failed
  }

  const consume = async (chunk: Buffer): Promise<void> => {
    // What an earlier, broken attempt still had in hand decides where this one starts writing.
    await previousCleanup
    nextFile ??= progress.next
    let at = 0
    while (at < chunk.length) {
      // Destroyed (a broken or aborted attempt) while an await below was pending: stop here.
      if (stopped) return
      if (current !== undefined) {
        const take = Math.min(current.remaining, chunk.length - at)
        await feed(current, chunk.subarray(at, at + take))
        at += take
        position += take
        current.remaining -= take
        if (current.remaining === 0) await received(current)
        continue
      }
      if (nextFile >= files.length) {
        // What follows the last entry's data (a data descriptor) is not needed.
        await stageAll()
        return
      }
      const file = files[nextFile]!
      const offset = file.entry.relativeOffsetOfLocalHeader
      if (position < offset) {
        const skip = Math.min(offset - position, chunk.length - at)
        at += skip
        position += skip
        continue
      }
      if (position > offset && headerBytes === 0) throw unsafe(entryWhat(file), 'its data overlaps the entry before it')
      // The local header: 30 bytes, then the name and extra field, whose lengths it gives.
      const needed = headerBytes < LOCAL_HEADER_BYTES ? LOCAL_HEADER_BYTES : LOCAL_HEADER_BYTES + nameAndExtraLength(Buffer.concat(header))
      const take = Math.min(needed - headerBytes, chunk.length - at)
      header.push(chunk.subarray(at, at + take))
      headerBytes += take
      at += take
      position += take
      if (headerBytes < needed) continue
      const fixed = Buffer.concat(header)
      if (fixed.readUInt32LE(0) !== LOCAL_HEADER) {
        throw unsafe(entryWhat(file), `its local header is missing (found 0x${fixed.readUInt32LE(0).toString(16)}); the archive is damaged`)
      }
      if (needed === LOCAL_HEADER_BYTES && nameAndExtraLength(fixed) > 0) continue
      header = []
      headerBytes = 0
      current = open(file, position)
      if (current.remaining === 0) await received(current)
    }
  }

  /** Settles when every chunk handed to this sink has been dealt with. */
  let handled: Promise<void> = Promise.resolve()

  /**
   * The attempt ends (broken, aborted or short): the files that have all their data are still
   * staged, the file of an entry still missing data is removed; the next attempt waits for both.
   */
  const abandon = (error: Error | null): void => {
    stopped = true
    const partial = current
    current = undefined
    partial?.input.destroy(error ?? new Error('the download of the archive broke off'))
    const quietly = (promise: Promise<unknown> | undefined): Promise<void> =>
      (promise ?? Promise.resolve()).then(
        () => undefined,
        () => undefined
      )
    progress.cleanup = (async () => {
      await quietly(handled)
      await quietly(stageAll(true))
      await quietly(partial?.written)
    })()
  }

  return new Writable({
    highWaterMark: ENTRY_BUFFER_BYTES,
    write(chunk: Buffer, _encoding, callback) {
      const step = consume(chunk)
      handled = step.then(
        () => undefined,
        () => undefined
      )
      step.then(
        () => callback(),
        (error: unknown) => callback(error instanceof Error ? error : new ActionError(String(error)))
      )
    },
    final(callback) {
      if (current !== undefined) {
        // Bytes still missing: the downloader notices the short body and resumes from this entry.
        abandon(null)
        callback()
        return
      }
      stageAll().then(
        () => callback(),
        (error: unknown) => callback(error instanceof Error ? error : new ActionError(String(error)))
      )
    },
    destroy(error, callback) {
      if (!stopped) abandon(error)
      callback(error)
    }
  })
}

/** Name and extra field lengths of a local header whose first 30 bytes are in `header`. */
function nameAndExtraLength(header: Buffer): number {
  return header.readUInt16LE(26) + header.readUInt16LE(28)
}

/**
 * Resolves when `stream` drains, or when `settled` settles first (the file failed or was closed);
 * either way no 'drain' listener is left behind on the stream.
 */
export async function drainedOr(stream: NodeJS.WritableStream, settled: Promise<unknown>): Promise<void> {
  let onDrain: (() => void) | undefined
  const drained = new Promise<void>(resolve => {
    onDrain = resolve
    stream.once('drain', resolve)
  })
  try {
    await Promise.race([drained, settled.then(noop, noop)])
  } finally {
    stream.removeListener('drain', onDrain!)
  }
}

function noop(): void {}
