/**
 * Zipping a built site for `job-type: deploy`, in figures: wall time, CPU time and peak RSS of
 * `zip -qr` (what workflows use today), of src/archives/zip-writer.ts one file at a time and in
 * parallel, and of yazl (the zip library the project already has, one entry at a time), each on the
 * same generated site, each in a process of its own under GNU time. Not a test: nothing fails on a
 * figure, and figures depend on the machine and its load (printed with them).
 *
 *   npx tsx bench/zip-site.ts              2,000 files, 60 MB (half text, half compressed media)
 *   npx tsx bench/zip-site.ts --big        also the same site with every file ten times bigger (600 MB)
 *   npx tsx bench/zip-site.ts --many       also 100,000 files of 20 to 400 bytes (per-file costs)
 *   npx tsx bench/zip-site.ts --reps 5     repetitions per contender (default 3; 1 for --big and --many)
 *   npx tsx bench/zip-site.ts --make-site DIR [--big]   only write the site into DIR (to profile a
 *                                          contender: node .cache/bench/zip-site.cjs --child ours:2
 *                                          --site DIR --out x.zip)
 *
 * The site is bench/site.ts's (shared with the deploy scenarios of bench/run.ts): half source-like
 * text that deflates about 2.4 times, half random bytes named like media, one text bundle and one
 * video larger than the writer's buffered-file limit, so its streamed path runs.
 *
 * Needs `zip` and GNU time at /usr/bin/time (Debian/Ubuntu: apt-get install -y zip time).
 */
import { execFileSync } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import yazl from 'yazl'
import { listSiteFolder } from '../src/archives/site-folder.js'
import { BUFFERED_FILE_MAX_BYTES, compressionFor, DEFAULT_CONCURRENCY, writeZip } from '../src/archives/zip-writer.js'
import { median, parseTimeV, spawnTimed } from './measure.js'
import { makeManySite, makeSite, MB, type Site } from './site.js'

const TIME = '/usr/bin/time'
const CACHE = resolve('.cache/bench')
const CHILD_BUNDLE = join(CACHE, 'zip-site.cjs')

type Contender = { kind: 'zip' } | { kind: 'ours'; concurrency: number } | { kind: 'yazl' }

interface Result {
  label: string
  wallMs: number[]
  cpuMs: number[]
  maxRssKb: number[]
  zipBytes: number
  sha256?: string
}

// ---------------------------------------------------------------------------------------------
// The child: one contender zipping one site, in its own process (run as a plain node bundle, so
// that its RSS is the writer's and node's, not tsx's).

async function child(kind: string, site: string, out: string): Promise<void> {
  const started = performance.now()
  if (kind === 'yazl') {
    const { files } = await listSiteFolder(site)
    const zip = new yazl.ZipFile()
    const fixedTime = new Date(1980, 0, 1)
    for (const file of files) {
      zip.addFile(file.path, file.name, { compress: compressionFor(file.name) === 'deflate', mtime: fixedTime, forceDosTimestamp: true, mode: 0o100644 })
    }
    zip.end()
    await pipeline(zip.outputStream, createWriteStream(out))
    console.log(JSON.stringify({ ms: performance.now() - started }))
    return
  }
  const concurrency = Number(kind.split(':')[1])
  const { files } = await listSiteFolder(site)
  const summary = await writeZip(out, files, { concurrency })
  console.log(JSON.stringify({ ms: performance.now() - started, sha256: summary.sha256, deflated: summary.deflated, stored: summary.stored }))
}

// ---------------------------------------------------------------------------------------------
// Measuring.

function labelOf(contender: Contender): string {
  if (contender.kind === 'zip') return 'zip -qr (Info-ZIP 3.0, level 6, one thread)'
  if (contender.kind === 'yazl') return 'yazl 3, one entry at a time'
  return contender.concurrency === 1
    ? 'zip-writer, concurrency 1 (one at a time)'
    : `zip-writer, concurrency ${contender.concurrency}${contender.concurrency === DEFAULT_CONCURRENCY ? ' (default)' : ''}`
}

