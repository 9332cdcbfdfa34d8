/**
 * run() with a fake job: the order of outputs, failures, and stopping the job on cancel or timeout.
 * The runner's side (INPUT_* variables, GITHUB_OUTPUT) is real; the AWS side is the fake.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OpenJob } from '../../src/jobs/index.js'
import type { Job } from '../../src/jobs/types.js'
import { OutputFolderError } from '../../src/output-folder/common.js'
import { run, type StageFiles } from '../../src/main.js'
import type { Phase } from '../../src/wait.js'

interface FakeState {
  status: string
}

const PHASES: Record<string, Phase> = { RUNNING: 'running', SUCCEED: 'succeeded', FAILED: 'failed' }

/** A job whose reads return `statuses` in turn (the last one forever). */
function fakeJob(statuses: string[], extra: Partial<Job<FakeState>> = {}) {
  const calls = { start: 0, read: 0, stop: 0, outputsAtFirstRead: '' }
  let index = 0
  const job: Job<FakeState> = {
    noun: 'fake job',
    async start() {
      calls.start++
      return { jobId: '42', arn: 'arn:fake:42', state: { status: 'RUNNING' } }
    },
    async read() {
      if (calls.read++ === 0) calls.outputsAtFirstRead = readFileSync(process.env.GITHUB_OUTPUT!, 'utf8')
      const status = statuses[Math.min(index++, statuses.length - 1)]!
      return { status }
    },
    phase: state => PHASES[state.status] ?? 'running',
    status: state => state.status,
    async explainFailure(state) {
      return { message: `the fake job ended ${state.status}` }
    },
    async stop() {
      calls.stop++
    },
    report: () => ({ details: [], outputs: {} }),
    ...extra
  }
  const openJob: OpenJob = async () => ({ job: job as Job<unknown>, close: () => undefined })
  return { calls, openJob }
}

let scratch: string
/**
 * One summary file for the whole file, emptied before each test: @actions/core's summary finds
 * GITHUB_STEP_SUMMARY once per process (a step is one process) and keeps writing there.
 */
const summaryFolder = mkdtempSync(join(tmpdir(), 'aja-main-summary-'))
const summaryFile = join(summaryFolder, 'summary')
afterAll(() => rmSync(summaryFolder, { recursive: true, force: true }))
let stdout: string
const savedEnv = { ...process.env }

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'aja-main-'))
  writeFileSync(join(scratch, 'output'), '')
  writeFileSync(summaryFile, '')
  stdout = ''
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout += String(chunk)
    return true
  })
  process.exitCode = undefined
  Object.assign(process.env, {
    GITHUB_WORKSPACE: scratch,
    GITHUB_OUTPUT: join(scratch, 'output'),
    GITHUB_STEP_SUMMARY: summaryFile,
    'INPUT_JOB-TYPE': 'release',
    'INPUT_APP-ID': 'd1a2b3c4d5e6f7',
    INPUT_BRANCH: 'main',
    'INPUT_POLL-INTERVAL': '100ms'
  })
})

afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...savedEnv }
  process.exitCode = undefined
  rmSync(scratch, { recursive: true, force: true })
})

const outputs = (): string => readFileSync(join(scratch, 'output'), 'utf8')

