process.env.AWS_EC2_METADATA_DISABLED = 'true'

import { beforeEach, describe, expect, it } from '@jest/globals'
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
import { distinctArtifactFile } from '../../../emulator/hosting-artifacts.js'
import type { Emulator } from '../../../emulator/server.js'
import type { Scenario } from '../../../emulator/types.js'
import { type SdkError, errorOf } from '../../helpers/errors.js'
import { amplifyEmulator, amplify, httpGet } from './clients.js'
import { centralDirectory, entryData } from './zip-reader.js'

const APP = 'd2hosting'
const BRANCH = 'main'
/** A job on the read clock: six reads from start to SUCCEED, each step seen running by one read. */
const FAST: Scenario = {
  statuses: [{ status: 'PENDING', forReads: 1 }, { status: 'PROVISIONING', forReads: 1 }, { status: 'RUNNING', forReads: 3 }, { status: 'SUCCEED' }]
}
/** More reads than any job of this file takes to end: a bound on a loop, not a time. */
const MAX_READS = 50

const running = amplifyEmulator()
let emulator: Emulator
let client: AmplifyClient
beforeEach(() => {
  ;({ emulator, client } = running)
  emulator.setScenario(FAST)
})

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

/** Reads the job (a job on the read clock moves on with each read) until it ends. */
async function untilEnded(jobId: string): Promise<{ seen: string[]; reads: GetJobCommandOutput[]; last: GetJobCommandOutput }> {
  const seen: string[] = []
  const reads: GetJobCommandOutput[] = []
  for (let read = 0; read < MAX_READS; read++) {
    const last = await getJob(jobId)
    reads.push(last)
    const status = last.job?.summary?.status as string
    if (seen.at(-1) !== status) seen.push(status)
    if (['SUCCEED', 'FAILED', 'CANCELLED'].includes(status)) return { seen, reads, last }
  }
  throw new Error(`job ${jobId} did not end within ${MAX_READS} reads; it was ${seen.join(', ')}`)
}

const failure = (promise: Promise<unknown>) => errorOf<SdkError>(promise)

