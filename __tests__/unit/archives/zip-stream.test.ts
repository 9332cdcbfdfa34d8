/**
 * Unpacking a zip while it downloads (zip-stream.ts), against a loopback server that serves ranges
 * like S3: the same files and hashes as unpacking the archive from disk, the central directory
 * checked before anything is written, a broken stream resumed at the entry it was writing, and
 * undefined (nothing written) where only a whole download can do.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import type * as http from 'node:http'
import * as path from 'node:path'
import { Writable } from 'node:stream'
import { UnsafeContentError } from '../../../src/errors.js'
import { stageZipFromUrl } from '../../../src/archives/asset.js'
import { createDownloader } from '../../../src/transfer/http.js'
import { ARTIFACT_LIMITS } from '../../../src/archives/limits.js'
import type { StagedFile } from '../../../src/output-folder/types.js'
import { extractZip } from '../../../src/archives/zip.js'
import { TAIL_BYTES, centralDirectoryOffset, drainedOr, stageZipStreaming } from '../../../src/archives/zip-stream.js'
import { FakeStaging, errorOf, recordingSleep, startServer, type TestServer } from '../../helpers/fetch.js'
import { rawZip, yazlZip } from './zip-builder.js'

let staging: FakeStaging
let server: TestServer
let downloader: ReturnType<typeof createDownloader>
let archive: Buffer
/** Range headers received, in order ('' for a request without one). */
let ranges: string[]
let serveRanges: boolean
/** Cut the connection after this many body bytes of the next ranged body request (not the tail). */
let breakAfter: number | undefined

const WHAT = 'the build artifacts of job 7'

function answer(req: http.IncomingMessage, res: http.ServerResponse): void {
  const header = req.headers.range ?? ''
  ranges.push(header)
  const match = /^bytes=(\d*)-(\d*)$/.exec(header)
  if (!serveRanges || !match) {
    res.writeHead(200, { 'content-length': archive.length }).end(archive)
    return
  }
  const size = archive.length
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1])
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  const body = archive.subarray(start, end + 1)
  res.writeHead(206, { 'content-length': body.length, 'content-range': `bytes ${start}-${end}/${size}` })
  if (breakAfter !== undefined && match[1] !== '') {
    const cut = breakAfter
    breakAfter = undefined
    res.write(body.subarray(0, cut), () => res.destroy())
    return
  }
  res.end(body)
}

beforeEach(async () => {
  staging = await FakeStaging.create()
  ranges = []
  serveRanges = true
  breakAfter = undefined
  server = await startServer(answer)
  downloader = createDownloader({ sleep: recordingSleep().sleep })
})

afterEach(async () => {
  downloader.close()
  await server.close()
  await staging.remove()
})

const stream = (): Promise<StagedFile[] | undefined> =>
  stageZipStreaming(server.url('/artifacts.zip'), staging, downloader, { limits: ARTIFACT_LIMITS, what: WHAT })

/** What zip.ts makes of the same archive unpacked from a file. */
async function fromDisk(zip: Buffer): Promise<StagedFile[]> {
  const other = await FakeStaging.create()
  try {
    const file = path.join(other.scratch, 'a.zip')
    await writeFile(file, zip)
    return await extractZip(file, other, { limits: ARTIFACT_LIMITS, what: WHAT })
  } finally {
    await other.remove()
  }
}

/** Resolves once `done()` holds, looking every few milliseconds. */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise(resolve => setTimeout(resolve, 5))
}

const byPath = (files: readonly StagedFile[]): StagedFile[] => [...files].sort((a, b) => a.path.localeCompare(b.path))

/** A site whose entries (some big, stored and deflated) run well past the tail fetched first. */
async function bigSite(): Promise<Buffer> {
  return yazlZip([
    { name: 'index.html', data: '<!doctype html><title>x</title>' },
    { name: 'assets/', directory: true },
    { name: 'assets/noise.bin', data: randomBytes(700_000), compress: false },
    { name: 'assets/app.js', data: 'export const a = 1;\n'.repeat(20_000) },
    { name: 'assets/more-noise.bin', data: randomBytes(300_000) },
    { name: 'empty.txt', data: '' }
  ])
}

