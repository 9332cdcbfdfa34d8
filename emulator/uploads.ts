/**
 * Serves presigned PUT URLs (a manual deployment's zipUploadUrl) like S3 does: a Content-Length
 * is required (411 MissingContentLength for none or a chunked body, as S3 answers for a presigned
 * PUT), the signature, method and expiry are checked (403), the body is streamed to a scratch
 * file (never held in memory: deployment zips can be hundreds of MB) and answered with its MD5 as
 * the ETag. A Content-MD5 that does not match is refused (400 BadDigest). Only a complete body
 * replaces the stored object. Refusals are answered after the body has been read (and dropped),
 * so the client always gets to read the answer instead of a broken pipe.
 *
 * Upload faults of the scenario (`upload`): latency, an S3 error status for the first N PUTs,
 * or a connection destroyed after part of the body.
 */
import { createHash, randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { SIGNATURE_MISMATCH, s3Headers, sendS3Error } from './downloads.js'
import type { RequestContext } from './http.js'
import { type PresignStore, hasExpired } from './presign.js'
import type { ScenarioStore } from './scenarios.js'
import { sleep } from './sleep.js'

/** S3's largest single PUT (and Amplify's limit for a manual deployment zip). */
export const MAX_PUT_BYTES = 5 * 1024 ** 3
const UPLOADS_FOLDER = 'uploads'
const PART_SUFFIX = '.part'

export interface UploadDeps {
  presign: PresignStore
  scenarios: ScenarioStore
  /** Aborted when the emulator closes, to end pauses. */
  signal: AbortSignal
  scratchDir: () => Promise<string>
}

/** Reads and drops the rest of the body; resolves with how many bytes came (also when the client gave up). */
function drain(ctx: RequestContext): Promise<number> {
  const { req } = ctx
  return new Promise(resolve => {
    let bytes = 0
    if (req.readableEnded) {
      resolve(0)
      return
    }
    req.on('data', (chunk: Buffer) => (bytes += chunk.length))
    const done = (): void => resolve(bytes)
    req.once('end', done)
    req.once('close', done)
    req.once('error', done)
    req.resume()
  })
}

async function refuse(ctx: RequestContext, status: number, code?: string, message?: string): Promise<void> {
  ctx.record.bytes = await drain(ctx)
  if (ctx.res.destroyed) return
  sendS3Error(ctx, status, code, message)
}

/** Reads `limit` bytes of the body (or all of it), then destroys the connection without an answer. */
async function resetAfter(ctx: RequestContext, limit: number): Promise<void> {
  // Leaving the loop early destroys the request, which lets go of its socket: keep hold of it.
  const socket = ctx.req.socket
  let bytes = 0
  try {
    for await (const chunk of ctx.req) {
      bytes += (chunk as Buffer).length
      if (bytes >= limit) break
    }
  } catch {
    // the client went away first
  }
  ctx.record.bytes = bytes
  ctx.record.status = 0
  socket.destroy()
}

/** Streams the body into a new file of the uploads folder; undefined when it did not arrive whole. */
async function receive(ctx: RequestContext, scratchDir: string): Promise<{ path: string; size: number; md5: Buffer } | undefined> {
  const folder = join(scratchDir, UPLOADS_FOLDER)
  await mkdir(folder, { recursive: true })
  const part = join(folder, `${randomUUID()}.zip${PART_SUFFIX}`)
  const hash = createHash('md5')
  let size = 0
  try {
    await pipeline(
      ctx.req,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          hash.update(chunk)
          size += chunk.length
          yield chunk
        }
      },
      createWriteStream(part)
    )
  } catch {
    ctx.record.bytes = size
    await rm(part, { force: true })
    return undefined
  }
  ctx.record.bytes = size
  const path = part.slice(0, -PART_SUFFIX.length)
  await rename(part, path)
  return { path, size, md5: hash.digest() }
}

export async function serveUpload(ctx: RequestContext, deps: UploadDeps): Promise<void> {
  const { req, res, url, record } = ctx
  const length = req.headers['content-length']
  if (length === undefined || /chunked/i.test(req.headers['transfer-encoding'] ?? '')) {
    await refuse(ctx, 411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.')
    return
  }
  const entry = deps.presign.lookup(url.searchParams.get('X-Amz-Signature') ?? '')
  if (!entry) {
    await refuse(ctx, 403)
    return
  }
  record.fileName = entry.fileName
  if (entry.appId !== undefined) record.appId = entry.appId
  if (entry.path !== url.pathname || entry.method !== 'PUT') {
    await refuse(ctx, 403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH)
    return
  }
  if (hasExpired(entry, Date.now())) {
    await refuse(ctx, 403, 'AccessDenied', 'Request has expired')
    return
  }
  const declared = Number(length)
  if (declared > MAX_PUT_BYTES) {
    await refuse(ctx, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size')
    return
  }

  const faults = deps.scenarios.get(entry.appId).upload ?? {}
  const counters = deps.scenarios.countersFor(entry.appId)
  const n = counters.uploads++
  if (faults.latencyMs) {
    const gone = new AbortController()
    res.once('close', () => gone.abort())
    await sleep(faults.latencyMs, gone.signal, deps.signal)
    if (res.destroyed) return
  }
  if (faults.resetTimes !== undefined && n < faults.resetTimes) {
    record.fault = 'reset'
    await resetAfter(ctx, faults.resetAfterBytes ?? Math.max(1, Math.floor(declared / 2)))
    return
  }
  if (faults.failStatus !== undefined && (faults.failTimes === undefined || n < faults.failTimes)) {
    record.fault = `status${faults.failStatus}`
    await refuse(ctx, faults.failStatus)
    return
  }

  const received = await receive(ctx, await deps.scratchDir())
  if (!received) return // the connection broke: S3 keeps the object it had
  const sentMd5 = req.headers['content-md5']
  if (sentMd5 !== undefined && sentMd5 !== received.md5.toString('base64')) {
    await rm(received.path, { force: true })
    sendS3Error(ctx, 400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.')
    return
  }
  const md5 = received.md5.toString('hex')
  const contentType = req.headers['content-type']
  entry.receive({ path: received.path, size: received.size, md5, ...(contentType !== undefined ? { contentType } : {}) })
  record.status = 200
  res.writeHead(200, s3Headers({ etag: `"${md5}"`, 'content-length': 0 }))
  res.end()
}
