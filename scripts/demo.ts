/**
 * `npm run demo`: try the action without an AWS account. Starts the local Amplify emulator, runs
 * the bundled dist/index.js exactly as the GitHub runner would in a scratch workspace, and prints
 * the step's log, its outputs and where the files landed.
 *
 *   npm run demo                              codegen: regenerate UI components
 *   npm run demo -- --components 150          a bigger app (two files per component)
 *   npm run demo -- --job-type release        an Amplify Hosting release that succeeds
 *   npm run demo -- --job-type release --fail a release whose BUILD step fails
 *   npm run demo -- --job-type backend        wait for a backend job
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startEmulator } from '../emulator/server.js'
import type { Scenario } from '../emulator/types.js'
import { DIST_ENTRY, runAction } from './runner.js'

const DEMO_APP_ID = 'd1a2b3c4d5e6f7'
const DEMO_PACKAGE_JSON = { name: 'demo-app', private: true, dependencies: { 'aws-amplify': '^6.0.0', '@aws-amplify/ui-react': '^6.1.0', react: '^18.2.0' } }

const { values: args } = parseArgs({
  options: {
    'job-type': { type: 'string', default: 'codegen' },
    components: { type: 'string', default: '6' },
    fail: { type: 'boolean', default: false },
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
    const { scenario, inputs } = demoOf(jobType)
    emulator.setScenario(scenario)
    console.log(`Local Amplify emulator on ${emulator.url}; workspace ${workspace}`)
    console.log(`Running: node dist/index.js with job-type ${jobType}\n${'-'.repeat(72)}`)
    const run = await runAction({ workspace, inputs: { 'app-id': DEMO_APP_ID, ...inputs }, env: emulator.env, echo: true })
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

function demoOf(jobType: string): { scenario: Scenario; inputs: Record<string, string> } {
  switch (jobType) {
    case 'codegen':
      return {
        scenario: { durationMs: 1500, componentCount: Number(args.components), forms: ['ContactForm'] },
        inputs: { environment: 'staging', 'poll-interval': '250ms' }
      }
    case 'release':
      return {
        scenario: args.fail ? { failStep: { stepName: 'BUILD', statusReason: 'Build failed: npm run build exited with 1' } } : {},
        inputs: { 'job-type': 'release', branch: 'main', 'poll-interval': '250ms' }
      }
    case 'backend':
      return { scenario: {}, inputs: { 'job-type': 'backend', environment: 'staging', 'job-id': 'a1b2c3', 'poll-interval': '250ms' } }
    default:
      throw new Error(`--job-type must be codegen, release or backend, not ${jobType}`)
  }
}

await main()
