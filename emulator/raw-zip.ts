/**
 * A minimal zip writer with full control over every header field. Zip libraries (rightly) refuse
 * to write `../x`, absolute names, symlinks pointing outside or sizes that lie, but the emulator
 * must serve exactly such archives to prove the action refuses them.
 */
import * as zlib from 'node:zlib'

const LOCAL_HEADER_SIGNATURE = 0x04034b50
const CENTRAL_HEADER_SIGNATURE = 0x02014b50
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50
const VERSION_NEEDED = 20
/** "Made by" Unix (3) so external attributes carry a Unix mode (needed for symlinks). */
const VERSION_MADE_BY_UNIX = (3 << 8) | VERSION_NEEDED
const FLAG_UTF8_NAMES = 0x0800
const METHOD_STORED = 0
const METHOD_DEFLATE = 8
/** A fixed timestamp (2024-01-01 00:00) keeps archives byte-identical between runs. */
const DOS_TIME = 0
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1
/** Regular file, rw-r--r--. */
export const REGULAR_FILE_ATTRIBUTES = (0o100644 << 16) >>> 0
/** Symbolic link, rwxrwxrwx. */
export const SYMLINK_ATTRIBUTES = (0o120777 << 16) >>> 0
/** Named pipe (FIFO), rw-r--r--. */
export const FIFO_ATTRIBUTES = (0o010644 << 16) >>> 0

let crcTable: Uint32Array | undefined

function crc32Fallback(data: Uint8Array, previous: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  let crc = ~previous >>> 0
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8)
  return ~crc >>> 0
}

/** CRC-32 as zip uses it; `previous` continues a running checksum. */
export function crc32(data: Uint8Array, previous = 0): number {
  // zlib.crc32 exists from Node 20.15; older 20.x falls back to a table.
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32
  return native ? native(data, previous) : crc32Fallback(data, previous)
}

export interface RawZipEntry {
  /** Written byte for byte: may be absolute, contain `..`, backslashes or control characters. */
  name: string | Buffer
  /** Uncompressed content (ignored when `precompressed` is given). */
  data?: Buffer
  /** Deflate the data (default false: stored). */
  deflate?: boolean
  /** Already deflated content with its real checksum and size (for bombs built by streaming). */
  precompressed?: { data: Buffer; crc: number; size: number }
  /** Default: a regular file. */
  externalAttributes?: number
  /** Written in both headers instead of the real uncompressed size: a lying archive. */
  declaredSize?: number
  /** Written in both headers instead of the real compressed size. */
  declaredCompressedSize?: number
  /** Written in both headers instead of the real CRC-32. */
  declaredCrc?: number
  /** Written as the compression method instead of the real one; the data stays as prepared. */
  declaredMethod?: number
  /** General-purpose flags (default: the UTF-8 flag when the name is a string). */
  flags?: number
  /** "Made by" of the central header (default: Unix, so the attributes carry a Unix mode). */
  versionMadeBy?: number
  /** Extra field of the central header (e.g. an Info-ZIP Unicode Path). */
  centralExtra?: Buffer
}

export interface BuildZipOptions {
  /** Written in the end record instead of the real number of entries. */
  declaredEntryCount?: number
}

interface Prepared {
  name: Buffer
  method: number
  payload: Buffer
  crc: number
  size: number
  compressedSize: number
  attributes: number
  flags: number
  versionMadeBy: number
  extra: Buffer
  offset: number
}

function prepare(entry: RawZipEntry): Omit<Prepared, 'offset'> {
  const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name
  const content = entry.precompressed
    ? { method: METHOD_DEFLATE, payload: entry.precompressed.data, crc: entry.precompressed.crc, size: entry.precompressed.size }
    : prepareData(entry.data ?? Buffer.alloc(0), entry.deflate === true)
  return {
    name,
    method: entry.declaredMethod ?? content.method,
    payload: content.payload,
    crc: entry.declaredCrc ?? content.crc,
    size: entry.declaredSize ?? content.size,
    compressedSize: entry.declaredCompressedSize ?? content.payload.length,
    attributes: entry.externalAttributes ?? REGULAR_FILE_ATTRIBUTES,
    flags: entry.flags ?? (typeof entry.name === 'string' ? FLAG_UTF8_NAMES : 0),
    versionMadeBy: entry.versionMadeBy ?? VERSION_MADE_BY_UNIX,
    extra: entry.centralExtra ?? Buffer.alloc(0)
  }
}

