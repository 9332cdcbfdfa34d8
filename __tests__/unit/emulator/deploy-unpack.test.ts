/**
 * The emulator's unpacking of a deployed zip (emulator/deploy-unpack.ts): every file back byte for
 * byte, on each of its paths (small deflated entries inflated at once, large ones streamed, stored
 * ones, many at once), and every broken entry refused with its reason, the CRC-32 included.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { type UnpackOptions, unpackSite } from '../../../emulator/deploy-unpack.js'
import { buildZip, crc32, type RawZipEntry } from '../../../emulator/raw-zip.js'

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'aja-unpack-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

async function unpack(entries: RawZipEntry[], options: UnpackOptions = {}) {
  const zipPath = join(folder, 'site.zip')
  writeFileSync(zipPath, buildZip(entries))
  return unpackSite(zipPath, join(folder, 'site'), options)
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')
/** Text that deflates well, `bytes` long. */
const textOf = (bytes: number, seed: string) => Buffer.from(`${seed} `.repeat(Math.ceil(bytes / (seed.length + 1))).slice(0, bytes))

describe('unpackSite', () => {
  it.each<[string, UnpackOptions]>([
    ['read into memory', {}],
    ['read from its file (a zip larger than inMemoryMaxBytes)', { inMemoryMaxBytes: 0 }]
  ])(
    'gives back every file of a zip %s, in the zip order, byte for byte: small and large deflated entries, stored ones, empty ones, folders left out',
    async (_, options) => {
      const contents: Array<[string, Buffer, boolean]> = [
        ['index.html', textOf(300, '<p>hello</p>'), true],
        ['assets/app.js', textOf(3 * 1024 * 1024, 'console.log(1)'), true],
        ['assets/photo.png', randomBytes(200_000), false],
        ['empty.txt', Buffer.alloc(0), false],
        ...Array.from({ length: 30 }, (_, i): [string, Buffer, boolean] => [`pages/${i}.html`, textOf(1000 + i, `page ${i}`), i % 2 === 0])
      ]
      const files = await unpack([{ name: 'assets/', data: Buffer.alloc(0) }, ...contents.map(([name, data, deflate]) => ({ name, data, deflate }))], options)
      expect(files.map(file => file.name)).toEqual(contents.map(([name]) => name))
      for (const [index, [, data]] of contents.entries()) {
        const file = files[index]!
        expect([file.size, file.sha256]).toEqual([data.length, sha256(data)])
        expect(readFileSync(file.path).equals(data)).toBe(true)
      }
    }
  )

  const data = textOf(5000, 'body { margin: 0 }')
  const big = textOf(2 * 1024 * 1024, 'big bundle')
  it.each<[string, RawZipEntry, RegExp]>([
    [
      'a small deflated entry whose CRC-32 is wrong',
      { name: 'a.css', data, deflate: true, declaredCrc: 0x1234 },
      /"a\.css" does not match its CRC-32 \(the zip says 00001234, the content has [0-9a-f]{8}\)/
    ],
    ['a stored entry whose CRC-32 is wrong', { name: 'a.css', data, declaredCrc: crc32(data) ^ 1 }, /"a\.css" does not match its CRC-32/],
    [
      'a large deflated entry (streamed) whose CRC-32 is wrong',
      { name: 'big.js', data: big, deflate: true, declaredCrc: 7 },
      /"big\.js" does not match its CRC-32/
    ],
    [
      'a small deflated entry longer than its header says',
      { name: 'a.css', data, deflate: true, declaredSize: 4000 },
      /"a\.css" inflates to more bytes than the 4000 its header says/
    ],
    [
      'a small deflated entry shorter than its header says',
      { name: 'a.css', data, deflate: true, declaredSize: 6000 },
      /"a\.css" inflates to fewer bytes than the 6000 its header says/
    ],
    [
      'a small entry that is not deflate data',
      { name: 'a.css', precompressed: { data: Buffer.from('not deflate'), crc: 0, size: 11 } },
      /invalid|incorrect|unexpected end/i
    ],
    ['a large deflated entry longer than its header says', { name: 'big.js', data: big, deflate: true, declaredSize: 1024 * 1024 + 10 }, /too many bytes/]
  ])('refuses %s', async (_, broken, reason) => {
    await expect(unpack([{ name: 'index.html', data: textOf(100, 'ok') }, broken])).rejects.toThrow(reason)
  })

  it('refuses a zip with a truncated deflate stream in a small entry', async () => {
    const deflated = deflateRawSync(data)
    const cut = deflated.subarray(0, deflated.length >> 1)
    await expect(unpack([{ name: 'a.css', precompressed: { data: cut, crc: crc32(data), size: data.length } }])).rejects.toThrow(/unexpected end|fewer bytes/i)
  })
})
