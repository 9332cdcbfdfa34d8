/**
 * Unpacks the zip of a manual deployment the way Amplify would take it apart, so tests can read
 * the deployed site back. Entries are written into files of a scratch folder under generated
 * names (0, 1, ...): a name from the zip is only ever a key, never a path, so a hostile archive
 * cannot write outside the folder. yauzl checks each entry's size against its headers and refuses
 * unsafe names (absolute, `..`); the CRC-32, which yauzl leaves to its caller, is checked here. A
 * file that is not a zip, or a broken entry, rejects with the reason.
 *
 * Made quick because the deploy benchmark's job waits for it, for both sides alike: one entry at a
 * time, each through a positioned read, an inflate stream and a write stream of its own (every step
 * a trip through the thread pool), a site of 2,000 files took 2.3 to 3 s, half of each run's time
 * spent in the emulator rather than in the client being measured. Now the zip is read whole (up to
 * IN_MEMORY_ZIP_MAX_BYTES), small entries are inflated in one call and written with one, and
 * UNPACK_CONCURRENCY entries are under way at once: 0.6 to 0.8 s for the same site.
 */
import { createHash } from 'node:crypto'
import { createWriteStream, writeFileSync } from 'node:fs'
import { mkdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import * as zlib from 'node:zlib'
import yauzl from 'yauzl'
import type { Entry, ZipFile } from 'yauzl'
import { crc32 } from './raw-zip.js'
import type { DeployedFile } from './hosting-jobs.js'

const ZIP_OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: true, validateEntrySizes: true }
const MiB = 1024 * 1024
/** Zips up to this size are read into memory (a deployment is at most 5 GB; tests and benchmarks upload far less). */
const IN_MEMORY_ZIP_MAX_BYTES = 1024 * MiB
/** Entries under way at once: small ones are inflated and written while a large one streams through the thread pool. */
const UNPACK_CONCURRENCY = 8
/** Deflated entries up to this size are inflated in one call and written with one; larger ones are streamed. */
const GATHERED_ENTRY_MAX_BYTES = 1 * MiB
const METHOD_DEFLATED = 8

/** Opens the zip from memory when it is at most `inMemoryMaxBytes`, else from its file. */
async function openZip(path: string, inMemoryMaxBytes: number): Promise<ZipFile> {
  const bytes = (await stat(path)).size <= inMemoryMaxBytes ? await readFile(path) : undefined
  return new Promise((resolve, reject) => {
    const opened = (error: Error | null, zip: ZipFile): void => (error ? reject(error) : resolve(zip))
    if (bytes) yauzl.fromBuffer(bytes, ZIP_OPTIONS, opened)
    else yauzl.open(path, ZIP_OPTIONS, opened)
  })
}

function openEntry(zip: ZipFile, entry: Entry, options: yauzl.ZipFileOptions = {}): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, options, (error, stream) => (error ? reject(error) : resolve(stream))))
}

/** The entry's bytes, gathered (a small deflated entry, inflated at once) or streamed into `path`. */
async function saveEntry(zip: ZipFile, entry: Entry, path: string): Promise<DeployedFile> {
  const hash = createHash('sha256')
  let crc = 0
  let size = 0
  const take = (chunk: Buffer): void => {
    hash.update(chunk)
    crc = crc32(chunk, crc)
    size += chunk.length
  }
  if (entry.compressionMethod === METHOD_DEFLATED && entry.uncompressedSize <= GATHERED_ENTRY_MAX_BYTES) {
    const data = inflateWhole(entry, await gather(await openEntry(zip, entry, { decodeFileData: false })))
    take(data)
    writeFileSync(path, data, { flag: 'wx' })
  } else {
    await pipeline(
      await openEntry(zip, entry),
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          take(chunk)
          yield chunk
        }
      },
      createWriteStream(path, { flags: 'wx' })
    )
  }
  if (crc >>> 0 !== entry.crc32 >>> 0) {
    throw new Error(`entry ${JSON.stringify(entry.fileName)} does not match its CRC-32 (the zip says ${hex(entry.crc32)}, the content has ${hex(crc)})`)
  }
  return { name: entry.fileName, path, size, sha256: hash.digest('hex') }
}

async function gather(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk)
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)
}

/** Inflates a small entry in one call, holding it to its declared size as yauzl's stream would. */
function inflateWhole(entry: Entry, deflated: Buffer): Buffer {
  let data: Buffer
  try {
    data = zlib.inflateRawSync(deflated, { maxOutputLength: entry.uncompressedSize + 1 })
  } catch (error) {
    // Past maxOutputLength zlib stops with ERR_BUFFER_TOO_LARGE: more bytes than declared.
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw sizeError(entry, 'more')
    throw error
  }
  if (data.length !== entry.uncompressedSize) throw sizeError(entry, data.length > entry.uncompressedSize ? 'more' : 'fewer')
  return data
}

function sizeError(entry: Entry, more: 'more' | 'fewer'): Error {
  return new Error(`entry ${JSON.stringify(entry.fileName)} inflates to ${more} bytes than the ${entry.uncompressedSize} its header says`)
}

function hex(crc: number): string {
  return (crc >>> 0).toString(16).padStart(8, '0')
}

export interface UnpackOptions {
  /** Zips up to this size are read into memory first. Default IN_MEMORY_ZIP_MAX_BYTES; tests lower it to read from the file. */
  inMemoryMaxBytes?: number
}

/** The files of the zip at `zipPath` (folders left out), in the zip's order, written into `folder`. */
export async function unpackSite(zipPath: string, folder: string, options: UnpackOptions = {}): Promise<DeployedFile[]> {
  await mkdir(folder, { recursive: true })
  const zip = await openZip(zipPath, options.inMemoryMaxBytes ?? IN_MEMORY_ZIP_MAX_BYTES)
  const files: DeployedFile[] = []
  await new Promise<void>((resolve, reject) => {
    let saving = 0
    let reading = false
    let ended = false
    let failed = false
    const fail = (error: Error): void => {
      if (failed) return
      failed = true
      zip.close()
      reject(error)
    }
    const readMore = (): void => {
      if (failed || ended || reading || saving >= UNPACK_CONCURRENCY) return
      reading = true
      zip.readEntry()
    }
    zip.on('error', fail)
    zip.on('end', () => {
      ended = true
      if (saving === 0 && !failed) resolve()
    })
    zip.on('entry', (entry: Entry) => {
      reading = false
      if (!entry.fileName.endsWith('/')) {
        const index = files.length
        files.length++
        saving++
        saveEntry(zip, entry, join(folder, String(index))).then(
          file => {
            files[index] = file
            saving--
            if (ended && saving === 0 && !failed) resolve()
            else readMore()
          },
          (error: unknown) => fail(error as Error)
        )
      }
      readMore()
    })
    readMore()
  })
  return files
}
