/**
 * Downloads presigned URLs with node's own http/https modules: keep-alive sockets shared by all
 * downloads, retries with backoff on whatever is transient, an idle timeout per attempt, size caps,
 * and no URL in any message (the query string holds credentials).
 */
import { createHash } from 'node:crypto'
import { open, unlink } from 'node:fs/promises'
import * as http from 'node:http'
import * as https from 'node:https'
import { Transform, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import * as zlib from 'node:zlib'
import { ActionError, DownloadError, UnsafeContentError } from '../errors.js'
import { DOWNLOAD_ATTEMPTS, DOWNLOAD_CONCURRENCY, MAX_REDIRECTS } from './limits.js'
import { fileSink } from './file-sink.js'
import { describeError, idleTimer, networkFailure, RetryableFailure, retryAfterMs, withRetries } from './retry.js'
import { acceptUrl, closeAgents, type TransportOptions, type TransportSettings, transportSettings, type UrlWording, USER_AGENT, viaProxy } from './transport.js'
import { type ByteRange, type DownloadOptions, type DownloadResult, type Downloader, RangeNotSupportedError } from './types.js'

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

const DOWNLOAD_URL: UrlWording = { verb: 'download', preposition: 'from', error: DownloadError }

export interface DownloaderOptions extends TransportOptions {
  /** Sockets per host; downloads beyond it wait for a free socket. */
  concurrency?: number
}

export type ClosableDownloader = Downloader & {
  /** Closes the idle keep-alive sockets so the process can exit. */
  close(): void
}

/** Writing to disk failed: not the network, so no retry. */
class SinkError extends Error {
  constructor(readonly original: unknown) {
    super('write failed')
  }
}

export function createDownloader(options: DownloaderOptions = {}): ClosableDownloader {
  const settings = transportSettings(options, { attempts: DOWNLOAD_ATTEMPTS, maxSockets: options.concurrency ?? DOWNLOAD_CONCURRENCY })
  return {
    toFile: (url, destination, opts) => toFile(settings, url, destination, opts),
    toBuffer: (url, opts) => toBuffer(settings, url, opts),
    toSink: (url, createSink, opts) => toSink(settings, url, createSink, opts),
    close: () => closeAgents(settings)
  }
}

async function toFile(s: TransportSettings, url: string, destination: string, opts: DownloadOptions): Promise<DownloadResult> {
  opts.signal?.throwIfAborted()
  const target = acceptUrl(s, url, opts.what, DOWNLOAD_URL)
  const file = await open(destination, opts.exclusive === true ? 'wx' : 'w').catch((error: unknown) => {
    throw new DownloadError(`Could not create the file for ${opts.what} (${describeError(error)}).`)
  })
  let done = false
  try {
    const result = await withDownloadRetries(s, opts, async () => {
      await file.truncate(0)
      const hash = opts.hash === false ? undefined : createHash('sha256')
      let bytes = 0
      await attemptOnce(s, target, opts, () =>
        fileSink(file, {
          onChunk: chunk => {
            hash?.update(chunk)
            bytes += chunk.length
          },
          wrapError: error => new SinkError(error)
        })
      )
      return { bytes, sha256: hash?.digest('hex') ?? '' }
    })
    done = true
    return result
  } finally {
    await file.close()
    // A half-written file must not pass for a result.
    if (!done) await unlink(destination).catch(() => undefined)
  }
}

async function toBuffer(s: TransportSettings, url: string, opts: DownloadOptions): Promise<Buffer> {
  opts.signal?.throwIfAborted()
  const target = acceptUrl(s, url, opts.what, DOWNLOAD_URL)
  return withDownloadRetries(s, opts, async () => {
    const chunks: Buffer[] = []
    await attemptOnce(s, target, opts, () => {
      return new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunks.push(chunk)
          callback()
        }
      })
    })
    return Buffer.concat(chunks)
  })
}

async function toSink(s: TransportSettings, url: string, createSink: () => NodeJS.WritableStream, opts: DownloadOptions): Promise<void> {
  opts.signal?.throwIfAborted()
  const target = acceptUrl(s, url, opts.what, DOWNLOAD_URL)
  await withDownloadRetries(s, opts, () => attemptOnce(s, target, opts, createSink))
}

function withDownloadRetries<T>(s: TransportSettings, opts: DownloadOptions, run: () => Promise<T>): Promise<T> {
  return withRetries(
    s,
    opts.signal,
    {
      doing: `Downloading ${opts.what}`,
      gaveUp: (reason, attempts) =>
        new DownloadError(
          `Could not download ${opts.what}: ${reason}, on all ${attempts} attempts. The file host seems to be having trouble; re-run the step later.`
        )
    },
    run
  )
}

