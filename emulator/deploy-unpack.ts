/**
 * Unpacks the zip of a manual deployment the way Amplify would take it apart, so tests can read
 * the deployed site back. Entries are streamed into files of a scratch folder under generated
 * names (0, 1, ...): a name from the zip is only ever a key, never a path, so a hostile archive
 * cannot write outside the folder. yauzl checks each entry's size and CRC-32; a file that is not a
 * zip, a broken entry or an unsafe name (absolute, `..`) rejects with yauzl's reason.
 */
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yauzl from 'yauzl'
import type { Entry, ZipFile } from 'yauzl'
import type { DeployedFile } from './hosting-jobs.js'

const ZIP_OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: true, validateEntrySizes: true }

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => yauzl.open(path, ZIP_OPTIONS, (error, zip) => (error ? reject(error) : resolve(zip))))
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))))
}

async function saveEntry(zip: ZipFile, entry: Entry, path: string): Promise<DeployedFile> {
  const hash = createHash('sha256')
  let size = 0
  await pipeline(
    await openEntry(zip, entry),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk)
        size += chunk.length
        yield chunk
      }
    },
    createWriteStream(path)
  )
  return { name: entry.fileName, path, size, sha256: hash.digest('hex') }
}

/** The files of the zip at `zipPath` (folders left out), written into `folder`. */
export async function unpackSite(zipPath: string, folder: string): Promise<DeployedFile[]> {
  await mkdir(folder, { recursive: true })
  const zip = await openZip(zipPath)
  const files: DeployedFile[] = []
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject)
    zip.on('end', () => resolve())
    zip.on('entry', (entry: Entry) => {
      if (entry.fileName.endsWith('/')) {
        zip.readEntry()
        return
      }
      saveEntry(zip, entry, join(folder, String(files.length)))
        .then(file => {
          files.push(file)
          zip.readEntry()
        })
        .catch((error: unknown) => {
          zip.close()
          reject(error as Error)
        })
    })
    zip.readEntry()
  })
  return files
}
