/**
 * The UI Builder codegen asset: a JSON manifest `{"Output":[{fileName, schemaName, downloadUrl,
 * error}]}` where each entry's presigned URL holds one generated file. Everything in it is checked
 * before the first download: the shape, the number of files, every name, every component's error.
 */
import { mkdir } from 'node:fs/promises'
import * as path from 'node:path'
import { DownloadError, JobFailedError, UnsafeContentError } from '../errors.js'
import { DOWNLOAD_CONCURRENCY } from '../transfer/limits.js'
import { NameSet, printableName, safeRelativePath } from './names.js'
import type { FetchLimits } from './types.js'
import { counted } from '../words.js'
import type { StagedFile, Staging } from '../output-folder/types.js'
import type { Downloader } from '../transfer/types.js'

/** Longest service error text quoted per component; the rest would only bury the other components. */
const MAX_COMPONENT_ERROR_CHARS = 500
/** Failed components named one by one in the error; the count covers the rest. */
const MAX_LISTED_FAILURES = 20

/** One generated file to download. */
export interface ManifestFile {
  /** Checked relative path below the output folder. */
  path: string
  /** The component or form it belongs to, when the service says. */
  schemaName?: string
  downloadUrl: string
}

export interface CodegenManifest {
  files: ManifestFile[]
}

export interface StageManifestOptions {
  signal?: AbortSignal
  limits: FetchLimits
  /** Downloads at once; defaults to DOWNLOAD_CONCURRENCY. */
  concurrency?: number
}

interface ComponentFailure {
  schemaName: string | undefined
  fileName: string | undefined
  error: string
}

function malformed(problem: string): DownloadError {
  return new DownloadError(
    `The codegen job's file list (the asset manifest) is not what the action expects: ${problem}. ` +
      'The service may have changed its format; re-run the step, and report it if it persists.'
  )
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** The service's error of one entry, or undefined when the entry has none. */
function entryError(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > MAX_COMPONENT_ERROR_CHARS ? `${text.slice(0, MAX_COMPONENT_ERROR_CHARS)}…` : text
}

/**
 * Parses and checks the manifest. Throws JobFailedError listing every component that failed to
 * generate, UnsafeContentError for a hostile name or a broken limit, DownloadError for a manifest
 * that is not one. Nothing is downloaded here.
 */
export function parseCodegenManifest(body: Buffer, limits: FetchLimits): CodegenManifest {
  if (body.length > limits.maxDocumentBytes) {
    throw new UnsafeContentError(`Refusing the codegen job's file list: it is ${body.length} bytes, more than the ${limits.maxDocumentBytes} allowed.`)
  }
  let document: unknown
  try {
    // A byte order mark is legal in JSON files written by some tools, but JSON.parse rejects it.
    document = JSON.parse(body.toString('utf8').replace(/^\uFEFF/u, ''))
  } catch {
    throw malformed('it is not valid JSON')
  }
  const output = (document as { Output?: unknown } | null)?.Output
  if (typeof document !== 'object' || document === null || !Array.isArray(output)) {
    throw malformed('it has no "Output" list')
  }
  if (output.length > limits.maxFiles) {
    throw new UnsafeContentError(`Refusing the codegen job's output: it lists ${output.length} files, more than the ${limits.maxFiles} allowed.`)
  }

  const failures: ComponentFailure[] = []
  const candidates: { fileName: unknown; schemaName: string | undefined; downloadUrl: string }[] = []
  output.forEach((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw malformed(`entry ${index + 1} of "Output" is not an object`)
    }
    const record = entry as Record<string, unknown>
    const schemaName = optionalString(record.schemaName)
    const downloadUrl = optionalString(record.downloadUrl)
    const error = entryError(record.error)
    if (error !== undefined || downloadUrl === undefined) {
      failures.push({
        schemaName,
        fileName: optionalString(record.fileName),
        error: error ?? 'the service delivered no file for it'
      })
      return
    }
    candidates.push({ fileName: record.fileName, schemaName, downloadUrl })
  })
  if (failures.length > 0) throw componentsFailed(failures)

  const names = new NameSet()
  const files = candidates.map(({ fileName, schemaName, downloadUrl }, index): ManifestFile => {
    if (typeof fileName !== 'string') throw malformed(`entry ${index + 1} has no "fileName"`)
    const checked = safeRelativePath(fileName)
    names.claim(checked)
    return schemaName === undefined ? { path: checked, downloadUrl } : { path: checked, schemaName, downloadUrl }
  })
  return { files }
}

