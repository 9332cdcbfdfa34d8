import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { appendFile, chmod, mkdir, mkdtemp, open, readdir, readFile, readlink, realpath, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import yauzl from 'yauzl'
import { ActionError, UnsafeContentError } from '../../../src/errors.js'
import { ARTIFACT_LIMITS } from '../../../src/archives/limits.js'
import { listSiteFolder } from '../../../src/archives/site-folder.js'
import type { SiteFile } from '../../../src/archives/types.js'
import { extractZip } from '../../../src/archives/zip.js'
import {
  BUFFERED_FILE_MAX_BYTES,
  compressionFor,
  FIXED_DOS_DATE,
  FIXED_DOS_TIME,
  writeZip,
  type WriteZipOptions,
  type ZipSummary
} from '../../../src/archives/zip-writer.js'
import { errorOf, FakeStaging } from '../../helpers/fetch.js'

const UNZIP = '/usr/bin/unzip'
const STORED = 0
const DEFLATED = 8
const FLAG_UTF8 = 0x0800
const FLAG_DATA_DESCRIPTOR = 0x0008
const ZIP64_TAG = 0x0001
const MiB = 1024 * 1024
/** MS-DOS time and date of 1980-01-01 00:00:00. */
const JANUARY_1980 = { time: 0, date: (0 << 9) | (1 << 5) | 1 }
/** Just over the size read whole: these files take the streamed path. */
const STREAMED = BUFFERED_FILE_MAX_BYTES + 123_457

let base: string
let zipCount = 0

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'zip-writer-test-'))
})

afterEach(async () => {
  await rm(base, { recursive: true, force: true })
})

const sha = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex')

/** Lines of source-like text from a seeded generator: words of a small vocabulary, not one byte repeated. */
function sourceLines(bytes: number, seed: number): Buffer {
  const words = [
    'const',
    'function',
    'return',
    'export',
    'import',
    'this',
    'props',
    'state',
    'value',
    'render',
    '=>',
    '{',
    '}',
    '(',
    ')',
    ';',
    'div',
    'className',
    'await',
    'async'
  ]
  let state = seed >>> 0 || 1
  const next = (): number => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) % 1_000_003
  }
  const parts: string[] = []
  let length = 0
  while (length < bytes) {
    const line = `${' '.repeat(next() % 8)}${Array.from({ length: 3 + (next() % 9) }, () => words[next() % words.length]).join(' ')} // ${next().toString(36)}\n`
    parts.push(line)
    length += line.length
  }
  return Buffer.from(parts.join('')).subarray(0, bytes)
}

/** Text of 64 KiB generated once per seed, tiled: deflate's window is 32 KiB, so it deflates like source code (about 4 times). */
const TEXT_BLOCK_BYTES = 64 * 1024
function sourceText(bytes: number, seed = 1): Buffer {
  const block = sourceLines(TEXT_BLOCK_BYTES, seed)
  const text = Buffer.allocUnsafe(bytes)
  for (let at = 0; at < bytes; at += block.length) block.copy(text, at, 0, Math.min(block.length, bytes - at))
  return text
}

/** Writes files below `root`, creating their folders. */
async function makeFiles(root: string, entries: Record<string, Buffer | string>): Promise<void> {
  for (const [name, content] of Object.entries(entries)) {
    const file = path.join(root, ...name.split('/'))
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  }
}

async function makeSite(entries: Record<string, Buffer | string>, name = 'dist'): Promise<{ root: string; files: SiteFile[] }> {
  const root = path.join(base, name)
  await mkdir(root, { recursive: true })
  await makeFiles(root, entries)
  return { root, files: (await listSiteFolder(root)).files }
}

async function zipOf(files: readonly SiteFile[], options: WriteZipOptions = {}): Promise<{ zip: string; summary: ZipSummary }> {
  const zip = path.join(base, `out-${++zipCount}.zip`)
  const summary = await writeZip(zip, files, options)
  return { zip, summary }
}

interface Inspected {
  name: string
  method: number
  flags: number
  crc: number
  compressedSize: number
  size: number
  versionMadeBy: number
  versionNeeded: number
  time: number
  date: number
  attributes: number
  offset: number
  centralExtra: { id: number; data: Buffer }[]
  local: { flags: number; method: number; crc: number; compressedSize: number; size: number; time: number; date: number; extra: Buffer }
}

