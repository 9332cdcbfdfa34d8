/**
 * Small HTTP helpers shared by the service handlers: reading a JSON body and answering the way
 * AWS REST-JSON services do (JSON body, `x-amzn-errortype` header for errors, a request id).
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RecordedRequest } from './types.js'

/** Request bodies of these services are tiny; refuse anything absurd instead of buffering it. */
const MAX_REQUEST_BODY_BYTES = 1024 * 1024

/** An error answer in AWS REST-JSON style. Handlers throw it; the server turns it into a reply. */
export class AwsError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    /** Extra members of the error body (e.g. `resourceType`, `limitType`). */
    readonly extra: Record<string, string> = {}
  ) {
    super(message)
  }
}

/** What a handler sees of a request. */
export interface RequestContext {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  /** Path parameters, already percent-decoded. */
  params: Record<string, string>
  body: unknown
  record: RecordedRequest
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_REQUEST_BODY_BYTES) throw new AwsError(413, 'RequestEntityTooLargeException', 'Request body too large')
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

/** Parses a JSON body; an empty body is `undefined`, a malformed one is reported by the caller. */
export function parseJson(raw: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (raw.length === 0) return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) as unknown }
  } catch {
    return { ok: false }
  }
}

function baseHeaders(contentType: string, length: number): Record<string, string | number> {
  return {
    'content-type': contentType,
    'content-length': length,
    'x-amzn-requestid': randomUUID(),
    date: new Date().toUTCString()
  }
}

export function sendJson(ctx: Pick<RequestContext, 'res' | 'record'>, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8')
  ctx.record.status = status
  ctx.res.writeHead(status, baseHeaders('application/json', body.length))
  ctx.res.end(body)
}

export function sendAwsError(ctx: Pick<RequestContext, 'res' | 'record'>, error: AwsError): void {
  const body = Buffer.from(JSON.stringify({ message: error.message, ...error.extra }), 'utf8')
  ctx.record.status = error.status
  ctx.res.writeHead(error.status, {
    ...baseHeaders('application/json', body.length),
    'x-amzn-errortype': error.type
  })
  ctx.res.end(body)
}

export function sendText(ctx: Pick<RequestContext, 'res' | 'record'>, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  const body = Buffer.from(text, 'utf8')
  ctx.record.status = status
  ctx.res.writeHead(status, baseHeaders(contentType, body.length))
  ctx.res.end(body)
}

/** Lower-case header map with repeated headers joined, for the request log. */
export function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

export function queryObject(url: URL): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [name, value] of url.searchParams) query[name] = value
  return query
}
