import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { getEventListeners } from 'node:events'
import { readFile, stat, writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import { PassThrough } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { DownloadError, UnsafeContentError } from '../../../src/errors.js'
import { createDownloader } from '../../../src/transfer/http.js'
import { isLoopback } from '../../../src/transfer/proxy.js'
import type { ClosableDownloader, DownloaderOptions } from '../../../src/transfer/http.js'
import { DOWNLOAD_ATTEMPTS, MAX_REDIRECTS } from '../../../src/transfer/limits.js'
import { errorOf, perTest, recordingSleep, startServer } from '../../helpers/fetch.js'

const body = Buffer.from('export default function Button() { return null }\n'.repeat(40))
const sha256 = createHash('sha256').update(body).digest('hex')
const opts = { maxBytes: 1 << 20, what: 'component Button.jsx' }

const scratch = perTest('http-test-')
const server = scratch.server

function downloader(options: DownloaderOptions = {}): ClosableDownloader & { waits: number[]; logs: string[] } {
  const { sleep, waits } = recordingSleep()
  const logs: string[] = []
  const d = createDownloader({ sleep, random: () => 0.5, log: m => logs.push(m), ...options })
  scratch.defer(() => d.close())
  return Object.assign(d, { waits, logs })
}

/** Messages must describe the file, never carry the presigned URL or its query. */
function expectNoSecrets(message: string): void {
  expect(message).not.toMatch(/X-Amz|SECRETTOKEN|0123456789abcdef|127\.0\.0\.1:\d+\//)
  expect(message).not.toContain('http://')
}

describe('downloader: success', () => {
  it('streams a body to a file with its size and sha256', async () => {
    const s = await server((_req, res) => res.end(body))
    const target = path.join(scratch.dir, 'Button.jsx')
    const result = await downloader().toFile(s.url('/Button.jsx'), target, opts)
    expect(result).toEqual({ bytes: body.length, sha256 })
    expect(await readFile(target)).toEqual(body)
  })

  it('reads a small body into memory', async () => {
    const s = await server((_req, res) => res.end('{"Output":[]}'))
    expect((await downloader().toBuffer(s.url('/manifest'), opts)).toString()).toBe('{"Output":[]}')
  })

  it('decodes a gzip content encoding (S3 serves what the object was stored with)', async () => {
    const s = await server((_req, res) => {
      res.setHeader('content-encoding', 'gzip')
      res.end(gzipSync(body))
    })
    const target = path.join(scratch.dir, 'Button.jsx')
    expect(await downloader().toFile(s.url('/x'), target, opts)).toEqual({ bytes: body.length, sha256 })
    expect(await readFile(target)).toEqual(body)
  })

  it('refuses a content encoding it cannot decode', async () => {
    const s = await server((_req, res) => {
      res.setHeader('content-encoding', 'zstd-unknown')
      res.end(body)
    })
    const error = await errorOf(downloader().toBuffer(s.url('/x'), opts))
    expect(error).toBeInstanceOf(DownloadError)
    expect(error.message).toMatch(/content encoding "zstd-unknown"/)
  })

  it('reuses keep-alive connections: 50 small downloads over at most `concurrency` sockets', async () => {
    const s = await server((_req, res) => res.end('x'.repeat(100)))
    const d = downloader({ concurrency: 4 })
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => d.toBuffer(s.url(`/f${i}`), opts)))
    expect(results.every(r => r.length === 100)).toBe(true)
    expect(s.requests).toHaveLength(50)
    expect(s.connections()).toBeLessThanOrEqual(4)
  })

  it('adds no listener per download to the caller signal (no MaxListenersExceededWarning)', async () => {
    const held: (() => void)[] = []
    const s = await server((_req, res) => held.push(() => res.end('x')))
    const d = downloader({ concurrency: 16 })
    const controller = new AbortController()
    const all = Promise.all(Array.from({ length: 20 }, (_, i) => d.toBuffer(s.url(`/f${i}`), { ...opts, signal: controller.signal })))
    while (held.length < 16) await new Promise(r => setTimeout(r, 5))
    expect(getEventListeners(controller.signal, 'abort').length).toBeLessThan(3)
    while (held.length > 0 || s.requests.length < 20) {
      held.splice(0).forEach(release => release())
      await new Promise(r => setTimeout(r, 5))
    }
    expect(await all).toHaveLength(20)
  })

  it('refuses to overwrite an existing file when asked for exclusive creation', async () => {
    const s = await server((_req, res) => res.end(body))
    const target = path.join(scratch.dir, 'exists.js')
    await writeFile(target, 'mine')
    const error = await errorOf(downloader().toFile(s.url('/x'), target, { ...opts, exclusive: true }))
    expect(error).toBeInstanceOf(DownloadError)
    expect(await readFile(target, 'utf8')).toBe('mine')
    expect(s.requests).toHaveLength(0)
  })
})

