/**
 * The AmplifyBackend job module with a fake client: nothing is started, GetBackendJob is read until
 * COMPLETED or FAILED, and a missing job is named in the error.
 */
import { describe, expect, it, jest } from '@jest/globals'
import { GetBackendJobCommand, type GetBackendJobResponse } from '@aws-sdk/client-amplifybackend'
import { ActionError } from '../../../src/errors.js'
import type { BackendInputs } from '../../../src/inputs.js'
import { backendPhase, createBackendJob } from '../../../src/jobs/backend.js'

const APP = 'd1a2b3c4d5e6f7'

function inputs(overrides: Partial<BackendInputs> = {}): BackendInputs {
  return {
    jobType: 'backend',
    appId: APP,
    environment: 'staging',
    jobId: 'job-7',
    wait: true,
    timeoutMs: 1_800_000,
    firstPollMs: 2_000,
    maxPollMs: 10_000,
    workspace: '/work',
    ...overrides
  }
}

function setup(read: () => unknown = () => ({ Status: 'IN_PROGRESS' })) {
  const sent: Array<{ command: unknown; signal?: AbortSignal }> = []
  const client = {
    send: jest.fn(async (command: unknown, options?: { abortSignal?: AbortSignal }) => {
      sent.push({ command, signal: options?.abortSignal })
      if (command instanceof GetBackendJobCommand) return read()
      throw new Error(`unexpected command ${String(command)}`)
    })
  }
  const infos: string[] = []
  const job = createBackendJob(inputs(), {
    client: client as unknown as Parameters<typeof createBackendJob>[1]['client'],
    log: { info: message => infos.push(message) }
  })
  return { job, sent, infos }
}

const signal = new AbortController().signal

describe('backend jobs', () => {
  it('start calls nothing: it names the job it waits for', async () => {
    const { job, sent, infos } = setup()
    expect(await job.start(signal)).toEqual({ jobId: 'job-7' })
    expect(sent).toEqual([])
    expect(infos).toEqual([`Waiting for backend job job-7 of environment 'staging' in app ${APP}.`])
  })

  it('reads GetBackendJob with the app, environment and job id, passing the signal on', async () => {
    const { job, sent } = setup(() => ({ Status: 'COMPLETED', Operation: 'CreateBackendAPI' }))
    const state = await job.read(signal)
    expect(job.status(state)).toBe('COMPLETED')
    expect(sent[0]!.command).toBeInstanceOf(GetBackendJobCommand)
    expect((sent[0]!.command as GetBackendJobCommand).input).toEqual({ AppId: APP, BackendEnvironmentName: 'staging', JobId: 'job-7' })
    expect(sent[0]!.signal).toBe(signal)
  })

  it.each([
    ['COMPLETED', 'succeeded'],
    ['FAILED', 'failed'],
    ['IN_PROGRESS', 'running'],
    ['CREATED', 'running'],
    ['completed', 'running'],
    ['', 'running'],
    [undefined, 'running']
  ])('status %s is %s', (status, phase) => {
    expect(backendPhase({ Status: status } as GetBackendJobResponse)).toBe(phase)
  })

  it('a status missing from the answer is shown as unknown', () => {
    const { job } = setup()
    expect(job.status({})).toBe('unknown')
  })

  it('NotFoundException becomes an error naming the job and what to check', async () => {
    const { job } = setup(() => {
      throw Object.assign(new Error('Backend job job-7 not found'), { name: 'NotFoundException' })
    })
    const error = await job.read(signal).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toBe(
      `Amplify could not find backend job job-7 of environment 'staging' in app ${APP} (Backend job job-7 not found). Check 'job-id', 'environment', 'app-id' and 'region'.`
    )
  })

  it('other errors reach the wait loop unchanged (throttling is waited through there)', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' })
    const { job } = setup(() => {
      throw throttled
    })
    await expect(job.read(signal)).rejects.toBe(throttled)
  })

  it("a failed job's message has its operation and error", async () => {
    const { job } = setup()
    expect((await job.explainFailure({ Status: 'FAILED', Operation: 'UpdateBackendAuth', Error: 'Stack update failed' }, signal)).message).toBe(
      `The backend job job-7 of environment 'staging' in app ${APP} FAILED (operation UpdateBackendAuth): Stack update failed.`
    )
    expect((await job.explainFailure({ Status: 'FAILED' }, signal)).message).toBe(
      `The backend job job-7 of environment 'staging' in app ${APP} FAILED: Amplify gave no reason.`
    )
  })

  it('the summary names the app, environment and operation', () => {
    const { job } = setup()
    expect(job.report({ Status: 'COMPLETED', Operation: 'CreateBackendAPI' }).details).toEqual([
      ['App', `\`${APP}\``],
      ['Environment', '`staging`'],
      ['Operation', '`CreateBackendAPI`']
    ])
    expect(job.report(undefined).details).toHaveLength(2)
  })
})
