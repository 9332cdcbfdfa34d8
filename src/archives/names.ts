/**
 * File names from the service or from an archive are untrusted: a name decides where bytes land on
 * the runner. A name is accepted only if it is a plain relative path that means the same file on
 * Linux, macOS and Windows runners, cannot leave the output folder, and cannot touch `.git` or the
 * action's own bookkeeping.
 */
import { UnsafeContentError } from '../errors.js'
import { RESERVED_TOP_LEVEL_NAMES } from '../output-folder/reserved-names.js'

/** Most bytes (UTF-8) of one path segment: the limit of ext4, APFS and NTFS. */
export const MAX_SEGMENT_BYTES = 255
/** Most bytes (UTF-8) of a whole relative path; leaves room below Linux's 4096 for output-path itself. */
export const MAX_PATH_BYTES = 1024
/** Longest name shown in an error; a hostile name could otherwise flood the log. */
const MAX_SHOWN_CHARS = 120

/**
 * Device names that Windows resolves anywhere in a path, with or without an extension, in any case.
 * The superscript digits are real: Windows treats COM¹ like COM1.
 */
const WINDOWS_DEVICE_NAMES = new Set(['CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$', ...['COM', 'LPT'].flatMap(p => [...'0123456789¹²³'].map(d => p + d))])

/** C0 controls, DEL and C1 controls: invisible in logs and refused by some file systems. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/u
/**
 * Format characters (zero-width joiners, bidi overrides, BOM) and lone surrogates. HFS+ ignores some
 * of them, so `.g\u200cit` would be `.git` there; bidi overrides make a name print as another.
 */
const INVISIBLE_CHARACTERS = /[\p{Cf}\p{Cs}]/u
/** Characters Windows cannot store; `:` also names an NTFS alternate data stream. */
const WINDOWS_FORBIDDEN_CHARACTERS = /[<>:"|?*]/u

/**
 * Shows a name in an error message: quoted, invisible and control characters escaped, shortened.
 * Never pass a URL here; messages must not contain secrets.
 */
export function printableName(name: string): string {
  const shown = [...name].slice(0, MAX_SHOWN_CHARS).join('')
  const escaped = shown.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\\"]/gu, c =>
    c === '\\' || c === '"' ? '\\' + c : `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`
  )
  return `"${escaped}"${shown.length < name.length ? '…' : ''}`
}

/** A name refused by the rules below; `name` and `why` let a caller that is not fetching a job's files say it in its own words. */
export class NameRefusal extends UnsafeContentError {
  constructor(
    readonly refusedName: string,
    readonly why: string
  ) {
    super(
      `Refusing the file name ${printableName(refusedName)}: ${why}. Nothing was written. ` +
        'The job delivered a name that is not a plain relative path; check the component or artifact names of the job.'
    )
  }
}

