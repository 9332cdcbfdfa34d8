/**
 * Caps on what a job may deliver. Every value is a guess at "far beyond anything legitimate,
 * still small enough that a hostile or broken answer cannot fill the runner's disk or memory".
 * GitHub-hosted runners have about 14 GB of free disk and 7 GB of memory; the numbers below keep a
 * worst case well inside that.
 */
import type { FetchLimits } from './types.js'

const KiB = 1024
const MiB = 1024 * KiB
const GiB = 1024 * MiB

/**
 * UI Builder code generation. A large Studio app has a few hundred components and forms, each two
 * files of some kilobytes (plus theme, index, utils), so a few thousand files and a few megabytes
 * is already a very big app. The caps leave a factor of ten or more above that.
 */
export const CODEGEN_LIMITS: FetchLimits = {
  /** ~5,000 components and forms at two files each: far beyond Studio's own UI. */
  maxFiles: 10_000,
  /** Generated sources; a big theme file is a few hundred KiB. */
  maxTotalBytes: 256 * MiB,
  /**
   * The manifest: per file a name, a schema name and a presigned URL of 1.5 to 2.5 KiB (the session
   * token makes most of it), so maxFiles entries need about 25 MiB. Parsed in memory, hence the cap.
   */
  maxDocumentBytes: 32 * MiB
}

/**
 * Amplify Hosting build artifacts: a built web app (static files, server bundles, source maps).
 * Archives of hundreds of MB with tens of thousands of files (node_modules in an SSR bundle) are
 * normal, so the caps are much higher; 4 GiB still fits twice on a hosted runner's free disk
 * (zip in scratch plus the unpacked files).
 */
export const ARTIFACT_LIMITS: FetchLimits = {
  maxFiles: 100_000,
  maxTotalBytes: 4 * GiB,
  /** Logs and other JSON documents read into memory. */
  maxDocumentBytes: 16 * MiB
}

/**
 * Bytes a zip needs beyond its files' contents, per entry: local header (30) and central directory
 * header (46), each with the name (at most MAX_PATH_BYTES in names.ts), plus zip64 extras and a data
 * descriptor. Lets a stored (uncompressed) archive of a job at its limits still be downloaded.
 */
export const ZIP_ENTRY_OVERHEAD_BYTES = 2 * (46 + 30 + 1024) + 64

/**
 * Zip bombs small enough to pass maxTotalBytes (a gigabyte of zeros is 4.5 MB deflated) are told by
 * their ratio: an archive whose files unpack to more than MAX_COMPRESSION_RATIO times its own size
 * is refused once they exceed COMPRESSION_RATIO_FLOOR_BYTES. Built web apps, source maps and
 * generated code deflate 3 to 10 times; deflate itself cannot pass about 1,030.
 */
export const MAX_COMPRESSION_RATIO = 100
export const COMPRESSION_RATIO_FLOOR_BYTES = 64 * MiB

/** Largest archive worth downloading for the given limits (see ZIP_ENTRY_OVERHEAD_BYTES). */
export function maxArchiveBytes(limits: FetchLimits): number {
  return limits.maxTotalBytes + limits.maxFiles * ZIP_ENTRY_OVERHEAD_BYTES
}

/**
 * A manual deployment's zip: Amplify takes at most 5 GB (written in powers of 1000, as the service
 * quota is). The zip made from a folder is refused once it would pass it, before any upload.
 */
export const MAX_DEPLOY_ZIP_BYTES = 5_000_000_000

/**
 * A `.zip` given as a deploy source is the user's own: its names are checked like a downloaded
 * archive's, and the counts only need to keep a hostile one from exhausting the runner.
 */
export const DEPLOY_ZIP_LIMITS: FetchLimits = {
  maxFiles: 1_000_000,
  maxTotalBytes: 64 * GiB,
  maxDocumentBytes: 16 * MiB
}
