/**
 * src/workflow-commands.ts hands every command to @actions/core, in the order the action made
 * them, also those made before @actions/core was loaded (it loads after the first AWS request).
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

let scratch: string
let stdout: string
const savedEnv = { ...process.env }

beforeEach(() => {
  jest.resetModules()
  scratch = mkdtempSync(join(tmpdir(), 'aja-commands-'))
  writeFileSync(join(scratch, 'output'), '')
  writeFileSync(join(scratch, 'summary'), '')
  Object.assign(process.env, { GITHUB_OUTPUT: join(scratch, 'output'), GITHUB_STEP_SUMMARY: join(scratch, 'summary'), 'INPUT_APP-ID': '  d123  ' })
  stdout = ''
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout += String(chunk)
    return true
  })
})

afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...savedEnv }
  process.exitCode = undefined
  rmSync(scratch, { recursive: true, force: true })
})

describe('workflow commands', () => {
  it('queues commands made before the toolkit loads and writes them in order when it does', async () => {
    const commands = await import('../../src/workflow-commands.js')
    commands.setSecret('s3cr3t-value')
    commands.warning('careful', { file: 'render.json', startLine: 3, startColumn: 7 })
    commands.info('hello')
    expect(stdout).toBe('')
    await commands.loadToolkit()
    expect(stdout.split('\n').filter(Boolean)).toEqual(['::add-mask::s3cr3t-value', '::warning file=render.json,line=3,col=7::careful', 'hello'])
    commands.info('after')
    expect(stdout.endsWith('after\n')).toBe(true)
  })

  it('writes outputs to GITHUB_OUTPUT and the summary to GITHUB_STEP_SUMMARY', async () => {
    const commands = await import('../../src/workflow-commands.js')
    commands.setOutput('job-id', '42')
    await commands.appendSummary('## done\n')
    expect(readFileSync(join(scratch, 'output'), 'utf8')).toMatch(/^job-id<<(ghadelimiter_[-0-9a-f]+)\n42\n\1\n$/)
    expect(readFileSync(join(scratch, 'summary'), 'utf8')).toBe('## done\n')
  })

  it('setFailed sets the exit code at once and reports the error once loaded', async () => {
    const commands = await import('../../src/workflow-commands.js')
    commands.setFailed('it broke')
    expect(process.exitCode).toBe(commands.ExitCode.Failure)
    await commands.loadToolkit()
    expect(stdout).toContain('::error::it broke')
  })

  it('reads inputs the way core.getInput does, without loading it', async () => {
    const commands = await import('../../src/workflow-commands.js')
    const core = await import('@actions/core')
    expect(commands.getInput('app-id')).toBe('d123')
    expect(commands.getInput('app-id')).toBe(core.getInput('app-id'))
    expect(commands.getInput('missing')).toBe(core.getInput('missing'))
  })
})
