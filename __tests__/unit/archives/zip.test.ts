import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import { UnsafeContentError } from '../../../src/errors.js'
import { CODEGEN_LIMITS } from '../../../src/archives/limits.js'
import type { FetchLimits } from '../../../src/archives/types.js'
import type { StagedFile } from '../../../src/output-folder/types.js'
import { extractZip } from '../../../src/archives/zip.js'
import { FakeStaging, errorOf } from '../../helpers/fetch.js'
import { rawZip, unicodePathField, yazlZip } from './zip-builder.js'

let staging: FakeStaging
let zipFile: string

beforeEach(async () => {
  staging = await FakeStaging.create()
  zipFile = path.join(staging.scratch, 'test.zip')
})

afterEach(async () => {
  await staging.remove()
})

const sha = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex')

async function extract(zip: Buffer, limits: FetchLimits = CODEGEN_LIMITS, signal?: AbortSignal): Promise<StagedFile[]> {
  await writeFile(zipFile, zip)
  return extractZip(zipFile, staging, { limits, what: 'the test archive', signal })
}

/** The archive is refused with UnsafeContentError matching `why`, and nothing at all was written. */
async function expectRefused(zip: Buffer, why: RegExp, limits: FetchLimits = CODEGEN_LIMITS): Promise<string> {
  const error = await errorOf(extract(zip, limits))
  expect(error).toBeInstanceOf(UnsafeContentError)
  expect(error.message).toMatch(why)
  expect(await staging.written()).toEqual([])
  expect(staging.files).toEqual([])
  return error.message
}

describe('extractZip: well-formed archives', () => {
  it('writes every file, stored or deflated, in folders, and registers size and sha256', async () => {
    const big = Buffer.alloc(300_000, 'abc')
    const zip = await yazlZip([
      { name: 'index.js', data: 'export * from "../fetch/Button"\n' },
      { name: 'Button.jsx', data: 'export default 1\n', compress: false },
      { name: 'assets/', directory: true },
      { name: 'assets/big.bin', data: big },
      { name: 'empty.txt', data: '' },
      { name: 'empty-folder/', directory: true }
    ])
    const staged = await extract(zip)
    expect(await staging.written()).toEqual(['Button.jsx', 'assets/big.bin', 'empty.txt', 'index.js'])
    expect(await readFile(path.join(staging.root, 'assets', 'big.bin'))).toEqual(big)
    expect(staging.files).toEqual(staged)
    expect(staged).toContainEqual({ path: 'assets/big.bin', bytes: big.length, sha256: sha(big) })
    expect(staged).toContainEqual({ path: 'empty.txt', bytes: 0, sha256: sha('') })
  })

  it('accepts an empty archive', async () => {
    expect(await extract(await yazlZip([]))).toEqual([])
  })

  it('accepts entries without unix mode (made on Windows)', async () => {
    const staged = await extract(rawZip([{ name: 'a.js', data: 'x', versionMadeBy: 0x0014, externalAttributes: 0x20 }]))
    expect(staged).toEqual([{ path: 'a.js', bytes: 1, sha256: sha('x') }])
  })
})

describe('extractZip: entry kinds', () => {
  it('refuses a symbolic link', async () => {
    const zip = await yazlZip([
      { name: 'ok.js', data: 'fine' },
      { name: 'link', data: '/etc/passwd', mode: 0o120777 }
    ])
    const message = await expectRefused(zip, /entry "link" of the test archive: it is a symbolic link/)
    expect(message).toMatch(/^Refusing/)
  })

  it('refuses a symbolic link even when the archive claims a non-unix origin', async () => {
    await expectRefused(rawZip([{ name: 'link', data: '../x', versionMadeBy: 0x0014, externalAttributes: (0o120777 << 16) >>> 0 }]), /symbolic link/)
  })

  it.each([
    ['a FIFO', 0o010644],
    ['a character device', 0o020644],
    ['a block device', 0o060644],
    ['a socket', 0o140644]
  ])('refuses %s', async (_label, mode) => {
    await expectRefused(rawZip([{ name: 'special', data: '', externalAttributes: (mode << 16) >>> 0 }]), /neither a regular file nor a folder/)
  })

  it('refuses a folder entry with content, and a folder mode on a file name', async () => {
    await expectRefused(rawZip([{ name: 'dir/', data: 'hidden', externalAttributes: (0o040755 << 16) >>> 0 }]), /folder with content/)
    await expectRefused(rawZip([{ name: 'dir', data: '', externalAttributes: (0o040755 << 16) >>> 0 }]), /folder whose name does not end/)
  })

  it('refuses an encrypted entry', async () => {
    await expectRefused(rawZip([{ name: 'secret.js', data: 'x'.repeat(12) + 'abc', flags: 0x1, declaredSize: 3 }]), /"secret.js".*encrypted/)
  })

  it('refuses a compression method node cannot undo', async () => {
    await expectRefused(rawZip([{ name: 'a.js', data: 'abc', method: 12 }]), /compression method 12/)
  })
})

