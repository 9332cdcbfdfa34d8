/**
 * The local side of a deploy (src/deploy-site.ts): a folder's zip is written while the job reads
 * the app and the branch, unless its size could pass Amplify's limit, in which case it is written
 * (and refused) before any AWS call; the temporary zip is removed at the end, also mid-write.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { DeploySource } from '../../src/archives/deploy-source.js'
import { prepareSite, type PreparedSite } from '../../src/deploy-site.js'
import { UnsafeContentError } from '../../src/errors.js'
import { errorOf } from '../helpers/errors.js'

let base: string
let tempRoot: string
let source: DeploySource
const lines: string[] = []
const log = { info: (line: string) => void lines.push(line), warning: (line: string) => void lines.push(`warning: ${line}`) }

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'deploy-site-test-'))
  tempRoot = path.join(base, 'runner-temp')
  await mkdir(tempRoot)
  const site = path.join(base, 'dist')
  await mkdir(site)
  await writeFile(path.join(site, 'index.html'), '<p>hi</p>')
  // Random bytes do not deflate: the zip is about as large as the files.
  await writeFile(path.join(site, 'a.bin'), randomBytes(5_000))
  await writeFile(path.join(site, 'b.bin'), randomBytes(5_000))
  source = { kind: 'folder', relative: 'dist', absolute: site }
  lines.length = 0
})

afterEach(async () => {
  await rm(base, { recursive: true, force: true })
})

const prepare = (maxZipBytes?: number): Promise<PreparedSite> =>
  prepareSite(source, { tempRoot, signal: new AbortController().signal, log, ...(maxZipBytes === undefined ? {} : { maxZipBytes }) })

describe('prepareSite of a folder', () => {
  it('returns with the zip under way; ready resolves once it is written, with its size and hash', async () => {
    const site = await prepare()
    await site.ready
    expect(site.zipBytes).toBe((await stat(site.zipPath!)).size)
    expect(site.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(site.files).toBe(3)
    expect(lines.some(line => line.startsWith('Zipped dist: 3 files'))).toBe(true)
    await site.remove()
    expect(await readdir(tempRoot)).toEqual([])
  })

  it('a site whose zip could pass the limit is zipped before it returns, and refused then: nothing left behind', async () => {
    // The files are 10,009 bytes, their zip 10,299 (headers, names, end record); the bound is 10,519.
    const error = await errorOf(prepare(10_200))
    expect(error).toBeInstanceOf(UnsafeContentError)
    expect(error.message).toMatch(/^Refusing to deploy "dist": its zip is larger than 10\.2 KB/)
    expect(await readdir(tempRoot)).toEqual([])
  })

  it('a site that might pass the limit but does not is zipped before it returns', async () => {
    const site = await prepare(10_400)
    // Written already, before prepareSite returned.
    expect(site.zipBytes).toBe(10_299)
    expect(existsSync(site.zipPath!)).toBe(true)
    await site.remove()
  })

  it('remove() at any time stops the zip and removes it, and ready settles', async () => {
    const site = await prepare()
    await site.remove()
    await site.ready.catch(() => undefined)
    expect(await readdir(tempRoot)).toEqual([])
    await site.remove()
  })
})
