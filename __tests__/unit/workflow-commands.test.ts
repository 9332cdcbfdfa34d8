/**
 * src/workflow-commands.ts writes what @actions/core writes, byte for byte: the same calls go
 * through both, and stdout, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and the exit code are compared.
 * (@actions/core is not in the bundle; it is kept for this comparison.)
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as commands from '../../src/workflow-commands.js'

interface Captured {
  stdout: string
  output: string
  summary: string
  exitCode: typeof process.exitCode
  error?: string
}

let scratch: string
const savedEnv = { ...process.env }

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'aja-commands-'))
})

afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...savedEnv }
  process.exitCode = undefined
  rmSync(scratch, { recursive: true, force: true })
})

/** Runs `call` with fresh runner files and returns everything it wrote. */
async function capture(call: () => unknown, { withFiles = true } = {}): Promise<Captured> {
  const output = join(scratch, 'output')
  const summary = join(scratch, 'summary')
  writeFileSync(output, '')
  writeFileSync(summary, '')
  if (withFiles) {
    process.env.GITHUB_OUTPUT = output
    process.env.GITHUB_STEP_SUMMARY = summary
  } else {
    delete process.env.GITHUB_OUTPUT
    delete process.env.GITHUB_STEP_SUMMARY
  }
  process.exitCode = undefined
  let stdout = ''
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout += String(chunk)
    return true
  })
  let error: string | undefined
  try {
    await call()
  } catch (thrown) {
    error = (thrown as Error).message
  } finally {
    spy.mockRestore()
  }
  const captured = { stdout, output: readFileSync(output, 'utf8'), summary: readFileSync(summary, 'utf8'), exitCode: process.exitCode, error }
  process.exitCode = undefined
  return captured
}

/** core.summary is a singleton that remembers the first file it wrote to; each test has its own. */
function summaryOfCore(): typeof core.summary {
  ;(core.summary as unknown as { _filePath?: string })._filePath = undefined
  return core.summary.emptyBuffer()
}

/** Output delimiters are random UUIDs; everything else must match exactly. */
const sameDelimiter = (text: string): string => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_<uuid>')

const TRICKY = ['plain', '', 'line one\nline two\r\nthree', '100% done: a, b', '::set-output name=x::y', 'tab\tand unicode ✔ ü']

describe('workflow commands, compared with @actions/core', () => {
  it.each(TRICKY)('info, debug, warning, error, add-mask and groups of %j', async text => {
    const ours = await capture(() => {
      commands.info(text)
      commands.debug(text)
      commands.warning(text)
      commands.error(text)
      commands.setSecret(text)
      commands.startGroup(text)
      commands.endGroup()
    })
    const theirs = await capture(() => {
      core.info(text)
      core.debug(text)
      core.warning(text)
      core.error(text)
      core.setSecret(text)
      core.startGroup(text)
      core.endGroup()
    })
    expect(ours).toEqual(theirs)
  })

  it.each([
    {},
    { title: 'Generated UI code dependency' },
    { title: 'a: b, c%\nd' },
    { file: 'amplify/render-config.json', startLine: 3, startColumn: 7 },
    { file: 'x.json', startLine: 0, startColumn: 0 },
    { title: '' },
    { title: 'all', file: 'f', startLine: 1, endLine: 2, startColumn: 3, endColumn: 4 }
  ])('annotation properties %j', async properties => {
    const ours = await capture(() => {
      commands.warning('message', properties)
      commands.error('message', properties)
    })
    const theirs = await capture(() => {
      core.warning('message', properties)
      core.error('message', properties)
    })
    expect(ours).toEqual(theirs)
  })

  it('an Error as the message', async () => {
    const ours = await capture(() => commands.warning(new TypeError('bad\nthing')))
    const theirs = await capture(() => core.warning(new TypeError('bad\nthing')))
    expect(ours).toEqual(theirs)
  })

  it('setFailed sets exit code 1 and prints the error', async () => {
    const ours = await capture(() => commands.setFailed('it failed: 100%'))
    const theirs = await capture(() => core.setFailed('it failed: 100%'))
    expect(ours).toEqual(theirs)
    expect(ours.exitCode).toBe(1)
    expect(commands.ExitCode).toEqual({ Success: core.ExitCode.Success, Failure: core.ExitCode.Failure })
  })

  it.each(TRICKY)('setOutput of %j into GITHUB_OUTPUT', async text => {
    const ours = await capture(() => commands.setOutput('files', text))
    const theirs = await capture(() => core.setOutput('files', text))
    expect(sameDelimiter(ours.output)).toBe(sameDelimiter(theirs.output))
    expect({ ...ours, output: '' }).toEqual({ ...theirs, output: '' })
  })

  it('setOutput of a non-string value', async () => {
    const ours = await capture(() => commands.setOutput('n', 42))
    const theirs = await capture(() => core.setOutput('n', 42))
    expect(sameDelimiter(ours.output)).toBe(sameDelimiter(theirs.output))
  })

  it('setOutput without GITHUB_OUTPUT falls back to the set-output command', async () => {
    const ours = await capture(() => commands.setOutput('job-id', 'a,b:c\nd'), { withFiles: false })
    const theirs = await capture(() => core.setOutput('job-id', 'a,b:c\nd'), { withFiles: false })
    expect(ours).toEqual(theirs)
  })

  it('setOutput into a GITHUB_OUTPUT file that does not exist throws the same error', async () => {
    const missing = join(scratch, 'gone', 'output')
    const ours = await capture(() => {
      process.env.GITHUB_OUTPUT = missing
      commands.setOutput('a', 'b')
    })
    const theirs = await capture(() => {
      process.env.GITHUB_OUTPUT = missing
      core.setOutput('a', 'b')
    })
    expect(ours.error).toBe(`Missing file at path: ${missing}`)
    expect(ours).toEqual(theirs)
  })

  it('the job summary is appended as core.summary.addRaw(text).write() does', async () => {
    const markdown = '## Amplify job\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'
    const ours = await capture(() => commands.appendSummary(markdown))
    const theirs = await capture(() => summaryOfCore().addRaw(markdown).write())
    expect(ours.summary).toBe(markdown)
    expect(ours).toEqual(theirs)
  })

  it('without GITHUB_STEP_SUMMARY the summary fails with the same message', async () => {
    const ours = await capture(() => commands.appendSummary('x'), { withFiles: false })
    const theirs = await capture(() => summaryOfCore().addRaw('x').write(), { withFiles: false })
    expect(ours.error).toContain('GITHUB_STEP_SUMMARY')
    expect(ours).toEqual(theirs)
  })

  it('an unwritable summary file fails with the same message', async () => {
    if (process.getuid?.() === 0) return // root may write anything
    const ours = await capture(() => {
      chmodSync(process.env.GITHUB_STEP_SUMMARY!, 0o400)
      return commands.appendSummary('x')
    })
    const theirs = await capture(() => {
      chmodSync(process.env.GITHUB_STEP_SUMMARY!, 0o400)
      return summaryOfCore().addRaw('x').write()
    })
    expect(ours).toEqual(theirs)
  })

  it.each([
    ['app-id', '  d1a2b3  '],
    ['poll interval', '2s'],
    ['render-config', '\n path.json \n'],
    ['missing', undefined]
  ])('getInput(%j) reads INPUT_* like core.getInput', (name, value) => {
    const variable = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
    if (value === undefined) delete process.env[variable]
    else process.env[variable] = value
    expect(commands.getInput(name)).toBe(core.getInput(name))
  })
})
