/**
 * The generated site the deploy benchmarks zip and deploy (bench/zip-site.ts, the deploy scenarios
 * of bench/run.ts): 2,000 files and 60 MB by default, half source-like text (JS, CSS, HTML, source
 * maps, from a seeded generator: varied identifiers, numbers and markup; it deflates about 2.4
 * times, a little less than minified JS), half random bytes named like media (.png, .woff2, .mp4,
 * .webp, .jpg), which no compressor can shrink. One text bundle and one video are larger than the
 * zip writer's buffered-file limit, so its streamed path runs. Seeded: every run writes the same
 * bytes, on every machine. `index.html` is at the root, as in a built site.
 */
import { execFileSync } from 'node:child_process'
import { createCipheriv } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export const MB = 1_000_000
/** The site of the brief: 2,000 files, 60 MB, half text and half already compressed. */
export const SITE_FILES = 2_000
export const SITE_BYTES = 60 * MB
/** One text bundle and one video of this share of their half: above the buffered-file limit, streamed. */
const BIG_FILE_SHARE = 0.3
/** The many-files site. */
const MANY_FILES = 100_000
const MANY_FOLDERS = 100
/** Seeded, so that every run zips the same site. */
const SEED = 20_260_501

/** xorshift32: the same numbers on every machine. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 0x1_0000_0000
  }
}

/**
 * About 4 MB of text in the mix of a built site: minified-looking JS with many distinct identifiers
 * and numbers, CSS rules, HTML markup and source-map mappings. Files are slices of it at random
 * places, so no two files are alike and deflate sees text, not repeats.
 */
function textCorpus(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const syllables = ['ab', 'el', 'or', 'un', 'ti', 'va', 'ge', 'mo', 'ra', 'pi', 'ku', 'se', 'de', 'no', 'li', 'ha', 'ex', 'qu', 'zo', 'fi']
  const identifier = (): string =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(syllables)).join('') + (random() < 0.3 ? String(Math.floor(random() * 100)) : '')
  const identifiers = Array.from({ length: 800 }, identifier)
  const keywords = ['const', 'let', 'return', 'function', 'if', 'else', 'new', 'this', 'await', 'async', 'import', 'export', 'typeof', 'null', 'void 0']
  const properties = [
    'color',
    'margin',
    'padding',
    'display',
    'font-size',
    'line-height',
    'border',
    'width',
    'height',
    'flex',
    'grid-template-columns',
    'transition'
  ]
  const tags = ['div', 'span', 'a', 'p', 'li', 'ul', 'section', 'button', 'img', 'h2', 'nav', 'footer']
  const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  const parts: string[] = []
  let length = 0
  while (length < 4 * MB) {
    const kind = random()
    let piece: string
    if (kind < 0.6) {
      const name = pick(identifiers)
      piece = `${pick(keywords)} ${name}=${pick(identifiers)}(${pick(identifiers)},${Math.floor(random() * 100)},"${pick(identifiers)}-${pick(identifiers)}");${name}.${pick(identifiers)}=${pick(identifiers)}=>{${pick(keywords)} ${pick(identifiers)}[${Math.floor(random() * 64)}]};`
    } else if (kind < 0.75) {
      piece = `.${pick(identifiers)}-${pick(identifiers)}{${pick(properties)}:${Math.floor(random() * 400)}px;${pick(properties)}:#${pick(identifiers).slice(0, 3).padEnd(3, 'f')}}\n`
    } else if (kind < 0.95) {
      piece = `<${pick(tags)} class="${pick(identifiers)} ${pick(identifiers)}" data-id="${Math.floor(random() * 1000)}">${pick(identifiers)} ${pick(identifiers)} ${pick(identifiers)}</${pick(tags)}>\n`
    } else {
      piece =
        Array.from({ length: 8 }, () => Array.from({ length: 4 + Math.floor(random() * 4) }, () => base64[Math.floor(random() * 64)]).join('')).join(',') + ';'
    }
    parts.push(piece)
    length += piece.length
  }
  return parts.join('')
}

