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

/** One file of a folder about to be zipped (site-folder.ts lists them, zip-writer.ts writes them). */
export interface SiteFile {
  /** Its name in the zip: relative to the folder, segments joined with '/'. */
  name: string
  /** Absolute path its content is read from (for a symlink: the file it resolves to). */
  path: string
  /** Size in bytes when listed; zipping refuses a file whose size changed since. */
  size: number
}