function refuse(name: string, why: string): never {
  throw new NameRefusal(name, why)
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** Why one segment is refused, or undefined when it is fine. */
function segmentProblem(segment: string, isFirst: boolean): string | undefined {
  if (segment === '') return 'it has an empty path segment (a leading, trailing or doubled "/")'
  if (segment === '.' || segment === '..') return `it has a "${segment}" path segment`
  if (utf8Bytes(segment) > MAX_SEGMENT_BYTES) return `a path segment is longer than ${MAX_SEGMENT_BYTES} bytes`
  if (/[. ]$/u.test(segment)) return 'a path segment ends with a dot or a space, which Windows silently drops'
  const folded = segment.normalize('NFC').toLowerCase()
  if (folded === '.git' || folded === 'git~1') return 'it would write into a .git folder'
  if (isFirst && RESERVED_TOP_LEVEL_NAMES.includes(folded)) {
    return "it is reserved for the action's own bookkeeping in output-path"
  }
  // Windows ignores everything from the first dot, and spaces before it: "con .txt" is CON.
  const device = (segment.split('.')[0] ?? '').trimEnd().toUpperCase()
  if (WINDOWS_DEVICE_NAMES.has(device)) return `"${device}" is a reserved device name on Windows`
  return undefined
}

/**
 * Why an untrusted relative file name breaks a rule (a phrase such as "it contains a backslash, a
 * folder separator on Windows"), or undefined when it is a plain relative path. For callers that
 * word their own refusal (a folder about to be zipped, rather than an archive being unpacked).
 */
export function relativePathProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty'
  if (CONTROL_CHARACTERS.test(name)) return 'it contains a control character'
  if (INVISIBLE_CHARACTERS.test(name)) return 'it contains an invisible formatting character or broken UTF-16'
  if (name.startsWith('/') || name.startsWith('\\')) return 'it is an absolute path'
  if (/^[A-Za-z]:/u.test(name)) return 'it starts with a Windows drive letter'
  if (name.includes('\\')) return 'it contains a backslash, a folder separator on Windows'
  if (WINDOWS_FORBIDDEN_CHARACTERS.test(name)) return 'it contains one of < > : " | ? *, which Windows cannot store in a file name'
  if (utf8Bytes(name) > MAX_PATH_BYTES) return `it is longer than ${MAX_PATH_BYTES} bytes`
  const segments = name.split('/')
  for (const [index, segment] of segments.entries()) {
    const problem = segmentProblem(segment, index === 0)
    if (problem !== undefined) return problem
  }
  return undefined
}

/**
 * Checks an untrusted relative file name and returns it as a posix relative path, or throws
 * UnsafeContentError saying which rule it breaks. Accepted names are returned unchanged: every rule
 * refuses rather than rewrites, so what is written is exactly what the job named.
 */
export function safeRelativePath(name: string): string {
  const problem = relativePathProblem(name)
  if (problem !== undefined) refuse(name, problem)
  return name
}

/**
 * How a file system that ignores case and Unicode normalisation (APFS and HFS+ on macOS, NTFS on
 * Windows) sees a name. Deliberately broad: lower(upper(x)) also folds ß/SS and the Kelvin sign,
 * and refusing a rare false clash is cheaper than overwriting one generated file with another.
 */
function foldKey(path: string): string {
  return path.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC')
}

/**
 * The names one job has produced so far. Refuses a second file that would land on the same file on
 * any runner's file system, and a name used both as a file and as a folder (`a` and `a/b`).
 */
export class NameSet {
  private readonly files = new Map<string, string>()
  private readonly folders = new Map<string, string>()

  /** Claims a file name (checked with safeRelativePath); throws UnsafeContentError on a clash. */
  claim(path: string): void {
    const name = safeRelativePath(path)
    const key = foldKey(name)
    const earlier = this.files.get(key)
    if (earlier !== undefined) {
      if (earlier === name) refuse(name, 'the job delivered two files with this name')
      refuse(name, `it is the same file as ${printableName(earlier)} on case-insensitive or Unicode-normalising ` + 'file systems (macOS and Windows runners)')
    }
    const folder = this.folders.get(key)
    if (folder !== undefined) refuse(name, `it is also used as a folder by ${printableName(folder)}`)
    this.claimParents(name)
    this.files.set(key, name)
  }

  /** Claims a folder (an archive's folder entry) so that no file may take its name. */
  claimFolder(path: string): void {
    const name = safeRelativePath(path)
    const key = foldKey(name)
    const file = this.files.get(key)
    if (file !== undefined) refuse(name, `it is a folder but ${printableName(file)} is a file`)
    this.claimParents(name)
    if (!this.folders.has(key)) this.folders.set(key, name)
  }

  private claimParents(name: string): void {
    const segments = name.split('/')
    for (let end = 1; end < segments.length; end++) {
      const parent = segments.slice(0, end).join('/')
      const key = foldKey(parent)
      const file = this.files.get(key)
      if (file !== undefined) refuse(name, `its folder ${printableName(parent)} is also a file, ${printableName(file)}`)
      if (!this.folders.has(key)) this.folders.set(key, name)
    }
  }
}