/** Sizes for `count` files adding up to `total`: one of BIG_FILE_SHARE, the rest log-uniform from 1 KB to 300 KB. */
function fileSizes(count: number, total: number, random: () => number): number[] {
  const big = Math.round(total * BIG_FILE_SHARE)
  const weights = Array.from({ length: count - 1 }, () => Math.exp(Math.log(1_000) + random() * (Math.log(300_000) - Math.log(1_000))))
  const sum = weights.reduce((a, b) => a + b, 0)
  const sizes = weights.map(weight => Math.max(1, Math.floor((weight / sum) * (total - big))))
  sizes[0]! += total - big - sizes.reduce((a, b) => a + b, 0)
  return [big, ...sizes]
}

export interface Site {
  root: string
  files: number
  bytes: number
  textBytes: number
}

/** Writes the site into `root` (created), every file `scale` times its size (10: the 600 MB site). */
export function makeSite(root: string, scale: number): Site {
  const random = generator(SEED)
  const corpus = Buffer.from(textCorpus(random))
  const half = (SITE_BYTES * scale) / 2
  const textSizes = fileSizes(SITE_FILES / 2, half, random)
  const mediaSizes = fileSizes(SITE_FILES / 2, half, random)
  mkdirSync(root, { recursive: true })
  const write = (name: string, data: Buffer): void => {
    const file = join(root, name)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, data)
  }
  const textKinds = [
    ['assets/js', 'js'],
    ['assets/css', 'css'],
    ['docs', 'html'],
    ['assets/js', 'js.map']
  ] as const
  textSizes.forEach((size, index) => {
    const chunks: Buffer[] = []
    for (let left = size; left > 0;) {
      const take = Math.min(left, 64 * 1024)
      const start = Math.floor(random() * (corpus.length - take))
      chunks.push(corpus.subarray(start, start + take))
      left -= take
    }
    const [folder, extension] = textKinds[index % textKinds.length]!
    const name =
      index === 0
        ? 'assets/js/vendor-bundle.js'
        : index === 1
          ? 'index.html'
          : `${folder}/${Math.floor(index / 50)}/${index.toString(36)}-${Math.floor(random() * 1e8).toString(16)}.${extension}`
    write(name, Buffer.concat(chunks))
  })
  // Seeded noise (AES-CTR of zeros under a fixed key): every run zips the same bytes.
  const noise = createCipheriv('aes-256-ctr', Buffer.alloc(32, 7), Buffer.alloc(16, 0))
  const mediaKinds = [
    ['img', 'png'],
    ['img', 'webp'],
    ['img/photos', 'jpg'],
    ['fonts', 'woff2']
  ] as const
  mediaSizes.forEach((size, index) => {
    const [folder, extension] = index === 0 ? (['media', 'mp4'] as const) : mediaKinds[index % mediaKinds.length]!
    write(`${folder}/${Math.floor(index / 50)}/${index.toString(36)}.${extension}`, noise.update(Buffer.alloc(size)))
  })
  const listing = execFileSync('find', [root, '-type', 'f', '-printf', '%s\n'], { encoding: 'utf8' }).trim().split('\n').map(Number)
  return { root, files: listing.length, bytes: listing.reduce((a, b) => a + b, 0), textBytes: textSizes.reduce((a, b) => a + b, 0) }
}

/** A site of 100,000 small text files (20 to 400 bytes) in 100 folders: the per-file costs, alone. */
export function makeManySite(root: string): Site {
  const random = generator(SEED + 1)
  const corpus = Buffer.from(textCorpus(random)).subarray(0, 1 * MB)
  let bytes = 0
  for (let folder = 0; folder < MANY_FOLDERS; folder++) {
    mkdirSync(join(root, `chunks-${folder}`), { recursive: true })
    for (let file = 0; file < MANY_FILES / MANY_FOLDERS; file++) {
      const size = 20 + Math.floor(random() * 380)
      const start = Math.floor(random() * (corpus.length - size))
      writeFileSync(join(root, `chunks-${folder}`, `${file}.js`), corpus.subarray(start, start + size))
      bytes += size
    }
  }
  return { root, files: MANY_FILES, bytes, textBytes: bytes }
}
