/**
 * Serves presigned URLs like S3 does (Content-Length, ETag, Range, XML errors, keep-alive) and
 * injects the download faults of the scenario: latency, error statuses, slow bodies, bodies cut
 * short, stalls and reset connections.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { RequestContext } from './http.js'
import { type ObjectBody, type PresignStore, hasExpired } from './presign.js'
import type { ScenarioStore } from './scenarios.js'
import { sleep } from './sleep.js'
import type { DownloadFaults } from './types.js'

const CHUNK_BYTES = 64 * 1024
/** How often a paced (bytesPerSecond) body is topped up. */
const PACE_TICK_MS = 50

const S3_ERRORS: Record<number, { code: string; message: string }> = {
  403: { code: 'AccessDenied', message: 'Access Denied' },
  404: { code: 'NoSuchKey', message: 'The specified key does not exist.' },
  429: { code: 'TooManyRequests', message: 'Please reduce your request rate.' },
  500: { code: 'InternalError', message: 'We encountered an internal error. Please try again.' },
  503: { code: 'SlowDown', message: 'Please reduce your request rate.' }
}

export const SIGNATURE_MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'

export interface DownloadDeps {
  presign: PresignStore
  scenarios: ScenarioStore
  /** Aborted when the emulator closes, to end stalls and pauses. */
  signal: AbortSignal
}

export function s3Headers(extra: Record<string, string | number>): Record<string, string | number> {
  return {
    'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(),
    'x-amz-id-2': randomBytes(48).toString('base64'),
    date: new Date().toUTCString(),
    server: 'AmazonS3',
    ...extra
  }
}