/** [stepName, status] of each step of a GetJob answer. */
const stepsOf = (answer: GetJobCommandOutput) => (answer.job?.steps ?? []).map(s => [s.stepName, s.status])

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

  it('goes PENDING, PROVISIONING, RUNNING, SUCCEED, read by read, with the steps in turn during RUNNING', async () => {
    const { jobSummary } = await release()
    const { seen, reads, last } = await untilEnded(jobSummary?.jobId as string)
    expect(seen).toEqual(['PENDING', 'PROVISIONING', 'RUNNING', 'SUCCEED'])
    expect(reads.map(stepsOf)).toEqual([
      [],
      [],
      [['BUILD', 'RUNNING']],
      [
        ['BUILD', 'SUCCEED'],
        ['DEPLOY', 'RUNNING']
      ],
      [
        ['BUILD', 'SUCCEED'],
        ['DEPLOY', 'SUCCEED'],
        ['VERIFY', 'RUNNING']
      ],
      [
        ['BUILD', 'SUCCEED'],
        ['DEPLOY', 'SUCCEED'],
        ['VERIFY', 'SUCCEED']
      ]
    ])
    const steps = last.job?.steps ?? []
    expect(steps.map(s => [s.stepName, s.status])).toEqual([
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
    emulator.setScenario({ statuses: [{ status: 'PENDING', forReads: 1 }, { status: 'RUNNING', forReads: 10 }, { status: 'SUCCEED' }] })
    const { jobSummary } = await release()
    expect((await getJob(jobSummary?.jobId as string)).job?.steps).toEqual([])
    const running = await getJob(jobSummary?.jobId as string)
    expect(running.job?.summary?.status).toBe('RUNNING')
    expect(running.job?.steps?.map(s => [s.stepName, s.status, s.endTime])).toEqual([['BUILD', 'RUNNING', undefined]])
  })

  it('ends FAILED at the failing step with a long build log ending in the error', async () => {
    emulator.setScenario({ ...FAST, failStep: { stepName: 'BUILD', statusReason: 'Build failed: npm run build exited 2' } })
    const { jobSummary } = await release()
    const { last } = await untilEnded(jobSummary?.jobId as string)
    expect(last.job?.summary?.status).toBe('FAILED')
    expect(last.job?.steps?.map(s => [s.stepName, s.status, s.statusReason])).toEqual([['BUILD', 'FAILED', 'Build failed: npm run build exited 2']])
    expect(last.job?.steps?.[0]?.artifactsUrl).toBeUndefined()
    const log = (await httpGet(last.job?.steps?.[0]?.logUrl as string)).body.toString('utf8').trimEnd().split('\n')
    expect(log.length).toBeGreaterThan(200)
    expect(log.at(-1)).toMatch(/\[ERROR\]: !!! Error: Command failed with exit code 2$/)
  })

  it('takes custom statuses, steps and logs', async () => {
    emulator.setScenario({
      statuses: [{ status: 'CREATED', forReads: 1 }, { status: 'PENDING', forReads: 1 }, { status: 'RUNNING', forReads: 2 }, { status: 'SUCCEED' }],
      steps: [{ stepName: 'TEST', log: 'custom log\n' }]
    })
    const { jobSummary } = await release()
    expect(jobSummary?.status).toBe('CREATED')
    const { seen, last } = await untilEnded(jobSummary?.jobId as string)
    expect(seen).toEqual(['CREATED', 'PENDING', 'RUNNING', 'SUCCEED'])
    expect((await httpGet(last.job?.steps?.[0]?.logUrl as string)).body.toString('utf8')).toBe('custom log\n')
  })

  it('on the read clock, moves on only when read, however much time passes, and stamps one second per read', async () => {
    emulator.setScenario({
      statuses: [{ status: 'PENDING', forReads: 2 }, { status: 'RUNNING', forReads: 3 }, { status: 'SUCCEED' }],
      steps: [
        { stepName: 'BUILD', forReads: 2 },
        { stepName: 'DEPLOY', forReads: 1 }
      ]
    })
    const { jobSummary } = await release()
    const jobId = jobSummary?.jobId as string
    // The wall clock is no part of it: a pause longer than the whole job changes nothing.
    await new Promise(resolve => setTimeout(resolve, 300))
    const { reads, last } = await untilEnded(jobId)
    expect(reads.map(read => read.job?.summary?.status)).toEqual(['PENDING', 'PENDING', 'RUNNING', 'RUNNING', 'RUNNING', 'SUCCEED'])
    const [build, deploy] = last.job?.steps ?? []
    expect((build?.endTime as Date).getTime() - (build?.startTime as Date).getTime()).toBe(2000)
    expect((deploy?.endTime as Date).getTime() - (deploy?.startTime as Date).getTime()).toBe(1000)
    expect(emulator.callsOf('GetJob')).toHaveLength(6)
  })

  it('does not move a job on the read clock for a read answered with an injected fault', async () => {
    emulator.setScenario({ ...FAST, throttle: { times: 2, operations: ['GetJob'] } })
    const { jobSummary } = await release()
    // The SDK retries the two 429s; the one answered read is the job's first.
    expect((await getJob(jobSummary?.jobId as string)).job?.summary?.status).toBe('PENDING')
    expect(emulator.callsOf('GetJob').map(r => r.status)).toEqual([429, 429, 200])
  })

  it('never ends with neverEnds', async () => {
    emulator.setScenario({ ...FAST, neverEnds: true })
    const { jobSummary } = await release()
    let job: GetJobCommandOutput | undefined
    for (let read = 0; read < MAX_READS; read++) job = await getJob(jobSummary?.jobId as string)
    expect(job?.job?.summary?.status).toBe('RUNNING')
    expect(job?.job?.steps?.at(-1)?.status).toBe('RUNNING')
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
    // On the read clock, the default stopDelayMs (1000) is one read of CANCELLING.
    emulator.setScenario({ statuses: [{ status: 'RUNNING', forReads: 100 }, { status: 'SUCCEED' }] })
    const { jobSummary } = await release()
    expect((await getJob(jobSummary?.jobId as string)).job?.summary?.status).toBe('RUNNING')
    const stopped = await client.send(new StopJobCommand({ appId: APP, branchName: BRANCH, jobId: jobSummary?.jobId }))
    expect(stopped.jobSummary?.status).toBe('CANCELLING')
    expect((await getJob(jobSummary?.jobId as string)).job?.summary?.status).toBe('CANCELLING')
    const cancelled = await getJob(jobSummary?.jobId as string)
    expect(cancelled.job?.summary?.status).toBe('CANCELLED')
    expect(cancelled.job?.summary?.endTime).toBeInstanceOf(Date)
    expect(cancelled.job?.steps?.map(s => s.status)).toEqual(['CANCELLED'])
    const again = await failure(client.send(new StopJobCommand({ appId: APP, branchName: BRANCH, jobId: jobSummary?.jobId })))
    expect(again.name).toBe('BadRequestException')
    expect(again.$metadata.httpStatusCode).toBe(400)
    expect(emulator.callsOf('StopJob').map(r => r.status)).toEqual([200, 400])
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
    expect(emulator.callsOf('GetJob').map(r => r.status)).toEqual([429, 429, 200])

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
    expect(listed.artifacts?.map(a => a.artifactFileName)).toEqual(['artifacts.zip'])
    const url = await client.send(new GetArtifactUrlCommand({ artifactId: listed.artifacts?.[0]?.artifactId }))
    expect(url.artifactId).toBe(listed.artifacts?.[0]?.artifactId)
    const viaList = await download(url.artifactUrl as string)
    const viaStep = await download(job.job?.steps?.[0]?.artifactsUrl as string)
    expect(viaList.equals(viaStep)).toBe(true)
    expect(centralDirectory(viaList).map(e => e.name)).toEqual(['index.html', 'assets/index-9c8d7e6f.js', 'assets/index-3f2a1b9c.css', 'robots.txt'])
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
    expect(listed.artifacts?.map(a => a.artifactFileName)).toEqual(['artifacts.zip', 'artifacts-2.zip'])
    expect(new Set(listed.artifacts?.map(a => a.artifactId)).size).toBe(2)
    const zips = await Promise.all(
      (listed.artifacts ?? []).map(async a => download((await client.send(new GetArtifactUrlCommand({ artifactId: a.artifactId }))).artifactUrl as string))
    )
    expect(zips[0]!.equals(zips[1]!)).toBe(true)
  })

  /** Every page of ListArtifacts, as the SDK answers them. */
  async function allPages(jobId: string, maxResults?: number) {
    const pages: { names: string[]; ids: string[]; nextToken?: string }[] = []
    let nextToken: string | undefined
    do {
      const page = await client.send(
        new ListArtifactsCommand({ appId: APP, branchName: BRANCH, jobId, nextToken, ...(maxResults === undefined ? {} : { maxResults }) })
      )
      nextToken = page.nextToken
      pages.push({
        names: (page.artifacts ?? []).map(a => a.artifactFileName as string),
        ids: (page.artifacts ?? []).map(a => a.artifactId as string),
        ...(nextToken ? { nextToken } : {})
      })
    } while (nextToken && pages.length < MAX_READS)
    return pages
  }

  it('pages ListArtifacts like the service: 50 by default and at most, then nextToken', async () => {
    const job = await succeeded({ artifacts: { via: 'list', listed: 120 } })
    const jobId = job.job?.summary?.jobId as string
    const pages = await allPages(jobId)
    expect(pages.map(page => page.names.length)).toEqual([50, 50, 20])
    expect(pages.map(page => page.nextToken === undefined)).toEqual([false, false, true])
    const names = pages.flatMap(page => page.names)
    expect(names).toEqual(['artifacts.zip', ...Array.from({ length: 119 }, (_, i) => `artifacts-${i + 2}.zip`)])
    expect(new Set(pages.flatMap(page => page.ids)).size).toBe(120)

    expect((await allPages(jobId, 7)).map(page => page.names.length)).toEqual([...Array(17).fill(7), 1])
    // 0 is within the model's range: the default page, never an endless run of empty ones.
    expect((await allPages(jobId, 0)).map(page => page.names.length)).toEqual([50, 50, 20])
    expect(emulator.callsOf('ListArtifacts')[0]?.query).toEqual({})
    expect(emulator.callsOf('ListArtifacts')[1]?.query).toEqual({ nextToken: pages[0]?.nextToken })
  })

  it('refuses a page over 50 and a nextToken it did not give for this job, as BadRequestException', async () => {
    const job = await succeeded({ artifacts: { via: 'list', listed: 60 } })
    const jobId = job.job?.summary?.jobId as string
    const once = amplify(emulator.url, 1)
    try {
      const tooMany = await failure(once.send(new ListArtifactsCommand({ appId: APP, branchName: BRANCH, jobId, maxResults: 51 })))
      expect([tooMany.name, tooMany.$metadata.httpStatusCode]).toEqual(['BadRequestException', 400])
      expect(tooMany.message).toContain("'maxResults'")
      const madeUp = await failure(once.send(new ListArtifactsCommand({ appId: APP, branchName: BRANCH, jobId, nextToken: 'bm90IGEgdG9rZW4' })))
      expect([madeUp.name, madeUp.$metadata.httpStatusCode]).toEqual(['BadRequestException', 400])
      expect(madeUp.message).toMatch(/Invalid nextToken/)
      const other = await succeeded({ artifacts: { via: 'list', listed: 60 } })
      const theirs = (await allPages(other.job?.summary?.jobId as string))[0]?.nextToken
      expect(theirs).toBeDefined()
      expect((await failure(once.send(new ListArtifactsCommand({ appId: APP, branchName: BRANCH, jobId, nextToken: theirs })))).name).toBe(
        'BadRequestException'
      )
    } finally {
      once.destroy()
    }
  })

  it('gives each listed artifact a zip of its own with distinct, so only every page brings every file', async () => {
    const job = await succeeded({ artifacts: { via: 'list', listed: 55, distinct: true } })
    const ids = (await allPages(job.job?.summary?.jobId as string)).flatMap(page => page.ids)
    expect(ids).toHaveLength(55)
    const entries = async (artifactId: string) =>
      centralDirectory(await download((await client.send(new GetArtifactUrlCommand({ artifactId }))).artifactUrl as string)).map(e => e.name)
    expect(await entries(ids[0]!)).toEqual(['index.html', 'assets/index-9c8d7e6f.js', 'assets/index-3f2a1b9c.css', 'robots.txt'])
    expect(await entries(ids[1]!)).toEqual([distinctArtifactFile(2)])
    expect(await entries(ids[54]!)).toEqual([distinctArtifactFile(55)])
    expect(distinctArtifactFile(55)).toBe('listed/artifact-0055.txt')
    expect(emulator.callsOf('Download').map(r => r.fileName)).toEqual(['artifacts.zip', 'artifacts-2.zip', 'artifacts-55.zip'])
  })

  it('builds hostile archives', async () => {
    const zipOf = async (hostile: NonNullable<Scenario['artifacts']>['hostile'], bombMb?: number) =>
      download((await succeeded({ artifacts: { hostile, ...(bombMb ? { bombMb } : {}) } })).job?.steps?.[0]?.artifactsUrl as string)

    const symlink = centralDirectory(await zipOf('symlink')).find(e => e.name === 'assets/escape-link')
    expect(symlink?.mode).toBe(0o120777)
    expect(centralDirectory(await zipOf('dotdot')).map(e => e.name)).toEqual(expect.arrayContaining(['../outside.txt', 'assets/../../outside-2.txt']))
    expect(centralDirectory(await zipOf('absolute')).map(e => e.name)).toContain('/tmp/amplify-emulator-absolute.txt')
    const names = centralDirectory(await zipOf('caseCollision')).map(e => e.name)
    expect(names).toEqual(expect.arrayContaining(['README.md', 'readme.md']))

    const lying = await zipOf('lyingSize')
    const big = centralDirectory(lying).find(e => e.name === 'assets/big.js')
    expect(big?.declaredSize).toBe(1024)
    expect(entryData(lying, big as NonNullable<typeof big>).length).toBe(1024 * 1024)

    const bombZip = await zipOf('bomb', 16)
    const bomb = centralDirectory(bombZip).find(e => e.name === 'assets/bomb.bin')
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
    expect(entries.map(e => [e.name, e.method, e.declaredSize])).toEqual([
      ['data/blob-0001.bin', 0, 3 * 1024 * 1024],
      ['data/blob-0002.bin', 0, 3 * 1024 * 1024]
    ])
  })
})
