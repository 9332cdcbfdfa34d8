process.env.AWS_EC2_METADATA_DISABLED = 'true'

/**
 * The uploader (transfer/upload.ts) against raw servers on loopback: the exact request S3 wants
 * (Content-Length, never chunked), the body byte for byte, retries that send the whole body again,
 * refusals, the idle timeout, aborts, masking, proxies; and once against the emulator's presigned
 * PUT, which refuses a chunked body with 411.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { CreateDeploymentCommand } from '@aws-sdk/client-amplify'
import { createHash, randomBytes } from 'node:crypto'
import { truncateSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import * as http from 'node:http'
import * as https from 'node:https'
import type { AddressInfo } from 'node:net'
import * as path from 'node:path'
import { UploadError } from '../../../src/errors.js'
import { UPLOAD_ATTEMPTS } from '../../../src/transfer/limits.js'
import { readProxySettings } from '../../../src/transfer/proxy.js'
import { type ClosableUploader, createUploader, type UploaderOptions } from '../../../src/transfer/upload.js'
import { errorOf, perTest, recordingSleep, SECRET_QUERY } from '../../helpers/fetch.js'
import { startTestProxy, type TestProxy } from '../../helpers/proxy-server.js'
import { makeTestCertificate } from '../../helpers/tls.js'
import { amplifyEmulator, httpPut } from '../emulator/clients.js'

/** Several read chunks (64 KiB each), so that progress and a reset mid-body mean something. */
const SMALL_BYTES = 300_000
/** More than two of the pieces the uploader reads at a time (1 MiB). */
const PIECES_BYTES = 4 * 1024 * 1024 + 123
/** Large enough to fill every buffer between a client and a server that stops reading (the kernel's included). */
const LARGE_BYTES = 50 * 1024 * 1024
const opts = { what: "the site's zip", contentType: 'application/zip' }

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')
const s3Error = (code: string, message: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>R</RequestId></Error>`

const scratch = perTest('upload-test-')
let small: { path: string; data: Buffer }
const server = scratch.server

beforeEach(async () => {
  small = { path: path.join(scratch.dir, 'site.zip'), data: randomBytes(SMALL_BYTES) }
  await writeFile(small.path, small.data)
})

interface Received {
  method: string
  headers: http.IncomingHttpHeaders
  body: Buffer
}

/** Reads a request's whole body; never settles when the client goes away first (nothing to answer then). */
function bodyOf(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise(resolve => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', () => undefined)
  })
}

/** A server that keeps every request (method, headers, body) and answers with `answer(n)` once the body is in. */
async function recordingServer(answer: (n: number, res: http.ServerResponse) => void = (_n, res) => res.writeHead(200, { etag: '"e7a1"' }).end()) {
  const received: Received[] = []
  const s = await server((req, res) => {
    void bodyOf(req).then(body => {
      received.push({ method: req.method ?? '', headers: req.headers, body })
      answer(received.length, res)
    })
  })
  return Object.assign(s, { received })
}

function uploader(options: UploaderOptions = {}): ClosableUploader & { waits: number[]; logs: string[]; masked: string[] } {
  const { sleep, waits } = recordingSleep()
  const logs: string[] = []
  const masked: string[] = []
  const u = createUploader({ sleep, random: () => 0.5, log: m => logs.push(m), mask: m => masked.push(m), ...options })
  scratch.defer(() => u.close())
  return Object.assign(u, { waits, logs, masked })
}

/** Messages must describe the file, never carry the presigned URL or its query. */
function expectNoSecrets(message: string): void {
  expect(message).not.toMatch(/X-Amz|SECRETTOKEN|0123456789abcdef|127\.0\.0\.1:\d+\//)
  expect(message).not.toContain('http://')
}

describe('uploader: the request', () => {
  it('PUTs the file byte for byte with its Content-Type and an exact Content-Length, never chunked', async () => {
    const s = await recordingServer()
    const result = await uploader().putFile(s.url('/bucket/deployment.zip'), small.path, opts)
    expect(result).toEqual({ bytes: SMALL_BYTES, attempts: 1, etag: 'e7a1' })
    expect(s.received).toHaveLength(1)
    const [put] = s.received
    expect(put!.method).toBe('PUT')
    expect(put!.headers['content-length']).toBe(String(SMALL_BYTES))
    expect(put!.headers['transfer-encoding']).toBeUndefined()
    expect(put!.headers['content-type']).toBe('application/zip')
    expect(put!.headers.expect).toBe('100-continue')
    expect(put!.body.equals(small.data)).toBe(true)
  })

  it('tells onProgress what the connection took, piece by piece, up to the whole size', async () => {
    const s = await recordingServer()
    const pieces = path.join(scratch.dir, 'pieces.zip')
    await writeFile(pieces, randomBytes(PIECES_BYTES))
    const calls: Array<[number, number]> = []
    await uploader().putFile(s.url('/f'), pieces, { ...opts, onProgress: (sent, total) => calls.push([sent, total]) })
    expect(calls.length).toBeGreaterThan(2)
    expect(calls.every(([, total]) => total === PIECES_BYTES)).toBe(true)
    expect(calls.every(([sent], i) => i === 0 || sent > calls[i - 1]![0])).toBe(true)
    expect(calls.at(-1)).toEqual([PIECES_BYTES, PIECES_BYTES])
  })

  it('uploads an empty file with Content-Length 0 and no Expect', async () => {
    const s = await recordingServer()
    const empty = path.join(scratch.dir, 'empty.zip')
    await writeFile(empty, '')
    expect(await uploader().putFile(s.url('/f'), empty, opts)).toEqual({ bytes: 0, attempts: 1, etag: 'e7a1' })
    expect(s.received[0]!.headers['content-length']).toBe('0')
    expect(s.received[0]!.headers.expect).toBeUndefined()
    expect(s.received[0]!.body).toHaveLength(0)
  })

  it('has no ETag in the result when the host sends none', async () => {
    const s = await recordingServer((_n, res) => res.writeHead(200).end())
    expect(await uploader().putFile(s.url('/f'), small.path, opts)).toEqual({ bytes: SMALL_BYTES, attempts: 1 })
  })

  it('keeps the connection alive for the next upload', async () => {
    const s = await recordingServer()
    const u = uploader()
    await u.putFile(s.url('/one'), small.path, opts)
    await u.putFile(s.url('/two'), small.path, opts)
    expect(s.requests).toEqual(['/one', '/two'])
    expect(s.connections()).toBe(1)
  })

  it('sends the body anyway to a host that never answers Expect: 100-continue', async () => {
    const received: Buffer[] = []
    const silent = http.createServer()
    // With a checkContinue listener node sends no 100 Continue by itself; this host reads the body without one.
    silent.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
      void bodyOf(req).then(body => {
        received.push(body)
        res.writeHead(200).end()
      })
    })
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve))
    scratch.defer(() => new Promise<void>(resolve => silent.close(() => resolve())))
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/f?${SECRET_QUERY}`
    expect(await uploader({ continueTimeoutMs: 50 }).putFile(url, small.path, opts)).toEqual({ bytes: SMALL_BYTES, attempts: 1 })
    expect(received).toHaveLength(1)
    expect(received[0]!.equals(small.data)).toBe(true)
  })

  it('streams a 50 MB file: the server gets every byte', async () => {
    const large = path.join(scratch.dir, 'large.zip')
    const data = randomBytes(LARGE_BYTES)
    await writeFile(large, data)
    let received = 0
    const hash = createHash('sha256')
    const s = await server((req, res) => {
      req.on('data', (chunk: Buffer) => {
        received += chunk.length
        hash.update(chunk)
      })
      req.on('end', () => res.writeHead(200).end())
    })
    expect(await uploader().putFile(s.url('/large'), large, opts)).toEqual({ bytes: LARGE_BYTES, attempts: 1 })
    expect(received).toBe(LARGE_BYTES)
    expect(hash.digest('hex')).toBe(sha256(data))
  })
})

