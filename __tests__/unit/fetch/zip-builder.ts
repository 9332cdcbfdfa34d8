/**
 * Zips for tests. `yazlZip` builds well-formed archives; `rawZip` writes the bytes by hand so tests
 * can lie about sizes, set flags and attributes, and use names that yazl refuses to write.
 */
import { deflateRawSync, crc32 } from 'node:zlib'
import yazl from 'yazl'

export interface YazlEntry {
  name: string
  data?: Buffer | string
  /** Unix mode including the file type bits; yazl stores it in the external attributes. */
  mode?: number
  compress?: boolean
  directory?: boolean
}

export async function yazlZip(entries: YazlEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  for (const entry of entries) {
    if (entry.directory === true) zip.addEmptyDirectory(entry.name, entry.mode === undefined ? {} : { mode: entry.mode })
    else {
      const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data ?? '')
      zip.addBuffer(data, entry.name, { compress: entry.compress ?? true, ...(entry.mode === undefined ? {} : { mode: entry.mode }) })
    }
  }
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export interface RawEntry {
  name: string | Buffer
  data?: Buffer | string
  /** 0 stored (default), 8 deflate, anything else is written as is (the data stays uncompressed). */
  method?: number
  flags?: number
  externalAttributes?: number
  versionMadeBy?: number
  /** Overrides the uncompressed size in both headers. */
  uncompressedSize?: number
  /** Overrides the compressed size in both headers. */
  compressedSize?: number
  crc?: number
  /** Extra field bytes of the central directory entry. */
  centralExtra?: Buffer
}

export function rawZip(entries: RawEntry[], options: { entryCount?: number } = {}): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.isBuffer(entry.name) ? entry.name : Buffer.from(entry.name, 'utf8')
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data ?? '')
    const method = entry.method ?? 0
    const stored = method === 8 ? deflateRawSync(data) : data
    const crc = entry.crc ?? crc32(data)
    const compressedSize = entry.compressedSize ?? stored.length
    const uncompressedSize = entry.uncompressedSize ?? data.length
    const flags = (entry.flags ?? 0) | (Buffer.isBuffer(entry.name) ? 0 : 0x800)
    const extra = entry.centralExtra ?? Buffer.alloc(0)

    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt16LE(0, 10)
    local.writeUInt16LE(0x21, 12)
    local.writeUInt32LE(crc >>> 0, 14)
    local.writeUInt32LE(compressedSize >>> 0, 18)
    local.writeUInt32LE(uncompressedSize >>> 0, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    locals.push(local, name, stored)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(entry.versionMadeBy ?? 0x031e, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt16LE(0, 12)
    central.writeUInt16LE(0x21, 14)
    central.writeUInt32LE(crc >>> 0, 16)
    central.writeUInt32LE(compressedSize >>> 0, 20)
    central.writeUInt32LE(uncompressedSize >>> 0, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt16LE(extra.length, 30)
    central.writeUInt16LE(0, 32)
    central.writeUInt16LE(0, 34)
    central.writeUInt16LE(0, 36)
    central.writeUInt32LE((entry.externalAttributes ?? (0o100644 << 16)) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name, extra)

    offset += local.length + name.length + stored.length
  }
  const centralDirectory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  const count = options.entryCount ?? entries.length
  end.writeUInt16LE(Math.min(count, 0xffff), 8)
  end.writeUInt16LE(Math.min(count, 0xffff), 10)
  end.writeUInt32LE(centralDirectory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, centralDirectory, end])
}

/** An Info-ZIP Unicode Path extra field (0x7075) that renames an entry whose raw name is `rawName`. */
export function unicodePathField(rawName: string, unicodeName: string): Buffer {
  const nameBytes = Buffer.from(unicodeName, 'utf8')
  const field = Buffer.alloc(4 + 5 + nameBytes.length)
  field.writeUInt16LE(0x7075, 0)
  field.writeUInt16LE(5 + nameBytes.length, 2)
  field.writeUInt8(1, 4)
  field.writeUInt32LE(crc32(Buffer.from(rawName, 'latin1')), 5)
  nameBytes.copy(field, 9)
  return field
}