export function sendS3Error(ctx: Pick<RequestContext, 'res' | 'record'>, status: number, code?: string, message?: string): void {
  const known = S3_ERRORS[status] ?? { code: 'InternalError', message: 'Error' }
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code ?? known.code}</Code><Message>${message ?? known.message}</Message>` +
    `<RequestId>${randomBytes(8).toString('hex').toUpperCase()}</RequestId>` +
    `<HostId>${randomBytes(48).toString('base64')}</HostId></Error>`
  const body = Buffer.from(xml, 'utf8')
  ctx.record.status = status
  ctx.res.writeHead(status, s3Headers({ 'content-type': 'application/xml', 'content-length': body.length }))
  ctx.res.end(body)
}

function bodySize(body: ObjectBody): number {
  return 'data' in body ? body.data.length : body.size
}

/** A single `bytes=a-b`, `bytes=a-` or `bytes=-n` range, or undefined for the whole object. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'invalid' | undefined {
  if (!header) return undefined
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match) return undefined // S3 ignores ranges it cannot parse and sends the whole object
  const [, from, to] = match
  if (from === '' && to === '') return undefined
  let start: number
  let end: number
  if (from === '') {
    const suffix = Number(to)
    if (suffix === 0) return 'invalid'
    start = Math.max(0, size - suffix)
    end = size - 1
  } else {
    start = Number(from)
    end = to === '' ? size - 1 : Math.min(Number(to), size - 1)
  }
  if (start >= size || end < start) return 'invalid'
  return { start, end }
}

async function* chunksOf(body: ObjectBody, start: number, end: number): AsyncGenerator<Buffer> {
  if ('data' in body) {
    for (let offset = start; offset <= end; offset += CHUNK_BYTES) {
      yield body.data.subarray(offset, Math.min(end + 1, offset + CHUNK_BYTES))
    }
    return
  }
  if (end < start) return
  for await (const chunk of createReadStream(body.path, { start, end, highWaterMark: CHUNK_BYTES })) {
    yield chunk as Buffer
  }
}

/**
 * Writes a chunk and waits until it has left for the socket: the response corks its first
 * writes, so destroying the connection right after a write (truncate) would otherwise drop them.
 */
function write(res: ServerResponse, chunk: Buffer): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false)
  return new Promise(resolve => {
    const closed = (): void => resolve(false)
    res.once('close', closed)
    res.write(chunk, () => {
      res.off('close', closed)
      resolve(!res.destroyed)
    })
  })
}

function matchesFile(faults: DownloadFaults, fileName: string): boolean {
  if (!faults.failFiles) return true
  const base = fileName.split('/').pop() ?? fileName
  return faults.failFiles.includes(fileName) || faults.failFiles.includes(base)
}

function firstN(limit: number | boolean | undefined, n: number): boolean {
  if (limit === undefined || limit === false) return false
  if (limit === true) return true
  return n < limit
}

export async function serveDownload(ctx: RequestContext, deps: DownloadDeps): Promise<void> {
  const { req, res, url, record } = ctx
  const signature = url.searchParams.get('X-Amz-Signature') ?? ''
  const entry = deps.presign.lookup(signature)
  if (!entry) {
    sendS3Error(ctx, 403)
    return
  }
  record.fileName = entry.fileName
  if (entry.appId !== undefined) record.appId = entry.appId
  // The method is part of what S3 signs: a GET of an upload URL does not match its signature.
  if (entry.path !== url.pathname || entry.method !== 'GET') {
    sendS3Error(ctx, 403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH)
    return
  }
  if (hasExpired(entry, Date.now())) {
    sendS3Error(ctx, 403, 'AccessDenied', 'Request has expired')
    return
  }

  const faults = deps.scenarios.get(entry.appId).download ?? {}
  const counters = deps.scenarios.countersFor(entry.appId)
  const n = counters.downloads.get(entry.fileKey) ?? 0
  counters.downloads.set(entry.fileKey, n + 1)

  // Ends pauses early when the client goes away or the emulator closes.
  const gone = new AbortController()
  res.once('close', () => gone.abort())
  const signals = [gone.signal, deps.signal]

  if (faults.latencyMs) await sleep(faults.latencyMs, ...signals)
  if (res.destroyed) return

  const targeted = matchesFile(faults, entry.fileName)
  if (targeted && firstN(faults.resetTimes, n)) {
    record.fault = 'reset'
    record.status = 0
    req.socket.destroy()
    return
  }
  if (targeted && faults.failStatus !== undefined && (faults.failTimes === undefined || n < faults.failTimes)) {
    record.fault = `status${faults.failStatus}`
    sendS3Error(ctx, faults.failStatus)
    return
  }

  const body = await entry.load()
  const size = bodySize(body)
  const range = parseRange(req.headers.range, size)
  if (range === 'invalid') {
    sendS3Error(ctx, 416, 'InvalidRange', 'The requested range is not satisfiable')
    return
  }
  const start = range?.start ?? 0
  const end = range?.end ?? size - 1
  const length = Math.max(0, end - start + 1)
  const status = range ? 206 : 200
  const etag = 'data' in body ? createHash('md5').update(body.data).digest('hex') : createHash('md5').update(`${body.path}:${size}`).digest('hex')
  record.status = status
  res.writeHead(
    status,
    s3Headers({
      'content-type': entry.contentType,
      'content-length': length,
      'accept-ranges': 'bytes',
      etag: `"${etag}"`,
      'last-modified': new Date(entry.issuedAtMs).toUTCString(),
      ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {})
    })
  )
  if (req.method === 'HEAD' || length === 0) {
    res.end()
    return
  }

  const truncateAt = targeted && firstN(faults.truncate, n) ? Math.floor(length / 2) : undefined
  const stallAt =
    targeted && faults.stallAfterBytes !== undefined && (faults.stallTimes === undefined || n < faults.stallTimes) ? faults.stallAfterBytes : undefined
  const pace = targeted && faults.bytesPerSecond ? faults.bytesPerSecond : undefined
  if (truncateAt !== undefined) record.fault = 'truncate'
  else if (stallAt !== undefined) record.fault = 'stall'
  else if (pace !== undefined) record.fault = 'slow'

  let sent = 0
  let stalled = false
  const startedMs = Date.now()
  for await (let chunk of chunksOf(body, start, end)) {
    while (chunk.length > 0) {
      if (truncateAt !== undefined && sent >= truncateAt) {
        // The declared length was the whole body: the client must notice the missing bytes.
        res.destroy()
        return
      }
      if (stallAt !== undefined && !stalled && sent >= stallAt) {
        stalled = true
        await sleep(faults.stallMs ?? Infinity, ...signals)
        if (res.destroyed) return
      }
      let take = chunk.length
      if (truncateAt !== undefined) take = Math.min(take, truncateAt - sent)
      if (stallAt !== undefined && !stalled) take = Math.min(take, stallAt - sent)
      if (pace !== undefined) take = Math.min(take, Math.max(1, Math.floor((pace * PACE_TICK_MS) / 1000)))
      if (!(await write(res, chunk.subarray(0, take)))) return
      sent += take
      chunk = chunk.subarray(take)
      if (pace !== undefined) {
        const waitMs = startedMs + (sent / pace) * 1000 - Date.now()
        if (waitMs > 0) await sleep(waitMs, ...signals)
        if (res.destroyed) return
      }
    }
  }
  if (truncateAt !== undefined) {
    res.destroy()
    return
  }
  res.end()
}
