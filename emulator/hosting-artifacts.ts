/**
 * Build artifact zips of Amplify Hosting jobs: a small static site by default, many or large
 * files on request (large ones generated once into a temp file with incompressible data and
 * streamed, never held in memory), or a hostile archive (symlink, `..`, absolute name, lying
 * size, bomb, names that collide on case-insensitive disks).
 */
import { createCipheriv } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createDeflateRaw } from 'node:zlib'
import yazl from 'yazl'
import type { ObjectBody } from './presign.js'
import { FIFO_ATTRIBUTES, type RawZipEntry, SYMLINK_ATTRIBUTES, buildZip, crc32 } from './raw-zip.js'
import type { ArtifactSpec } from './types.js'

const MIB = 1024 * 1024
const DEFAULT_BOMB_MB = 1024
const BOMBS_ENTRIES = 5
const LYING_REAL_BYTES = 1 * MIB
const LYING_DECLARED_BYTES = 1024
const GENERATED_CHUNK_BYTES = MIB
/** Fixed key: the "random" data is the same on every run, but does not compress. */
const NOISE_KEY = Buffer.from('amplify-emulator')
export const SYMLINK_TARGET = '../../../../../../../../etc/passwd'
/** Where the one file of each extra artifact of `artifacts.distinct` goes. */
const DISTINCT_FOLDER = 'listed'

/** The file inside artifact number `n` (2, 3, ...) of a job with `artifacts.distinct`. */
export function distinctArtifactFile(n: number): string {
  return `${DISTINCT_FOLDER}/artifact-${String(n).padStart(4, '0')}.txt`
}

const SITE: ReadonlyArray<[string, string]> = [
  [
    'index.html',
    '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <title>App</title>\n    <script type="module" crossorigin src="/assets/index-9c8d7e6f.js"></script>\n    <link rel="stylesheet" href="/assets/index-3f2a1b9c.css">\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n'
  ],
  ['assets/index-9c8d7e6f.js', 'const e=document.getElementById("root");e&&(e.textContent="Hello from Amplify");\n'],
  ['assets/index-3f2a1b9c.css', 'body{margin:0;font-family:Inter,sans-serif}\n'],
  ['robots.txt', 'User-agent: *\nAllow: /\n']
]

function siteEntries(files?: number): RawZipEntry[] {
  if (files === undefined) return SITE.map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8'), deflate: true }))
  return Array.from({ length: files }, (_, i) => ({
    name: `assets/chunk-${String(i + 1).padStart(4, '0')}.js`,
    data: Buffer.from(`export const chunk${i + 1} = ${JSON.stringify('x'.repeat(32 + (i % 64)))};\n`, 'utf8'),
    deflate: true
  }))
}

/** Deterministic incompressible bytes (AES-CTR keystream). */
function noise(bytes: number, seed: number): Readable {
  const iv = Buffer.alloc(16)
  iv.writeUInt32BE(seed, 0)
  const cipher = createCipheriv('aes-128-ctr', NOISE_KEY, iv)
  let left = bytes
  return new Readable({
    read() {
      if (left <= 0) {
        this.push(null)
        return
      }
      const size = Math.min(GENERATED_CHUNK_BYTES, left)
      left -= size
      this.push(cipher.update(Buffer.alloc(size)))
    }
  })
}

/** A zip of `files` stored (uncompressed) entries of noise totalling `sizeMb`, written to `path`. */
async function largeZip(path: string, sizeMb: number, files: number): Promise<ObjectBody> {
  const zip = new yazl.ZipFile()
  const total = Math.round(sizeMb * MIB)
  const count = Math.max(1, files)
  const each = Math.floor(total / count)
  for (let i = 0; i < count; i++) {
    const size = i === count - 1 ? total - each * (count - 1) : each
    zip.addReadStream(noise(size, i), `data/blob-${String(i + 1).padStart(4, '0')}.bin`, { compress: false, size, mtime: new Date(Date.UTC(2024, 0, 1)) })
  }
  zip.end()
  await pipeline(zip.outputStream, createWriteStream(path))
  return { path, size: (await stat(path)).size }
}

