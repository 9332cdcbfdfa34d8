/**
 * `npm run demo`: try the action without an AWS account. Starts the local Amplify emulator, runs
 * the bundled dist/index.js exactly as the GitHub runner would in a scratch workspace, and prints
 * the step's log, its outputs and where the files landed.
 *
 *   npm run demo                              codegen: regenerate UI components
 *   npm run demo -- --components 150          a bigger app (two files per component)
 *   npm run demo -- --job-type release        an Amplify Hosting release that succeeds, artifacts in build/
 *   npm run demo -- --job-type release --fail a release whose BUILD step fails: its log and the error
 *   npm run demo -- --job-type retry          retry a failed release
 *   npm run demo -- --job-type backend        wait for a backend job
 *   npm run demo -- --raw                     show the workflow commands (::group:: ...) as printed
 *
 * The log is shown as the runner's log viewer shows it: `::add-mask::` lines hidden, groups and
 * annotations rendered. It runs on Node 24, as GitHub does, when `npm test` has fetched it.
 */
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startEmulator } from '../emulator/server.js'
import type { Scenario } from '../emulator/types.js'
import { DIST_ENTRY, runAction } from './runner.js'

/** scripts/node24.mjs is plain JavaScript (also run by npm test before anything is built). */
const NODE24_MODULE: string = './node24.mjs'
const { node24Path } = (await import(NODE24_MODULE)) as { node24Path: () => string }

const DEMO_APP_ID = 'd1a2b3c4d5e6f7'
const DEMO_PACKAGE_JSON = { name: 'demo-app', private: true, dependencies: { 'aws-amplify': '^6.0.0', '@aws-amplify/ui-react': '^6.1.0', react: '^18.2.0' } }

const { values: args } = parseArgs({
  options: {
    'job-type': { type: 'string', default: 'codegen' },
    components: { type: 'string', default: '6' },
    fail: { type: 'boolean', default: false },
    raw: { type: 'boolean', default: false },
    workspace: { type: 'string' }
  }
})

async function main(): Promise<void> {
  if (!existsSync(DIST_ENTRY)) throw new Error('dist/index.js is missing: run npm run bundle first')
  const jobType = args['job-type']!
  const workspace = args.workspace ?? mkdtempSync(join(tmpdir(), 'amplify-job-action-demo-'))
  mkdirSync(workspace, { recursive: true })
  writeFileSync(join(workspace, 'package.json'), JSON.stringify(DEMO_PACKAGE_JSON, null, 2))

  const emulator = await startEmulator()
  try {
    const { scenario, inputs, before } = demoOf(jobType)
    emulator.setScenario(scenario)
    const node = existsSync(node24Path()) ? node24Path() : process.execPath
    const raw = args.raw!
    if (before) {
      // An earlier job to retry: started quietly, not part of the demo's output.
      emulator.setScenario(before)
      await runAction({ workspace, inputs: { 'app-id': DEMO_APP_ID, 'job-type': 'release', branch: 'main', 'poll-interval': '250ms' }, env: emulator.env, node })
      emulator.setScenario(scenario)
    }
    console.log(`Local Amplify emulator on ${emulator.url}; workspace ${workspace}`)
    console.log(`Running: node dist/index.js (Node ${nodeVersion(node)}) with job-type ${jobType}\n${'-'.repeat(72)}`)
    const run = await runAction({
      workspace,
      inputs: { 'app-id': DEMO_APP_ID, ...inputs },
      env: emulator.env,
      node,
      echo: raw,
      onSpawn: raw ? undefined : showAsTheRunnerDoes
    })
    console.log(`${'-'.repeat(72)}\nExit code: ${run.exitCode}\n\nOutputs:`)
    for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name} = ${value.length > 160 ? value.slice(0, 157) + '...' : value}`)
    const outputPath = run.outputs['output-path']
    if (outputPath) {
      const folder = join(workspace, outputPath)
      const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter(entry => entry.isFile())
      console.log(`\n${files.length} files in ${folder}:`)
      for (const file of files.slice(0, 12)) console.log(`  ${join(file.parentPath, file.name).slice(folder.length + 1)}`)
      if (files.length > 12) console.log(`  ... and ${files.length - 12} more`)
    }
    if (run.summary) {
      const summaryFile = join(workspace, 'job-summary.md')
      writeFileSync(summaryFile, run.summary)
      console.log(`\nJob summary (Markdown): ${summaryFile}`)
    }
    process.exitCode = run.exitCode ?? 1
  } finally {
    await emulator.close()
  }
}

function demoOf(jobType: string): { scenario: Scenario; inputs: Record<string, string>; before?: Scenario } {
  switch (jobType) {
    case 'codegen':
      return {
        scenario: { durationMs: 1500, componentCount: Number(args.components), forms: ['ContactForm'] },
        inputs: { environment: 'staging', 'poll-interval': '250ms' }
      }
    case 'release':
      return args.fail
        ? {
            scenario: { failStep: { stepName: 'BUILD', statusReason: 'Build failed: npm run build exited with 1' } },
            inputs: { 'job-type': 'release', branch: 'main', 'poll-interval': '250ms' }
          }
        : { scenario: { artifacts: {} }, inputs: { 'job-type': 'release', branch: 'main', 'poll-interval': '250ms', 'output-path': 'build' } }
    case 'retry':
      return {
        before: { failStep: { stepName: 'DEPLOY', statusReason: 'Deployment failed: throttled by the CDN' } },
        scenario: {},
        inputs: { 'job-type': 'retry', branch: 'main', 'job-id': '1', 'poll-interval': '250ms' }
      }
    case 'backend':
      return { scenario: {}, inputs: { 'job-type': 'backend', environment: 'staging', 'job-id': 'a1b2c3', 'poll-interval': '250ms' } }
    default:
      throw new Error(`--job-type must be codegen, release, retry or backend, not ${jobType}`)
  }
}

function nodeVersion(node: string): string {
  return node === process.execPath ? process.versions.node : '24'
}

/**
 * Prints the action's stdout as the runner's log viewer shows it: masks registered and hidden,
 * `::group::` folded open with a marker, annotations as "Error:"/"Warning:", and workflow commands
 * ignored between `::stop-commands::TOKEN` and `::TOKEN::`, as the runner does.
 */
function showAsTheRunnerDoes(child: ChildProcess): void {
  const secrets: string[] = []
  let stopToken: string | undefined
  let pending = ''
  const show = (line: string): void => {
    let text = line
    for (const secret of secrets) text = text.split(secret).join('***')
    process.stdout.write(`${text}\n`)
  }
  const handle = (line: string): void => {
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined
      else show(line)
      return
    }
    const command = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(line)
    if (!command) return show(line)
    const [, name, , value = ''] = command
    switch (name) {
      case 'add-mask':
        if (value) secrets.push(value)
        return
      case 'stop-commands':
        stopToken = value
        return
      case 'group':
        return show(`▼ ${value}`)
      case 'endgroup':
        return show('▲')
      case 'error':
        return show(`Error: ${value}`)
      case 'warning':
        return show(`Warning: ${value}`)
      case 'notice':
        return show(`Notice: ${value}`)
      case 'debug':
        return
      default:
        return show(line)
    }
  }
  child.stdout?.on('data', (chunk: string) => {
    pending += chunk
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) handle(line)
  })
  child.stdout?.on('end', () => {
    if (pending) handle(pending)
  })
  child.stderr?.on('data', (chunk: string) => process.stderr.write(chunk))
}

await main()