describe('downloader: retries', () => {
  it.each([500, 503, 429])('retries HTTP %i with backoff, then succeeds', async status => {
    let calls = 0
    const s = await server((_req, res) => {
      if (++calls <= 2) {
        res.statusCode = status
        res.end('try later')
      } else res.end(body)
    })
    const d = downloader()
    const target = path.join(scratch.dir, 'f')
    expect(await d.toFile(s.url('/f'), target, opts)).toEqual({ bytes: body.length, sha256 })
    expect(s.requests).toHaveLength(3)
    // full jitter with random() = 0.5: half of 500 ms, then half of 1000 ms
    expect(d.waits).toEqual([250, 500])
    expect(d.logs).toHaveLength(2)
    expect(d.logs[0]).toMatch(new RegExp(`component Button.jsx failed \\(the file host answered HTTP ${status}\\)`))
    d.logs.forEach(expectNoSecrets)
  })

  it('honours Retry-After, capped', async () => {
    let calls = 0
    const s = await server((_req, res) => {
      if (++calls === 1) {
        res.writeHead(429, { 'retry-after': '3' }).end()
      } else if (calls === 2) {
        res.writeHead(503, { 'retry-after': '86400' }).end()
      } else res.end('ok')
    })
    const d = downloader()
    await d.toBuffer(s.url('/f'), opts)
    expect(d.waits).toEqual([3000, 10_000])
  })

  it('retries a connection reset', async () => {
    let calls = 0
    const s = await server((req, res) => {
      if (++calls === 1) req.socket.destroy()
      else res.end(body)
    })
    const d = downloader()
    expect(await d.toBuffer(s.url('/f'), opts)).toEqual(body)
    expect(s.requests).toHaveLength(2)
    expect(d.logs[0]).toMatch(/ECONNRESET|socket hang up/)
  })

  it('retries a refused connection', async () => {
    const s = await startServer((_req, res) => res.end('x'))
    const url = s.url('/f')
    await s.close()
    const d = downloader({ attempts: 3 })
    const error = await errorOf(d.toBuffer(url, opts))
    expect(error).toBeInstanceOf(DownloadError)
    expect(error.message).toMatch(/ECONNREFUSED.*on all 3 attempts/)
    expect(d.waits).toHaveLength(2)
    expectNoSecrets(error.message)
  })

  it('retries a truncated body and starts the file over', async () => {
    let calls = 0
    const s = await server((req, res) => {
      res.writeHead(200, { 'content-length': String(body.length) })
      if (++calls === 1) {
        res.write(Buffer.from('GARBAGE-'.repeat(20)))
        setTimeout(() => req.socket.destroy(), 20)
      } else res.end(body)
    })
    const target = path.join(scratch.dir, 'f')
    const d = downloader()
    expect(await d.toFile(s.url('/f'), target, opts)).toEqual({ bytes: body.length, sha256 })
    expect(await readFile(target)).toEqual(body)
    expect(s.requests).toHaveLength(2)
  })

  it('gives up after DOWNLOAD_ATTEMPTS, removes the partial file and says why without the URL', async () => {
    const s = await server((_req, res) => res.writeHead(500).end())
    const target = path.join(scratch.dir, 'f')
    const d = downloader()
    const error = await errorOf(d.toFile(s.url('/f'), target, opts))
    expect(error).toBeInstanceOf(DownloadError)
    expect(error.message).toMatch(/component Button.jsx.*HTTP 500.*all 5 attempts/)
    expectNoSecrets(error.message)
    expect(s.requests).toHaveLength(DOWNLOAD_ATTEMPTS)
    await expect(stat(target)).rejects.toThrow(/ENOENT/)
  })

  it('gives back the bytes of a failed attempt to onBytes', async () => {
    let calls = 0
    const s = await server((req, res) => {
      res.writeHead(200, { 'content-length': '10' })
      if (++calls === 1) {
        res.write('12345')
        setTimeout(() => req.socket.destroy(), 20)
      } else res.end('1234567890')
    })
    const deltas: number[] = []
    await downloader().toBuffer(s.url('/f'), { ...opts, onBytes: n => deltas.push(n) })
    expect(deltas.reduce((a, b) => a + b, 0)).toBe(10)
    expect(deltas).toContain(-5)
  })
})

