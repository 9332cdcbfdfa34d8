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