/** Every entry as yauzl reads it (central directory and local header), in archive order. */
async function inspect(zipPath: string): Promise<{ entries: Inspected[]; entryCount: number }> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (error, opened) =>
      error === null ? resolve(opened) : reject(error)
    )
  )
  try {
    const entries: Inspected[] = []
    for await (const entry of zip.eachEntry()) {
      const local = await zip.readLocalFileHeaderPromise(entry)
      entries.push({
        name: entry.fileName,
        method: entry.compressionMethod,
        flags: entry.generalPurposeBitFlag,
        crc: entry.crc32,
        compressedSize: entry.compressedSize,
        size: entry.uncompressedSize,
        versionMadeBy: entry.versionMadeBy,
        versionNeeded: entry.versionNeededToExtract,
        time: entry.lastModFileTime,
        date: entry.lastModFileDate,
        attributes: entry.externalFileAttributes,
        offset: entry.relativeOffsetOfLocalHeader,
        centralExtra: entry.extraFields.map(({ id, data }) => ({ id, data })),
        local: {
          flags: local.generalPurposeBitFlag,
          method: local.compressionMethod,
          crc: local.crc32,
          compressedSize: local.compressedSize,
          size: local.uncompressedSize,
          time: local.lastModFileTime,
          date: local.lastModFileDate,
          extra: local.extraField
        }
      })
    }
    return { entries, entryCount: zip.entryCount }
  } finally {
    zip.close()
  }
}

/** Unpacks with the project's own reader (yauzl, size and CRC checks) and returns name -> sha256. */
async function unpack(zipPath: string): Promise<Record<string, string>> {
  const staging = await FakeStaging.create()
  try {
    const staged = await extractZip(zipPath, staging, { limits: ARTIFACT_LIMITS, what: 'the written zip' })
    return Object.fromEntries(staged.map(file => [file.path, file.sha256]))
  } finally {
    await staging.remove()
  }
}

function unzipTest(zipPath: string): string {
  return execFileSync(UNZIP, ['-t', zipPath], { encoding: 'utf8' })
}

/** Python's zipfile: testzip() (reads and checks every entry) and what it sees. */
function pythonRead(zipPath: string): { bad: string | null; names: string[]; methods: number[]; sizes: number[] } {
  const script = [
    'import json, sys, zipfile',
    'with zipfile.ZipFile(sys.argv[1]) as z:',
    '    infos = z.infolist()',
    "    print(json.dumps({'bad': z.testzip(), 'names': [i.filename for i in infos], 'methods': [i.compress_type for i in infos], 'sizes': [i.file_size for i in infos]}))"
  ].join('\n')
  return JSON.parse(execFileSync('python3', ['-c', script, zipPath], { encoding: 'utf8' })) as ReturnType<typeof pythonRead>
}

/** How many of this process's file descriptors are open on `file`. */
async function descriptorsOpenOn(file: string): Promise<number> {
  const target = await realpath(file)
  let count = 0
  for (const fd of await readdir('/proc/self/fd')) {
    const points = await readlink(`/proc/self/fd/${fd}`).catch(() => '')
    if (points === target) count++
  }
  return count
}

function expectedSums(files: readonly SiteFile[], contents: Record<string, Buffer | string>): Record<string, string> {
  return Object.fromEntries(files.map(file => [file.name, sha(contents[file.name]!)]))
}

