/**
 * Zips for tests. `yazlZip` builds well-formed archives; `rawZip` writes the bytes by hand (with the
 * emulator's writer) so tests can lie about sizes, set flags and attributes, and use names that yazl
 * refuses to write.
 */
import { crc32 } from 'node:zlib'
import yazl from 'yazl'
import { buildZip, type BuildZipOptions, type RawZipEntry } from '../../../emulator/raw-zip.js'

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

const STORED = 0
const DEFLATED = 8

/**
 * An entry for emulator/raw-zip.ts (the writer the emulator serves hostile archives with), with two
 * shorthands for tests: string data, and `method` (8 deflates; any other number but 0 is written
 * as the method while the data stays stored).
 */
export interface RawEntry extends Omit<RawZipEntry, 'data' | 'deflate' | 'precompressed' | 'declaredMethod'> {
  data?: Buffer | string
  method?: number
}

export function rawZip(entries: RawEntry[], options: BuildZipOptions = {}): Buffer {
  return buildZip(
    entries.map(({ data, method = STORED, ...entry }) => ({
      ...entry,
      data: Buffer.isBuffer(data) ? data : Buffer.from(data ?? ''),
      deflate: method === DEFLATED,
      ...(method === STORED || method === DEFLATED ? {} : { declaredMethod: method })
    })),
    options
  )
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
