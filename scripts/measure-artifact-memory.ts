/**
 * `npx tsx scripts/measure-artifact-memory.ts [--size-mb 100] [--files 1] [--node <path>]`: the peak
 * memory (maximum resident set size, from GNU time -v) and wall time of the bundled action while it
 * downloads and unpacks a large Amplify Hosting build artifact from the local emulator into
 * output-path. A release without output-path is measured too, as the baseline of the same run
 * without any artifact. The emulator runs in this process, so only the action is measured.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startEmulator } from '../emulator/server.js'
import { DIST_ENTRY, runAction } from './runner.js'

const GNU_TIME = '/usr/bin/time'
const APP_ID = 'd1a2b3c4d5e6f7'

const { values: args } = parseArgs({
  options: {
    'size-mb': { type: 'string', default: '100' },
    files: { type: 'string', default: '1' },
    node: { type: 'string', default: process.execPath },
    runs: { type: 'string', default: '1' }
  }
})

interface Measured {
  peakRssMb: number
  wallSeconds: number
  exitCode: number | null
}

/**
 * A stand-in for the node binary that runs it under GNU time, writing the report to `report`. bash,
 * not sh: dash drops the INPUT_APP-ID style variables (not shell names) from the environment.
 */
function timedNode(scratch: string, report: string): string {
  const wrapper = join(scratch, 'node-under-time')
  writeFileSync(wrapper, `#!/bin/bash\nexec ${GNU_TIME} -v -o '${report}' '${args.node}' "$@"\n`)
  chmodSync(wrapper, 0o755)
  return wrapper
}

function parseTimeReport(text: string): { peakRssMb: number; wallSeconds: number } {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text)
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(text)
  if (!rss || !wall) throw new Error(`unexpected GNU time output:\n${text}`)
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3])
  return { peakRssMb: Number(rss[1]) / 1024, wallSeconds: seconds }
}

async function measure(emulator: Awaited<ReturnType<typeof startEmulator>>, inputs: Record<string, string>): Promise<Measured> {
  const scratch = mkdtempSync(join(tmpdir(), 'aja-memory-'))
  const workspace = join(scratch, 'workspace')
  const report = join(scratch, 'time.txt')
  try {
    mkdirSync(workspace)
    const run = await runAction({
      workspace,
      node: timedNode(scratch, report),
      inputs: { 'job-type': 'release', 'app-id': APP_ID, branch: 'main', 'poll-interval': '100ms', ...inputs },
      env: emulator.env,
      timeoutMs: 600_000
    })
    if (run.exitCode !== 0) throw new Error(`the action failed:\n${run.stdout}\n${run.stderr}`)
    if (inputs['output-path']) {
      const files = JSON.parse(run.outputs.files ?? '[]') as string[]
      const bytes = files.reduce((sum, file) => sum + statSync(join(workspace, file)).size, 0)
      console.log(`  unpacked ${files.length} file(s), ${(bytes / 1024 / 1024).toFixed(1)} MiB`)
    }
    return { ...parseTimeReport(readFileSync(report, 'utf8')), exitCode: run.exitCode }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} (GNU time) is needed`)
  if (!existsSync(DIST_ENTRY)) throw new Error('dist/index.js is missing: run npm run bundle first')
  const sizeMb = Number(args['size-mb'])
  const files = Number(args.files)
  const runs = Number(args.runs)
  const emulator = await startEmulator()
  try {
    const quick = [{ status: 'RUNNING', forMs: 200 }, { status: 'SUCCEED' }]
    console.log(`Node ${args.node}`)
    for (let i = 0; i < runs; i++) {
      emulator.setScenario({ statuses: quick, artifacts: { sizeMb, files } })
      // The first download makes the zip in the emulator: not part of the figures.
      if (i === 0) await measure(emulator, { 'output-path': 'site' })
      const baseline = await measure(emulator, {})
      console.log(`baseline (release without output-path): peak RSS ${baseline.peakRssMb.toFixed(1)} MiB, wall ${baseline.wallSeconds.toFixed(2)} s`)
      const withArtifacts = await measure(emulator, { 'output-path': 'site' })
      console.log(
        `release with a ${sizeMb} MiB artifact zip (${files} file(s)) unpacked into output-path: ` +
          `peak RSS ${withArtifacts.peakRssMb.toFixed(1)} MiB, wall ${withArtifacts.wallSeconds.toFixed(2)} s`
      )
    }
  } finally {
    await emulator.close()
  }
}

await main()
