/**
 * Reads a zip's central directory as raw as it is, so tests can see hostile names, Unix modes and
 * declared sizes exactly as the emulator wrote them (zip libraries would refuse or normalise them).
 */
import { inflateRawSync } from 'node:zlib'

export interface RawEntry {
  name: string
  method: number
  compressedSize: number
  declaredSize: number
  /** Unix mode from the external attributes. */
  mode: number
  localHeaderOffset: number
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50

export function centralDirectory(zip: Buffer): RawEntry[] {
  let eocd = -1
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('no end of central directory')
  const count = zip.readUInt16LE(eocd + 10)
  let offset = zip.readUInt32LE(eocd + 16)
  const entries: RawEntry[] = []
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw new Error('bad central header')
    const nameLength = zip.readUInt16LE(offset + 28)
    const extraLength = zip.readUInt16LE(offset + 30)
    const commentLength = zip.readUInt16LE(offset + 32)
    entries.push({
      name: zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      declaredSize: zip.readUInt32LE(offset + 24),
      mode: zip.readUInt32LE(offset + 38) >>> 16,
      localHeaderOffset: zip.readUInt32LE(offset + 42)
    })
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** The uncompressed bytes of one entry (small archives only). */
export function entryData(zip: Buffer, entry: RawEntry): Buffer {
  const at = entry.localHeaderOffset
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28)
  const raw = zip.subarray(start, start + entry.compressedSize)
  return entry.method === 8 ? inflateRawSync(raw) : Buffer.from(raw)
}