describe('downloader: no retry', () => {
  it('fails on 403 after exactly one request, saying the URL has most likely expired', async () => {
    const s = await server((_req, res) => res.writeHead(403).end('<Error><Code>AccessDenied</Code></Error>'))
    const d = downloader()
    const error = await errorOf(d.toFile(s.url('/f'), path.join(scratch.dir, 'f'), opts))
    expect(error).toBeInstanceOf(DownloadError)
    expect(error.message).toMatch(/presigned URL for component Button.jsx was refused with 403/)
    expect(error.message).toMatch(/expired because the job finished too long ago/)
    expect(error.message).toMatch(/re-run the step/)
    expectNoSecrets(error.message)
    expect(s.requests).toHaveLength(1)
    expect(d.waits).toHaveLength(0)
  })

  it.each([404, 400, 410])('fails on HTTP %i after one request', async status => {
    const s = await server((_req, res) => res.writeHead(status).end())
    const error = await errorOf(downloader().toBuffer(s.url('/f'), opts))
    expect(error).toBeInstanceOf(DownloadError)
    expect(error.message).toContain(String(status))
    expect(s.requests).toHaveLength(1)
  })

  it('refuses a declared Content-Length over maxBytes at once', async () => {
    const s = await server((_req, res) => res.end(body))
    const error = await errorOf(downloader().toFile(s.url('/f'), path.join(scratch.dir, 'f'), { ...opts, maxBytes: 100 }))
    expect(error).toBeInstanceOf(UnsafeContentError)
    expect(error.message).toMatch(new RegExp(`component Button.jsx: it is ${body.length} bytes, and at most 100`))
    expect(s.requests).toHaveLength(1)
    await expect(stat(path.join(scratch.dir, 'f'))).rejects.toThrow(/ENOENT/)
  })

  it('cuts a body without Content-Length that grows past maxBytes', async () => {
    const s = await server((_req, res) => {
      res.write(body)
      res.write(body)
      res.end(body)
    })
    const error = await errorOf(downloader().toBuffer(s.url('/f'), { ...opts, maxBytes: body.length * 2 }))
    expect(error).toBeInstanceOf(UnsafeContentError)
    expect(error.message).toMatch(/more than \d+ bytes/)
    expect(s.requests).toHaveLength(1)
  })

  it('cuts a gzip body that inflates past maxBytes', async () => {
    const s = await server((_req, res) => {
      res.setHeader('content-encoding', 'gzip')
      res.end(gzipSync(Buffer.alloc(10 << 20)))
    })
    const error = await errorOf(downloader().toBuffer(s.url('/f'), { ...opts, maxBytes: 1 << 20 }))
    expect(error).toBeInstanceOf(UnsafeContentError)
  })

  it('stops with the error onBytes throws', async () => {
    const s = await server((_req, res) => res.end(body))
    const refusal = new UnsafeContentError('budget exhausted')
    const error = await errorOf(
      downloader().toBuffer(s.url('/f'), {
        ...opts,
        onBytes: () => {
          throw refusal
        }
      })
    )
    expect(error).toBe(refusal)
    expect(s.requests).toHaveLength(1)
  })
})

