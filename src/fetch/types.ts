/** Shared shapes of the fetch side: downloading, staging and the final move into output-path. */

/** One file that landed in a staging folder. `path` is relative to the output folder, with `/`. */
export interface StagedFile {
  path: string
  bytes: number
  sha256: string
}

/** Caps on what a job may deliver; see limits.ts for the values and why. */
export interface FetchLimits {
  /** Most files one job may produce. */
  maxFiles: number
  /** Most bytes of all files together, uncompressed. */
  maxTotalBytes: number
  /** Most bytes of a manifest or other JSON document read into memory. */
  maxDocumentBytes: number
}

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

/** What the final move changed, all paths relative to the output folder. */
export interface CommitResult {
  /** Every file the job produced, sorted. */
  files: string[]
  added: string[]
  modified: string[]
  removed: string[]
  changed: boolean
}

/**
 * A staging folder that mirrors output-path. Sources (manifest, zip) write validated files below
 * `root` and register them; nothing reaches output-path until the staging area is committed.
 */
export interface Staging {
  /** Absolute folder that receives the job's files, laid out as they will be in output-path. */
  readonly root: string
  /** Absolute scratch folder for downloads that are not part of the result (a zip before unpacking). */
  readonly scratch: string
  /** Registers a file that was written below `root`. */
  add(file: StagedFile): void
  /** The files registered so far. */
  readonly files: readonly StagedFile[]
}

/** Passes a secret (a presigned URL or part of it) to the runner's log masking. */
export type MaskSecret = (secret: string) => void
