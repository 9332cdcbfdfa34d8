/**
 * Turns a codegen job's generated files into what the service delivers: a JSON manifest whose
 * entries point at one presigned URL per file, or (older service versions) one zip. Scenario
 * options bend it: failed entries, hostile file names, duplicates, a broken manifest body.
 */
import { buildZip } from './raw-zip.js'
import type { GeneratedFile } from './generated-files.js'
import { type PresignedObject, safeSegment } from './presign.js'
import type { Scenario } from './types.js'

export const CODEGEN_BUCKET = 'amplify-codegen-assets-us-east-1'
export const MANIFEST_FILE_NAME = 'manifest.json'
export const ZIP_FILE_NAME = 'codegen-output.zip'
const FILE_CONTENT_TYPE = 'application/octet-stream'
const DEFAULT_ENTRY_ERROR = 'Failed to generate component'

/** One entry of the manifest (or one zip member). */
export interface AssetEntry {
  fileName: string
  schemaName: string
  /** Bytes behind the entry's URL; undefined when it has none. */
  content: Buffer | undefined
  error: string | null
}

/** Applies the scenario's entry-level options to the generated files. */
export function planEntries(files: readonly GeneratedFile[], scenario: Scenario): AssetEntry[] {
  const entries: AssetEntry[] = files.map(file => ({
    fileName: file.fileName,
    schemaName: file.schemaName,
    content: Buffer.from(file.content, 'utf8'),
    error: null
  }))

  for (const failure of scenario.codegenErrors ?? []) {
    const matching = entries.filter(entry => entry.schemaName === failure.schemaName)
    if (matching.length === 0) {
      entries.push({ fileName: `${failure.schemaName}.jsx`, schemaName: failure.schemaName, content: undefined, error: failure.error })
    }
    for (const entry of matching) {
      entry.error = failure.error
      entry.content = undefined
    }
  }

  for (const spec of scenario.manifestEntryErrors ?? []) {
    const error = spec.error ?? (spec.noUrl ? null : `${DEFAULT_ENTRY_ERROR} ${spec.schemaName}`)
    const matching = entries.filter(entry => entry.schemaName === spec.schemaName && (spec.fileName === undefined || entry.fileName === spec.fileName))
    if (matching.length === 0) {
      entries.push({
        fileName: spec.fileName ?? `${spec.schemaName}.jsx`,
        schemaName: spec.schemaName,
        content: spec.noUrl ? undefined : Buffer.from(`// ${spec.schemaName} could not be generated\n`, 'utf8'),
        error
      })
    }
    for (const entry of matching) {
      entry.error = error
      if (spec.noUrl) entry.content = undefined
    }
  }

  for (const name of scenario.hostileNames ?? []) {
    entries.push({
      fileName: name,
      schemaName: 'Hostile',
      content: Buffer.from(`// written through the hostile name ${JSON.stringify(name)}\n`, 'utf8'),
      error: null
    })
  }

  const first = entries.find(entry => entry.content !== undefined)
  if (scenario.duplicateEntries && first?.content) {
    entries.push({ ...first, content: Buffer.concat([first.content, Buffer.from('// duplicate entry\n', 'utf8')]) })
  }
  return entries
}

export interface AssetLocation {
  appId: string
  environmentName: string
  jobId: string
}

function objectKey(location: AssetLocation, fileName: string): string {
  return `${safeSegment(location.appId)}/${safeSegment(location.environmentName)}/codegen-jobs/${location.jobId}/${fileName}`
}

export function entryObject(location: AssetLocation, entry: AssetEntry, index: number): PresignedObject {
  const content = entry.content ?? Buffer.alloc(0)
  return {
    bucket: CODEGEN_BUCKET,
    // The index keeps duplicates apart; the name is flattened so a hostile `..` or `/` cannot turn
    // into a path segment that URL parsers would normalise away.
    key: objectKey(location, `output/${index}-${safeSegment(entry.fileName)}`),
    fileName: entry.fileName,
    fileKey: `codegen/${location.jobId}/${index}`,
    appId: location.appId,
    contentType: FILE_CONTENT_TYPE,
    load: () => Promise.resolve({ data: content })
  }
}

/** The manifest document; `urlOf` presigns the entry with the given index. */
export function manifestBody(entries: readonly AssetEntry[], urlOf: (entry: AssetEntry, index: number) => string): Buffer {
  const output = entries.map((entry, index) => ({
    fileName: entry.fileName,
    schemaName: entry.schemaName,
    ...(entry.content !== undefined ? { downloadUrl: urlOf(entry, index) } : {}),
    error: entry.error
  }))
  return Buffer.from(JSON.stringify({ Output: output }), 'utf8')
}

export function zipBody(entries: readonly AssetEntry[]): Buffer {
  return buildZip(
    entries.filter(entry => entry.content !== undefined && entry.error === null).map(entry => ({ name: entry.fileName, data: entry.content, deflate: true }))
  )
}

export function assetObject(location: AssetLocation, format: 'manifest' | 'zip', body: Buffer): PresignedObject {
  const fileName = format === 'zip' ? ZIP_FILE_NAME : MANIFEST_FILE_NAME
  return {
    bucket: CODEGEN_BUCKET,
    key: objectKey(location, fileName),
    fileName,
    fileKey: `codegen/${location.jobId}/${fileName}`,
    appId: location.appId,
    contentType: format === 'zip' ? 'application/zip' : 'application/json',
    load: () => Promise.resolve({ data: body })
  }
}
