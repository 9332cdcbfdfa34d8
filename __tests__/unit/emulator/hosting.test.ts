process.env.AWS_EC2_METADATA_DISABLED = 'true'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  type AmplifyClient,
  GetArtifactUrlCommand,
  GetJobCommand,
  type GetJobCommandOutput,
  ListArtifactsCommand,
  StartJobCommand,
  StopJobCommand
} from '@aws-sdk/client-amplify'
import { inflateRawSync } from 'node:zlib'
import { startEmulator, type Emulator } from '../../../emulator/server.js'
import type { Scenario } from '../../../emulator/types.js'
import { amplify, httpGet } from './clients.js'
import { centralDirectory, entryData } from './zip-reader.js'

const APP = 'd2hosting'
const BRANCH = 'main'
/** A quick job: about 200 ms from start to SUCCEED. */
const FAST: Scenario = {
  statuses: [
    { status: 'PENDING', forMs: 30 },
    { status: 'PROVISIONING', forMs: 30 },
    { status: 'RUNNING', forMs: 150 },
    { status: 'SUCCEED' }
  ]
}

let emulator: Emulator
let client: AmplifyClient

beforeAll(async () => {
  emulator = await startEmulator()
  client = amplify(emulator.url)
})
afterAll(async () => {
  client.destroy()
  await emulator.close()
})
beforeEach(() => {
  emulator.reset()
  emulator.setScenario(FAST)
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function release(branchName = BRANCH, extra: Record<string, unknown> = {}) {
  return client.send(
    new StartJobCommand({
      appId: APP,
      branchName,
      jobType: 'RELEASE',
      commitId: 'abc1234',
      commitMessage: 'Ship it',
      commitTime: new Date('2024-05-01T12:00:00Z'),
      jobReason: 'CI run 42',
      ...extra
    })
  )
}

function getJob(jobId: string, branchName = BRANCH) {
  return client.send(new GetJobCommand({ appId: APP, branchName, jobId }))
}

/** Polls until the job ends; returns every status seen and the last answer. */
async function untilEnded(jobId: string, timeoutMs = 5000): Promise<{ seen: string[]; last: GetJobCommandOutput }> {
  const seen: string[] = []
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const last = await getJob(jobId)
    const status = last.job?.summary?.status as string
    if (seen.at(-1) !== status) seen.push(status)
    if (['SUCCEED', 'FAILED', 'CANCELLED'].includes(status) || Date.now() > deadline) return { seen, last }
    await sleep(10)
  }
}

async function failure(promise: Promise<unknown>) {
  return (await promise.catch((e: unknown) => e)) as { name: string; message: string; $metadata: { httpStatusCode: number } }
}

describe('StartJob / GetJob', () => {
  it('starts a RELEASE job with an ARN, incrementing ids per branch and PENDING', async () => {
    const first = await release()
    const summary = first.jobSummary
    expect(summary?.jobId).toBe('1')
    expect(summary?.jobArn).toBe(`arn:aws:amplify:us-east-1:123456789012:apps/${APP}/branches/${BRANCH}/jobs/1`)
    expect(summary?.status).toBe('PENDING')
    expect(summary?.jobType).toBe('RELEASE')
    expect(summary?.commitId).toBe('abc1234')
    expect(summary?.commitMessage).toBe('Ship it')
    expect(summary?.commitTime).toEqual(new Date('2024-05-01T12:00:00Z'))
    expect(summary?.startTime).toBeInstanceOf(Date)
    expect(Math.abs((summary?.startTime as Date).getTime() - Date.now())).toBeLessThan(5000)
    expect((await release()).jobSummary?.jobId).toBe('2')
    expect((await release('develop')).jobSummary?.jobId).toBe('1')
    expect(emulator.requests[0]?.body).toMatchObject({ jobType: 'RELEASE', commitId: 'abc1234', jobReason: 'CI run 42' })
  })

  it('sends timestamps as epoch seconds on the wire', async () => {
    await release()
    const raw = await httpGet(`${emulator.url}/apps/${APP}/branches/${BRANCH}/jobs/1`, {
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEMULATOR/20240101/us-east-1/amplify/aws4_request' }
    })
    const body = JSON.parse(raw.body.toString('utf8')) as { job: { summary: { startTime: unknown; commitTime: unknown } } }
    expect(typeof body.job.summary.startTime).toBe('number')
    expect(body.job.summary.commitTime).toBe(Date.parse('2024-05-01T12:00:00Z') / 1000)
  })

  it('goes PENDING, PROVISIONING, RUNNING, SUCCEED with steps in time with RUNNING', async () => {
    const { jobSummary } = await release()
    const { seen, last } = await untilEnded(jobSummary?.jobId as string)
    expect(seen[0]).toBe('PENDING')
    expect(seen).toContain('RUNNING')
    expect(seen.at(-1)).toBe('SUCCEED')
    expect(seen.filter((s) => s !== 'PROVISIONING')).toEqual(['PENDING', 'RUNNING', 'SUCCEED'])
    const steps = last.job?.steps ?? []
    expect(steps.map((s) => [s.stepName, s.status])).toEqual([
      ['BUILD', 'SUCCEED'],
      ['DEPLOY', 'SUCCEED'],
      ['VERIFY', 'SUCCEED']
    ])
    for (const step of steps) {
      expect(step.startTime).toBeInstanceOf(Date)
      expect(step.endTime).toBeInstanceOf(Date)
      expect(step.logUrl).toMatch(/X-Amz-Signature=[0-9a-f]{64}/)
    }
    expect(steps[0]?.artifactsUrl).toMatch(/X-Amz-Signature=/)
    expect(last.job?.summary?.endTime).toBeInstanceOf(Date)
    const log = await httpGet(steps[0]?.logUrl as string)
    expect(log.body.toString('utf8')).toContain('## Build completed successfully')
  })

  it('shows no steps while PENDING and a RUNNING step without endTime while running', async () => {
    emulator.setScenario({ statuses: [{ status: 'PENDING', forMs: 40 }, { status: 'RUNNING', forMs: 5000 }, { status: 'SUCCEED' }] })
    const { jobSummary } = await release()
    expect((await getJob(jobSummary?.jobId as string)).job?.steps).toEqual([])
    await sleep(60)
    const running = await getJob(jobSummary?.jobId as string)
    expect(running.job?.summary?.status).toBe('RUNNING')
    expect(running.job?.steps?.map((s) => [s.stepName, s.status, s.endTime])).toEqual([['BUILD', 'RUNNING', undefined]])
  })

  it('ends FAILED at the failing step with a long build log ending in the error', async () => {
    emulator.setScenario({ ...FAST, failStep: { stepName: 'BUILD', statusReason: 'Build failed: npm run build exited 2' } })
    const { jobSummary } = await release()
    const { last } = await untilEnded(jobSummary?.jobId as string)
    expect(last.job?.summary?.status).toBe('FAILED')
    expect(last.job?.steps?.map((s) => [s.stepName, s.status, s.statusReason])).toEqual([['BUILD', 'FAILED', 'Build failed: npm run build exited 2']])
    expect(last.job?.steps?.[0]?.artifactsUrl).toBeUndefined()
    const log = (await httpGet(last.job?.steps?.[0]?.logUrl as string)).body.toString('utf8').trimEnd().split('\n')
    expect(log.length).toBeGreaterThan(200)
    expect(log.at(-1)).toMatch(/\[ERROR\]: !!! Error: Command failed with exit code 2$/)
  })

  it('takes custom statuses, steps and logs', async () => {
    emulator.setScenario({
      statuses: [{ status: 'CREATED', forMs: 20 }, { status: 'RUNNING', forMs: 60 }, { status: 'SOMETHING_NEW', forMs: 20 }, { status: 'SUCCEED' }],
      steps: [{ stepName: 'TEST', log: 'custom log\n' }]
    })
    const { jobSummary } = await release()
    expect(jobSummary?.status).toBe('CREATED')
    const { seen, last } = await untilEnded(jobSummary?.jobId as string)
    expect(seen).toEqual(['CREATED', 'RUNNING', 'SOMETHING_NEW', 'SUCCEED'])
    expect((await httpGet(last.job?.steps?.[0]?.logUrl as string)).body.toString('utf8')).toBe('custom log\n')
  })

  it('never ends with neverEnds', async () => {
    emulator.setScenario({ ...FAST, neverEnds: true })
    const { jobSummary } = await release()
    await sleep(300)
    const job = await getJob(jobSummary?.jobId as string)
    expect(job.job?.summary?.status).toBe('RUNNING')
    expect(job.job?.steps?.at(-1)?.status).toBe('RUNNING')
  })

  it('answers an unknown job with NotFoundException 404 naming it', async () => {
    const error = await failure(getJob('99'))
    expect(error.name).toBe('NotFoundException')
    expect(error.$metadata.httpStatusCode).toBe(404)
    expect(error.message).toContain('99')
  })
})

describe('StopJob', () => {
  it('moves a running job to CANCELLING, then CANCELLED, and refuses to stop an ended job', async () => {
    emulator.setScenario({ statuses: [{ status: 'RUNNING', forMs: 10_000 }, { status: 'SUCCEED' }], stopDelayMs: 100 })
    const { jobSummary } = await release()
    await sleep(20)
    const stopped = await client.send(new StopJobCommand({ appId: APP, branchName: BRANCH, jobId: jobSummary?.jobId }))
    expect(stopped.jobSummary?.status).toBe('CANCELLING')
    expect((await getJob(jobSummary?.jobId as string)).job?.summary?.status).toBe('CANCELLING')
    await sleep(120)
    const cancelled = await getJob(jobSummary?.jobId as string)
    expect(cancelled.job?.summary?.status).toBe('CANCELLED')
    expect(cancelled.job?.summary?.endTime).toBeInstanceOf(Date)
    expect(cancelled.job?.steps?.map((s) => s.status)).toEqual(['CANCELLED'])
    const again = await failure(client.send(new StopJobCommand({ appId: APP, branchName: BRANCH, jobId: jobSummary?.jobId })))
    expect(again.name).toBe('BadRequestException')
    expect(again.$metadata.httpStatusCode).toBe(400)
    expect(emulator.callsOf('StopJob').map((r) => r.status)).toEqual([200, 400])
  })
})

describe('RETRY and start errors', () => {
  it('needs the id of an existing job for RETRY and copies its commit', async () => {
    for (const jobId of [undefined, '42', 'abc']) {
      const error = await failure(client.send(new StartJobCommand({ appId: APP, branchName: BRANCH, jobType: 'RETRY', jobId })))
      expect(error.name).toBe('BadRequestException')
      expect(error.$metadata.httpStatusCode).toBe(400)
    }
    await release()
    const retried = await client.send(new StartJobCommand({ appId: APP, branchName: BRANCH, jobType: 'RETRY', jobId: '1' }))
    expect(retried.jobSummary?.jobId).toBe('2')
    expect(retried.jobSummary?.jobType).toBe('RETRY')
    expect(retried.jobSummary?.commitId).toBe('abc1234')
  })

  it('answers the scenario start errors the way the service does', async () => {
    const once = amplify(emulator.url, 1)
    try {
      const cases: [Scenario['startError'], string, number, string][] = [
        ['limit', 'LimitExceededException', 429, APP],
        ['alreadyRunning', 'BadRequestException', 400, 'job is already running'],
        ['notFoundApp', 'NotFoundException', 404, `App ${APP}`],
        ['notFoundBranch', 'NotFoundException', 404, `Branch ${BRANCH}`]
      ]
      for (const [startError, name, status, text] of cases) {
        emulator.setScenario({ startError })
        const error = await failure(once.send(new StartJobCommand({ appId: APP, branchName: BRANCH, jobType: 'RELEASE' })))
        expect([error.name, error.$metadata.httpStatusCode]).toEqual([name, status])
        expect(error.message).toContain(text)
      }
    } finally {
      once.destroy()
    }
  })

  it('throttles with LimitExceededException and fails with InternalFailureException / DependentServiceFailureException', async () => {
    emulator.setScenario({ ...FAST, throttle: { times: 2, operations: ['GetJob'] } })
    const { jobSummary } = await release()
    const job = await getJob(jobSummary?.jobId as string)
    expect(job.$metadata.attempts).toBe(3)
    expect(emulator.callsOf('GetJob').map((r) => r.status)).toEqual([429, 429, 200])

    const once = amplify(emulator.url, 1)
    try {
      emulator.setScenario({ throttle: { times: 1 } })
      expect((await failure(once.send(new GetJobCommand({ appId: APP, branchName: BRANCH, jobId: '1' })))).name).toBe('LimitExceededException')
      emulator.setScenario({ serverErrors: { times: 1 } })
      const internal = await failure(once.send(new GetJobCommand({ appId: APP, branchName: BRANCH, jobId: '1' })))
      expect([internal.name, internal.$metadata.httpStatusCode]).toEqual(['InternalFailureException', 500])
      emulator.setScenario({ serverErrors: { times: 1, status: 503 } })
      const unavailable = await failure(once.send(new GetJobCommand({ appId: APP, branchName: BRANCH, jobId: '1' })))
      expect([unavailable.name, unavailable.$metadata.httpStatusCode]).toEqual(['DependentServiceFailureException', 503])
    } finally {
      once.destroy()
    }
  })
})

describe('artifacts', () => {
  async function succeeded(scenario: Scenario = {}) {
    emulator.setScenario({ ...FAST, ...scenario })
    const { jobSummary } = await release()
    return (await untilEnded(jobSummary?.jobId as string)).last
  }

  async function download(url: string): Promise<Buffer> {
    const response = await httpGet(url)
    expect(response.status).toBe(200)
    return response.body
  }

  it('lists one artifact with a presigned URL to the same zip as the BUILD step', async () => {
    const job = await succeeded()
    const listed = await client.send(new ListArtifactsCommand({ appId: APP, branchName: BRANCH, jobId: job.job?.summary?.jobId }))
    expect(listed.artifacts?.map((a) => a.artifactFileName)).toEqual(['artifacts.zip'])
    const url = await client.send(new GetArtifactUrlCommand({ artifactId: listed.artifacts?.[0]?.artifactId }))
    expect(url.artifactId).toBe(listed.artifacts?.[0]?.artifactId)
    const viaList = await download(url.artifactUrl as string)
    const viaStep = await download(job.job?.steps?.[0]?.artifactsUrl as string)
    expect(viaList.equals(viaStep)).toBe(true)
    expect(centralDirectory(viaList).map((e) => e.name)).toEqual(['index.html', 'assets/index-9c8d7e6f.js', 'assets/index-3f2a1b9c.css', 'robots.txt'])
    expect(emulator.callsOf('GetArtifactUrl')[0]?.appId).toBe(APP)
  })

  it('offers the zip only where asked (via step or list)', async () => {
    const stepOnly = await succeeded({ artifacts: { via: 'step' } })
    const listed = await client.send(new ListArtifactsCommand({ appId: APP, branchName: BRANCH, jobId: stepOnly.job?.summary?.jobId }))
    expect(listed.artifacts).toEqual([])
    expect(stepOnly.job?.steps?.[0]?.artifactsUrl).toBeDefined()
    const listOnly = await succeeded({ artifacts: { via: 'list', files: 3 } })
    expect(listOnly.job?.steps?.[0]?.artifactsUrl).toBeUndefined()
    const listed2 = await client.send(new ListArtifactsCommand({ appId: APP, branchName: BRANCH, jobId: listOnly.job?.summary?.jobId }))
    const url = await client.send(new GetArtifactUrlCommand({ artifactId: listed2.artifacts?.[0]?.artifactId }))
    expect(centralDirectory(await download(url.artifactUrl as string)).length).toBe(3)
    const unknown = await failure(client.send(new GetArtifactUrlCommand({ artifactId: 'nope' })))
    expect([unknown.name, unknown.$metadata.httpStatusCode]).toEqual(['NotFoundException', 404])
  })

  it('lists the zip several times when asked, each artifact with its own id and a working URL', async () => {
    const job = await succeeded({ artifacts: { via: 'list', listed: 2 } })
    const listed = await client.send(new ListArtifactsCommand({ appId: APP, branchName: BRANCH, jobId: job.job?.summary?.jobId }))
    expect(listed.artifacts?.map((a) => a.artifactFileName)).toEqual(['artifacts.zip', 'artifacts-2.zip'])
    expect(new Set(listed.artifacts?.map((a) => a.artifactId)).size).toBe(2)
    const zips = await Promise.all(
      (listed.artifacts ?? []).map(async (a) => download((await client.send(new GetArtifactUrlCommand({ artifactId: a.artifactId }))).artifactUrl as string))
    )
    expect(zips[0]!.equals(zips[1]!)).toBe(true)
  })

  it('builds hostile archives', async () => {
    const zipOf = async (hostile: NonNullable<Scenario['artifacts']>['hostile'], bombMb?: number) =>
      download((await succeeded({ artifacts: { hostile, ...(bombMb ? { bombMb } : {}) } })).job?.steps?.[0]?.artifactsUrl as string)

    const symlink = centralDirectory(await zipOf('symlink')).find((e) => e.name === 'assets/escape-link')
    expect(symlink?.mode).toBe(0o120777)
    expect(centralDirectory(await zipOf('dotdot')).map((e) => e.name)).toEqual(expect.arrayContaining(['../outside.txt', 'assets/../../outside-2.txt']))
    expect(centralDirectory(await zipOf('absolute')).map((e) => e.name)).toContain('/tmp/amplify-emulator-absolute.txt')
    const names = centralDirectory(await zipOf('caseCollision')).map((e) => e.name)
    expect(names).toEqual(expect.arrayContaining(['README.md', 'readme.md']))

    const lying = await zipOf('lyingSize')
    const big = centralDirectory(lying).find((e) => e.name === 'assets/big.js')
    expect(big?.declaredSize).toBe(1024)
    expect(entryData(lying, big as NonNullable<typeof big>).length).toBe(1024 * 1024)

    const bombZip = await zipOf('bomb', 16)
    const bomb = centralDirectory(bombZip).find((e) => e.name === 'assets/bomb.bin')
    expect(bomb?.declaredSize).toBe(16 * 1024 * 1024)
    expect(bomb?.compressedSize).toBeLessThan(200 * 1024)
    const at = bomb?.localHeaderOffset as number
    const start = at + 30 + bombZip.readUInt16LE(at + 26)
    expect(inflateRawSync(bombZip.subarray(start, start + (bomb?.compressedSize as number))).length).toBe(16 * 1024 * 1024)
  })

  it('streams a large archive of incompressible data from a temp file', async () => {
    const job = await succeeded({ artifacts: { sizeMb: 6, files: 2 } })
    const zip = await download(job.job?.steps?.[0]?.artifactsUrl as string)
    expect(zip.length).toBeGreaterThan(6 * 1024 * 1024)
    const entries = centralDirectory(zip)
    expect(entries.map((e) => [e.name, e.method, e.declaredSize])).toEqual([
      ['data/blob-0001.bin', 0, 3 * 1024 * 1024],
      ['data/blob-0002.bin', 0, 3 * 1024 * 1024]
    ])
  })
})