describe('stageZipStreaming', () => {
  it('stages what unpacking the file stages, with one request for the end and one for the entries', async () => {
    archive = await bigSite()
    expect(archive.length).toBeGreaterThan(2 * TAIL_BYTES)
    const staged = await stream()
    expect(byPath(staged!)).toEqual(byPath(await fromDisk(archive)))
    expect(byPath(staging.files)).toEqual(byPath(staged!))
    expect(await staging.written()).toEqual(['assets/app.js', 'assets/more-noise.bin', 'assets/noise.bin', 'empty.txt', 'index.html'])
    expect(await readFile(path.join(staging.root, 'assets/app.js'), 'utf8')).toBe('export const a = 1;\n'.repeat(20_000))
    expect(ranges).toEqual([
      `bytes=-${TAIL_BYTES}`,
      `bytes=0-${centralDirectoryOffset(archive.subarray(-TAIL_BYTES), { start: archive.length - TAIL_BYTES, end: archive.length, total: archive.length })! - 1}`
    ])
    expect(await readdir(staging.scratch)).toEqual([])
  })

  it('takes a small archive from the end fetched first: one request', async () => {
    archive = await yazlZip([
      { name: 'index.html', data: '<html>' },
      { name: 'robots.txt', data: 'User-agent: *' }
    ])
    expect(byPath((await stream())!)).toEqual(byPath(await fromDisk(archive)))
    expect(ranges).toEqual([`bytes=-${TAIL_BYTES}`])
  })

  it('fetches a central directory larger than the tail before the entries', async () => {
    // 200 entries with paths of about 900 bytes: a central directory of about 190 KB.
    const folders = ['a', 'b', 'c', 'd'].map(letter => letter.repeat(220)).join('/')
    archive = await yazlZip(
      Array.from({ length: 200 }, (_, i) => ({ name: `${folders}/chunk-${String(i).padStart(3, '0')}.js`, data: `export default ${i}\n` }))
    )
    const staged = await stream()
    expect(staged).toHaveLength(200)
    expect(byPath(staged!)).toEqual(byPath(await fromDisk(archive)))
    expect(ranges).toHaveLength(3)
  })

  it('resumes a broken stream at the entry it was writing, which is written again', async () => {
    archive = await bigSite()
    breakAfter = 500_000 // inside assets/noise.bin
    // The retry waits, as real retries do (a second or more), until the broken attempt has staged
    // what it had in full: index.html, the entry before the break. Waiting for that, not for a
    // number of milliseconds, keeps a busy machine from starting the retry before it.
    downloader.close()
    downloader = createDownloader({ sleep: () => until(() => staging.files.some(file => file.path === 'index.html')) })
    const staged = await stream()
    expect(byPath(staged!)).toEqual(byPath(await fromDisk(archive)))
    expect(staging.files.map(file => file.path).sort()).toEqual(['assets/app.js', 'assets/more-noise.bin', 'assets/noise.bin', 'empty.txt', 'index.html'])
    const resumedAt = Number(/^bytes=(\d+)-/.exec(ranges[2]!)![1])
    expect(ranges).toHaveLength(3)
    expect(resumedAt).toBeGreaterThan(0)
    expect(resumedAt).toBeLessThan(500_000)
  })

  it('returns undefined, having written nothing, when the host ignores ranges', async () => {
    archive = await bigSite()
    serveRanges = false
    expect(await stream()).toBeUndefined()
    expect(await staging.written()).toEqual([])
    expect(staging.files).toEqual([])
  })

  it('returns undefined for entries that share their data, which only a file can give', async () => {
    const zip = rawZip([
      { name: 'a.txt', data: 'aaaa' },
      { name: 'b.txt', data: 'bbbb' }
    ])
    // Point the second central directory entry at the first entry's local header.
    const second = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    zip.writeUInt32LE(0, second + 42)
    archive = zip
    expect(await stream()).toBeUndefined()
    expect(await staging.written()).toEqual([])
  })

  it('checks the whole central directory before the entries are requested', async () => {
    archive = rawZip([
      { name: 'index.html', data: 'x'.repeat(200_000) },
      { name: 'assets/escape', data: '../../../../etc/passwd', externalAttributes: (0o120777 << 16) >>> 0 }
    ])
    const error = await errorOf(stream())
    expect(error).toBeInstanceOf(UnsafeContentError)
    expect(error.message).toMatch(/symbolic link/)
    expect(ranges).toEqual([`bytes=-${TAIL_BYTES}`])
    expect(await staging.written()).toEqual([])
  })

  it('refuses an entry that inflates to more than it declares, and leaves no part of it', async () => {
    archive = rawZip([{ name: 'big.js', data: Buffer.alloc(300_000, 'a'), method: 8, declaredSize: 1000 }])
    const error = await errorOf(stream())
    expect(error).toBeInstanceOf(UnsafeContentError)
    expect(error.message).toMatch(/"big.js".*more bytes than it declares/)
    expect(await staging.written()).toEqual([])
    expect(staging.files).toEqual([])
  })

  it('refuses an entry whose checksum does not match', async () => {
    archive = rawZip([{ name: 'a.bin', data: randomBytes(300_000), declaredCrc: 1234 }])
    const error = await errorOf(stream())
    expect(error).toBeInstanceOf(UnsafeContentError)
    expect(error.message).toMatch(/"a.bin".*checksum/)
    expect(await staging.written()).toEqual([])
  })

  it('refuses a local header that is not where the central directory says', async () => {
    const zip = rawZip([{ name: 'a.bin', data: randomBytes(300_000) }])
    zip.writeUInt32LE(0x12345678, 0)
    archive = zip
    const error = await errorOf(stream())
    expect(error).toBeInstanceOf(UnsafeContentError)
    expect(error.message).toMatch(/"a.bin".*local header is missing/)
    expect(await staging.written()).toEqual([])
  })

  it('stops when the signal fires, with the reason, and leaves no partial file', async () => {
    archive = await bigSite()
    const controller = new AbortController()
    const reason = new Error('cancelled')
    staging.abortOnAdd(controller, reason)
    const error = await errorOf(
      stageZipStreaming(server.url('/artifacts.zip'), staging, downloader, { limits: ARTIFACT_LIMITS, what: WHAT, signal: controller.signal })
    )
    expect(error).toBe(reason)
    expect(await staging.written()).toEqual(staging.files.map(file => file.path).sort())
  })
})