describe('extractZip: sizes', () => {
  it('refuses a declared total over the limit before writing anything (zip bomb)', async () => {
    const limits = { ...CODEGEN_LIMITS, maxTotalBytes: 1 << 20 }
    // Three fine entries first: a streaming extractor would have written them already.
    const zip = await yazlZip([
      { name: 'a.js', data: 'a' },
      { name: 'b.js', data: 'b' },
      { name: 'c.js', data: 'c' },
      { name: 'bomb.bin', data: Buffer.alloc((1 << 20) + 1) }
    ])
    expect(zip.length).toBeLessThan(10_000)
    await expectRefused(zip, new RegExp(`unpack to more than the ${1 << 20} bytes allowed`), limits)
  })

  it('refuses overlapping entries that declare a huge total from a tiny file', async () => {
    const limits = { ...CODEGEN_LIMITS, maxTotalBytes: 1 << 20 }
    const entries = Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.bin`, data: 'x', declaredSize: 400_000, method: 8 }))
    await expectRefused(rawZip(entries), /unpack to more than/, limits)
  })

  it('refuses a deflated entry that inflates to more than it declares', async () => {
    const message = await expectRefused(rawZip([{ name: 'liar.bin', data: Buffer.alloc(100_000), method: 8, declaredSize: 1000 }]), /"liar.bin"/)
    expect(message).toMatch(/too many bytes|more bytes than it declares/)
  })

  it('refuses a deflated entry that inflates to less than it declares', async () => {
    await expectRefused(rawZip([{ name: 'short.bin', data: Buffer.alloc(1000), method: 8, declaredSize: 5000 }]), /"short.bin".*not enough bytes/)
  })

  it('refuses a stored entry whose two sizes disagree', async () => {
    await expectRefused(rawZip([{ name: 'odd.bin', data: 'abcdef', declaredSize: 3 }]), /size mismatch/)
  })

  it('refuses an entry whose checksum does not match', async () => {
    await expectRefused(rawZip([{ name: 'bad.js', data: 'abc', declaredCrc: 12345 }]), /"bad.js".*checksum/)
  })

  it('checks the entry count of the end record before reading the entries', async () => {
    const limits = { ...CODEGEN_LIMITS, maxFiles: 3 }
    // The end record claims 50,000 entries; there is no central directory behind it at all.
    await expectRefused(rawZip([], { declaredEntryCount: 50_000 }), /50000 entries, more than the 3 allowed/, limits)
    const four = await yazlZip(['a', 'b', 'c', 'd'].map(name => ({ name, data: name })))
    await expectRefused(four, /4 entries, more than the 3 allowed/, limits)
  })

  it('refuses a file that is not a zip', async () => {
    await expectRefused(Buffer.from('{"Output":[]}'), /not a valid zip archive/)
  })
})

describe('extractZip: names', () => {
  const hostile: [string, string | Buffer, RegExp][] = [
    ['parent traversal', '../evil.js', /"\.\." path segment/],
    ['deep traversal', 'a/../../evil.js', /"\.\." path segment/],
    ['absolute path', '/tmp/evil.js', /absolute path/],
    ['drive letter', 'C:/evil.js', /drive letter/],
    ['backslash traversal', '..\\evil.js', /backslash/],
    ['.git hook', '.git/hooks/post-checkout', /\.git/],
    ['bookkeeping file', '.amplify-job-action.json', /bookkeeping/],
    ['NUL', 'a\u0000.js', /control character/],
    ['device name', 'aux.js', /reserved device name/]
  ]

  it.each(hostile)('refuses an entry named by %s', async (_label, name, why) => {
    await expectRefused(
      rawZip([
        { name: 'fine.js', data: 'ok' },
        { name, data: 'evil' }
      ]),
      why
    )
  })

  it('decodes a name without the UTF-8 flag as CP437', async () => {
    // 0x82 is "é" in CP437; as latin1 it would be a C1 control character.
    const staged = await extract(rawZip([{ name: Buffer.from([0x63, 0x61, 0x66, 0x82, 0x2e, 0x6a, 0x73]), data: 'x' }]))
    expect(staged.map(f => f.path)).toEqual(['café.js'])
  })

  it('refuses a traversal hidden in an Info-ZIP Unicode Path field', async () => {
    const raw = 'innocent.js'
    await expectRefused(rawZip([{ name: Buffer.from(raw, 'latin1'), data: 'evil', centralExtra: unicodePathField(raw, '../evil.js') }]), /"\.\.\/evil\.js"/)
  })

  it.each([
    ['duplicates', 'a.js', 'a.js', /two files with this name/],
    ['case twins', 'Button.jsx', 'button.jsx', /same file as/],
    ['file and folder', 'a', 'a/b.js', /also a file/]
  ])('refuses %s', async (_label, first, second, why) => {
    await expectRefused(
      rawZip([
        { name: first, data: '1' },
        { name: second, data: '2' }
      ]),
      why
    )
  })

  it('refuses a folder entry that clashes with a file', async () => {
    await expectRefused(
      rawZip([
        { name: 'x.js', data: '1' },
        { name: 'X.JS/', externalAttributes: (0o040755 << 16) >>> 0 }
      ]),
      /is a file/
    )
  })
})

describe('extractZip: a second archive of the same job', () => {
  it.each([
    ['the same file', 'index.html', 'index.html'],
    ['a case twin of it', 'index.html', 'INDEX.html'],
    ['a file below one of its files', 'app', 'app/main.js']
  ])('refuses %s before writing any of it, naming the file', async (_label, earlier, later) => {
    await extract(rawZip([{ name: earlier, data: 'first' }]))
    const error = await errorOf(
      extractZip(
        await writeZip(
          rawZip([
            { name: 'other.js', data: 'x' },
            { name: later, data: 'second' }
          ])
        ),
        staging,
        { limits: CODEGEN_LIMITS, what: 'artifact two.zip' }
      )
    )
    expect(error).toBeInstanceOf(UnsafeContentError)
    expect(error.message).toMatch(/^Refusing artifact two\.zip: it holds .*an earlier archive of this job holds the same file/)
    expect(await staging.written()).toEqual([earlier])
    expect(await readFile(path.join(staging.root, earlier), 'utf8')).toBe('first')
  })

  it('adds files with other names', async () => {
    await extract(rawZip([{ name: 'index.html', data: 'first' }]))
    await extractZip(await writeZip(rawZip([{ name: 'about.html', data: 'second' }])), staging, { limits: CODEGEN_LIMITS, what: 'artifact two.zip' })
    expect(await staging.written()).toEqual(['about.html', 'index.html'])
  })

  /** A second archive beside the first, in the scratch folder. */
  async function writeZip(zip: Buffer): Promise<string> {
    const second = path.join(staging.scratch, 'second.zip')
    await writeFile(second, zip)
    return second
  }
})

describe('extractZip: abort', () => {
  it('rejects with the reason before opening when already aborted', async () => {
    const reason = new Error('deadline')
    expect(await errorOf(extract(await yazlZip([{ name: 'a', data: 'a' }]), CODEGEN_LIMITS, AbortSignal.abort(reason)))).toBe(reason)
    expect(await staging.written()).toEqual([])
  })

  it('stops at once when the signal fires between files', async () => {
    const controller = new AbortController()
    const reason = new Error('cancelled')
    staging.abortOnAdd(controller, reason)
    const zip = await yazlZip(['a', 'b', 'c', 'd'].map(name => ({ name, data: name })))
    expect(await errorOf(extract(zip, CODEGEN_LIMITS, controller.signal))).toBe(reason)
    expect(staging.files).toHaveLength(1)
    expect(await staging.written()).toHaveLength(1)
  })
})
