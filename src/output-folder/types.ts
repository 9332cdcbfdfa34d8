/** Shapes of the output folder: files staged for it, the staging area, and what the final move changed. */

/** One file that landed in a staging folder. `path` is relative to the output folder, with `/`. */
export interface StagedFile {
  path: string
  bytes: number
  sha256: string
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