function componentsFailed(failures: readonly ComponentFailure[]): JobFailedError {
  const lines = failures.map(({ schemaName, fileName, error }) => {
    const component = schemaName === undefined ? 'an unnamed component' : printableName(schemaName)
    const file = fileName === undefined ? '' : ` (${printableName(fileName)})`
    return `${component}${file}: ${error}`
  })
  const count = counted(failures.length, 'component')
  // A job of thousands of failed components would otherwise print one error line of megabytes.
  const listed = lines.slice(0, MAX_LISTED_FAILURES)
  if (lines.length > listed.length) listed.push(`and ${lines.length - listed.length} more (see the job in Amplify Studio)`)
  return new JobFailedError(
    `Amplify UI Builder could not generate ${count}: ${listed.join('; ')}. ` +
      'Fix them in Amplify Studio (or in the render config) and re-run the step; nothing was written.'
  )
}

/**
 * A byte budget shared by parallel downloads; refuses the chunk that would cross the limit, so the
 * total is enforced while files stream, not after they have filled the disk.
 */
function totalBudget(limits: FetchLimits): (delta: number) => void {
  let used = 0
  return delta => {
    if (used + delta > limits.maxTotalBytes) {
      throw new UnsafeContentError(
        `Refusing the codegen job's output: its files add up to more than the ${limits.maxTotalBytes} bytes allowed. Nothing was written.`
      )
    }
    used += delta
  }
}

/**
 * Downloads every file of the manifest into `staging.root`, several at a time, and registers each.
 * The downloader masks each URL before its request. The first failure stops the other downloads, and the
 * promise rejects with it once they have all let go of their files.
 */
export async function stageCodegenManifest(
  manifest: CodegenManifest,
  staging: Staging,
  downloader: Downloader,
  options: StageManifestOptions
): Promise<StagedFile[]> {
  options.signal?.throwIfAborted()

  const stop = new AbortController()
  const onAbort = (): void => stop.abort(options.signal?.reason)
  options.signal?.addEventListener('abort', onAbort, { once: true })
  const onBytes = totalBudget(options.limits)
  const staged: StagedFile[] = []
  let next = 0
  let firstError: { error: unknown } | undefined

  const worker = async (): Promise<void> => {
    while (!stop.signal.aborted) {
      const file = manifest.files[next++]
      if (file === undefined) return
      try {
        // Checked in parseCodegenManifest already; checked again because this is where it is written.
        const relative = safeRelativePath(file.path)
        const destination = path.join(staging.root, ...relative.split('/'))
        await mkdir(path.dirname(destination), { recursive: true })
        const what = `the generated file ${printableName(relative)}`
        const result = await downloader.toFile(file.downloadUrl, destination, {
          signal: stop.signal,
          maxBytes: options.limits.maxTotalBytes,
          what,
          exclusive: true,
          onBytes
        })
        const stagedFile = { path: relative, bytes: result.bytes, sha256: result.sha256 }
        staging.add(stagedFile)
        staged.push(stagedFile)
      } catch (error) {
        // Later failures are mostly the abort this one caused; the first is the one to report.
        if (firstError === undefined) {
          firstError = { error: options.signal?.aborted === true ? options.signal.reason : error }
          stop.abort(firstError.error)
        }
        return
      }
    }
  }

  try {
    const workers = Math.max(1, Math.min(options.concurrency ?? DOWNLOAD_CONCURRENCY, manifest.files.length))
    await Promise.all(Array.from({ length: workers }, worker))
  } finally {
    options.signal?.removeEventListener('abort', onAbort)
  }
  if (firstError !== undefined) throw firstError.error
  options.signal?.throwIfAborted()
  return staged
}