describe('writeZip: round trip', () => {
  const contents: Record<string, Buffer | string> = {
    'index.html': `<!doctype html><html><head><title>Site</title></head><body>${sourceText(20_000, 7).toString()}</body></html>`,
    'assets/app.js': sourceText(150_000, 2),
    'assets/small.css': sourceText(1_500, 6),
    'assets/empty.css': '',
    'img/logo.png': randomBytes(20_000),
    'data/noise.txt': randomBytes(30_000),
    'ünï cødé/ページ.html': '<p>こんにちは</p>',
    'big/bundle.js': sourceText(STREAMED, 3),
    'big/noise.bin': randomBytes(STREAMED),
    'big/movie.mp4': randomBytes(STREAMED)
  }

  it('unpacks with the project reader, unzip -t and Python zipfile, every entry as documented', async () => {
    const { files } = await makeSite(contents)
    const { zip, summary } = await zipOf(files)
    const zipBytes = await readFile(zip)
    expect(summary).toEqual({
      bytes: zipBytes.length,
      sha256: sha(zipBytes),
      files: 10,
      contentBytes: files.reduce((sum, file) => sum + file.size, 0),
      deflated: 4,
      stored: 6,
      zip64: false
    })
    expect(await unpack(zip)).toEqual(expectedSums(files, contents))
    expect(unzipTest(zip)).toMatch(/No errors detected in compressed data/)
    const python = pythonRead(zip)
    expect(python.bad).toBeNull()
    expect(python.names).toEqual(files.map(file => file.name))

    const { entries, entryCount } = await inspect(zip)
    expect(entryCount).toBe(10)
    expect(entries.map(entry => entry.name)).toEqual(files.map(file => file.name))
    const method = Object.fromEntries(entries.map(entry => [entry.name, entry.method]))
    expect(method).toEqual({
      'assets/app.js': DEFLATED,
      'assets/empty.css': STORED,
      'assets/small.css': DEFLATED,
      'big/bundle.js': DEFLATED,
      'big/movie.mp4': STORED,
      'big/noise.bin': STORED,
      'data/noise.txt': STORED,
      'img/logo.png': STORED,
      'index.html': DEFLATED,
      'ünï cødé/ページ.html': STORED
    })
    for (const entry of entries) {
      expect(entry.flags).toBe(FLAG_UTF8)
      expect(entry.versionMadeBy >> 8).toBe(3)
      expect(entry.versionNeeded).toBe(entry.method === DEFLATED ? 20 : 10)
      expect({ time: entry.time, date: entry.date }).toEqual(JANUARY_1980)
      expect([FIXED_DOS_TIME, FIXED_DOS_DATE]).toEqual([JANUARY_1980.time, JANUARY_1980.date])
      expect(entry.attributes).toBe((0o100644 << 16) >>> 0)
      expect(entry.centralExtra).toEqual([])
      // No data descriptor: the local header carries the real CRC and sizes, as the central one does.
      expect(entry.local).toEqual({
        flags: FLAG_UTF8,
        method: entry.method,
        crc: entry.crc,
        compressedSize: entry.compressedSize,
        size: entry.size,
        time: JANUARY_1980.time,
        date: JANUARY_1980.date,
        extra: Buffer.alloc(0)
      })
      expect(entry.flags & FLAG_DATA_DESCRIPTOR).toBe(0)
      if (entry.method === DEFLATED) expect(entry.compressedSize).toBeLessThan(entry.size)
      else expect(entry.compressedSize).toBe(entry.size)
    }
  })

  it('streams a 50 MB file through deflate into one entry', async () => {
    const big = sourceText(50 * MiB, 11)
    const { files } = await makeSite({ 'index.html': 'home', 'media/huge-bundle.js': big })
    const { zip, summary } = await zipOf(files)
    expect(summary.files).toBe(2)
    const { entries } = await inspect(zip)
    const entry = entries.find(e => e.name === 'media/huge-bundle.js')!
    expect(entry.method).toBe(DEFLATED)
    expect(entry.size).toBe(50 * MiB)
    expect(entry.local.compressedSize).toBe(entry.compressedSize)
    expect(entry.local.crc).toBe(entry.crc)
    expect(await unpack(zip)).toEqual({ 'index.html': sha('home'), 'media/huge-bundle.js': sha(big) })
    expect(unzipTest(zip)).toMatch(/No errors detected/)
  })
})

describe('writeZip: the same folder gives the same bytes', () => {
  const contents: Record<string, Buffer | string> = {
    'index.html': sourceText(5_000, 1),
    'a/b/c.js': sourceText(40_000, 2),
    'a/logo.webp': randomBytes(9_000),
    'z.txt': 'last',
    'big.js': sourceText(STREAMED, 4)
  }

  it('twice in a row, and with any concurrency', async () => {
    const { files } = await makeSite(contents)
    const first = await zipOf(files)
    const again = await zipOf(files)
    const oneAtATime = await zipOf(files, { concurrency: 1 })
    const wide = await zipOf(files, { concurrency: 8 })
    const bytes = await readFile(first.zip)
    expect((await readFile(again.zip)).equals(bytes)).toBe(true)
    expect((await readFile(oneAtATime.zip)).equals(bytes)).toBe(true)
    expect((await readFile(wide.zip)).equals(bytes)).toBe(true)
    expect(new Set([first, again, oneAtATime, wide].map(run => run.summary.sha256))).toEqual(new Set([sha(bytes)]))
  })

  it('after touching times and modes, and from a copy created in another order', async () => {
    const { root, files } = await makeSite(contents)
    const before = await zipOf(files)
    for (const [index, file] of files.entries()) {
      await utimes(file.path, new Date(2001, 1, index + 1), new Date(2030, 5, index + 1))
      await chmod(file.path, index % 2 === 0 ? 0o600 : 0o755)
    }
    await utimes(root, new Date(2011, 1, 1), new Date(2012, 1, 1))
    const touched = await zipOf((await listSiteFolder(root)).files)
    const reversed = Object.fromEntries(Object.entries(contents).reverse())
    const copy = await makeSite(reversed, 'copy')
    const copied = await zipOf(copy.files)
    const bytes = await readFile(before.zip)
    expect((await readFile(touched.zip)).equals(bytes)).toBe(true)
    expect((await readFile(copied.zip)).equals(bytes)).toBe(true)
  })

  it('differs when one byte of one file differs (the comparison above can fail)', async () => {
    const { files } = await makeSite(contents)
    const other = await makeSite({ ...contents, 'z.txt': 'lasT' }, 'other')
    expect((await zipOf(files)).summary.sha256).not.toBe((await zipOf(other.files)).summary.sha256)
  })
})