/** Deflated zeros: tiny on the wire, `mb` MiB when inflated. */
async function zeroBomb(mb: number): Promise<{ data: Buffer; crc: number; size: number }> {
  const zeros = Buffer.alloc(MIB)
  let crc = 0
  const deflate = createDeflateRaw({ level: 1 })
  const chunks: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve)
    deflate.on('error', reject)
  })
  for (let i = 0; i < mb; i++) {
    crc = crc32(zeros, crc)
    if (!deflate.write(zeros)) await new Promise(resolve => deflate.once('drain', resolve))
  }
  deflate.end()
  await done
  return { data: Buffer.concat(chunks), crc, size: mb * MIB }
}

async function hostileEntries(spec: ArtifactSpec): Promise<RawZipEntry[]> {
  switch (spec.hostile) {
    case 'symlink':
      return [{ name: 'assets/escape-link', data: Buffer.from(SYMLINK_TARGET, 'utf8'), externalAttributes: SYMLINK_ATTRIBUTES }]
    case 'dotdot':
      return [
        { name: '../outside.txt', data: Buffer.from('written outside the output folder\n', 'utf8') },
        { name: 'assets/../../outside-2.txt', data: Buffer.from('also outside\n', 'utf8') }
      ]
    case 'absolute':
      return [{ name: '/tmp/amplify-emulator-absolute.txt', data: Buffer.from('absolute path\n', 'utf8') }]
    case 'lyingSize':
      return [{ name: 'assets/big.js', data: Buffer.alloc(LYING_REAL_BYTES, 0x61), deflate: true, declaredSize: LYING_DECLARED_BYTES }]
    case 'bomb':
      return [{ name: 'assets/bomb.bin', precompressed: await zeroBomb(spec.bombMb ?? DEFAULT_BOMB_MB) }]
    case 'bombs': {
      const bomb = await zeroBomb(spec.bombMb ?? DEFAULT_BOMB_MB)
      return Array.from({ length: BOMBS_ENTRIES }, (_, i) => ({ name: `assets/bomb-${i + 1}.bin`, precompressed: bomb }))
    }
    case 'fifo':
      return [{ name: 'assets/pipe', data: Buffer.alloc(0), externalAttributes: FIFO_ATTRIBUTES }]
    case 'caseCollision':
      return [
        { name: 'README.md', data: Buffer.from('# upper\n', 'utf8') },
        { name: 'readme.md', data: Buffer.from('# lower\n', 'utf8') }
      ]
    default:
      return []
  }
}

/**
 * Produces artifact bodies, caching each distinct spec (a bomb or a large file is built once per
 * emulator, not per job).
 */
export class ArtifactFactory {
  private readonly cache = new Map<string, Promise<ObjectBody>>()
  private counter = 0

  constructor(private readonly scratchDir: () => Promise<string>) {}

  body(spec: ArtifactSpec): Promise<ObjectBody> {
    const key = JSON.stringify([spec.files, spec.sizeMb, spec.hostile, spec.bombMb])
    let body = this.cache.get(key)
    if (!body) {
      body = this.build(spec)
      body.catch(() => this.cache.delete(key))
      this.cache.set(key, body)
    }
    return body
  }

  /** Artifact number `n` (2, 3, ...) of a job with `artifacts.distinct`: one small file of its own. */
  distinctBody(n: number): Promise<ObjectBody> {
    return Promise.resolve({ data: buildZip([{ name: distinctArtifactFile(n), data: Buffer.from(`artifact ${n}\n`, 'utf8'), deflate: true }]) })
  }

  private async build(spec: ArtifactSpec): Promise<ObjectBody> {
    if (spec.hostile === undefined && spec.sizeMb !== undefined) {
      const path = join(await this.scratchDir(), `artifacts-${++this.counter}.zip`)
      return largeZip(path, spec.sizeMb, spec.files ?? 1)
    }
    return { data: buildZip([...siteEntries(spec.files), ...(await hostileEntries(spec))]) }
  }
}
