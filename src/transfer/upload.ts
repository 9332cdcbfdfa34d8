/**
 * Uploads a file to a presigned URL (a manual deployment's zipUploadUrl) the way S3 takes it: one
 * PUT with an exact Content-Length, never a chunked body (S3 refuses one with 411), the body
 * streamed from the file afresh at each attempt. Shares the downloader's ways: keep-alive agents
 * through the proxy, retries with backoff on what is transient (network errors, 5xx, 429), an idle
 * timeout per attempt, and no URL in any message.
 */
import { open, stat } from 'node:fs/promises'
import * as http from 'node:http'
import * as https from 'node:https'
import { ActionError, UploadError, quote } from '../errors.js'
import { unlessAborted } from '../stop-signal.js'
import { UPLOAD_ATTEMPTS, UPLOAD_CONTINUE_TIMEOUT_MS } from './limits.js'
import { describeError, idleTimer, networkFailure, RetryableFailure, retryAfterMs, withoutUrls, withRetries } from './retry.js'
import { acceptUrl, closeAgents, type TransportOptions, type TransportSettings, transportSettings, type UrlWording, USER_AGENT, viaProxy } from './transport.js'
import type { UploadOptions, UploadResult, Uploader } from './types.js'

const UPLOAD_URL: UrlWording = { verb: 'upload', preposition: 'to', error: UploadError }

/**
 * Bytes read from the file at a time (the step of onProgress), into one of READ_BUFFERS buffers
 * reused for the whole attempt: what an upload holds in memory. Measured (a 43 MB zip to the
 * emulator, Node 24, 2 CPUs): a read stream's 64 KiB chunks, a new buffer each, took 210 to 300 ms
 * and left the zip's size in garbage; curl -T 150 to 210 ms. Every read is a trip through the
 * thread pool; a few dozen large ones cost less than hundreds of small ones.
 */
const READ_CHUNK_BYTES = 1024 * 1024
const READ_BUFFERS = 2

/** What is kept of an error answer: S3's <Error> document is a few hundred bytes. */
const MAX_ERROR_BODY_BYTES = 16 * 1024

/** How much of S3's <Message> a message quotes. */
const MAX_QUOTED_MESSAGE_CHARS = 200

/** S3's answer to a request whose body stopped coming for a while (HTTP 400): the next attempt may do better. */
const TRANSIENT_S3_CODES = new Set(['RequestTimeout'])

/** What to do about an S3 refusal other than 403, by its code. */
const HINTS: Record<string, string> = {
  EntityTooLarge: 'One upload can be at most 5 GB; make the site smaller.',
  MissingContentLength: 'Something between the runner and the host (a proxy) changed the request; upload without it or fix its settings.',
  NoSuchBucket: 'The upload location is gone; re-run the step to create a new deployment.',
  NoSuchKey: 'The upload location is gone; re-run the step to create a new deployment.'
}

export interface UploaderOptions extends TransportOptions {
  /** How long to wait for `100 Continue` before sending the body anyway (tests shorten it). */
  continueTimeoutMs?: number
}

export type ClosableUploader = Uploader & {
  /** Closes the idle keep-alive sockets so the process can exit. */
  close(): void
}

interface Settings extends TransportSettings {
  continueTimeoutMs: number
}

/** Reading the file failed: not the network, so no retry. */
class SourceError extends Error {
  constructor(readonly original: unknown) {
    super('read failed')
  }
}

export function createUploader(options: UploaderOptions = {}): ClosableUploader {
  const settings: Settings = {
    ...transportSettings(options, { attempts: UPLOAD_ATTEMPTS }),
    continueTimeoutMs: options.continueTimeoutMs ?? UPLOAD_CONTINUE_TIMEOUT_MS
  }
  return {
    putFile: (url, file, opts) => putFile(settings, url, file, opts),
    close: () => closeAgents(settings)
  }
}

async function putFile(s: Settings, url: string, file: string, opts: UploadOptions): Promise<UploadResult> {
  const target = acceptUrl(s, url, opts.what, UPLOAD_URL)
  opts.signal?.throwIfAborted()
  const size = await sizeOf(file, opts.what)
  let attempts = 0
  const etag = await withRetries(
    s,
    opts.signal,
    {
      doing: `Uploading ${opts.what}`,
      gaveUp: (reason, tries) =>
        new UploadError(
          `Could not upload ${opts.what}: ${reason}, on all ${tries} attempts. The upload host seems to be having trouble; re-run the step later.`
        )
    },
    n => {
      attempts = n
      return attemptOnce(s, target, file, size, opts)
    }
  )
  return { bytes: size, attempts, ...(etag !== undefined ? { etag } : {}) }
}

async function sizeOf(file: string, what: string): Promise<number> {
  const stats = await stat(file).catch((error: unknown) => {
    throw new UploadError(`Could not read ${what} (${describeError(error)}).`)
  })
  if (!stats.isFile()) throw new UploadError(`Could not upload ${what}: it is not a file.`)
  return stats.size
}

