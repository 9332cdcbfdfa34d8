/**
 * What `source` may be for a deploy, decided from the input alone (no AWS, no reading of the
 * folder's contents yet): a folder or a `.zip` file in the workspace, or a URL Amplify fetches
 * itself. The rules that need the folder's contents (a `.git` folder inside, a symlink out, empty)
 * are site-folder.ts's; together they make sure a deploy publishes the site and nothing else.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs'
import { relative, resolve, sep } from 'node:path'
import { InputError, quote } from '../errors.js'
import { isInside, realpathOrSelf } from '../workspace-paths.js'

/** StartDeployment's limit on sourceUrl. */
export const MAX_SOURCE_URL_LENGTH = 3000
/** S3 bucket names: 3 to 63 lowercase letters, digits, dots and hyphens. */
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/
const ZIP_EXTENSION = /\.zip$/i

export type DeploySource =
  /** A built site: the folder's contents become the site's root. */
  | { kind: 'folder'; relative: string; absolute: string }
  /** A zip made elsewhere, uploaded as it is once its names are checked. */
  | { kind: 'zip-file'; relative: string; absolute: string }
  /**
   * Amplify fetches it (StartDeployment sourceUrl): an S3 prefix, or a zip on S3 or https. `shown`
   * is how messages print it: without the user info and query string a presigned URL signs with.
   */
  | { kind: 'url'; url: string; shown: string; type: 'ZIP' | 'BUCKET_PREFIX' }

/** The `source` input, resolved against the workspace; throws an InputError saying what to give instead. */
export function resolveDeploySource(raw: string, workspace: string): DeploySource {
  if (!raw) {
    throw new InputError(
      'source',
      "is required for job-type 'deploy': the folder your build wrote the site into (e.g. dist), a .zip file, s3://bucket/prefix/, s3://bucket/key.zip or an https:// URL of a zip."
    )
  }
  if (CONTROL_CHARACTERS.test(raw)) throw new InputError('source', `${quote(raw)} holds control characters; give a path or URL without them.`)
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw)?.[1]?.toLowerCase()
  if (scheme === undefined) return workspaceSource(raw, workspace)
  if (raw.length > MAX_SOURCE_URL_LENGTH) {
    throw new InputError('source', `is ${raw.length} characters long; Amplify takes a source URL of at most ${MAX_SOURCE_URL_LENGTH}.`)
  }
  if (scheme === 's3') return s3Source(raw)
  if (scheme === 'https') {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      throw new InputError('source', `${quote(withoutCredentials(raw))} is not a valid URL.`)
    }
    if (!url.hostname) throw new InputError('source', `${quote(withoutCredentials(raw))} names no host.`)
    return { kind: 'url', url: raw, shown: withoutCredentials(raw), type: 'ZIP' }
  }
  if (scheme === 'http') {
    throw new InputError(
      'source',
      `${quote(withoutCredentials(raw))} is a plain http URL; Amplify fetches a source over https (or from S3). Use an https:// URL.`
    )
  }
  throw new InputError(
    'source',
    `${quote(withoutCredentials(raw))} is a ${scheme}:// URL; use a workspace folder or .zip file, s3://bucket/prefix/, s3://bucket/key.zip or an https:// URL.`
  )
}

function s3Source(raw: string): DeploySource {
  const match = /^s3:\/\/([^/]*)\/(.*)$/i.exec(raw)
  const bucket = match?.[1] ?? ''
  const key = match?.[2] ?? ''
  if (!S3_BUCKET.test(bucket)) {
    throw new InputError('source', `${quote(raw)} does not name an S3 bucket: write s3://bucket/prefix/ (a folder of the site) or s3://bucket/key.zip.`)
  }
  if (!key || key === '/') {
    throw new InputError(
      'source',
      `${quote(raw)} names a bucket but no prefix or key: write s3://${bucket}/prefix/ (the folder holding the site, ending in /) or s3://${bucket}/site.zip.`
    )
  }
  return { kind: 'url', url: raw, shown: raw, type: key.endsWith('/') ? 'BUCKET_PREFIX' : 'ZIP' }
}

/**
 * A URL as messages print it: a presigned URL's credentials are in its query string (and a URL may
 * carry a user and password), so both are left out; `?…` says there was a query. Works on text
 * that does not parse as a URL too, for the refusals of such text.
 */
export function withoutCredentials(raw: string): string {
  const noUserInfo = raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1')
  const queryStart = noUserInfo.search(/[?#]/)
  if (queryStart < 0) return noUserInfo
  return noUserInfo.slice(0, queryStart) + (noUserInfo[queryStart] === '?' ? '?…' : '')
}

function workspaceSource(raw: string, workspace: string): DeploySource {
  const lexical = resolve(workspace, raw)
  const realWorkspace = realpathOrSelf(workspace)
  if (lexical === resolve(workspace)) {
    throw new InputError(
      'source',
      `${quote(raw)} is the workspace root, which would publish the whole repository; give the folder your build wrote the site into, e.g. dist.`
    )
  }
  if (!isInside(resolve(workspace), lexical)) {
    throw new InputError(
      'source',
      `${quote(raw)} is outside the workspace; give a workspace-relative folder such as dist (build the site inside the workspace).`
    )
  }
  refuseGitFolder(raw, relative(resolve(workspace), lexical))
  if (lstatOrUndefined(lexical) === undefined) {
    throw new InputError(
      'source',
      `${quote(raw)} does not exist in the workspace. Build the site before this step, and check the folder your build writes to (dist, build, out...).`
    )
  }
  let real: string
  try {
    real = realpathSync(lexical)
  } catch {
    throw new InputError('source', `${quote(raw)} goes through a broken symlink; fix or remove the link, or give the site's real folder.`)
  }
  if (real === realWorkspace) {
    throw new InputError(
      'source',
      `${quote(raw)} leads to the workspace root through a symlink, which would publish the whole repository; give the site's own folder.`
    )
  }
  if (!isInside(realWorkspace, real)) {
    throw new InputError('source', `${quote(raw)} leads outside the workspace through a symlink; give a real folder of the workspace.`)
  }
  refuseGitFolder(raw, relative(realWorkspace, real))
  const stats = statSync(real)
  const shown = relative(resolve(workspace), lexical).split(sep).join('/')
  if (stats.isDirectory()) return { kind: 'folder', relative: shown, absolute: real }
  if (stats.isFile() && ZIP_EXTENSION.test(lexical)) return { kind: 'zip-file', relative: shown, absolute: real }
  throw new InputError(
    'source',
    `${quote(raw)} is a file but not a .zip; give the folder holding the site (its contents become the site's root), or a .zip of it.`
  )
}

/** A path (relative to the workspace) in or at `.git`, any case (case-insensitive file systems): refused. */
function refuseGitFolder(raw: string, path: string): void {
  if (path.split(sep).some(segment => segment.toLowerCase() === '.git')) {
    throw new InputError(
      'source',
      `${quote(raw)} is inside .git, which would publish the repository's history; give the folder your build wrote the site into.`
    )
  }
}

function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path)
  } catch {
    return undefined
  }
}
