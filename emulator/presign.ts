/**
 * Issues S3-style presigned URLs served by the emulator itself: GET (downloads) or PUT (the zip
 * upload of a manual deployment). Each URL carries a fresh random X-Amz-Signature (and session
 * token), so tests can search the action's output for them to prove presigned URLs never reach
 * the log unmasked. An unknown signature gets 403, like S3; so does a URL used with another
 * method than the one it was signed for. Only `host` is signed (as in the real zipUploadUrl,
 * which scripts PUT to with `curl -T`, without a Content-Type).
 */
import { randomBytes } from 'node:crypto'

export const FAKE_ACCESS_KEY_ID = 'AKIDEMULATOR'
export const DEFAULT_EXPIRES_SECONDS = 900
const SIGNATURE_BYTES = 32 // 64 hex characters, as SigV4 signatures are
const SESSION_TOKEN_BYTES = 96
const SIGNING_REGION = 'us-east-1'

/** The bytes behind a URL: in memory, or a (large) file streamed from disk. */
export type ObjectBody = { data: Buffer } | { path: string; size: number }

interface PresignedTarget {
  bucket: string
  /** S3 object key, not encoded. */
  key: string
  /** File name for fault selection (`failFiles`) and the request log. */
  fileName: string
  /** Stable identity of the file, so per-file fault counters survive re-issued URLs. */
  fileKey: string
  appId?: string
}

/** An object a presigned GET (or HEAD) serves. */
export interface PresignedObject extends PresignedTarget {
  contentType: string
  load: () => Promise<ObjectBody>
}

/** A complete body received by a presigned PUT, stored in a scratch file. */
export interface ReceivedUpload {
  path: string
  size: number
  /** The body's MD5 in hex: S3's ETag for a single PUT. */
  md5: string
  /** The Content-Type the client sent, if any. */
  contentType?: string
}

/** Where a presigned PUT delivers what it received. */
export interface PresignedUpload extends PresignedTarget {
  receive: (upload: ReceivedUpload) => void
}

interface IssuedFields {
  signature: string
  /** Encoded path the URL points at, to reject a tampered path. */
  path: string
  issuedAtMs: number
  expiresSeconds: number
  /** Set by expire(): the URL is past its expiry whatever X-Amz-Expires says. */
  expired?: boolean
}

export type IssuedGet = PresignedObject & IssuedFields & { method: 'GET' }
export type IssuedPut = PresignedUpload & IssuedFields & { method: 'PUT' }
export type IssuedUrl = IssuedGet | IssuedPut

/** Whether S3 would refuse the URL as expired at `nowMs`. */
export function hasExpired(entry: IssuedFields, nowMs: number): boolean {
  return entry.expired === true || nowMs > entry.issuedAtMs + entry.expiresSeconds * 1000
}

function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

function encodeSegment(segment: string, fallback: string): string {
  try {
    return encodeURIComponent(segment)
  } catch {
    // A lone surrogate cannot be percent-encoded; S3 would not have such a key either.
    return fallback
  }
}

/** Keeps a key segment to characters that survive URL parsing unchanged (no `..`, no `/`). */
export function safeSegment(segment: string): string {
  return segment.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+$/, '_')
}

export function encodeKey(key: string): string {
  return key
    .split('/')
    .map((segment, index) => encodeSegment(segment, `segment-${index}`))
    .join('/')
}

/**
 * Every signature and session token any store in this process handed out, kept across reset(): a
 * sweep of every run of the action in a test file checks its output against all of them.
 */
const everIssued: string[] = []

export function everIssuedSecrets(): readonly string[] {
  return everIssued
}

export class PresignStore {
  private readonly issued = new Map<string, IssuedUrl>()
  readonly signatures: string[] = []

  constructor(private readonly baseUrl: () => string) {}

  /** A presigned GET URL of `object`, or a presigned PUT URL of `upload`. */
  issue(target: PresignedObject | PresignedUpload, expiresSeconds = DEFAULT_EXPIRES_SECONDS, nowMs = Date.now()): string {
    let signature = randomBytes(SIGNATURE_BYTES).toString('hex')
    while (this.issued.has(signature)) signature = randomBytes(SIGNATURE_BYTES).toString('hex')
    const path = `/s3/${encodeSegment(target.bucket, 'bucket')}/${encodeKey(target.key)}`
    const issuedAtMs = nowMs
    const fields: IssuedFields = { signature, path, issuedAtMs, expiresSeconds }
    const entry: IssuedUrl = 'receive' in target ? { ...target, ...fields, method: 'PUT' } : { ...target, ...fields, method: 'GET' }
    this.issued.set(signature, entry)
    this.signatures.push(signature)

    const date = new Date(issuedAtMs)
    const day = amzDate(date).slice(0, 8)
    const sessionToken = randomBytes(SESSION_TOKEN_BYTES).toString('base64')
    everIssued.push(signature, sessionToken)
    const query = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD',
      'X-Amz-Credential': `${FAKE_ACCESS_KEY_ID}/${day}/${SIGNING_REGION}/s3/aws4_request`,
      'X-Amz-Date': amzDate(date),
      'X-Amz-Expires': String(expiresSeconds),
      'X-Amz-Security-Token': sessionToken,
      'X-Amz-Signature': signature,
      'X-Amz-SignedHeaders': 'host',
      'x-id': entry.method === 'PUT' ? 'PutObject' : 'GetObject'
    })
    // URLSearchParams encodes '/' in the credential as %2F, as the AWS SDK's presigner does.
    return `${this.baseUrl()}${path}?${query.toString()}`
  }

  lookup(signature: string): IssuedUrl | undefined {
    return this.issued.get(signature)
  }

  /** Expires every URL issued so far (of one app, when given); returns how many. */
  expire(appId?: string): number {
    let count = 0
    for (const entry of this.issued.values()) {
      if (entry.expired || (appId !== undefined && entry.appId !== appId)) continue
      entry.expired = true
      count++
    }
    return count
  }

  reset(): void {
    this.issued.clear()
    this.signatures.length = 0
  }
}
