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
 *   npm run demo -- --job-type deploy         deploy a small site (dist/) to a branch: its URL and the files served
 *   npm run demo -- --job-type deploy --fail  a deployment whose DEPLOY step fails
 *   npm run demo -- --job-type delete-branch  deploy a pull request preview (create-branch), then delete its branch
 *   npm run demo -- --job-type delete-branch --fail   try to delete main, which the action did not create: refused
 *   npm run demo -- --raw                     show the workflow commands (::group:: ...) as printed
 *
 * The log is shown as the runner's log viewer shows it: `::add-mask::` lines hidden, groups and
 * annotations rendered. It runs on Node 24, as GitHub does, when `npm test` has fetched it.
 */
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { startEmulator } from '../emulator/server.js'
import type { Emulator, Scenario } from '../emulator/types.js'
import { DEMO_SITE_FOLDER, demoSite } from './demo-site.js'
import { DIST_ENTRY, runAction } from './runner.js'

/** scripts/node24.mjs is plain JavaScript (also run by npm test before anything is built). */
const NODE24_MODULE: string = './node24.mjs'
const { node24Path } = (await import(NODE24_MODULE)) as { node24Path: () => string }

const DEMO_APP_ID = 'd1a2b3c4d5e6f7'
/** The pull request whose preview the delete-branch demo deploys, then deletes. */
const DEMO_PULL_REQUEST = 42
const DEMO_PREVIEW_BRANCH = `pr-${DEMO_PULL_REQUEST}`
const DEMO_EVENT_FILE = 'pull-request-event.json'
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

/** One demo: what the emulator does, the step's inputs, and what comes before and after the run shown. */
interface Demo {
  scenario: Scenario
  inputs: Record<string, string>
  /** Files the workspace needs first (relative path -> content), e.g. the site to deploy. */
  files?: Record<string, string | Buffer>
  /** Step environment beyond the emulator's, e.g. a pull request event. */
  env?: Record<string, string>
  /** An earlier run, quiet, not part of the demo's output: a failed release to retry, a preview to delete. */
  before?: {
    scenario: Scenario
    inputs: Record<string, string>
    /** The earlier run is meant to fail (the release a retry demo retries). */
    fails?: boolean
    /** A line saying what the earlier run left, printed before the demo's run. */
    describe?: (run: { outputs: Record<string, string> }, emulator: Emulator) => string
  }
  /** What the emulator shows once the run has ended. */
  after?: (emulator: Emulator) => void
}