async function runOnce(
  contender: Contender,
  site: string,
  work: string
): Promise<{ wallMs: number; cpuMs: number; maxRssKb: number; zipBytes: number; sha256?: string }> {
  const out = join(work, `out-${contender.kind}-${contender.kind === 'ours' ? contender.concurrency : 0}.zip`)
  rmSync(out, { force: true })
  const timeFile = join(work, 'time.txt')
  const env = { PATH: process.env.PATH ?? '', HOME: work }
  const command =
    contender.kind === 'zip'
      ? { args: ['zip', '-qr', out, '.'], cwd: site }
      : {
          args: [process.execPath, CHILD_BUNDLE, '--child', contender.kind === 'yazl' ? 'yazl' : `ours:${contender.concurrency}`, '--site', site, '--out', out],
          cwd: work
        }
  const run = await spawnTimed(TIME, ['-v', '-o', timeFile, ...command.args], { env, cwd: command.cwd, timeoutMs: 30 * 60_000 })
  if (run.exitCode !== 0) throw new Error(`${labelOf(contender)} failed (${run.exitCode}):\n${run.stdout}\n${run.stderr}`)
  const time = parseTimeV(timeFile)
  const reported = run.stdout.trim() === '' ? {} : (JSON.parse(run.stdout.trim().split('\n').pop()!) as { sha256?: string })
  return { wallMs: time.wallMs, cpuMs: time.cpuMs, maxRssKb: time.maxRssKb, zipBytes: statSync(out).size, sha256: reported.sha256 }
}

async function measure(site: Site, contenders: Contender[], reps: number, work: string): Promise<Result[]> {
  const results = contenders.map(contender => ({ label: labelOf(contender), wallMs: [], cpuMs: [], maxRssKb: [], zipBytes: 0 }) as Result)
  // Warm the page cache once, so that the first contender does not pay for the disk alone.
  execFileSync('sh', ['-c', `find "${site.root}" -type f -exec cat {} + > /dev/null`])
  for (let rep = 0; rep < reps; rep++) {
    // Interleaved, so that a burst of load on the shared machine hurts every contender alike.
    for (const [index, contender] of contenders.entries()) {
      const run = await runOnce(contender, site.root, work)
      const result = results[index]!
      result.wallMs.push(run.wallMs)
      result.cpuMs.push(run.cpuMs)
      result.maxRssKb.push(run.maxRssKb)
      result.zipBytes = run.zipBytes
      if (run.sha256 !== undefined) {
        if (result.sha256 !== undefined && result.sha256 !== run.sha256) throw new Error(`${result.label}: two runs gave different zips`)
        result.sha256 = run.sha256
      }
      if (rep === 0)
        execFileSync('unzip', ['-tq', join(work, `out-${contender.kind}-${contender.kind === 'ours' ? contender.concurrency : 0}.zip`)], { stdio: 'ignore' })
    }
  }
  return results
}

async function nodeFloorKb(work: string): Promise<number> {
  const timeFile = join(work, 'time.txt')
  await spawnTimed(TIME, ['-v', '-o', timeFile, process.execPath, '-e', ''], { env: { PATH: process.env.PATH ?? '' } })
  return parseTimeV(timeFile).maxRssKb
}