function prepareData(data: Buffer, deflate: boolean): { method: number; payload: Buffer; crc: number; size: number } {
  return { method: deflate ? METHOD_DEFLATE : METHOD_STORED, payload: deflate ? zlib.deflateRawSync(data) : data, crc: crc32(data), size: data.length }
}

function localHeader(p: Prepared): Buffer {
  const header = Buffer.alloc(30)
  header.writeUInt32LE(LOCAL_HEADER_SIGNATURE, 0)
  header.writeUInt16LE(VERSION_NEEDED, 4)
  header.writeUInt16LE(p.flags, 6)
  header.writeUInt16LE(p.method, 8)
  header.writeUInt16LE(DOS_TIME, 10)
  header.writeUInt16LE(DOS_DATE, 12)
  header.writeUInt32LE(p.crc >>> 0, 14)
  header.writeUInt32LE(p.compressedSize >>> 0, 18)
  header.writeUInt32LE(p.size >>> 0, 22)
  header.writeUInt16LE(p.name.length, 26)
  header.writeUInt16LE(0, 28)
  return Buffer.concat([header, p.name])
}

function centralHeader(p: Prepared): Buffer {
  const header = Buffer.alloc(46)
  header.writeUInt32LE(CENTRAL_HEADER_SIGNATURE, 0)
  header.writeUInt16LE(p.versionMadeBy, 4)
  header.writeUInt16LE(VERSION_NEEDED, 6)
  header.writeUInt16LE(p.flags, 8)
  header.writeUInt16LE(p.method, 10)
  header.writeUInt16LE(DOS_TIME, 12)
  header.writeUInt16LE(DOS_DATE, 14)
  header.writeUInt32LE(p.crc >>> 0, 16)
  header.writeUInt32LE(p.compressedSize >>> 0, 20)
  header.writeUInt32LE(p.size >>> 0, 24)
  header.writeUInt16LE(p.name.length, 28)
  header.writeUInt16LE(p.extra.length, 30)
  header.writeUInt16LE(0, 32) // comment length
  header.writeUInt16LE(0, 34) // disk number
  header.writeUInt16LE(0, 36) // internal attributes
  header.writeUInt32LE(p.attributes >>> 0, 38)
  header.writeUInt32LE(p.offset, 42)
  return Buffer.concat([header, p.name, p.extra])
}

/** Builds a whole (small) archive in memory. Sizes above 4 GiB are not supported (no zip64). */
export function buildZip(entries: readonly RawZipEntry[], options: BuildZipOptions = {}): Buffer {
  const parts: Buffer[] = []
  const prepared: Prepared[] = []
  let offset = 0
  for (const entry of entries) {
    const p: Prepared = { ...prepare(entry), offset }
    const local = localHeader(p)
    parts.push(local, p.payload)
    offset += local.length + p.payload.length
    prepared.push(p)
  }
  const centralStart = offset
  for (const p of prepared) {
    const central = centralHeader(p)
    parts.push(central)
    offset += central.length
  }
  const end = Buffer.alloc(22)
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY_SIGNATURE, 0)
  end.writeUInt16LE(0, 4)
  end.writeUInt16LE(0, 6)
  const count = Math.min(options.declaredEntryCount ?? prepared.length, 0xffff)
  end.writeUInt16LE(count, 8)
  end.writeUInt16LE(count, 10)
  end.writeUInt32LE(offset - centralStart, 12)
  end.writeUInt32LE(centralStart, 16)
  end.writeUInt16LE(0, 20)
  parts.push(end)
  return Buffer.concat(parts)
}