async function main(): Promise<void> {
  if (!existsSync(DIST_ENTRY)) throw new Error('dist/index.js is missing: run npm run bundle first')
  const jobType = args['job-type']!
  const workspace = args.workspace ?? mkdtempSync(join(tmpdir(), 'amplify-job-action-demo-'))
  mkdirSync(workspace, { recursive: true })
  writeFileSync(join(workspace, 'package.json'), JSON.stringify(DEMO_PACKAGE_JSON, null, 2))

  const emulator = await startEmulator()
  try {
    const demo = demoOf(jobType, workspace)
    for (const [name, content] of Object.entries(demo.files ?? {})) {
      mkdirSync(dirname(join(workspace, name)), { recursive: true })
      writeFileSync(join(workspace, name), content)
    }
    const node = existsSync(node24Path()) ? node24Path() : process.execPath
    const raw = args.raw!
    const env = { ...emulator.env, ...demo.env }
    console.log(`Local Amplify emulator on ${emulator.url}; workspace ${workspace}`)
    if (demo.before) {
      emulator.setScenario(demo.before.scenario)
      const earlier = await runAction({ workspace, inputs: { 'app-id': DEMO_APP_ID, ...demo.before.inputs }, env, node })
      if ((earlier.exitCode === 0) === (demo.before.fails === true))
        throw new Error(`the run before the demo ended with exit code ${earlier.exitCode}:\n${earlier.stdout}${earlier.stderr}`)
      if (demo.before.describe) console.log(demo.before.describe(earlier, emulator))
    }
    emulator.setScenario(demo.scenario)
    console.log(`Running: node dist/index.js (Node ${nodeVersion(node)}) with job-type ${jobType}\n${'-'.repeat(72)}`)
    const run = await runAction({
      workspace,
      inputs: { 'app-id': DEMO_APP_ID, ...demo.inputs },
      env,
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
    demo.after?.(emulator)
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

function demoOf(jobType: string, workspace: string): Demo {
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
        // An earlier job to retry.
        before: {
          scenario: { failStep: { stepName: 'DEPLOY', statusReason: 'Deployment failed: throttled by the CDN' } },
          inputs: { 'job-type': 'release', branch: 'main', 'poll-interval': '250ms' },
          fails: true
        },
        scenario: {},
        inputs: { 'job-type': 'retry', branch: 'main', 'job-id': '1', 'poll-interval': '250ms' }
      }
    case 'backend':
      return { scenario: {}, inputs: { 'job-type': 'backend', environment: 'staging', 'job-id': 'a1b2c3', 'poll-interval': '250ms' } }
    case 'deploy':
      return {
        files: siteFiles(),
        scenario: args.fail ? { failStep: { stepName: 'DEPLOY', statusReason: 'Deployment failed: the CDN could not be updated' } } : {},
        inputs: { 'job-type': 'deploy', branch: 'main', source: DEMO_SITE_FOLDER, 'poll-interval': '250ms' },
        after: emulator => showServedFiles(emulator, 'main')
      }
    case 'delete-branch':
      return args.fail
        ? // main was not made by the action (it has no amplify-job-action=created tag): refused, nothing deleted.
          { scenario: {}, inputs: { 'job-type': 'delete-branch', branch: 'main' } }
        : {
            files: { ...siteFiles(), [DEMO_EVENT_FILE]: JSON.stringify({ number: DEMO_PULL_REQUEST, pull_request: { number: DEMO_PULL_REQUEST } }) },
            env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(workspace, DEMO_EVENT_FILE) },
            before: {
              scenario: {},
              inputs: { 'job-type': 'deploy', branch: DEMO_PREVIEW_BRANCH, source: DEMO_SITE_FOLDER, 'create-branch': 'true', 'poll-interval': '250ms' },
              describe: (run, emulator) => {
                // What the action asked for, as the emulator received it.
                const created = emulator.callsOf('CreateBranch')[0]?.body as { stage?: string; tags?: Record<string, string> } | undefined
                const tags = Object.entries(created?.tags ?? {}).map(([key, value]) => `${key}=${value}`)
                const served = Object.keys(emulator.deployedFiles(DEMO_APP_ID, DEMO_PREVIEW_BRANCH)).length
                return (
                  `First, quietly: a deploy of pull request #${DEMO_PULL_REQUEST}'s preview with create-branch: true made branch ${DEMO_PREVIEW_BRANCH} ` +
                  `(stage ${created?.stage ?? 'none'}, tagged ${tags.join(', ') || 'nothing'}), serving ${served} files at ${run.outputs.url}.`
                )
              }
            },
            scenario: {},
            inputs: { 'job-type': 'delete-branch', branch: DEMO_PREVIEW_BRANCH },
            after: emulator => showServedFiles(emulator, DEMO_PREVIEW_BRANCH)
          }
    default:
      throw new Error(`--job-type must be codegen, release, retry, backend, deploy or delete-branch, not ${jobType}`)
  }
}

/** The demo site, under the folder the deploy's `source` names. */
function siteFiles(): Record<string, string | Buffer> {
  return Object.fromEntries(Object.entries(demoSite()).map(([name, content]) => [`${DEMO_SITE_FOLDER}/${name}`, content]))
}

/** The files the emulator serves for the branch now: what its last successful deployment unpacked. */
function showServedFiles(emulator: Emulator, branch: string): void {
  const files = Object.entries(emulator.deployedFiles(DEMO_APP_ID, branch))
  if (files.length === 0) {
    console.log(`\nThe emulator serves no files for branch ${branch}.`)
    return
  }
  console.log(`\nThe emulator now serves ${files.length} files for branch ${branch}:`)
  for (const [name, content] of files) console.log(`  ${name} (${content.length} bytes)`)
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