describe('writeZip: compression by kind', () => {
  it('stores already compressed formats by extension in any case, deflates the rest', async () => {
    const text = sourceText(20_000, 5)
    const names = ['a.PNG', 'b.woff2', 'c.mp4', 'd.pdf', 'e.gz', 'f.jpeg', 'g.js', 'h.ico', 'i.svg', 'no-extension', '.png', 'j.map']
    const { files } = await makeSite(Object.fromEntries(names.map(name => [name, text])))
    const { zip, summary } = await zipOf(files)
    const methods = Object.fromEntries((await inspect(zip)).entries.map(entry => [entry.name, entry.method]))
    expect(methods).toEqual({
      '.png': DEFLATED,
      'a.PNG': STORED,
      'b.woff2': STORED,
      'c.mp4': STORED,
      'd.pdf': STORED,
      'e.gz': STORED,
      'f.jpeg': STORED,
      'g.js': DEFLATED,
      'h.ico': DEFLATED,
      'i.svg': DEFLATED,
      'j.map': DEFLATED,
      'no-extension': DEFLATED
    })
    expect([summary.stored, summary.deflated]).toEqual([6, 6])
  })

  it('compressionFor decides by the last extension of the last segment', () => {
    expect(compressionFor('img/photo.JPG')).toBe('store')
    expect(compressionFor('app.js.br')).toBe('store')
    expect(compressionFor('app.js')).toBe('deflate')
    expect(compressionFor('fonts.woff2/readme.txt')).toBe('deflate')
    expect(compressionFor('favicon.ico')).toBe('deflate')
  })
})