describe('uploader: masking and refused addresses', () => {
  it('masks the URL and each credential in it before the first request', async () => {
    const s = await recordingServer()
    const masked: Array<{ secret: string; requestsSoFar: number }> = []
    const u = createUploader({ mask: secret => masked.push({ secret, requestsSoFar: s.requests.length }) })
    scratch.defer(() => u.close())
    const url = s.url('/f')
    await u.putFile(url, small.path, opts)
    expect(masked.map(m => m.secret)).toEqual(expect.arrayContaining([url, '0123456789abcdef0123456789abcdef', 'SECRETTOKEN']))
    expect(masked.every(m => m.requestsSoFar === 0)).toBe(true)
    expect(s.requests).toHaveLength(1)
  })

  it.each([
    ['plain http to another host', 'http://example.com/x?X-Amz-Signature=abcdefabcdef', /over plain http to another machine/],
    ['plain http to a private address', 'http://10.0.0.1/x', /over plain http to another machine/],
    ['file URL', 'file:///etc/passwd', /to a file URL/],
    ['not a URL', 'no-scheme/x?X-Amz-Signature=abcdefabcdef', /upload address of the site's zip is not a valid URL/]
  ])('refuses %s before any request, masking it all the same', async (_label, url, why) => {
    const u = uploader()
    const error = await errorOf(u.putFile(url, small.path, opts))
    expect(error).toBeInstanceOf(UploadError)
    expect(error.message).toMatch(why)
    expect(error.message).not.toContain(url)
    expect(u.masked).toContain(url)
  })

  it('fails before any request when the file is missing or not a file', async () => {
    const s = await recordingServer()
    const missing = await errorOf(uploader().putFile(s.url('/f'), path.join(scratch.dir, 'nope.zip'), opts))
    expect(missing).toBeInstanceOf(UploadError)
    expect(missing.message).toMatch(/Could not read the site's zip \(ENOENT/)
    await mkdir(path.join(scratch.dir, 'folder'))
    const folder = await errorOf(uploader().putFile(s.url('/f'), path.join(scratch.dir, 'folder'), opts))
    expect(folder.message).toBe("Could not upload the site's zip: it is not a file.")
    expect(s.requests).toHaveLength(0)
  })

  it('fails, without retrying, when the file becomes shorter during the upload', async () => {
    const big = path.join(scratch.dir, 'shrinking.zip')
    await writeFile(big, randomBytes(PIECES_BYTES))
    const s = await recordingServer()
    const u = uploader()
    let truncated = false
    // Cut at once, when the connection has taken the first piece: the pieces after the next are read from an empty file.
    const onProgress = (): void => {
      if (truncated) return
      truncated = true
      truncateSync(big, 0)
    }
    const error = await errorOf(u.putFile(s.url('/f'), big, { ...opts, onProgress }))
    expect(error).toBeInstanceOf(UploadError)
    expect(error.message).toMatch(new RegExp(`the site's zip became shorter while it was being uploaded \\(\\d+ of ${PIECES_BYTES} bytes\\)`))
    expect(u.waits).toHaveLength(0)
  })
})

describe('uploader: retries', () => {
  it.each([
    [500, 'InternalError'],
    [503, 'SlowDown'],
    [429, 'TooManyRequests']
  ])('retries HTTP %i (%s) with backoff, sending the whole body again', async (status, code) => {
    const s = await recordingServer((n, res) => {
      if (n <= 2) res.writeHead(status, { 'content-type': 'application/xml' }).end(s3Error(code, 'Please reduce your request rate.'))
      else res.writeHead(200, { etag: '"e7a1"' }).end()
    })
    const u = uploader()
    expect(await u.putFile(s.url('/f'), small.path, opts)).toEqual({ bytes: SMALL_BYTES, attempts: 3, etag: 'e7a1' })
    expect(s.received.map(r => r.body.equals(small.data))).toEqual([true, true, true])
    // full jitter with random() = 0.5: half of 500 ms, then half of 1000 ms
    expect(u.waits).toEqual([250, 500])
    expect(u.logs).toHaveLength(2)
    expect(u.logs[0]).toBe(
      `Uploading the site's zip failed (the upload host answered HTTP ${status} (${code}: "Please reduce your request rate.")); trying again in 0.3 s (attempt 2 of 5).`
    )
  })

  it("retries S3's 400 RequestTimeout (the host stopped waiting for the body)", async () => {
    const s = await recordingServer((n, res) => {
      if (n === 1)
        res.writeHead(400).end(s3Error('RequestTimeout', 'Your socket connection to the server was not read from or written to within the timeout period.'))
      else res.writeHead(200).end()
    })
    expect((await uploader().putFile(s.url('/f'), small.path, opts)).attempts).toBe(2)
  })

  it('retries a refusal that comes before the body without having sent the body (Expect: 100-continue)', async () => {
    const bodyBytes: number[] = []
    const host = http.createServer()
    host.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
      const call = bodyBytes.push(0) - 1
      req.on('data', (chunk: Buffer) => (bodyBytes[call]! += chunk.length))
      if (call === 0) {
        res.writeHead(503).end(s3Error('SlowDown', 'Please reduce your request rate.'))
        return
      }
      res.writeContinue()
      req.on('end', () => res.writeHead(200).end())
    })
    await new Promise<void>(resolve => host.listen(0, '127.0.0.1', resolve))
    scratch.defer(() => {
      host.closeAllConnections()
      return new Promise<void>(resolve => host.close(() => resolve()))
    })
    const url = `http://127.0.0.1:${(host.address() as AddressInfo).port}/f?${SECRET_QUERY}`
    const u = uploader()
    // Which attempt each chunk went out in: the first must send none.
    const attemptOfChunk: number[] = []
    expect((await u.putFile(url, small.path, { ...opts, onProgress: () => attemptOfChunk.push(u.logs.length + 1) })).attempts).toBe(2)
    expect(attemptOfChunk.length).toBeGreaterThan(0)
    expect(attemptOfChunk.every(attempt => attempt === 2)).toBe(true)
    expect(bodyBytes).toEqual([0, SMALL_BYTES])
    expect(u.logs[0]).toMatch(/HTTP 503 \(SlowDown/)
  })

  it('retries a connection reset mid-body, sending the whole body again', async () => {
    const bodies: Buffer[] = []
    let calls = 0
    const s = await server((req, res) => {
      if (++calls === 1) {
        let bytes = 0
        req.on('data', (chunk: Buffer) => {
          bytes += chunk.length
          if (bytes >= 100_000) req.socket.destroy()
        })
        return
      }
      void bodyOf(req).then(body => {
        bodies.push(body)
        res.writeHead(200).end()
      })
    })
    const u = uploader()
    expect((await u.putFile(s.url('/f'), small.path, opts)).attempts).toBe(2)
    expect(bodies).toHaveLength(1)
    expect(bodies[0]!.equals(small.data)).toBe(true)
    expect(u.logs[0]).toMatch(/ECONNRESET|EPIPE|socket hang up/)
    u.logs.forEach(expectNoSecrets)
  })

  it(`gives up after UPLOAD_ATTEMPTS (${UPLOAD_ATTEMPTS}) and says why without the URL`, async () => {
    const s = await recordingServer((_n, res) => res.writeHead(503).end(s3Error('SlowDown', 'Please reduce your request rate.')))
    const u = uploader()
    const error = await errorOf(u.putFile(s.url('/f'), small.path, opts))
    expect(error).toBeInstanceOf(UploadError)
    expect(error.message).toBe(
      `Could not upload the site's zip: the upload host answered HTTP 503 (SlowDown: "Please reduce your request rate."), on all ${UPLOAD_ATTEMPTS} attempts. ` +
        'The upload host seems to be having trouble; re-run the step later.'
    )
    expect(s.received).toHaveLength(UPLOAD_ATTEMPTS)
    expectNoSecrets(error.message)
  })
})

describe('uploader: no retry', () => {
  it('fails on 403 after exactly one request, saying the URL has most likely expired', async () => {
    const s = await recordingServer((_n, res) => res.writeHead(403).end(s3Error('AccessDenied', 'Request has expired')))
    const u = uploader()
    const error = await errorOf(u.putFile(s.url('/f'), small.path, opts))
    expect(error).toBeInstanceOf(UploadError)
    expect(error.message).toBe(
      `The presigned upload URL for the site's zip was refused with 403 Forbidden (AccessDenied: "Request has expired"). ` +
        'It has most likely expired, or it is not valid for this upload; re-run the step to get a fresh one.'
    )
    expect(s.requests).toHaveLength(1)
    expect(u.waits).toHaveLength(0)
  })

  it("quotes only Code and Message of S3's answer: SignatureDoesNotMatch repeats the URL in other elements", async () => {
    const s = await recordingServer((_n, res) =>
      res
        .writeHead(403)
        .end(
          '<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message>' +
            `<CanonicalRequest>PUT /f ${SECRET_QUERY}</CanonicalRequest><SignatureProvided>0123456789abcdef0123456789abcdef</SignatureProvided></Error>`
        )
    )
    const error = await errorOf(uploader().putFile(s.url('/f'), small.path, opts))
    expect(error.message).toMatch(/403 Forbidden \(SignatureDoesNotMatch: "The request signature we calculated/)
    expectNoSecrets(error.message)
  })

  it.each([
    [400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', /One upload can be at most 5 GB/],
    [404, 'NoSuchBucket', 'The specified bucket does not exist', /re-run the step to create a new deployment/],
    [411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.', /a proxy/],
    [400, 'InvalidArgument', 'Something else', /the code above says what the host objects to/]
  ])("fails on HTTP %i %s after one request, naming the status and S3's code", async (status, code, message, hint) => {
    const s = await recordingServer((_n, res) => res.writeHead(status, { 'content-type': 'application/xml' }).end(s3Error(code, message)))
    const error = await errorOf(uploader().putFile(s.url('/f'), small.path, opts))
    expect(error).toBeInstanceOf(UploadError)
    expect(error.message).toContain(`The upload host refused the site's zip with HTTP ${status} (${code}: ${JSON.stringify(message)}).`)
    expect(error.message).toMatch(hint)
    expect(s.requests).toHaveLength(1)
  })

  it("names the status alone when the answer is not S3's XML", async () => {
    const s = await recordingServer((_n, res) =>
      res.writeHead(400, { 'content-type': 'text/html' }).end('<html><body>Bad Request http://127.0.0.1/x</body></html>')
    )
    const error = await errorOf(uploader().putFile(s.url('/f'), small.path, opts))
    expect(error.message).toMatch(/^The upload host refused the site's zip with HTTP 400\. Re-run the step/)
  })
})

describe('uploader: idle timeout', () => {
  /**
   * Long enough that the healthy second attempt never looks idle, however busy the machine (see the
   * same constant in http.test.ts); the stalled attempt waits this long, and no more, for the timeout.
   */
  const IDLE_TIMEOUT_MS = 2_000

  it('abandons an attempt whose host stops reading the body, and sends it all again', async () => {
    const large = path.join(scratch.dir, 'large.zip')
    const data = randomBytes(LARGE_BYTES)
    await writeFile(large, data)
    let calls = 0
    const hashes: string[] = []
    const s = await server((req, res) => {
      if (++calls === 1) {
        req.pause() // and never read, nor answer
        return
      }
      const hash = createHash('sha256')
      req.on('data', (chunk: Buffer) => hash.update(chunk))
      req.on('end', () => {
        hashes.push(hash.digest('hex'))
        res.writeHead(200).end()
      })
    })
    const u = uploader({ idleTimeoutMs: IDLE_TIMEOUT_MS })
    expect(await u.putFile(s.url('/f'), large, opts)).toEqual({ bytes: LARGE_BYTES, attempts: 2 })
    expect(hashes).toEqual([sha256(data)])
    expect(u.logs[0]).toMatch(/^Uploading the site's zip failed \(no data moved for 2 s\)/)
  })

  it('abandons an attempt whose answer never comes, and gives up after all attempts', async () => {
    const s = await server(req => req.resume())
    const u = uploader({ idleTimeoutMs: 100, attempts: 2 })
    const error = await errorOf(u.putFile(s.url('/f'), small.path, opts))
    expect(error).toBeInstanceOf(UploadError)
    expect(error.message).toMatch(/no data moved for 0\.1 s, on all 2 attempts/)
    expect(s.requests).toHaveLength(2)
  })
})

describe('uploader: abort', () => {
  it('rejects with the signal reason mid-body, and drops the connection', async () => {
    const large = path.join(scratch.dir, 'large.zip')
    await writeFile(large, Buffer.alloc(LARGE_BYTES, 1))
    let received = 0
    let gone!: Promise<void>
    // Reads all it gets and never answers.
    const s = await server(req => {
      gone = new Promise(resolve => req.once('close', () => resolve()))
      req.on('data', (chunk: Buffer) => (received += chunk.length))
    })
    const controller = new AbortController()
    const reason = new Error('deadline reached')
    const u = uploader({ idleTimeoutMs: 60_000 })
    const onProgress = (sent: number): void => {
      if (sent >= 1024 * 1024) controller.abort(reason)
    }
    expect(await errorOf(u.putFile(s.url('/f'), large, { ...opts, signal: controller.signal, onProgress }))).toBe(reason)
    await gone
    expect(received).toBeLessThan(LARGE_BYTES)
    expect(s.requests).toHaveLength(1)
    expect(u.waits).toHaveLength(0)
  })

  it('rejects with the signal reason while the host does not read the body', async () => {
    const large = path.join(scratch.dir, 'large.zip')
    await writeFile(large, Buffer.alloc(LARGE_BYTES, 1))
    const s = await server(req => req.pause())
    const controller = new AbortController()
    const reason = new Error('deadline reached')
    const sent: number[] = []
    const u = uploader({ idleTimeoutMs: 60_000 })
    const pending = u.putFile(s.url('/f'), large, { ...opts, signal: controller.signal, onProgress: n => sent.push(n) })
    while (s.requests.length === 0 || sent.length === 0) await new Promise(resolve => setTimeout(resolve, 5))
    controller.abort(reason)
    expect(await errorOf(pending)).toBe(reason)
    expect(sent.at(-1)).toBeLessThan(LARGE_BYTES)
    expect(s.requests).toHaveLength(1)
  })

  it('stops retrying when aborted during the backoff; an aborted signal starts no upload', async () => {
    const s = await recordingServer((_n, res) => res.writeHead(503).end())
    const controller = new AbortController()
    const reason = new Error('cancelled')
    const u = uploader({ sleep: async () => void controller.abort(reason) })
    const upload = () => u.putFile(s.url('/f'), small.path, { ...opts, signal: controller.signal })
    expect(await errorOf(upload())).toBe(reason)
    expect(s.requests).toHaveLength(1)
    expect(await errorOf(upload())).toBe(reason)
    expect(s.requests).toHaveLength(1)
  })
})

describe('uploader: through a proxy', () => {
  let proxy: TestProxy

  beforeEach(async () => {
    proxy = await startTestProxy()
    scratch.defer(() => proxy.close())
  })

  it('sends a plain-http PUT to the proxy in absolute form', async () => {
    const s = await recordingServer()
    const u = uploader({ proxy: readProxySettings({ HTTP_PROXY: proxy.url, NO_PROXY: 'x.invalid' }) })
    expect(await u.putFile(s.url('/bucket/deployment.zip'), small.path, opts)).toEqual({ bytes: SMALL_BYTES, attempts: 1, etag: 'e7a1' })
    expect(proxy.requests).toEqual([expect.objectContaining({ kind: 'forward', method: 'PUT', path: `/bucket/deployment.zip?${SECRET_QUERY}` })])
    expect(s.received[0]!.body.equals(small.data)).toBe(true)
    expect(s.received[0]!.headers['content-length']).toBe(String(SMALL_BYTES))
  })

  it('tunnels an https PUT through CONNECT: the proxy sees host and port, never the URL', async () => {
    const certificate = makeTestCertificate()
    const received: Buffer[] = []
    const host = https.createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
      void bodyOf(req).then(body => {
        received.push(body)
        res.writeHead(200, { etag: '"abc"' }).end()
      })
    })
    await new Promise<void>(resolve => host.listen(0, '127.0.0.1', resolve))
    scratch.defer(() => {
      host.closeAllConnections()
      return new Promise<void>(resolve => host.close(() => resolve()))
    })
    const authority = `localhost:${(host.address() as AddressInfo).port}`
    const u = uploader({ proxy: readProxySettings({ HTTPS_PROXY: proxy.url, NO_PROXY: 'x.invalid' }), ca: certificate.cert })
    expect(await u.putFile(`https://${authority}/bucket/deployment.zip?${SECRET_QUERY}`, small.path, opts)).toEqual({
      bytes: SMALL_BYTES,
      attempts: 1,
      etag: 'abc'
    })
    expect(proxy.requests).toEqual([{ kind: 'connect', target: authority, method: 'CONNECT', credentials: undefined }])
    expect(received).toHaveLength(1)
    expect(received[0]!.equals(small.data)).toBe(true)
  })

  it('fails at once when the proxy wants credentials (407)', async () => {
    proxy.refuseWith = 407
    const s = await recordingServer()
    const u = uploader({ proxy: readProxySettings({ HTTP_PROXY: proxy.url, NO_PROXY: 'x.invalid' }) })
    const error = await errorOf(u.putFile(s.url('/f'), small.path, opts))
    expect(error.message).toMatch(/^The proxy asked for credentials \(407 Proxy Authentication Required\) to upload the site's zip/)
    expect(proxy.requests).toHaveLength(1)
    expect(s.requests).toHaveLength(0)
  })
})

describe("uploader against the emulator's presigned PUT", () => {
  const APP = 'd6uploader'
  const BRANCH = 'main'
  const env = amplifyEmulator()

  async function zipUploadUrl(): Promise<string> {
    return (await env.client.send(new CreateDeploymentCommand({ appId: APP, branchName: BRANCH }))).zipUploadUrl as string
  }
  const md5 = (data: Buffer): string => createHash('md5').update(data).digest('hex')

  it('is stored with its MD5 as the ETag, where a chunked PUT of the same file gets 411', async () => {
    const url = await zipUploadUrl()
    const chunked = await httpPut(url, small.data, { chunked: true, headers: { 'content-type': 'application/zip' } })
    expect(chunked.status).toBe(411)
    expect(chunked.body.toString()).toContain('<Code>MissingContentLength</Code>')

    const u = uploader()
    expect(await u.putFile(url, small.path, opts)).toEqual({ bytes: SMALL_BYTES, attempts: 1, etag: md5(small.data) })
    const [refused, taken] = env.emulator.callsOf('Upload')
    expect(refused?.headers['transfer-encoding']).toBe('chunked')
    expect([taken?.status, taken?.bytes, taken?.headers['transfer-encoding'], taken?.headers['content-length']]).toEqual([
      200,
      SMALL_BYTES,
      undefined,
      String(SMALL_BYTES)
    ])
    expect(env.emulator.deployments(APP)[0]?.upload).toEqual({ bytes: SMALL_BYTES, md5: md5(small.data), contentType: 'application/zip' })
    expect(u.masked).toContain(url)
  })

  it('gets past a reset and a 503 SlowDown, sending the whole body each time after the reset', async () => {
    env.emulator.setScenario({ upload: { resetTimes: 1, resetAfterBytes: 64 * 1024, failStatus: 503, failTimes: 2 } }, APP)
    const url = await zipUploadUrl()
    const u = uploader()
    expect(await u.putFile(url, small.path, opts)).toEqual({ bytes: SMALL_BYTES, attempts: 3, etag: md5(small.data) })
    const calls = env.emulator.callsOf('Upload').map(r => [r.status, r.fault ?? null, r.bytes === SMALL_BYTES])
    expect(calls).toEqual([
      [0, 'reset', false],
      [503, 'status503', true],
      [200, null, true]
    ])
    expect(u.logs.map(line => /failed \((.*)\); trying/.exec(line)?.[1]?.replace(/\(.*/, ''))).toEqual([
      expect.stringMatching(/ECONNRESET|EPIPE|socket hang up/),
      'the upload host answered HTTP 503 '
    ])
    expect(env.emulator.deployments(APP)[0]?.upload?.md5).toBe(md5(small.data))
    u.logs.forEach(expectNoSecrets)
  })

  it.each([
    ['refused', () => env.emulator.setScenario({ upload: { failStatus: 403 } }, APP), /403 Forbidden \(AccessDenied/],
    ['expired', () => env.emulator.expireUrls(APP), /403 Forbidden \(AccessDenied: "Request has expired"\)/]
  ])('fails at once when the URL is %s (403)', async (_label, arrange, why) => {
    const url = await zipUploadUrl()
    arrange()
    const u = uploader()
    const error = await errorOf(u.putFile(url, small.path, opts))
    expect(error).toBeInstanceOf(UploadError)
    expect(error.message).toMatch(why)
    expect(error.message).toMatch(/re-run the step to get a fresh one/)
    expect(env.emulator.callsOf('Upload')).toHaveLength(1)
    expect(u.waits).toHaveLength(0)
    for (const signature of env.emulator.issuedSignatures) expect(error.message).not.toContain(signature)
  })
})
