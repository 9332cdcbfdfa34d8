/**
 * `npm run local [-- --env-file .env]`: runs the bundled action (dist/index.js) from this checkout
 * with the inputs and settings of a dotenv file (see .env.example), against the local emulator or a
 * real AWS account. Unlike the tests and the demo it keeps this machine's environment (AWS_PROFILE,
 * ~/.aws, proxies), and it gives the action the files the runner would: GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY. Prints the log (without the ::add-mask:: commands), then the outputs and
 * where the job summary was written. Exits with the action's exit code.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs, parseEnv } from 'node:util'
import { DIST_ENTRY, parseOutputFile } from './runner.js'

const { values: args } = parseArgs({ options: { 'env-file': { type: 'string', default: '.env' } } })

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

async function main(): Promise<void> {
  const envFile = resolve(args['env-file']!)
  if (!existsSync(envFile)) fail(`${envFile} does not exist: cp .env.example .env, then adjust it.`)
  if (!existsSync(DIST_ENTRY)) fail('dist/index.js is missing: run npm run bundle first.')
  const settings = parseEnv(readFileSync(envFile, 'utf8')) as Record<string, string>
  const workspace = resolve(settings.GITHUB_WORKSPACE ?? join(tmpdir(), 'amplify-job-action-local'))
  mkdirSync(workspace, { recursive: true })

  const scratch = mkdtempSync(join(tmpdir(), 'amplify-job-action-run-'))
  const outputFile = join(scratch, 'output')
  const summaryFile = join(scratch, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env = { ...process.env, ...settings, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile }
  console.log(`Running dist/index.js with ${envFile}; workspace ${workspace}\n${'-'.repeat(72)}`)

  const child = spawn(process.execPath, [DIST_ENTRY], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'inherit'] })
  let pending = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) if (!line.startsWith('::add-mask::')) console.log(line)
  })
  const exitCode = await new Promise<number>(done => child.on('close', code => done(code ?? 1)))
  if (pending && !pending.startsWith('::add-mask::')) console.log(pending)

  console.log(`${'-'.repeat(72)}\nExit code: ${exitCode}\n\nOutputs:`)
  for (const [name, value] of Object.entries(parseOutputFile(readFileSync(outputFile, 'utf8')))) {
    console.log(`  ${name} = ${value.length > 160 ? `${value.slice(0, 157)}...` : value}`)
  }
  const summary = readFileSync(summaryFile, 'utf8')
  if (summary) {
    const kept = join(workspace, 'job-summary.md')
    writeFileSync(kept, summary)
    console.log(`\nJob summary (Markdown): ${kept}`)
  }
  rmSync(scratch, { recursive: true, force: true })
  process.exitCode = exitCode
}

await main()
