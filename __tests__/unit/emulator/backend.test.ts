process.env.AWS_EC2_METADATA_DISABLED = 'true'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { type AmplifyBackendClient, GetBackendJobCommand } from '@aws-sdk/client-amplifybackend'
import { startEmulator, type Emulator } from '../../../emulator/server.js'
import { type SdkError, errorOf } from '../../helpers/errors.js'
import { backend, httpGet } from './clients.js'

const APP = 'd3backend'
const ENV = 'staging'

let emulator: Emulator
let client: AmplifyBackendClient

beforeAll(async () => {
  emulator = await startEmulator()
  client = backend(emulator.url)
})
afterAll(async () => {
  client.destroy()
  await emulator.close()
})
beforeEach(() => emulator.reset())

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))
const getJob = (jobId: string, c: AmplifyBackendClient = client) => c.send(new GetBackendJobCommand({ AppId: APP, BackendEnvironmentName: ENV, JobId: jobId }))

const failure = (promise: Promise<unknown>) => errorOf<SdkError>(promise)

describe('GetBackendJob', () => {
  it('reads lowerCamel wire keys into the SDK PascalCase fields, IN_PROGRESS then COMPLETED', async () => {
    emulator.setScenario({ backend: { statuses: [{ status: 'IN_PROGRESS', forMs: 80 }, { status: 'COMPLETED' }] } })
    const first = await getJob('job-1')
    expect(first.$metadata.httpStatusCode).toBe(200)
    expect(first).toMatchObject({ AppId: APP, BackendEnvironmentName: ENV, JobId: 'job-1', Operation: 'CreateBackendAPI', Status: 'IN_PROGRESS' })
    expect(first.Error).toBeUndefined()
    expect(Number(first.CreateTime)).toBeGreaterThan(Date.now() - 5000)
    await sleep(100)
    const done = await getJob('job-1')
    expect(done.Status).toBe('COMPLETED')
    expect(Number(done.UpdateTime) - Number(done.CreateTime)).toBe(80)
    expect(emulator.callsOf('GetBackendJob').map(r => [r.service, r.appId, r.status])).toEqual([
      ['backend', APP, 200],
      ['backend', APP, 200]
    ])
  })

  it('on the read clock, answers each phase to its number of reads, however long between them', async () => {
    emulator.setScenario({
      backend: {
        statuses: [{ status: 'CREATED', forReads: 1 }, { status: 'IN_PROGRESS', forReads: 2 }, { status: 'PUSHING', forReads: 1 }, { status: 'COMPLETED' }]
      }
    })
    const statuses = []
    for (let read = 0; read < 6; read++) {
      const job = await getJob('job-clock')
      statuses.push(job.Status)
      if (read === 1) await sleep(200)
      if (read === 5) expect(Number(job.UpdateTime) - Number(job.CreateTime)).toBe(4000)
    }
    expect(statuses).toEqual(['CREATED', 'IN_PROGRESS', 'IN_PROGRESS', 'PUSHING', 'COMPLETED', 'COMPLETED'])
  })

  it('sends lowerCamel keys on the wire', async () => {
    const raw = await httpGet(`${emulator.url}/backend/${APP}/job/${ENV}/job-2`, {
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEMULATOR/20240101/us-east-1/amplifybackend/aws4_request' }
    })
    expect(Object.keys(JSON.parse(raw.body.toString('utf8')) as object).sort()).toEqual(
      ['appId', 'backendEnvironmentName', 'createTime', 'jobId', 'operation', 'status', 'updateTime'].sort()
    )
  })

  it('ends FAILED with the scenario error and operation', async () => {
    emulator.setScenario({ backend: { statuses: [{ status: 'FAILED' }], error: 'Stack rollback complete', operation: 'UpdateBackendAuth' } })
    const job = await getJob('job-3')
    expect([job.Status, job.Error, job.Operation]).toEqual(['FAILED', 'Stack rollback complete', 'UpdateBackendAuth'])
  })

  it('answers NotFoundException 404 when the scenario says so', async () => {
    emulator.setScenario({ backend: { notFound: true } })
    const error = await failure(getJob('job-4'))
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['NotFoundException', 404])
    expect(error.message).toContain('job-4')
  })

  it('throttles with TooManyRequestsException and times out with GatewayTimeoutException', async () => {
    emulator.setScenario({ throttle: { times: 2 } })
    expect((await getJob('job-5')).$metadata.attempts).toBe(3)
    const once = backend(emulator.url, 1)
    try {
      emulator.setScenario({ throttle: { times: 1 } })
      const throttled = await failure(getJob('job-5', once))
      expect([throttled.name, throttled.$metadata.httpStatusCode]).toEqual(['TooManyRequestsException', 429])
      emulator.setScenario({ serverErrors: { times: 1 } })
      const timeout = await failure(getJob('job-5', once))
      expect([timeout.name, timeout.$metadata.httpStatusCode]).toEqual(['GatewayTimeoutException', 504])
    } finally {
      once.destroy()
    }
  })
})
