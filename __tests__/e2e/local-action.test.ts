/**
 * GitHub's local-action debugger runs the action from the checkout (src/main.ts, through tsx) with
 * its own stand-in for @actions/core, against the emulator: the outputs it prints are the action's.
 * Run once, on this machine's Node (local-action replaces @actions/core, which only works on the
 * sources, not on the bundle).
 */
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { makeSandbox, scratchFolder, useEmulator, V6_PACKAGE_JSON } from './harness.js'

const LOCAL_ACTION = resolve('node_modules/@github/local-action/bin/local-action.js')
/** tsx compiles the sources at start: slower than a bundle, far within this. */
const RUN_TIMEOUT_MS = 120_000

const emulator = useEmulator()

function dotenv(values: Record<string, string>): string {
  const file = join(scratchFolder('aja-local-action-'), '.env')
  writeFileSync(
    file,
    Object.entries(values)
      .map(([name, value]) => `${name}=${value}`)
      .join('\n') + '\n'
  )
  return file
}

function localAction(envFile: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [LOCAL_ACTION, 'run', '.', 'src/main.ts', envFile], {
      env: { PATH: process.env.PATH ?? '', HOME: scratchFolder('aja-home-'), AWS_EC2_METADATA_DISABLED: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS)
    child.on('error', fail)
    child.on('close', code => {
      clearTimeout(timer)
      done({ code, stdout })
    })
  })
}

describe('npx @github/local-action', () => {
  it('runs a codegen job from the checkout against the emulator and prints its outputs', async () => {
    emulator().setScenario({ durationMs: 100, components: ['Button'] })
    const { workspace } = makeSandbox({ 'package.json': V6_PACKAGE_JSON })
    const envFile = dotenv({
      ...emulator().env,
      'INPUT_JOB-TYPE': 'codegen',
      'INPUT_APP-ID': 'd1a2b3c4d5e6f7',
      INPUT_ENVIRONMENT: 'staging',
      'INPUT_POLL-INTERVAL': '100ms',
      GITHUB_WORKSPACE: workspace
    })
    const run = await localAction(envFile)
    expect(run.stdout).toContain('Action Outputs')
    const outputs = run.stdout.slice(run.stdout.indexOf('Action Outputs'))
    expect(outputs).toMatch(/'status'\s*│\s*'succeeded'/)
    expect(outputs).toMatch(/'changed'\s*│\s*'true'/)
    expect(outputs).toMatch(/'output-path'\s*│\s*'src\/ui-components'/)
    expect(readdirSync(join(workspace, 'src/ui-components'))).toContain('Button.jsx')
    expect(emulator().callsOf('StartCodegenJob')).toHaveLength(1)
  })
})
