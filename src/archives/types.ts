/** Shapes of the archive side. */

/** Caps on what a job may deliver; see limits.ts for the values and why. */
export interface FetchLimits {
  /** Most files one job may produce. */
  maxFiles: number
  /** Most bytes of all files together, uncompressed. */
  maxTotalBytes: number
  /** Most bytes of a manifest or other JSON document read into memory. */
  maxDocumentBytes: number
}

/**
 * One file the fetch side downloads: how messages name it, and how to get its presigned URL,
 * asked for right before the download (a URL fetched long before could expire meanwhile).
 */
export interface RemoteFile {
  /** Human words, e.g. "artifact site.zip". Never the URL: it is a secret. */
  what: string
  url(signal: AbortSignal): Promise<string>
}

/** What a job's files are made of, as its job module says; asset.ts downloads and stages them. */
export type JobFiles =
  /** UI Builder codegen: a manifest of presigned files, or a zip from older service versions. */
  | { kind: 'codegen-asset'; asset: RemoteFile }
  /** Hosting build artifacts: zips, unpacked together into one folder. */
  | { kind: 'artifact-zips'; zips: RemoteFile[] }

/** One file of a folder about to be zipped (site-folder.ts lists them, zip-writer.ts writes them). */
export interface SiteFile {
  /** Its name in the zip: relative to the folder, segments joined with '/'. */
  name: string
  /** Absolute path its content is read from (for a symlink: the file it resolves to). */
  path: string
  /** Size in bytes when listed; zipping refuses a file whose size changed since. */
  size: number
}