/**
 * One attempt: request (following redirects), check the answer, stream the body through the size
 * checks into a fresh sink. Throws RetryableFailure for what another attempt may fix, an ActionError
 * for what it cannot, and the caller's abort reason when the signal fires.
 */
async function attemptOnce(s: TransportSettings, url: URL, opts: DownloadOptions, createSink: () => NodeJS.WritableStream): Promise<void> {
  const outer = opts.signal
  // Aborted by the idle timer, and to drop whatever is left of a failed attempt. Combined with the
  // caller's signal through AbortSignal.any, which adds no listener to it: parallel downloads on
  // one signal would otherwise trip node's MaxListenersExceededWarning.
  const local = new AbortController()
  const signal = outer === undefined ? local.signal : AbortSignal.any([outer, local.signal])
  const idle = idleTimer(s.idleTimeoutMs, failure => local.abort(failure), 'no data arrived')
  const stillAlive = idle.touch
  let counted = 0
  try {
    const range = opts.range?.()
    const response = await openResponse(s, url, opts.what, signal, stillAlive, range)
    const decoder = range === undefined ? checkResponse(response, opts) : checkRangeResponse(response, range, opts)
    const declared = contentLength(response)
    let received = 0
    const networkMeter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        stillAlive()
        received += chunk.length
        callback(null, chunk)
      }
    })
    const sizeGuard = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        if (counted + chunk.length > opts.maxBytes) {
          callback(tooLarge(opts, `more than ${opts.maxBytes}`))
          return
        }
        try {
          opts.onBytes?.(chunk.length)
        } catch (error) {
          callback(error as Error)
          return
        }
        counted += chunk.length
        callback(null, chunk)
      }
    })
    const stages: NodeJS.ReadWriteStream[] = decoder === undefined ? [networkMeter] : [networkMeter, decoder]
    await pipeline([response, ...stages, sizeGuard, createSink()], { signal })
    if (declared !== undefined && received < declared) {
      throw new RetryableFailure(`the connection ended after ${received} of ${declared} bytes`)
    }
  } catch (error) {
    const reason: unknown = signal.aborted ? signal.reason : error
    // Whatever is still open of this attempt (a socket mid-body) goes; the next one starts afresh.
    local.abort()
    if (counted > 0 && opts.onBytes !== undefined) opts.onBytes(-counted)
    if (outer?.aborted === true) throw outer.reason
    throw classify(reason, opts.what)
  } finally {
    idle.stop()
  }
}

/** Requests `url`, following at most MAX_REDIRECTS redirects that keep the scheme. */
async function openResponse(
  s: TransportSettings,
  url: URL,
  what: string,
  signal: AbortSignal,
  onActivity: () => void,
  range?: ByteRange
): Promise<http.IncomingMessage> {
  let current = url
  for (let redirects = 0; ; redirects++) {
    const response = await request(s, current, signal, onActivity, range)
    const status = response.statusCode ?? 0
    if (!REDIRECT_STATUSES.has(status)) return response
    response.resume()
    const location = response.headers.location
    if (location === undefined || location === '') {
      throw new DownloadError(`The host of ${what} answered with a redirect (HTTP ${status}) that names no target.`)
    }
    if (redirects >= MAX_REDIRECTS) {
      throw new DownloadError(
        `The download of ${what} was redirected more than ${MAX_REDIRECTS} times; the host is probably in a redirect loop. Re-run the step later.`
      )
    }
    let next: URL
    try {
      next = new URL(location, current)
    } catch {
      throw new DownloadError(`The host of ${what} redirected to an address that is not a valid URL.`)
    }
    if (next.protocol !== current.protocol) {
      throw new DownloadError(
        `Refusing a redirect of ${what} from ${current.protocol.slice(0, -1)} to ${next.protocol.slice(0, -1)}: ` + 'a presigned download must keep its scheme.'
      )
    }
    current = acceptUrl(s, next.href, what, DOWNLOAD_URL)
  }
}

function request(s: TransportSettings, url: URL, signal: AbortSignal, onActivity: () => void, range?: ByteRange): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'user-agent': USER_AGENT }
    if (range !== undefined) headers.range = 'suffix' in range ? `bytes=-${range.suffix}` : `bytes=${range.start}-${range.end - 1}`
    const req =
      url.protocol === 'https:'
        ? https.get(url, { signal, headers, agent: s.agents['https:'] }, resolve)
        : http.get(url, { signal, ...viaProxy(s, url, headers), agent: s.agents['http:'] }, resolve)
    req.on('error', reject)
    // The idle clock starts once the request has a socket, so waiting for a free one does not count.
    req.on('socket', onActivity)
  })
}