describe('writeZip: zip64', () => {
  // The test seam lowers the thresholds: 3 entries, 1,000 bytes. Everything past them is zip64.
  const thresholds = { entries: 3, bytes: 1000 }

  it('writes zip64 sizes, offsets and end records that yauzl, unzip and Python read', async () => {
    const contents: Record<string, Buffer | string> = {
      'a.txt': 'small, at offset 0',
      'b.js': sourceText(5_000, 8),
      'c.png': randomBytes(2_000),
      'd.txt': 'small, past the offset threshold',
      'e.js': sourceText(STREAMED, 9)
    }
    const { files } = await makeSite(contents)
    const { zip, summary } = await zipOf(files, { zip64Thresholds: thresholds })
    expect(summary.zip64).toBe(true)
    expect(await unpack(zip)).toEqual(expectedSums(files, contents))
    expect(unzipTest(zip)).toMatch(/No errors detected in compressed data/)
    const python = pythonRead(zip)
    expect(python).toEqual({
      bad: null,
      names: files.map(file => file.name),
      methods: [STORED, DEFLATED, STORED, DEFLATED, DEFLATED],
      sizes: files.map(file => file.size)
    })

    const { entries, entryCount } = await inspect(zip)
    expect(entryCount).toBe(5)
    for (const entry of entries) {
      const bigSizes = entry.size >= thresholds.bytes
      const bigOffset = entry.offset >= thresholds.bytes
      const values = [...(bigSizes ? [entry.size, entry.compressedSize] : []), ...(bigOffset ? [entry.offset] : [])]
      const expectedExtra = values.length === 0 ? [] : [{ id: ZIP64_TAG, data: Buffer.concat(values.map(uint64)) }]
      expect({ name: entry.name, extra: entry.centralExtra }).toEqual({ name: entry.name, extra: expectedExtra })
      expect(entry.versionNeeded).toBe(values.length > 0 ? 45 : entry.method === DEFLATED ? 20 : 10)
      if (bigSizes) {
        expect([entry.local.size, entry.local.compressedSize]).toEqual([0xffffffff, 0xffffffff])
        expect(entry.local.extra).toEqual(Buffer.concat([Buffer.from([1, 0, 16, 0]), uint64(entry.size), uint64(entry.compressedSize)]))
      } else {
        expect([entry.local.size, entry.local.compressedSize, entry.local.extra]).toEqual([entry.size, entry.compressedSize, Buffer.alloc(0)])
      }
    }
    expect(entries.filter(entry => entry.offset >= thresholds.bytes).length).toBeGreaterThanOrEqual(2)

    const end = endRecords(await readFile(zip))
    expect(end.classic).toEqual({ entries: 0xffff, size: 0xffffffff, offset: 0xffffffff })
    // The central directory starts right after the last entry's data, and runs up to the zip64 end record.
    const last = entries[entries.length - 1]!
    const directory = last.offset + 30 + Buffer.byteLength(last.name) + last.local.extra.length + last.compressedSize
    expect(end.zip64).toEqual({ entries: 5, size: end.zip64RecordAt! - directory, offset: directory })
  })

  it('writes only the zip64 end records when only the entry count is past its threshold', async () => {
    const contents = { 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' }
    const { files } = await makeSite(contents)
    const { zip, summary } = await zipOf(files, { zip64Thresholds: { entries: 2, bytes: 0xffffffff } })
    expect(summary.zip64).toBe(true)
    const { entries } = await inspect(zip)
    expect(entries.map(entry => entry.centralExtra)).toEqual([[], [], []])
    const end = endRecords(await readFile(zip))
    expect(end.zip64?.entries).toBe(3)
    expect(await unpack(zip)).toEqual(expectedSums(files, contents))
    expect(unzipTest(zip)).toMatch(/No errors detected/)
    expect(pythonRead(zip).bad).toBeNull()
  })

  it('writes a classic zip below the thresholds', async () => {
    const { files } = await makeSite({ 'a.txt': 'a', 'b.txt': 'b' })
    const { zip, summary } = await zipOf(files)
    expect(summary.zip64).toBe(false)
    expect(endRecords(await readFile(zip))).toEqual({
      classic: { entries: 2, size: expect.any(Number), offset: expect.any(Number) },
      zip64: undefined,
      zip64RecordAt: undefined
    })
  })
})

function uint64(value: number): Buffer {
  const buffer = Buffer.alloc(8)
  buffer.writeBigUInt64LE(BigInt(value))
  return buffer
}

/** The end of central directory record, and the zip64 one its locator points to, if any. */
function endRecords(zip: Buffer): {
  classic: { entries: number; size: number; offset: number }
  zip64: { entries: number; size: number; offset: number } | undefined
  zip64RecordAt: number | undefined
} {
  const at = zip.length - 22
  expect(zip.readUInt32LE(at)).toBe(0x06054b50)
  const classic = { entries: zip.readUInt16LE(at + 10), size: zip.readUInt32LE(at + 12), offset: zip.readUInt32LE(at + 16) }
  const locator = at - 20
  if (locator < 0 || zip.readUInt32LE(locator) !== 0x07064b50) return { classic, zip64: undefined, zip64RecordAt: undefined }
  const record = Number(zip.readBigUInt64LE(locator + 8))
  expect(zip.readUInt32LE(record)).toBe(0x06064b50)
  expect(record + 56).toBe(locator)
  const zip64 = {
    entries: Number(zip.readBigUInt64LE(record + 32)),
    size: Number(zip.readBigUInt64LE(record + 40)),
    offset: Number(zip.readBigUInt64LE(record + 48))
  }
  expect(Number(zip.readBigUInt64LE(record + 24))).toBe(zip64.entries)
  return { classic, zip64, zip64RecordAt: record }
}

describe('writeZip: cancellation and errors', () => {
  it('stops a file being streamed when the signal aborts, rejects with its reason, and closes the zip', async () => {
    const { files } = await makeSite({ 'a.txt': 'first', 'z.txt': 'last' })
    // A named pipe that the test feeds: the writer is inside the streamed entry until the test lets go.
    const pipe = path.join(base, 'pipe')
    execFileSync('mkfifo', [pipe])
    const video: SiteFile = { name: 'm.mp4', path: pipe, size: 100 * MiB }
    const controller = new AbortController()
    const zip = path.join(base, 'cancelled.zip')
    const writing = writeZip(zip, [files[0]!, video, files[1]!], { signal: controller.signal })
    const feeder = await open(pipe, 'w')
    await feeder.write(Buffer.alloc(256 * 1024, 1))
    controller.abort(new Error('the workflow was cancelled'))
    await feeder.close()
    const error = await errorOf(writing)
    expect(error.message).toBe('the workflow was cancelled')
    expect(await descriptorsOpenOn(zip)).toBe(0)
    // The partial zip is the caller's to remove.
    expect((await readFile(zip)).length).toBeGreaterThan(0)
  })

  it('does not create the zip when the signal has aborted already', async () => {
    const { files } = await makeSite({ 'a.txt': 'a' })
    const controller = new AbortController()
    controller.abort(new Error('too late'))
    const zip = path.join(base, 'never.zip')
    expect((await errorOf(writeZip(zip, files, { signal: controller.signal }))).message).toBe('too late')
    await expect(readFile(zip)).rejects.toThrow(/ENOENT/)
  })

  it('refuses a file that changed size since it was listed, buffered or streamed, and closes the zip', async () => {
    const { root, files } = await makeSite({ 'index.html': 'home', 'app.js': 'code', 'big.js': sourceText(STREAMED, 1) })
    await appendFile(path.join(root, 'app.js'), ' and more')
    let zip = path.join(base, 'changed.zip')
    let error = await errorOf(writeZip(zip, files, { label: 'dist' }))
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toBe(
      'Could not zip "dist/app.js": it changed while it was being zipped (listed with 4 bytes, now longer). Run the deploy after the build has finished writing the site.'
    )
    expect(await descriptorsOpenOn(zip)).toBe(0)

    const relisted = (await listSiteFolder(root)).files
    await appendFile(path.join(root, 'big.js'), 'x')
    zip = path.join(base, 'changed-big.zip')
    error = await errorOf(writeZip(zip, relisted, { label: 'dist' }))
    expect(error.message).toMatch(/^Could not zip "dist\/big\.js": it changed while it was being zipped \(listed with \d+ bytes, now longer\)/)
    expect(await descriptorsOpenOn(zip)).toBe(0)

    const shrunk = (await listSiteFolder(root)).files
    await writeFile(path.join(root, 'index.html'), 'ho')
    error = await errorOf(writeZip(path.join(base, 'shrunk.zip'), shrunk, { label: 'dist' }))
    expect(error.message).toMatch(/^Could not zip "dist\/index\.html": it changed while it was being zipped \(listed with 4 bytes, now 2\)/)
  })

  it('refuses a file that disappeared since it was listed', async () => {
    const { root, files } = await makeSite({ 'index.html': 'home', 'gone.js': 'x' })
    await rm(path.join(root, 'gone.js'))
    const error = await errorOf(writeZip(path.join(base, 'gone.zip'), files, { label: 'dist' }))
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toMatch(/^Could not zip "dist\/gone\.js": it disappeared after the folder was listed\./)
  })

  it('fails on a named pipe passed in as a small file instead of blocking', async () => {
    const { files } = await makeSite({ 'a.txt': 'a' })
    const pipe = path.join(base, 'small-pipe')
    execFileSync('mkfifo', [pipe])
    const error = await errorOf(writeZip(path.join(base, 'pipe.zip'), [...files, { name: 'b.txt', path: pipe, size: 10 }], { label: 'dist' }))
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toMatch(/^Could not zip "dist\/b\.txt": ESPIPE/)
  })

  it('refuses to grow past maxBytes', async () => {
    const { files } = await makeSite({ 'a.bin': randomBytes(5_000), 'b.bin': randomBytes(5_000) })
    const error = await errorOf(zipOf(files, { maxBytes: 8_000, label: 'dist' }))
    expect(error).toBeInstanceOf(UnsafeContentError)
    expect(error.message).toMatch(
      /^Refusing to deploy "dist": its zip is larger than 8\.0 KB, the most Amplify Hosting accepts for a manual deployment\. Leave large media and source maps out/
    )
    const fits = await zipOf(files, { maxBytes: 10_500 })
    expect(fits.summary.bytes).toBeLessThanOrEqual(10_500)
  })

  it('never overwrites an existing file', async () => {
    const { files } = await makeSite({ 'a.txt': 'a' })
    const zip = path.join(base, 'exists.zip')
    await writeFile(zip, 'keep me')
    const error = await errorOf(writeZip(zip, files))
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toMatch(/^Could not write the zip ".*exists\.zip": EEXIST/)
    expect(await readFile(zip, 'utf8')).toBe('keep me')
  })
})
