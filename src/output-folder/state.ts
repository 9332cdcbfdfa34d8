/**
 * The STATE file: which files the action wrote into output-path, with their sha256. Users commit it
 * along with the generated files, so a run on a fresh checkout knows which files it may remove.
 *
 * The text is a pure function of the file list (sorted, fixed layout, no timestamps or job ids), so
 * an identical re-run leaves it byte-identical and `changed` stays false.
 */
import type { StagedFile } from './types.js'
import { compareText, isReservedPath, isSha256, OutputFolderError, safeSegments } from './common.js'

const STATE_VERSION = 1
const STATE_COMMENT =
  'Written by amplify-job-action: the files it generated in this folder and their sha256. Commit it with them. ' +
  'A later run removes a listed file the job no longer produces only while its content is unchanged.'

/** Renders the STATE file for the files of one job. */
export function renderState(files: readonly Pick<StagedFile, 'path' | 'sha256'>[]): string {
  const sorted = [...files].sort((a, b) => compareText(a.path, b.path))
  // Written by hand rather than with JSON.stringify(object): objects put integer-like keys first,
  // which would break the sorted order for a file named e.g. "404".
  const lines = sorted.map(file => `    ${JSON.stringify(file.path)}: ${JSON.stringify(file.sha256)}`)
  const filesBlock = lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n  }`
  return `{\n  "comment": ${JSON.stringify(STATE_COMMENT)},\n  "version": ${STATE_VERSION},\n  "files": ${filesBlock}\n}\n`
}

/**
 * Reads a STATE file into path -> sha256. Refuses anything it does not fully understand, because its
 * entries decide which files get deleted.
 */
export function parseState(text: string, where: string): Map<string, string> {
  const fix =
    `Restore it from git (git checkout -- '${where}') or delete it; without it, files that earlier runs ` +
    `wrote and the job no longer produces are not removed.`
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new OutputFolderError(`${where} is not valid JSON (${(error as Error).message}). ${fix}`)
  }
  const record = parsed as { version?: unknown; files?: unknown } | null
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new OutputFolderError(`${where} does not hold a JSON object. ${fix}`)
  }
  if (record.version !== STATE_VERSION) {
    throw new OutputFolderError(
      `${where} has version ${JSON.stringify(record.version)}, but this action reads version ${STATE_VERSION} ` +
        `(a newer release of the action may have written it). Use that release, or: ${fix}`
    )
  }
  return parseFiles(record.files, where, fix)
}

function parseFiles(files: unknown, where: string, fix: string): Map<string, string> {
  if (typeof files !== 'object' || files === null || Array.isArray(files)) {
    throw new OutputFolderError(`${where}: "files" must be an object of path -> sha256. ${fix}`)
  }
  const result = new Map<string, string>()
  for (const [file, sha256] of Object.entries(files)) {
    if (safeSegments(file) === undefined || isReservedPath(file)) {
      throw new OutputFolderError(`${where} lists the path ${JSON.stringify(file)}, which is not a plain relative path below the folder. ${fix}`)
    }
    if (!isSha256(sha256)) {
      throw new OutputFolderError(`${where}: the entry for ${JSON.stringify(file)} is not a lowercase hex sha256. ${fix}`)
    }
    result.set(file, sha256)
  }
  return result
}
