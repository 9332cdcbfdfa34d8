/**
 * run() with a fake job: the order of outputs, failures, and stopping the job on cancel or timeout.
 * The runner's side (INPUT_* variables, GITHUB_OUTPUT) is real; the AWS side is the fake.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OpenJob } from '../../src/jobs/index.js'
import type { Job } from '../../src/jobs/types.js'
import { run } from '../../src/main.js'
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
      return `the fake job ended ${state.status}`
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
let stdout: string
const savedEnv = { ...process.env }

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'aja-main-'))
  writeFileSync(join(scratch, 'output'), '')
  writeFileSync(join(scratch, 'summary'), '')
  stdout = ''
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout += String(chunk)
    return true
  })
  process.exitCode = undefined
  Object.assign(process.env, {
    GITHUB_WORKSPACE: scratch,
    GITHUB_OUTPUT: join(scratch, 'output'),
    GITHUB_STEP_SUMMARY: join(scratch, 'summary'),
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
    expect(readFileSync(join(scratch, 'summary'), 'utf8')).toContain('succeeded')
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
    expect(stdout).toMatch(/::error::The workflow was cancelled .*The fake job keeps running \(stop-on-cancel: false\); stop it in the Amplify console if it should not\./)
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
    expect(readFileSync(join(scratch, 'summary'), 'utf8')).toContain('timed out')
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
