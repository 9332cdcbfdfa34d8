import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import * as path from 'node:path'
import { DownloadError, JobFailedError, UnsafeContentError } from '../../../src/errors.js'
import { createDownloader } from '../../../src/transfer/http.js'
import { CODEGEN_LIMITS } from '../../../src/archives/limits.js'
import { parseCodegenManifest, stageCodegenManifest } from '../../../src/archives/manifest.js'
import type { FetchLimits } from '../../../src/archives/types.js'
import type { Downloader } from '../../../src/transfer/types.js'
import { FakeStaging, errorOf, recordingSleep, startServer } from '../../helpers/fetch.js'
import type { TestServer } from '../../helpers/fetch.js'

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value))
const entry = (fileName: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  fileName,
  schemaName: fileName.split('.')[0],
  downloadUrl: `https://bucket.example/${fileName}?X-Amz-Signature=secret${fileName.length}`,
  error: null,
  ...extra
})
const sha = (data: string): string => createHash('sha256').update(data).digest('hex')

describe('parseCodegenManifest', () => {
  it('returns the checked files of a well-formed manifest', () => {
    const manifest = parseCodegenManifest(json({ Output: [entry('Button.jsx'), entry('forms/NoteForm.jsx', { schemaName: undefined })] }), CODEGEN_LIMITS)
    expect(manifest.files).toEqual([
      { path: 'Button.jsx', schemaName: 'Button', downloadUrl: 'https://bucket.example/Button.jsx?X-Amz-Signature=secret10' },
      { path: 'forms/NoteForm.jsx', downloadUrl: 'https://bucket.example/forms/NoteForm.jsx?X-Amz-Signature=secret18' }
    ])
  })

  it('accepts a byte order mark and an empty list', () => {
    expect(parseCodegenManifest(Buffer.from('\uFEFF{"Output":[]}'), CODEGEN_LIMITS).files).toEqual([])
  })

  it('says so when the manifest is not JSON', () => {
    expect(() => parseCodegenManifest(Buffer.from('<Error>AccessDenied</Error>'), CODEGEN_LIMITS)).toThrow(DownloadError)
    expect(() => parseCodegenManifest(Buffer.from('{"Output":['), CODEGEN_LIMITS)).toThrow(/not valid JSON/)
  })

  it.each([
    ['null', null],
    ['a list', []],
    ['no Output', { output: [] }],
    ['Output not a list', { Output: { fileName: 'a.js' } }]
  ])('says so when the manifest is %s', (_label, document) => {
    expect(() => parseCodegenManifest(json(document), CODEGEN_LIMITS)).toThrow(/no "Output" list/)
  })

  it('says which entry is not an object, or has no file name', () => {
    expect(() => parseCodegenManifest(json({ Output: [entry('a.js'), 'b.js'] }), CODEGEN_LIMITS)).toThrow(/entry 2 of "Output" is not an object/)
    expect(() => parseCodegenManifest(json({ Output: [entry('a.js'), { downloadUrl: 'https://x/y' }] }), CODEGEN_LIMITS)).toThrow(/entry 2 has no "fileName"/)
  })

  it('refuses more entries than maxFiles, and a manifest larger than maxDocumentBytes', () => {
    const limits: FetchLimits = { ...CODEGEN_LIMITS, maxFiles: 2 }
    const three = json({ Output: [entry('a.js'), entry('b.js'), entry('c.js')] })
    expect(() => parseCodegenManifest(three, limits)).toThrow(UnsafeContentError)
    expect(() => parseCodegenManifest(three, limits)).toThrow(/lists 3 files, more than the 2 allowed/)
    expect(() => parseCodegenManifest(three, { ...CODEGEN_LIMITS, maxDocumentBytes: 50 })).toThrow(/more than the 50 allowed/)
  })

  it('lists every failed component with its error in one JobFailedError, without URLs', () => {
    const body = json({
      Output: [
        entry('Button.jsx'),
        entry('Hero.jsx', { error: 'Unknown binding property "title"' }),
        entry('Card.jsx', { downloadUrl: null }),
        { schemaName: 'Footer', error: { code: 'RenderError', detail: 'bad prop' } },
        entry('Nav.jsx', { schemaName: undefined, error: 'x'.repeat(2000) })
      ]
    })
    const error = (() => {
      try {
        parseCodegenManifest(body, CODEGEN_LIMITS)
      } catch (e) {
        return e as Error
      }
      throw new Error('expected a failure')
    })()
    expect(error).toBeInstanceOf(JobFailedError)
    expect(error.message).toMatch(/could not generate 4 components/)
    expect(error.message).toContain('"Hero" ("Hero.jsx"): Unknown binding property "title"')
    expect(error.message).toContain('"Card" ("Card.jsx"): the service delivered no file for it')
    expect(error.message).toContain('"Footer": {"code":"RenderError","detail":"bad prop"}')
    expect(error.message).toContain('an unnamed component ("Nav.jsx"): xxxx')
    expect(error.message).not.toContain('x'.repeat(600))
    expect(error.message).not.toContain('Button')
    expect(error.message).not.toMatch(/https:|Signature/)
  })

  it('checks every name before anything is downloaded: hostile names and clashes', () => {
    expect(() => parseCodegenManifest(json({ Output: [entry('a.js'), entry('../../.github/workflows/x.yml')] }), CODEGEN_LIMITS)).toThrow(UnsafeContentError)
    expect(() => parseCodegenManifest(json({ Output: [entry('Button.jsx'), entry('Button.jsx')] }), CODEGEN_LIMITS)).toThrow(/two files with this name/)
    expect(() => parseCodegenManifest(json({ Output: [entry('Button.jsx'), entry('BUTTON.jsx')] }), CODEGEN_LIMITS)).toThrow(/same file as/)
    expect(() => parseCodegenManifest(json({ Output: [entry('ui'), entry('ui/Button.jsx')] }), CODEGEN_LIMITS)).toThrow(/also a file/)
  })
})