describe('downloader: idle timeout', () => {
  /**
   * Long enough that the healthy second attempt never looks idle, however busy the machine (a
   * 100 ms timeout was: a process descheduled that long fires its timer before it reads the bytes
   * that came meanwhile); the stalled attempt waits this long, and no more, for the timeout.
   */
  const IDLE_TIMEOUT_MS = 2_000

  it('abandons an attempt that stalls mid-body and retries it', async () => {
    let calls = 0
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-length': String(body.length) })
      if (++calls === 1)
        res.write(body.subarray(0, 10)) // and then nothing
      else res.end(body)
    })
    const d = downloader({ idleTimeoutMs: IDLE_TIMEOUT_MS })
    const target = path.join(scratch.dir, 'f')
    expect(await d.toFile(s.url('/f'), target, opts)).toEqual({ bytes: body.length, sha256 })
    expect(s.requests).toHaveLength(2)
    expect(d.logs[0]).toMatch(/no data arrived for 2 s/)
  })

  it('abandons an attempt whose answer never starts, and gives up after all attempts', async () => {
    const s = await server(() => undefined)
    const d = downloader({ idleTimeoutMs: 50, attempts: 2 })
    const error = await errorOf(d.toBuffer(s.url('/f'), opts))
    expect(error).toBeInstanceOf(DownloadError)
    expect(error.message).toMatch(/no data arrived.*on all 2 attempts/)
    expect(s.requests).toHaveLength(2)
  })
})

describe('downloader: abort', () => {
  it('rejects with the signal reason while the body streams, and removes the file', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' })
      res.write('partial')
    })
    const controller = new AbortController()
    const reason = new Error('deadline reached')
    const target = path.join(scratch.dir, 'f')
    const d = downloader({ idleTimeoutMs: 60_000 })
    const pending = d.toFile(s.url('/f'), target, { ...opts, signal: controller.signal })
    while (s.requests.length === 0) await new Promise(r => setTimeout(r, 5))
    controller.abort(reason)
    expect(await errorOf(pending)).toBe(reason)
    expect(s.requests).toHaveLength(1)
    await expect(stat(target)).rejects.toThrow(/ENOENT/)
  })

  it('rejects at once, without a request, when the signal is already aborted', async () => {
    const s = await server((_req, res) => res.end(body))
    const reason = new Error('cancelled')
    const error = await errorOf(downloader().toBuffer(s.url('/f'), { ...opts, signal: AbortSignal.abort(reason) }))
    expect(error).toBe(reason)
    expect(s.requests).toHaveLength(0)
  })

  it('stops retrying when aborted during the backoff', async () => {
    const s = await server((_req, res) => res.writeHead(503).end())
    const controller = new AbortController()
    const reason = new Error('cancelled')
    const d = createDownloader({
      sleep: async () => {
        controller.abort(reason)
      }
    })
    scratch.defer(() => d.close())
    expect(await errorOf(d.toBuffer(s.url('/f'), { ...opts, signal: controller.signal }))).toBe(reason)
    expect(s.requests).toHaveLength(1)
  })
})

describe('downloader: masking', () => {
  it('masks every URL it is given before the first request, and each redirect target before following it', async () => {
    const s = await server((req, res) => {
      if ((req.url ?? '').startsWith('/first')) res.writeHead(302, { location: '/second?X-Amz-Signature=redirectsignature' }).end()
      else res.end(body)
    })
    const masked: Array<{ secret: string; requestsSoFar: number }> = []
    const d = downloader({ mask: secret => masked.push({ secret, requestsSoFar: s.requests.length }) })
    const url = s.url('/first')
    expect(await d.toBuffer(url, opts)).toEqual(body)
    expect(masked.filter(m => m.requestsSoFar === 0).map(m => m.secret)).toEqual(expect.arrayContaining([url, 'SECRETTOKEN']))
    expect(masked.filter(m => m.requestsSoFar === 1).map(m => m.secret)).toEqual(expect.arrayContaining(['redirectsignature']))
    await d.toFile(s.url('/again'), path.join(scratch.dir, 'f'), opts)
    await d.toSink!(s.url('/sink'), () => new PassThrough().resume(), opts)
    expect(masked.map(m => m.secret)).toEqual(expect.arrayContaining([s.url('/again'), s.url('/sink')]))
  })

  it('masks a URL it refuses', async () => {
    const masked: string[] = []
    const url = 'http://example.com/x?X-Amz-Signature=abcdefabcdef'
    await errorOf(downloader({ mask: secret => masked.push(secret) }).toBuffer(url, opts))
    expect(masked).toEqual(expect.arrayContaining([url, 'abcdefabcdef']))
  })
})