describe('run()', () => {
  it('sets job-id and job-arn before waiting, then the final status', async () => {
    const { calls, openJob } = fakeJob(['RUNNING', 'SUCCEED'])
    await run({ openJob })
    expect(process.exitCode).toBeUndefined()
    expect(calls.outputsAtFirstRead).toContain('job-id<<')
    expect(calls.outputsAtFirstRead).toContain('arn:fake:42')
    expect(calls.outputsAtFirstRead).not.toContain('status<<')
    expect(outputs()).toMatch(/status<<\S+\nSUCCEED\n/)
    expect(readFileSync(summaryFile, 'utf8')).toContain('succeeded')
  })

  it('a failed job fails the step with the job explanation', async () => {
    const { openJob } = fakeJob(['FAILED'])
    await run({ openJob })
    expect(process.exitCode).toBe(1)
    expect(stdout).toContain('::error::the fake job ended FAILED')
    expect(outputs()).toMatch(/status<<\S+\nFAILED\n/)
  })

  it('wait: false reads nothing when the start already told the status', async () => {
    process.env.INPUT_WAIT = 'false'
    const { calls, openJob } = fakeJob(['SUCCEED'])
    await run({ openJob })
    expect(calls.read).toBe(0)
    expect(outputs()).toMatch(/status<<\S+\nRUNNING\n/)
  })

  it('SIGINT while waiting stops the job once and fails the step as cancelled', async () => {
    const { calls, openJob } = fakeJob(['RUNNING'], {
      async read() {
        calls.read++
        if (calls.read === 2) setImmediate(() => process.emit('SIGINT'))
        return { status: 'RUNNING' }
      }
    })
    await run({ openJob })
    expect(calls.stop).toBe(1)
    expect(process.exitCode).toBe(1)
    expect(stdout).toMatch(/::error::The workflow was cancelled/)
    expect(process.listenerCount('SIGINT')).toBe(0)
  })

  it('stop-on-cancel: false leaves the job running', async () => {
    process.env['INPUT_STOP-ON-CANCEL'] = 'false'
    const { calls, openJob } = fakeJob(['RUNNING'], {
      async read() {
        calls.read++
        if (calls.read === 2) setImmediate(() => process.emit('SIGTERM'))
        return { status: 'RUNNING' }
      }
    })
    await run({ openJob })
    expect(calls.stop).toBe(0)
    expect(process.exitCode).toBe(1)
    expect(stdout).toMatch(
      /::error::The workflow was cancelled .*The fake job keeps running \(stop-on-cancel: false\); stop it in the Amplify console if it should not\./
    )
  })

  it('the timeout stops the job and reports the last status', async () => {
    process.env.INPUT_TIMEOUT = '1s'
    const { calls, openJob } = fakeJob(['RUNNING'])
    await run({ openJob })
    expect(calls.stop).toBe(1)
    expect(process.exitCode).toBe(1)
    expect(stdout).toMatch(/::error::The fake job did not end within the timeout of 1\.0s \(its last status was RUNNING\)/)
    expect(outputs()).toMatch(/status<<\S+\nRUNNING\n/)
  })

  it('a job that cannot be stopped is just abandoned on timeout, and the step says only that it timed out', async () => {
    process.env.INPUT_TIMEOUT = '1s'
    const { calls, openJob } = fakeJob(['RUNNING'], { stop: undefined })
    await run({ openJob })
    expect(process.exitCode).toBe(1)
    expect(calls.read).toBeGreaterThan(0)
    const errors = stdout.split('\n').filter(line => line.startsWith('::error::'))
    expect(errors).toEqual([
      "::error::The fake job did not end within the timeout of 1.0s (its last status was RUNNING). Raise the 'timeout' input if the job normally takes longer."
    ])
    expect(outputs()).toMatch(/status<<\S+\nRUNNING\n/)
    expect(readFileSync(summaryFile, 'utf8')).toContain('timed out')
  })

  it('an unexpected error fails the step with its message', async () => {
    const openJob: OpenJob = async () => {
      throw new Error('boom')
    }
    await run({ openJob })
    expect(process.exitCode).toBe(1)
    expect(stdout).toContain('::error::boom')
  })
})

/** Resolves when `signal` aborts, with what `onAbort` returns; never before. */
function untilAborted<T>(signal: AbortSignal, onAbort: () => T): Promise<T> {
  return new Promise(resolve => signal.addEventListener('abort', () => resolve(onAbort()), { once: true }))
}

/**
 * The timeout is 1 s; a step that ignores it would hang forever. The test's own limit only has to
 * tell those two apart, so it is twenty times the timeout: a busy machine never comes near it.
 */
const HANGS_AFTER_MS = 20_000

