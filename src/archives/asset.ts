/**
 * The fetch side for one job: what the job module says its files are (JobFiles) is downloaded and
 * staged here, with the limits of its kind: the UI Builder codegen asset (a JSON manifest today, a
 * zip from older service versions) and hosting build artifacts (zips). Each downloads into the
 * staging scratch folder, then unpacks into staging.root.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, open, readFile, rm } from 'node:fs/promises'
import * as path from 'node:path'
import { UnsafeContentError } from '../errors.js'
import { ARTIFACT_LIMITS, CODEGEN_LIMITS, maxArchiveBytes } from './limits.js'
import { parseCodegenManifest, stageCodegenManifest } from './manifest.js'
import type { FetchLimits, JobFiles } from './types.js'
import type { StagedFile, Staging } from '../output-folder/types.js'
import type { Downloader } from '../transfer/types.js'
import { extractZip } from './zip.js'
import { stageZipStreaming } from './zip-stream.js'

/** A zip starts with a local file header; an empty zip is only its end record. */
const ZIP_LOCAL_HEADER = Buffer.from('PK\x03\x04', 'latin1')
const ZIP_EMPTY_ARCHIVE = Buffer.from('PK\x05\x06', 'latin1')

/** Downloads and stages every file of a job; throws on the first that cannot be staged. */
export async function stageJobFiles(files: JobFiles, staging: Staging, downloader: Downloader, options: { signal: AbortSignal }): Promise<void> {
  const { signal } = options
  switch (files.kind) {
    case 'codegen-asset':
      await stageCodegenAsset(await files.asset.url(signal), staging, downloader, { ...options, limits: CODEGEN_LIMITS })
      return
    case 'artifact-zips':
      for (const zip of files.zips) {
        await stageZipFromUrl(await zip.url(signal), staging, downloader, { ...options, limits: ARTIFACT_LIMITS, what: zip.what })
      }
  }
}

export interface StageOptions {
  signal?: AbortSignal
  limits: FetchLimits
  /** Parallel downloads of a manifest's files; defaults to DOWNLOAD_CONCURRENCY. */
  concurrency?: number
}

export interface StageZipOptions extends StageOptions {
  /** Human words for the archive in messages, e.g. "the build artifacts of job 12". */
  what: string
}

async function firstBytes(file: string, count: number): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(count)
    const { bytesRead } = await handle.read(buffer, 0, count, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** Downloads into a fresh file in scratch, runs `use` on it, and removes it either way. */
async function withScratchDownload<T>(
  url: string,
  staging: Staging,
  downloader: Downloader,
  options: StageOptions & { what: string; maxBytes: number },
  use: (file: string, bytes: number) => Promise<T>
): Promise<T> {
  await mkdir(staging.scratch, { recursive: true })
  const file = path.join(staging.scratch, `download-${randomUUID()}`)
  try {
    const { bytes } = await downloader.toFile(url, file, {
      what: options.what,
      maxBytes: options.maxBytes,
      exclusive: true,
      // Only unpacked or parsed: the files staged from it are hashed, not the archive.
      hash: false,
      signal: options.signal
    })
    return await use(file, bytes)
  } finally {
    // The archive may be gigabytes; free the disk before the final move.
    await rm(file, { force: true })
  }
}

/**
 * Fetches a codegen job's asset into staging.root: a manifest's files, or an old-style zip's
 * entries (the downloader masks every URL before it uses it). Returns the files staged.
 */
export async function stageCodegenAsset(url: string, staging: Staging, downloader: Downloader, options: StageOptions): Promise<StagedFile[]> {
  const what = "the codegen job's asset"
  return withScratchDownload(
    url,
    staging,
    downloader,
    // Until the first bytes are in, it may be a zip of the whole output.
    { ...options, what, maxBytes: maxArchiveBytes(options.limits) },
    async (file, bytes) => {
      const magic = await firstBytes(file, ZIP_LOCAL_HEADER.length)
      if (magic.equals(ZIP_LOCAL_HEADER) || magic.equals(ZIP_EMPTY_ARCHIVE)) {
        return extractZip(file, staging, { limits: options.limits, what, signal: options.signal })
      }
      if (bytes > options.limits.maxDocumentBytes) {
        throw new UnsafeContentError(
          `Refusing ${what}: it is neither a zip nor a file list small enough to read (${bytes} bytes, ` +
            `at most ${options.limits.maxDocumentBytes} allowed).`
        )
      }
      const manifest = parseCodegenManifest(await readFile(file), options.limits)
      return stageCodegenManifest(manifest, staging, downloader, options)
    }
  )
}

/**
 * Fetches a zip (hosting build artifacts) and unpacks it into staging.root.
 * Unpacks while downloading where the host serves ranges (zip-stream.ts), else from a scratch copy.
 */
export async function stageZipFromUrl(url: string, staging: Staging, downloader: Downloader, options: StageZipOptions): Promise<StagedFile[]> {
  const streamed = await stageZipStreaming(url, staging, downloader, { limits: options.limits, what: options.what, signal: options.signal })
  if (streamed !== undefined) return streamed
  return withScratchDownload(url, staging, downloader, { ...options, maxBytes: maxArchiveBytes(options.limits) }, file =>
    extractZip(file, staging, { limits: options.limits, what: options.what, signal: options.signal })
  )
}
