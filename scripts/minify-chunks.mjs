/**
 * Minifies the chunks ncc writes next to index.js. `ncc --minify` minifies index.js only, and the
 * chunks hold the AWS SDK (about 1 MB as ncc leaves it): every run compiles the chunks of its
 * client before its first request, and V8 scans every byte it compiles. Minified, that is 0.9 MB
 * less to compile across the chunks and 6 % fewer instructions from process start to the first
 * request (docs/performance.md).
 *
 * esbuild keeps the parentheses around each module's function, which V8 reads as "called at
 * once" and compiles in one go; the module is run the moment the chunk is loaded, so compiling it
 * lazily would parse it twice. Names of functions and classes change; nothing may depend on them:
 * SDK errors carry an explicit `name`, and the action names operations itself (src/jobs/index.ts).
 * Keeping the names (esbuild's keepNames) would cost 2 % more instructions before the first request.
 *
 * Usage: node scripts/minify-chunks.mjs <dir>   (npm run bundle and the benchmarks run it)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { transformSync } from 'esbuild'

/** What ncc names its chunks: <chunk id>.index.js beside index.js. */
const CHUNK_NAME = /^\d+\.index\.js$/
/** Node 20 is the oldest runtime the bundle must run on (README, "Runtime"). */
const TARGET = 'node20'

const dir = process.argv[2]
if (!dir) {
  console.error('Usage: node scripts/minify-chunks.mjs <dir with the ncc output>')
  process.exit(2)
}
let before = 0
let after = 0
const chunks = readdirSync(dir)
  .filter(name => CHUNK_NAME.test(name))
  .sort()
for (const name of chunks) {
  const file = join(dir, name)
  const source = readFileSync(file, 'utf8')
  const { code } = transformSync(source, { minify: true, format: 'esm', target: TARGET, legalComments: 'inline', sourcefile: name })
  writeFileSync(file, code)
  before += source.length
  after += code.length
}
console.log(`Minified ${chunks.length} chunks in ${dir}: ${Math.round(before / 1024)} KB -> ${Math.round(after / 1024)} KB`)