/**
 * A host that ignores Range (it sends the whole body with 200) or answers one that cannot be used:
 * the caller fetches the whole body another way. Never retried.
 */
/**
 * The answer to a Range request: 206 with the Content-Range asked for and no content encoding.
 * 200 (the whole body) and 416 fail with RangeNotSupportedError; other statuses as checkResponse.
 */
function checkRangeResponse(response: http.IncomingMessage, range: ByteRange, opts: DownloadOptions): undefined {
  const status = response.statusCode ?? 0
  if (status === 200 || status === 416) {
    response.destroy()
    throw new RangeNotSupportedError(status)
  }
  if (status !== 206) {
    checkResponse(response, opts)
    return undefined
  }
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec((response.headers['content-range'] ?? '').trim())
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase()
  const got = match ? { start: Number(match[1]), end: Number(match[2]) + 1, total: Number(match[3]) } : undefined
  const expected =
    got === undefined
      ? false
      : 'suffix' in range
        ? got.end === got.total && got.total - got.start === Math.min(range.suffix, got.total)
        : got.start === range.start && got.end === Math.min(range.end, got.total)
  if (!expected || (encoding !== 'identity' && encoding !== '')) {
    response.destroy()
    throw new RangeNotSupportedError(status)
  }
  const declared = contentLength(response)
  if (declared !== undefined && declared > opts.maxBytes) {
    response.destroy()
    throw tooLarge(opts, String(declared))
  }
  opts.onRange?.(got!)
  return undefined
}

/** Fails on every answer but 200; returns the decoder for the body's content encoding, if any. */
function checkResponse(response: http.IncomingMessage, opts: DownloadOptions): Transform | undefined {
  const status = response.statusCode ?? 0
  if (status !== 200) response.destroy()
  if (status === 403) {
    throw new DownloadError(
      `The presigned URL for ${opts.what} was refused with 403 Forbidden. It has most likely expired ` +
        'because the job finished too long ago; re-run the step to get fresh URLs.'
    )
  }
  if (status === 407) {
    throw new DownloadError(
      `The proxy asked for credentials (407 Proxy Authentication Required) to fetch ${opts.what}. ` +
        'Put its user and password in HTTP_PROXY / HTTPS_PROXY (http://user:password@host:port).'
    )
  }
  if (status === 404) {
    throw new DownloadError(`The file host has no ${opts.what} (404 Not Found); the job's files may have been removed. Re-run the step.`)
  }
  if (status === 429 || status >= 500) {
    throw new RetryableFailure(`the file host answered HTTP ${status}`, retryAfterMs(response.headers['retry-after']))
  }
  if (status !== 200) {
    throw new DownloadError(`The file host refused ${opts.what} with HTTP ${status}. Re-run the step.`)
  }
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase()
  switch (encoding) {
    case '':
    case 'identity':
      break
    // S3 serves an object with the Content-Encoding it was stored with, whatever the request asks.
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip()
    case 'deflate':
      return zlib.createInflate()
    case 'br':
      return zlib.createBrotliDecompress()
    default:
      response.destroy()
      throw new DownloadError(`The file host sent ${opts.what} with the content encoding "${encoding}", which the action cannot decode.`)
  }
  const declared = contentLength(response)
  if (declared !== undefined && declared > opts.maxBytes) {
    response.destroy()
    throw tooLarge(opts, String(declared))
  }
  return undefined
}

function contentLength(response: http.IncomingMessage): number | undefined {
  const header = response.headers['content-length']
  if (header === undefined || !/^\d+$/.test(header.trim())) return undefined
  // With a content encoding the header counts the encoded bytes; it still tells a truncation.
  return Number(header.trim())
}

function tooLarge(opts: DownloadOptions, size: string): UnsafeContentError {
  return new UnsafeContentError(
    `Refusing ${opts.what}: it is ${size} bytes, and at most ${opts.maxBytes} are allowed. ` +
      'Nothing was written; a file this large is not something the job should produce.'
  )
}

/** Turns whatever one attempt threw into a RetryableFailure or a user-facing ActionError. */
function classify(error: unknown, what: string): Error {
  if (error instanceof RetryableFailure || error instanceof ActionError || error instanceof RangeNotSupportedError) return error
  if (error instanceof SinkError) {
    return new DownloadError(`Could not write ${what} to disk (${describeError(error.original)}). Check the free space and permissions of the workspace.`)
  }
  return networkFailure(error) ?? new DownloadError(`Could not download ${what}: ${describeError(error)}. Re-run the step.`)
}