function printTable(title: string, site: Site, results: Result[], floorKb: number): void {
  const zip = results.find(result => result.label.startsWith('zip -qr'))!
  const one = results.find(result => result.label.includes('concurrency 1'))
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
  console.log(
    `\n${title}: ${site.files} files, ${(site.bytes / MB).toFixed(1)} MB (${(site.textBytes / MB).toFixed(1)} MB text), ` +
      `${results[0]!.wallMs.length} run(s) each, medians; ${availableParallelism()} CPUs, load average ${loadavg()
        .map(value => value.toFixed(1))
        .join(' ')}`
  )
  const rows = [['contender', 'wall', 'vs zip -qr', 'vs conc. 1', 'CPU (user+sys)', 'peak RSS', 'RSS above node', 'zip size']]
  for (const result of results) {
    const wall = median(result.wallMs)
    const rss = median(result.maxRssKb)
    rows.push([
      result.label,
      seconds(wall),
      `${(wall / median(zip.wallMs)).toFixed(2)}x`,
      one === undefined || !result.label.startsWith('zip-writer') ? '' : `${(wall / median(one.wallMs)).toFixed(2)}x`,
      seconds(median(result.cpuMs)),
      `${(rss / 1024).toFixed(0)} MB`,
      result.label.startsWith('zip -qr') ? '' : `${((rss - floorKb) / 1024).toFixed(0)} MB`,
      `${(result.zipBytes / MB).toFixed(1)} MB`
    ])
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map(row => row[column]!.length)))
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '))
    if (index === 0) console.log(widths.map(width => '-'.repeat(width)).join('  '))
  }
  const shas = new Set(results.map(result => result.sha256).filter(sha => sha !== undefined))
  console.log(
    `zip-writer gave ${shas.size === 1 ? 'the same zip' : 'DIFFERENT zips'} at every concurrency (sha256 ${[...shas].map(sha => sha.slice(0, 16)).join(', ')}); ` +
      `node alone: ${(floorKb / 1024).toFixed(0)} MB RSS; files above ${BUFFERED_FILE_MAX_BYTES / 1024 / 1024} MiB are streamed.`
  )
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      child: { type: 'string' },
      site: { type: 'string' },
      out: { type: 'string' },
      big: { type: 'boolean', default: false },
      many: { type: 'boolean', default: false },
      reps: { type: 'string' },
      'make-site': { type: 'string' }
    }
  })
  if (args.child !== undefined) return child(args.child, args.site!, args.out!)
  if (args['make-site'] !== undefined) {
    const site = makeSite(resolve(args['make-site']), args.big ? 10 : 1)
    console.log(`${site.root}: ${site.files} files, ${site.bytes} bytes`)
    return
  }

  for (const tool of [TIME, 'zip', 'unzip']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' })
    } catch {
      throw new Error(`${tool} is needed (Debian/Ubuntu: apt-get install -y zip unzip time)`)
    }
  }
  // The children run as one plain node bundle, so that tsx's own memory is not counted.
  mkdirSync(CACHE, { recursive: true })
  const esbuild = await import('esbuild')
  await esbuild.build({
    entryPoints: ['bench/zip-site.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: CHILD_BUNDLE,
    external: ['esbuild'],
    logLevel: 'warning'
  })
  if (!existsSync(CHILD_BUNDLE)) throw new Error('the child bundle was not built')

  const work = mkdtempSync(join(tmpdir(), 'zip-site-bench-'))
  try {
    const floorKb = await nodeFloorKb(work)
    const reps = Number(args.reps ?? 3)
    const cpus = availableParallelism()
    const concurrencies = [...new Set([1, cpus, DEFAULT_CONCURRENCY, cpus * 2])].sort((a, b) => a - b)
    const contenders: Contender[] = [{ kind: 'zip' }, ...concurrencies.map(concurrency => ({ kind: 'ours', concurrency }) as Contender), { kind: 'yazl' }]

    const site = makeSite(join(work, 'site'), 1)
    printTable('Site', site, await measure(site, contenders, reps, work), floorKb)
    rmSync(site.root, { recursive: true, force: true })

    if (args.big) {
      const big = makeSite(join(work, 'big-site'), 10)
      printTable('Site ten times bigger', big, await measure(big, contenders, Number(args.reps ?? 1), work), floorKb)
      rmSync(big.root, { recursive: true, force: true })
    }
    if (args.many) {
      const many = makeManySite(join(work, 'many-site'))
      printTable('Site of many small files', many, await measure(many, contenders, Number(args.reps ?? 1), work), floorKb)
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