describe('run(): every AWS call and download ends at the deadline', () => {
  it(
    'wait: false, with a status read that never answers, ends at the timeout',
    async () => {
      process.env.INPUT_WAIT = 'false'
      process.env.INPUT_TIMEOUT = '1s'
      const { openJob } = fakeJob(['RUNNING'], {
        async start() {
          return { jobId: '42' }
        },
        read: signal => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }))
      })
      await run({ openJob })
      expect(process.exitCode).toBe(1)
      expect(stdout).toMatch(/::error::The timeout of 1\.0s was reached while reading the fake job/)
    },
    HANGS_AFTER_MS
  )

  it(
    'explaining a failed job (a log that never arrives) ends at the timeout, and the step reports the failure',
    async () => {
      process.env.INPUT_TIMEOUT = '1s'
      const { openJob } = fakeJob(['FAILED'], {
        explainFailure: (_state, signal) => untilAborted(signal, () => ({ message: 'the fake job FAILED (its log could not be read in time)' }))
      })
      await run({ openJob })
      expect(process.exitCode).toBe(1)
      expect(stdout).toContain('::error::the fake job FAILED (its log could not be read in time)')
    },
    HANGS_AFTER_MS
  )
})

describe('run(): the error the user sees is what really happened while fetching', () => {
  beforeEach(() => {
    process.env['INPUT_OUTPUT-PATH'] = 'site'
  })

  /** A job with files, which the fake `stageFiles` of each test stages (or fails to). */
  const withFiles = () =>
    fakeJob(['SUCCEED'], {
      filesOf: async () => ({ kind: 'artifact-zips', zips: [{ what: 'artifact site.zip', url: async () => 'https://example.com/site.zip' }] })
    })

  it('a staging folder that cannot be removed does not hide why the fetch failed', async () => {
    const { openJob } = withFiles()
    const stageFiles: StageFiles = async (_files, staging) => {
      ;(staging as unknown as { discard(): Promise<void> }).discard = () => Promise.reject(new Error('EBUSY: resource busy or locked'))
      throw new Error('the artifact download broke')
    }
    await run({ openJob, stageFiles })
    expect(process.exitCode).toBe(1)
    expect(stdout).toMatch(
      /::error::the artifact download broke Removing the partly fetched files failed too \(EBUSY: resource busy or locked\); the next run of the action removes them\./
    )
  })

  it('a move that failed and could not be undone is reported as such, even when a cancel came meanwhile', async () => {
    const { openJob } = withFiles()
    const stageFiles: StageFiles = async (_files, staging) => {
      ;(staging as unknown as { commit(): Promise<never> }).commit = async () => {
        process.emit('SIGINT', 'SIGINT')
        throw new OutputFolderError('putting back the previous content failed too; do not delete the work folder')
      }
    }
    await run({ openJob, stageFiles })
    expect(process.exitCode).toBe(1)
    const errors = stdout.split('\n').filter(line => line.startsWith('::error::'))
    expect(errors).toEqual(['::error::putting back the previous content failed too; do not delete the work folder'])
  })

  it('a download cut short by a cancel fails as cancelled, not with the abort error it caused', async () => {
    const { openJob } = withFiles()
    const stageFiles: StageFiles = async (_files, _staging, _downloader, { signal }) => {
      setImmediate(() => process.emit('SIGTERM', 'SIGTERM'))
      await untilAborted(signal, () => undefined)
      throw new Error('This operation was aborted')
    }
    await run({ openJob, stageFiles })
    expect(process.exitCode).toBe(1)
    expect(stdout).toMatch(/::error::The workflow was cancelled \(SIGTERM\)\./)
    expect(stdout).not.toContain('This operation was aborted')
  })
})

describe('run(): the outputs file', () => {
  it('one the runner cannot take fails the step with a message, instead of rejecting run()', async () => {
    process.env.GITHUB_OUTPUT = scratch // a folder: appending to it fails with EISDIR
    const { openJob } = fakeJob(['SUCCEED'])
    await expect(run({ openJob })).resolves.toBeUndefined()
    expect(process.exitCode).toBe(1)
    expect(stdout).toMatch(/::error::Could not write the step's outputs to the runner's outputs file \(GITHUB_OUTPUT\): EISDIR/)
  })
})
