/** The transport's interface: downloading and uploading presigned URLs, and the errors a download can end with. */

export interface DownloadOptions {
  /** Abandons the download (deadline or cancellation). */
  signal?: AbortSignal
  /** Refuse bodies larger than this (declared or actual). */
  maxBytes: number
  /** Human words for errors, e.g. "component Button.jsx". Never the URL: it is a secret. */
  what: string
  /** toFile: create the file, refusing one that already exists (no following a planted symlink). */
  exclusive?: boolean
  /** toFile: false skips the SHA-256 (the result's sha256 is then ''), for a file only read back. */
  hash?: boolean
  /**
   * Asks for part of the body (an HTTP Range request), read again at each attempt so that a retry can
   * resume where the last one stopped. The answer must be 206 with a matching Content-Range; a host
   * that sends the whole body instead fails the download with RangeNotSupportedError, at once.
   */
  range?: () => ByteRange
  /** Told the Content-Range of each 206 answer (a suffix range learns where it starts here). */
  onRange?: (range: ContentRange) => void
  /**
   * Told of every body byte as it arrives (decoded), and of a negative count when a failed attempt's
   * bytes are thrown away before a retry. Throwing stops the download with that error: this is how a
   * budget shared by parallel downloads (a job's total size) is enforced while they stream.
   */
  onBytes?: (delta: number) => void
}

/** Bytes [start, end) of a body, or its last `suffix` bytes. */
export type ByteRange = { start: number; end: number } | { suffix: number }

/** What a 206 answer holds: bytes [start, end) of a body of `total` bytes. */
export interface ContentRange {
  start: number
  end: number
  total: number
}

export interface DownloadResult {
  bytes: number
  sha256: string
}

/** Downloads presigned URLs. Implementations retry, time out when idle and never log the URL. */
export interface Downloader {
  /** Streams the body into `destination` (created or truncated). */
  toFile(url: string, destination: string, options: DownloadOptions): Promise<DownloadResult>
  /** Reads a small body (a manifest, a log) into memory, at most `options.maxBytes`. */
  toBuffer(url: string, options: DownloadOptions): Promise<Buffer>
  /**
   * Streams the body into a Writable made afresh for each attempt (with `options.range`, each attempt
   * can ask for what is still missing). Downloaders that cannot do this leave it out.
   */
  toSink?(url: string, createSink: () => NodeJS.WritableStream, options: DownloadOptions): Promise<void>
}

export interface UploadOptions {
  /** Abandons the upload at once (deadline or cancellation): it rejects with the signal's reason. */
  signal?: AbortSignal
  /** Human words for messages, e.g. "the site's zip". Never the URL: it is a secret. */
  what: string
  /** Sent as Content-Type, e.g. "application/zip". */
  contentType: string
  /**
   * Told the bytes the connection has taken so far (`sent`, of `total`) as the body goes out, in
   * chunks of up to 64 KiB; a retry counts again from 0. For a progress line (progress.ts).
   */
  onProgress?: (sent: number, total: number) => void
}

export interface UploadResult {
  /** The body's size: what Content-Length said and what was sent. */
  bytes: number
  /** Tries it took, the successful one included (1: no retry). */
  attempts: number
  /**
   * The host's ETag without its quotes: for a single PUT to S3, the hex MD5 of the body, which a
   * caller that knows the MD5 can compare. Undefined when the host sent none.
   */
  etag?: string
}

/** Uploads a file to a presigned URL. Implementations retry, time out when idle and never log the URL. */
export interface Uploader {
  /**
   * PUTs the whole of `file` (streamed, never held in memory) with an exact Content-Length, never
   * chunked: S3 refuses a chunked body to a presigned URL. Each retry sends the whole body again.
   */
  putFile(url: string, file: string, options: UploadOptions): Promise<UploadResult>
}

/** Passes a secret (a presigned URL or part of it) to the runner's log masking. */
export type MaskSecret = (secret: string) => void

/**
 * A host answered a Range request with the whole body (200) or 416: the caller falls back to a
 * plain download. Thrown at once, never retried.
 */
export class RangeNotSupportedError extends Error {
  constructor(readonly status: number) {
    super(`the file host answered a range request with HTTP ${status}`)
  }
}
