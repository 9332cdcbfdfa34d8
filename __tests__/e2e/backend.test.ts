/**
 * AmplifyBackend jobs, end to end: the bundled action waits for a backend job (GetBackendJob)
 * started elsewhere (Amplify Studio, the Admin UI) until COMPLETED or FAILED.
 */
import { describe, expect, it } from '@jest/globals'
import type { Scenario } from '../../emulator/types.js'
import { type ActionRun, makeWorkspace, runAction, theError, useEmulator } from './harness.js'

const APP_ID = 'd1a2b3c4d5e6f7'
const JOB_ID = 'a1b2c3d4-job'

const emulator = useEmulator()

function backend(scenario: Scenario['backend'], inputs: Record<string, string> = {}): Promise<ActionRun> {
  emulator().setScenario({ backend: scenario ?? {} })
  return runAction({
    workspace: makeWorkspace(),
    inputs: { 'job-type': 'backend', 'app-id': APP_ID, environment: 'staging', 'job-id': JOB_ID, 'poll-interval': '100ms', ...inputs },
    env: emulator().env
  })
}

describe('backend jobs', () => {
  it('COMPLETED succeeds, with job-id and status set and the operation in the summary', async () => {
    const run = await backend({ statuses: [{ status: 'IN_PROGRESS', forReads: 2 }, { status: 'COMPLETED' }], operation: 'UpdateBackendAuth' })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs['job-id']).toBe(JOB_ID)
    expect(run.outputs.status).toBe('COMPLETED')
    const reads = emulator().callsOf('GetBackendJob')
    expect(reads).toHaveLength(3)
    expect(reads[0]!.path).toBe(`/backend/${APP_ID}/job/staging/${JOB_ID}`)
    expect(run.stdout).toMatch(/Backend job status: IN_PROGRESS\n/)
    expect(run.stdout).toMatch(/Backend job status: COMPLETED\n/)
    expect(run.summary).toContain('Amplify backend job succeeded')
    expect(run.summary).toContain('`COMPLETED`')
    expect(run.summary).toMatch(/Operation \| `UpdateBackendAuth`/)
    expect(run.summary).toMatch(/Environment \| `staging`/)
    // Nothing of the other services is called.
    expect(emulator().requests.every(r => r.operation === 'GetBackendJob')).toBe(true)
  })

  it("FAILED fails the step with the job's error and operation", async () => {
    const run = await backend({
      statuses: [{ status: 'IN_PROGRESS', forReads: 1 }, { status: 'FAILED' }],
      error: 'Stack amplify-app-staging failed: Resource handler returned message: "Invalid request provided"',
      operation: 'CreateBackendAPI'
    })
    const error = theError(run)
    expect(error).toContain(`backend job ${JOB_ID} of environment 'staging' in app ${APP_ID} FAILED (operation CreateBackendAPI)`)
    expect(error).toContain('Resource handler returned message: "Invalid request provided"')
    expect(run.outputs.status).toBe('FAILED')
    expect(run.outputs['job-id']).toBe(JOB_ID)
    expect(run.summary).toContain('Invalid request provided')
    expect(run.summary).toMatch(/Operation \| `CreateBackendAPI`/)
  })

  it('any other status is in flight and waited through', async () => {
    // One read each, however slow the machine (the service's status is a free string).
    const run = await backend({
      statuses: [{ status: 'CREATED', forReads: 1 }, { status: 'IN_PROGRESS', forReads: 1 }, { status: 'PUSHING', forReads: 1 }, { status: 'COMPLETED' }]
    })
    expect(run.exitCode).toBe(0)
    expect(emulator().callsOf('GetBackendJob')).toHaveLength(4)
    for (const status of ['CREATED', 'IN_PROGRESS', 'PUSHING', 'COMPLETED']) expect(run.stdout).toMatch(new RegExp(`Backend job status: ${status}\\n`))
    expect(run.outputs.status).toBe('COMPLETED')
  })

  it('a job that never ends times out with its last status', async () => {
    const run = await backend({ statuses: [{ status: 'IN_PROGRESS' }] }, { timeout: '2s' })
    expect(theError(run)).toMatch(/backend job did not end within the timeout of 2\.0s \(its last status was IN_PROGRESS\)/)
    expect(run.outputs.status).toBe('IN_PROGRESS')
    expect(run.summary).toContain('timed out')
  })

  it('NotFoundException names the job, the environment and the app', async () => {
    const run = await backend({ notFound: true })
    expect(theError(run)).toMatch(
      new RegExp(`could not find backend job ${JOB_ID} of environment 'staging' in app ${APP_ID} .*Check 'job-id', 'environment', 'app-id' and 'region'`)
    )
    // Not retried as if it were passing: one read.
    expect(emulator().callsOf('GetBackendJob')).toHaveLength(1)
  })

  it('wait: false reads the status once and finishes', async () => {
    const run = await backend({ statuses: [{ status: 'IN_PROGRESS', forMs: 60_000 }, { status: 'COMPLETED' }] }, { wait: 'false' })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(emulator().callsOf('GetBackendJob')).toHaveLength(1)
    expect(run.outputs['job-id']).toBe(JOB_ID)
    expect(run.outputs.status).toBe('IN_PROGRESS')
    expect(run.summary).toContain('in progress')
  })

  it('wait: false on a job that already failed fails the step with its error', async () => {
    const run = await backend({ statuses: [{ status: 'FAILED' }], error: 'Amplify push failed' }, { wait: 'false' })
    expect(theError(run)).toMatch(/FAILED .*: Amplify push failed/)
    expect(emulator().callsOf('GetBackendJob')).toHaveLength(1)
    expect(run.outputs.status).toBe('FAILED')
  })

  it('wait: false on a completed job succeeds', async () => {
    const run = await backend({ statuses: [{ status: 'COMPLETED' }] }, { wait: 'false' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('COMPLETED')
    expect(run.summary).toContain('Amplify backend job succeeded')
  })

  it.each([
    ['job-id missing', { 'job-id': '' }, /Input 'job-id': is required for job-type 'backend'/],
    ['environment missing', { environment: '' }, /Input 'environment': is required for job-type 'backend'/]
  ])('%s fails before any AWS call', async (_label, inputs, message) => {
    const run = await backend({}, inputs)
    expect(theError(run)).toMatch(message)
    expect(emulator().requests).toHaveLength(0)
  })
})