describe('downloader: redirects and schemes', () => {
  it(`follows up to ${MAX_REDIRECTS} same-scheme redirects`, async () => {
    const s = await server((req, res) => {
      const hop = Number((req.url ?? '').match(/^\/hop(\d+)/)?.[1] ?? '0')
      if (hop < MAX_REDIRECTS) res.writeHead(302, { location: `/hop${hop + 1}?X-Amz-Signature=next` }).end()
      else res.end(body)
    })
    expect(await downloader().toBuffer(s.url('/hop0'), opts)).toEqual(body)
    expect(s.requests).toHaveLength(MAX_REDIRECTS + 1)
  })

  it('refuses one redirect too many, without retrying', async () => {
    const s = await server((_req, res) => res.writeHead(301, { location: '/again' }).end())
    const error = await errorOf(downloader().toBuffer(s.url('/loop'), opts))
    expect(error).toBeInstanceOf(DownloadError)
    expect(error.message).toMatch(new RegExp(`redirected more than ${MAX_REDIRECTS} times`))
    expect(s.requests).toHaveLength(MAX_REDIRECTS + 1)
  })

  it('refuses a redirect to another scheme', async () => {
    const s = await server((_req, res) => res.writeHead(307, { location: 'https://127.0.0.1:1/x' }).end())
    const error = await errorOf(downloader().toBuffer(s.url('/f'), opts))
    expect(error).toBeInstanceOf(DownloadError)
    expect(error.message).toMatch(/redirect of component Button.jsx from http to https/)
    expect(s.requests).toHaveLength(1)
  })

  it('refuses a redirect to plain http on another machine', async () => {
    const s = await server((_req, res) => res.writeHead(302, { location: 'http://198.51.100.7/x?X-Amz-Signature=s' }).end())
    const error = await errorOf(downloader().toBuffer(s.url('/f'), opts))
    expect(error).toBeInstanceOf(DownloadError)
    expect(error.message).toMatch(/plain http from another machine/)
    expectNoSecrets(error.message)
  })

  it.each([
    ['plain http to another host', 'http://example.com/x?X-Amz-Signature=abc', /plain http from another machine/],
    ['plain http to a private address', 'http://10.0.0.1/x', /plain http from another machine/],
    ['file URL', 'file:///etc/passwd', /from a file URL/],
    ['ftp URL', 'ftp://example.com/x', /from a ftp URL/],
    ['not a URL', 'no-scheme/x?X-Amz-Signature=abc', /not a valid URL/]
  ])('refuses %s before any request', async (_label, url, why) => {
    const error = await errorOf(downloader().toBuffer(url, opts))
    expect(error).toBeInstanceOf(DownloadError)
    expect(error.message).toMatch(why)
    expect(error.message).not.toContain(url)
  })

  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.200.3.4', true],
    ['[::1]', true],
    ['LOCALHOST', true],
    ['128.0.0.1', false],
    ['localhost.example.com', false],
    ['127.0.0.1.nip.io', false],
    // 127.0.0.1 written as an IPv4-mapped IPv6 address is this machine too (NO_PROXY's rules say so).
    ['[::ffff:7f00:1]', true],
    ['[::ffff:8000:1]', false]
  ])('isLoopback(%s) is %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected)
  })
})