/**
 * One attempt: the request head, the body from the file once the host says continue, the answer.
 * Resolves with the ETag of a 2xx answer; throws RetryableFailure for what another attempt may fix,
 * an ActionError for what it cannot, and the caller's abort reason when the signal fires.
 */
async function attemptOnce(s: Settings, url: URL, file: string, size: number, opts: UploadOptions): Promise<string | undefined> {
  const outer = opts.signal
  // Aborted by the idle timer, and to drop whatever is left of a failed attempt (a request whose
  // body is half sent). AbortSignal.any adds no listener to the caller's signal.
  const local = new AbortController()
  const signal = outer === undefined ? local.signal : AbortSignal.any([outer, local.signal])
  const idle = idleTimer(s.idleTimeoutMs, failure => local.abort(failure), 'no data moved')
  try {
    const req = startRequest(s, url, size, opts.contentType, signal, idle.touch)
    const answered = new Promise<http.IncomingMessage>((resolve, reject) => {
      req.once('response', resolve)
      req.on('error', reject)
    })
    const sending = sendBody(s, req, file, size, opts, signal, idle.touch)
    // A refusal may come before the whole body went out (S3 answers an expired URL at once): the
    // answer decides then, whatever happens to the rest of the body.
    const response = await Promise.race([answered, sending.then(() => answered)])
    idle.touch()
    const status = response.statusCode ?? 0
    const body = await readAnswer(response, status >= 200 && status < 300 ? 0 : MAX_ERROR_BODY_BYTES, idle.touch)
    if (status < 200 || status >= 300) throw refusal(status, body, response, opts.what)
    if ((await sending) !== size) {
      throw new UploadError(`The upload host answered HTTP ${status} before it had all of ${opts.what}; this is not a host the action can upload to.`)
    }
    return etagOf(response)
  } catch (error) {
    const reason: unknown = signal.aborted ? signal.reason : error
    // Whatever is still open of this attempt (a body half sent) goes; the next one starts afresh.
    local.abort()
    if (outer?.aborted === true) throw outer.reason
    throw classify(reason, opts.what)
  } finally {
    idle.stop()
  }
}

/** The PUT's head: exact Content-Length (so never chunked), asking for 100 Continue before a body. */
function startRequest(s: Settings, url: URL, size: number, contentType: string, signal: AbortSignal, onSocket: () => void): http.ClientRequest {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, 'content-type': contentType, 'content-length': String(size) }
  if (size > 0) headers.expect = '100-continue'
  const req =
    url.protocol === 'https:'
      ? https.request(url, { method: 'PUT', signal, headers, agent: s.agents['https:'] })
      : http.request(url, { method: 'PUT', signal, ...viaProxy(s, url, headers), agent: s.agents['http:'] })
  // The idle clock starts once the request has a socket.
  req.on('socket', onSocket)
  return req
}

/**
 * Sends the file as the request's body once the host says continue (or does not answer that);
 * resolves with the bytes sent, which fall short of `size` only when a final answer came first.
 * The file is read in READ_CHUNK_BYTES pieces into READ_BUFFERS buffers taken in turn, a buffer read
 * into again only once the connection has taken what it held (its write's callback): the memory
 * of an upload is those buffers whatever the zip's size, and reading one piece overlaps sending
 * the other. A piece counts as progress once the connection has taken it, so a host that stops
 * reading the body looks idle.
 */
async function sendBody(
  s: Settings,
  req: http.ClientRequest,
  file: string,
  size: number,
  opts: UploadOptions,
  signal: AbortSignal,
  onActivity: () => void
): Promise<number> {
  let sent = 0
  if (size > 0) {
    if (!(await mayContinue(req, s.continueTimeoutMs)) || signal.aborted) return sent
    onActivity()
    const source = await open(file, 'r').catch((error: unknown) => {
      throw new SourceError(error)
    })
    try {
      const buffers = Array.from({ length: READ_BUFFERS }, () => Buffer.allocUnsafeSlow(Math.min(READ_CHUNK_BYTES, size)))
      const taken: Array<Promise<void>> = buffers.map(() => Promise.resolve())
      let confirmed = 0
      for (let turn = 0; sent < size; turn = (turn + 1) % buffers.length) {
        await unlessAborted(taken[turn]!, signal)
        const buffer = buffers[turn]!
        // Bounded by the size announced: a file that grows meanwhile cannot overrun it.
        const { bytesRead } = await source.read(buffer, 0, Math.min(buffer.length, size - sent), sent).catch((error: unknown) => {
          throw new SourceError(error)
        })
        if (bytesRead === 0) break
        signal.throwIfAborted()
        taken[turn] = new Promise<void>((resolve, reject) =>
          req.write(buffer.subarray(0, bytesRead), error => {
            if (error) return reject(error)
            // The attempt was given up meanwhile: this is no progress of the upload.
            if (signal.aborted) return reject(signal.reason)
            confirmed += bytesRead
            onActivity()
            opts.onProgress?.(confirmed, size)
            resolve()
          })
        )
        // Awaited in its turn; until then a failed write must not count as unhandled.
        taken[turn]!.catch(() => undefined)
        sent += bytesRead
      }
      await unlessAborted(Promise.all(taken), signal)
    } finally {
      await source.close()
    }
    if (sent !== size) {
      throw new UploadError(`${opts.what} became shorter while it was being uploaded (${sent} of ${size} bytes); nothing may change it until the upload ends.`)
    }
  }
  req.end()
  return sent
}