describe('stageZipFromUrl', () => {
  it('unpacks while downloading where the host serves ranges, and from scratch where it does not', async () => {
    archive = await bigSite()
    const options = { limits: ARTIFACT_LIMITS, what: WHAT, mask: () => undefined }
    const streamed = await stageZipFromUrl(server.url('/artifacts.zip'), staging, downloader, options)
    expect(ranges).toHaveLength(2)

    const other = await FakeStaging.create()
    try {
      serveRanges = false
      ranges = []
      const whole = await stageZipFromUrl(server.url('/artifacts.zip'), other, downloader, options)
      expect(ranges).toEqual([`bytes=-${TAIL_BYTES}`, ''])
      expect(byPath(whole)).toEqual(byPath(streamed))
      expect(await readdir(other.scratch)).toEqual([])
    } finally {
      await other.remove()
    }
  })
})

describe('drainedOr', () => {
  /** A stream that takes one byte and then holds on to it: write() says to wait for 'drain'. */
  function stuck(): Writable {
    return new Writable({ highWaterMark: 1, write: () => undefined })
  }

  it('leaves no drain listener when the file settles first (failed or closed)', async () => {
    const stream = stuck()
    expect(stream.write(Buffer.from('ab'))).toBe(false)
    await drainedOr(stream, Promise.reject(new Error('the file failed')))
    expect(stream.listenerCount('drain')).toBe(0)
    await drainedOr(stream, Promise.resolve())
    expect(stream.listenerCount('drain')).toBe(0)
  })

  it('resolves on drain, and leaves no listener either', async () => {
    let finish: () => void = () => undefined
    const stream = new Writable({ highWaterMark: 1, write: (_chunk, _encoding, callback) => void (finish = callback) })
    expect(stream.write(Buffer.from('ab'))).toBe(false)
    const waiting = drainedOr(stream, new Promise(() => undefined))
    finish()
    await waiting
    expect(stream.listenerCount('drain')).toBe(0)
  })
})