describe('stageCodegenManifest', () => {
  let staging: FakeStaging
  let server: TestServer
  let downloader: ReturnType<typeof createDownloader>
  const contents = new Map<string, string>()
  /** Paths the server will never answer (the request just hangs). */
  const hanging = new Set<string>()
  const forbidden = new Set<string>()
  let masked: string[]
  /** Per request: whether its URL had been masked by then. */
  let maskedWhenRequested: boolean[]
  const mask = (secret: string): void => {
    masked.push(secret)
  }

  beforeEach(async () => {
    staging = await FakeStaging.create()
    contents.clear()
    hanging.clear()
    forbidden.clear()
    masked = []
    maskedWhenRequested = []
    server = await startServer((req, res) => {
      maskedWhenRequested.push(masked.some(url => url.endsWith(req.url ?? '')))
      const name = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').slice('/files/'.length)
      if (hanging.has(name)) return
      if (forbidden.has(name)) {
        res.writeHead(403).end()
        return
      }
      const content = contents.get(name)
      if (content === undefined) res.writeHead(404).end()
      else res.end(content)
    })
    downloader = createDownloader({ sleep: recordingSleep().sleep, idleTimeoutMs: 60_000, mask })
  })

  afterEach(async () => {
    downloader.close()
    await server.close()
    await staging.remove()
  })

  function manifestOf(names: string[]): Buffer {
    return json({
      Output: names.map(name => ({ fileName: name, schemaName: name, downloadUrl: server.url(`/files/${encodeURIComponent(name)}`), error: null }))
    })
  }

  it('downloads every file into staging.root, folders included, and registers each', async () => {
    const names = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? `forms/Form${i}.jsx` : `Component${i}.jsx`))
    for (const name of names) contents.set(name, `// ${name}\n`.repeat(10))
    const manifest = parseCodegenManifest(manifestOf(names), CODEGEN_LIMITS)
    const staged = await stageCodegenManifest(manifest, staging, downloader, { limits: CODEGEN_LIMITS, concurrency: 4 })
    expect(await staging.written()).toEqual([...names].sort())
    expect(staged).toHaveLength(40)
    expect([...staging.files].sort((a, b) => a.path.localeCompare(b.path))).toEqual([...staged].sort((a, b) => a.path.localeCompare(b.path)))
    const form = staged.find(f => f.path === 'forms/Form0.jsx')
    expect(form).toEqual({ path: 'forms/Form0.jsx', bytes: contents.get('forms/Form0.jsx')?.length, sha256: sha(contents.get('forms/Form0.jsx') ?? '') })
    expect(await readFile(path.join(staging.root, 'forms', 'Form0.jsx'), 'utf8')).toBe(contents.get('forms/Form0.jsx'))
  })

  it("masks every file's URL before its request (the downloader's mask)", async () => {
    const names = ['A.jsx', 'B.jsx', 'C.jsx']
    for (const name of names) contents.set(name, name)
    const manifest = parseCodegenManifest(manifestOf(names), CODEGEN_LIMITS)
    await stageCodegenManifest(manifest, staging, downloader, { limits: CODEGEN_LIMITS })
    for (const file of manifest.files) expect(masked).toContain(file.downloadUrl)
    expect(maskedWhenRequested).toEqual([true, true, true])
  })

  it('stops the other downloads on the first failure and rejects with it', async () => {
    const names = ['Slow1.jsx', 'Slow2.jsx', 'Expired.jsx', 'Later.jsx']
    hanging.add('Slow1.jsx')
    hanging.add('Slow2.jsx')
    forbidden.add('Expired.jsx')
    contents.set('Later.jsx', 'x')
    const manifest = parseCodegenManifest(manifestOf(names), CODEGEN_LIMITS)
    // With a 60 s idle timeout, only the abort can end the two hanging downloads within the test's time.
    const error = await errorOf(stageCodegenManifest(manifest, staging, downloader, { limits: CODEGEN_LIMITS, concurrency: 3 }))
    expect(error).toBeInstanceOf(DownloadError)
    expect(error.message).toMatch(/presigned URL for the generated file "Expired.jsx" was refused with 403/)
    expect(server.requests).not.toContain('/files/Later.jsx')
    expect(await staging.written()).toEqual([])
  })

  it('enforces the total size across all files while they stream', async () => {
    const names = ['A.jsx', 'B.jsx', 'C.jsx']
    for (const name of names) contents.set(name, 'x'.repeat(600))
    const limits: FetchLimits = { ...CODEGEN_LIMITS, maxTotalBytes: 1000 }
    const manifest = parseCodegenManifest(manifestOf(names), limits)
    const error = await errorOf(stageCodegenManifest(manifest, staging, downloader, { limits, concurrency: 1 }))
    expect(error).toBeInstanceOf(UnsafeContentError)
    expect(error.message).toMatch(/add up to more than the 1000 bytes allowed/)
  })

  it('rejects with the reason of the caller abort', async () => {
    hanging.add('A.jsx')
    const manifest = parseCodegenManifest(manifestOf(['A.jsx']), CODEGEN_LIMITS)
    const controller = new AbortController()
    const reason = new Error('deadline reached')
    const pending = stageCodegenManifest(manifest, staging, downloader, { limits: CODEGEN_LIMITS, signal: controller.signal })
    while (server.requests.length === 0) await new Promise(r => setTimeout(r, 5))
    controller.abort(reason)
    expect(await errorOf(pending)).toBe(reason)
  })

  it('asks the downloader for exclusive creation and caps each file at the total', async () => {
    const recorded: { exclusive?: boolean; maxBytes: number }[] = []
    const fake: Downloader = {
      toFile: async (_url, _destination, options) => {
        recorded.push(options)
        return { bytes: 0, sha256: sha('') }
      },
      toBuffer: async () => Buffer.alloc(0)
    }
    const manifest = parseCodegenManifest(json({ Output: [entry('a.js'), entry('b.js')] }), CODEGEN_LIMITS)
    await stageCodegenManifest(manifest, staging, fake, { limits: CODEGEN_LIMITS })
    expect(recorded.map(o => o.exclusive)).toEqual([true, true])
    expect(recorded.every(o => o.maxBytes === CODEGEN_LIMITS.maxTotalBytes)).toBe(true)
  })
})