/**
 * Waits for the host's 100 Continue: true to send the body then, or after `ms` without an answer
 * (a host that ignores Expect); false when a final answer came first, or the request ended.
 */
function mayContinue(req: http.ClientRequest, ms: number): Promise<boolean> {
  return new Promise(resolve => {
    const settle = (go: boolean) => () => {
      clearTimeout(timer)
      req.off('continue', onContinue).off('response', onAnswer).off('close', onAnswer)
      resolve(go)
    }
    const onContinue = settle(true)
    const onAnswer = settle(false)
    const timer = setTimeout(onContinue, ms)
    req.once('continue', onContinue).once('response', onAnswer).once('close', onAnswer)
  })
}

/** Reads the answer's body to its end (so the socket can serve again), keeping its first `keep` bytes. */
async function readAnswer(response: http.IncomingMessage, keep: number, onActivity: () => void): Promise<Buffer> {
  const kept: Buffer[] = []
  let length = 0
  for await (const chunk of response as AsyncIterable<Buffer>) {
    onActivity()
    if (length < keep) {
      kept.push(chunk.subarray(0, keep - length))
      length += Math.min(chunk.length, keep - length)
    }
  }
  return Buffer.concat(kept)
}

/** The error an answer other than 2xx ends the attempt with. */
function refusal(status: number, body: Buffer, response: http.IncomingMessage, what: string): Error {
  const s3 = s3Error(body)
  const said = s3.code === undefined ? '' : ` (${s3.code}${s3.message === undefined ? '' : `: ${quote(s3.message)}`})`
  if (status === 403) {
    return new UploadError(
      `The presigned upload URL for ${what} was refused with 403 Forbidden${said}. It has most likely expired, or it is not ` +
        'valid for this upload; re-run the step to get a fresh one.'
    )
  }
  if (status === 407) {
    return new UploadError(
      `The proxy asked for credentials (407 Proxy Authentication Required) to upload ${what}. ` +
        'Put its user and password in HTTP_PROXY / HTTPS_PROXY (http://user:password@host:port).'
    )
  }
  if (status === 429 || status === 408 || status >= 500 || (s3.code !== undefined && TRANSIENT_S3_CODES.has(s3.code))) {
    return new RetryableFailure(`the upload host answered HTTP ${status}${said}`, retryAfterMs(response.headers['retry-after']))
  }
  const hint = (s3.code !== undefined ? HINTS[s3.code] : undefined) ?? 'Re-run the step; if it fails again, the code above says what the host objects to.'
  return new UploadError(`The upload host refused ${what} with HTTP ${status}${said}. ${hint}`)
}

/**
 * Code and Message of S3's `<Error>` answer, when the body is one. Only these two are read: the rest
 * of a SignatureDoesNotMatch answer (the string to sign, the canonical request) repeats the URL.
 */
function s3Error(body: Buffer): { code?: string; message?: string } {
  const text = body.toString('utf8')
  if (!/<Error>/.test(text)) return {}
  const code = /<Code>([A-Za-z0-9.]{1,64})<\/Code>/.exec(text)?.[1]
  const raw = /<Message>([^<]{1,2000})<\/Message>/.exec(text)?.[1]
  const message = raw === undefined ? undefined : withoutUrls(unescapeXml(raw)).slice(0, MAX_QUOTED_MESSAGE_CHARS)
  return { ...(code !== undefined ? { code } : {}), ...(message !== undefined ? { message } : {}) }
}

function unescapeXml(text: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]!)
}

/** The ETag without its quotes (S3: the body's hex MD5), or undefined. */
function etagOf(response: http.IncomingMessage): string | undefined {
  const etag = response.headers.etag?.trim()
  if (etag === undefined || etag === '') return undefined
  return /^(?:W\/)?"(.*)"$/.exec(etag)?.[1] ?? etag
}

/** Turns whatever one attempt threw into a RetryableFailure or a user-facing ActionError. */
function classify(error: unknown, what: string): Error {
  if (error instanceof RetryableFailure || error instanceof ActionError) return error
  if (error instanceof SourceError) {
    return new UploadError(`Could not read ${what} while uploading it (${describeError(error.original)}).`)
  }
  return networkFailure(error) ?? new UploadError(`Could not upload ${what}: ${describeError(error)}. Re-run the step.`)
}
