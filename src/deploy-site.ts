/**
 * The local side of a deploy, run before any AWS call: the source folder listed and checked (the
 * refusals of archives/site-folder.ts), then zipped into a temporary file (archives/zip-writer.ts),
 * or a `.zip` source checked with the name rules of downloaded archives; and, once the deployment
 * exists, the upload of that zip to its presigned URL with progress lines. The temporary zip is
 * removed when the run ends, also when it fails.
 */
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DeploySource } from './archives/deploy-source.js'
import { DEPLOY_ZIP_LIMITS, MAX_DEPLOY_ZIP_BYTES } from './archives/limits.js'
import { listSiteFolder } from './archives/site-folder.js'
import { missingIndexWarning } from './archives/site-index.js'
import { checkZip } from './archives/zip.js'
import { printableName } from './archives/names.js'
import { tooLargeToDeploy, writeZip } from './archives/zip-writer.js'
import { formatBytes } from './bytes.js'
import { formatDuration } from './duration.js'
import { ActionError } from './errors.js'
import { progressReporter } from './transfer/progress.js'
import type { Uploader } from './transfer/types.js'
import { counted } from './words.js'

const ZIP_CONTENT_TYPE = 'application/zip'
const TEMP_PREFIX = 'amplify-deploy-'

export interface SiteLog {
  info(message: string): void
  warning(message: string): void
}

/** What is deployed, for the log and the job summary. */
export interface PreparedSite {
  /** How the source reads in messages: the input as given (a folder, a .zip, or the URL's kind). */
  label: string
  /** The zip to upload; undefined for a URL source, which Amplify fetches itself. */
  zipPath?: string
  zipBytes?: number
  sha256?: string
  files?: number
  /** Set once uploaded. */
  uploadMs?: number
  /** Removes the temporary zip (nothing for a `.zip` source or a URL); safe to call twice. */
  remove(): Promise<void>
}

export interface PrepareOptions {
  /** Where the temporary zip goes: RUNNER_TEMP on a runner, else the system's temporary folder. */
  tempRoot?: string
  signal: AbortSignal
  log: SiteLog
}

/**
 * Lists and zips a folder source, or checks a `.zip` source; a URL source needs nothing here.
 * Throws, before any AWS call, for everything a deploy must refuse.
 */
export async function prepareSite(source: DeploySource, options: PrepareOptions): Promise<PreparedSite> {
  const { signal, log } = options
  if (source.kind === 'url') {
    log.info(`Amplify will fetch the site from ${source.type === 'BUCKET_PREFIX' ? 'the S3 prefix' : 'the zip at'} ${source.shown}.`)
    return { label: source.shown, remove: () => Promise.resolve() }
  }
  if (source.kind === 'zip-file') {
    const what = `the zip ${source.relative}`
    const bytes = (await stat(source.absolute)).size
    if (bytes > MAX_DEPLOY_ZIP_BYTES) throw tooLargeToDeploy(printableName(source.relative), MAX_DEPLOY_ZIP_BYTES, bytes)
    const checked = await checkZip(source.absolute, DEPLOY_ZIP_LIMITS, what, signal)
    const warning = missingIndexWarning(checked, source.relative, 'zip')
    if (warning) log.warning(warning)
    log.info(`Deploying ${source.relative} as it is: ${counted(checked.files, 'file')}, ${formatBytes(bytes)}.`)
    return { label: source.relative, zipPath: source.absolute, zipBytes: bytes, files: checked.files, remove: () => Promise.resolve() }
  }

  const listing = await listSiteFolder(source.absolute, { label: source.relative, signal })
  const warning = missingIndexWarning(listing, source.relative)
  if (warning) log.warning(warning)
  if (listing.leftOut.length) {
    log.info(
      `Left out ${listing.leftOut.join(' and ')}: this action's record of the files an earlier step fetched into ${source.relative}, not part of the site.`
    )
  }
  const folder = await temporaryFolder(options.tempRoot || tmpdir())
  const remove = (): Promise<void> => rm(folder, { recursive: true, force: true })
  try {
    const zipPath = join(folder, `site-${randomUUID()}.zip`)
    const zipStarted = Date.now()
    const zip = await writeZip(zipPath, listing.files, { signal, maxBytes: MAX_DEPLOY_ZIP_BYTES, label: source.relative })
    log.info(
      `Zipped ${source.relative}: ${counted(zip.files, 'file')}, ${formatBytes(zip.contentBytes)} into ${formatBytes(zip.bytes)} in ${formatDuration(Date.now() - zipStarted)} ` +
        `(${zip.deflated} deflated, ${zip.stored} stored: compressed formats, and files deflate would not shrink); SHA-256 ${zip.sha256}.`
    )
    return { label: source.relative, zipPath, zipBytes: zip.bytes, sha256: zip.sha256, files: zip.files, remove }
  } catch (error) {
    await remove()
    throw error
  }
}

/** The upload of the prepared zip, for the deploy job: progress lines for a big one, and its time. */
export function zipUpload(site: PreparedSite, uploader: Uploader, log: SiteLog): (url: string, signal: AbortSignal) => Promise<void> {
  return async (url, signal) => {
    const zipPath = site.zipPath!
    const total = site.zipBytes!
    const started = Date.now()
    log.info(`Uploading ${site.label} (${formatBytes(total)}) ...`)
    const progress = progressReporter(total, line => log.info(`  uploaded ${line}`))
    const result = await uploader.putFile(url, zipPath, {
      signal,
      what: `the zip of ${site.label}`,
      contentType: ZIP_CONTENT_TYPE,
      onProgress: sent => progress(sent)
    })
    site.uploadMs = Date.now() - started
    const retries = result.attempts > 1 ? ` (${result.attempts} attempts)` : ''
    log.info(`Uploaded ${formatBytes(result.bytes)} in ${formatDuration(site.uploadMs)}${retries}.`)
  }
}

/** A folder of its own for the zip, under RUNNER_TEMP (or the system's temporary folder). */
async function temporaryFolder(root: string): Promise<string> {
  try {
    return await mkdtemp(join(root, TEMP_PREFIX))
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).message
    throw new ActionError(
      `Could not make a folder for the site's zip in ${printableName(root)} (${code}). RUNNER_TEMP, or the system's temporary folder outside a runner, must be a writable folder with room for the zip.`
    )
  }
}
