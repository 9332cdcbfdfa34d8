process.env.AWS_EC2_METADATA_DISABLED = 'true'

/**
 * Manual deployments through the real SDK: CreateDeployment, the PUT of the zip, StartDeployment
 * (from the upload or a sourceUrl), the job that follows, the "last job not finished" rule, and
 * the deployed site read back.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  type AmplifyClient,
  CreateDeploymentCommand,
  GetJobCommand,
  type GetJobCommandOutput,
  StartDeploymentCommand,
  StartJobCommand,
  StopJobCommand
} from '@aws-sdk/client-amplify'
import { createHash } from 'node:crypto'
import { buildZip } from '../../../emulator/raw-zip.js'
import type { Emulator } from '../../../emulator/server.js'
import type { Scenario } from '../../../emulator/types.js'
import { type SdkError, errorOf } from '../../helpers/errors.js'
import { amplifyEmulator, httpGet, httpPut } from './clients.js'

const APP = 'd5deploy'
const BRANCH = 'main'
/** A job on the read clock: PENDING for one read, RUNNING for two (its DEPLOY step), then SUCCEED. */
const FAST: Scenario = { statuses: [{ status: 'PENDING', forReads: 1 }, { status: 'RUNNING', forReads: 2 }, { status: 'SUCCEED' }] }
const MAX_READS = 30
const SITE = { 'index.html': '<!doctype html><title>Site</title>\n', 'assets/app.js': 'console.log("v1")\n' }

const running = amplifyEmulator()
let emulator: Emulator
let client: AmplifyClient
beforeEach(() => {
  ;({ emulator, client } = running)
  emulator.setScenario(FAST)
})

const failure = (promise: Promise<unknown>) => errorOf<SdkError>(promise)
const zipOf = (files: Record<string, string>) =>
  buildZip(Object.entries(files).map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8'), deflate: true })))
const createDeployment = (branchName = BRANCH, appId = APP) => client.send(new CreateDeploymentCommand({ appId, branchName }))
const startDeployment = (input: { jobId?: string; sourceUrl?: string; sourceUrlType?: 'ZIP' | 'BUCKET_PREFIX' }, branchName = BRANCH) =>
  client.send(new StartDeploymentCommand({ appId: APP, branchName, ...input }))
const getJob = (jobId: string, branchName = BRANCH) => client.send(new GetJobCommand({ appId: APP, branchName, jobId }))
const putZip = (url: string, zip: Buffer) => httpPut(url, zip, { headers: { 'content-type': 'application/zip' } })

async function untilEnded(jobId: string): Promise<{ seen: string[]; last: GetJobCommandOutput }> {
  const seen: string[] = []
  for (let read = 0; read < MAX_READS; read++) {
    const last = await getJob(jobId)
    const status = last.job?.summary?.status as string
    if (seen.at(-1) !== status) seen.push(status)
    if (['SUCCEED', 'FAILED', 'CANCELLED'].includes(status)) return { seen, last }
  }
  throw new Error(`job ${jobId} did not end within ${MAX_READS} reads; it was ${seen.join(', ')}`)
}

/** CreateDeployment, PUT `files` as a zip, StartDeployment: the job id. */
async function deploy(files: Record<string, string> = SITE, branchName = BRANCH): Promise<string> {
  const created = await createDeployment(branchName)
  expect((await putZip(created.zipUploadUrl as string, zipOf(files))).status).toBe(200)
  await startDeployment({ jobId: created.jobId as string }, branchName)
  return created.jobId as string
}

const text = (files: Record<string, Buffer>) => Object.fromEntries(Object.entries(files).map(([name, data]) => [name, data.toString('utf8')]))
const unfinished = (jobId: string) =>
  `The last job(deployment) ${jobId} was not finished, please wait until it finish or use StopJob operation to cancel it before creating a new deployment.`

describe('CreateDeployment', () => {
  it('answers a job id, one presigned PUT URL for the zip and no per-file URLs; the job is MANUAL and PENDING without steps', async () => {
    const created = await createDeployment()
    expect(created.jobId).toBe('1')
    expect(created.fileUploadUrls).toEqual({})
    const url = new URL(created.zipUploadUrl as string)
    expect(url.pathname).toMatch(/^\/s3\/[^/]+\/d5deploy\/main\/1\/deployment\.zip$/)
    expect(url.searchParams.get('x-id')).toBe('PutObject')
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host')
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/)
    expect(emulator.issuedSignatures).toContain(url.searchParams.get('X-Amz-Signature'))
    const job = await getJob('1')
    expect(job.job?.summary).toMatchObject({ jobId: '1', jobType: 'MANUAL', status: 'PENDING' })
    expect(job.job?.summary?.endTime).toBeUndefined()
    expect(job.job?.steps).toEqual([])
    expect(emulator.deployments(APP)).toEqual([{ appId: APP, branch: BRANCH, jobId: '1', state: 'created', puts: 0, status: 'PENDING' }])
  })

  it('refuses a fileMap (the emulator takes the zip form only) and a branch the app does not have', async () => {
    const fileMap = await failure(
      client.send(new CreateDeploymentCommand({ appId: APP, branchName: BRANCH, fileMap: { 'index.html': 'd41d8cd98f00b204e9800998ecf8427e' } }))
    )
    expect([fileMap.name, fileMap.$metadata.httpStatusCode]).toEqual(['BadRequestException', 400])
    expect(fileMap.message).toMatch(/zip deployments only: call CreateDeployment without a fileMap/)
    const missing = await failure(createDeployment('pr-3'))
    expect([missing.name, missing.message]).toEqual(['NotFoundException', 'Branch pr-3 not found.'])
  })

  it('refuses an SSR (WEB_COMPUTE) app, for CreateDeployment and StartDeployment alike', async () => {
    emulator.setScenario({ ...FAST, app: { platform: 'WEB_COMPUTE' } }, APP)
    for (const call of [createDeployment(), startDeployment({ sourceUrl: 's3://bucket/site.zip' })]) {
      const error = await failure(call)
      expect([error.name, error.$metadata.httpStatusCode]).toEqual(['BadRequestException', 400])
      expect(error.message).toMatch(/platform WEB_COMPUTE \(server-side rendering\), which manual deployments do not support/)
    }
    expect(emulator.deployments(APP)).toEqual([])
  })
})

describe('the last job not finished', () => {
  it('refuses a deployment while one created is not started, naming it; StopJob cancels it and frees the branch', async () => {
    await createDeployment()
    const refused = await failure(createDeployment())
    expect([refused.name, refused.$metadata.httpStatusCode, refused.message]).toEqual(['BadRequestException', 400, unfinished('1')])
    const stopped = await client.send(new StopJobCommand({ appId: APP, branchName: BRANCH, jobId: '1' }))
    expect(stopped.jobSummary?.status).toBe('CANCELLED')
    const job = (await getJob('1')).job?.summary
    expect(job?.status).toBe('CANCELLED')
    expect(job?.endTime).toBeInstanceOf(Date)
    expect((await createDeployment()).jobId).toBe('2')
    expect(emulator.deployments(APP).map(d => [d.jobId, d.state, d.status])).toEqual([
      ['1', 'cancelled', 'CANCELLED'],
      ['2', 'created', 'PENDING']
    ])
  })

  it('refuses a deployment while a started one, or a release, runs; frees the branch once it ended', async () => {
    const jobId = await deploy()
    expect((await failure(createDeployment())).message).toBe(unfinished(jobId))
    expect((await failure(startDeployment({ sourceUrl: 'https://example.com/site.zip' }))).message).toBe(unfinished(jobId))
    await untilEnded(jobId)
    await client.send(new StartJobCommand({ appId: APP, branchName: BRANCH, jobType: 'RELEASE' }))
    expect((await failure(createDeployment())).message).toBe(unfinished('2'))
    await untilEnded('2')
    expect((await createDeployment()).jobId).toBe('3')
  })
})

describe('StartDeployment after an upload', () => {
  it('starts a MANUAL job with one DEPLOY step that follows the scenario read by read, and the branch then serves the zip', async () => {
    const created = await createDeployment()
    const zip = zipOf(SITE)
    const put = await putZip(created.zipUploadUrl as string, zip)
    expect(put.headers.etag).toBe(`"${createHash('md5').update(zip).digest('hex')}"`)
    expect(emulator.deployedFiles(APP, BRANCH)).toEqual({})
    const started = await startDeployment({ jobId: '1' })
    expect(started.jobSummary).toMatchObject({ jobId: '1', jobType: 'MANUAL', status: 'PENDING' })
    expect(started.jobSummary?.sourceUrl).toBeUndefined()
    const steps: string[][] = []
    let last: GetJobCommandOutput | undefined
    for (let read = 0; read < 4; read++) {
      last = await getJob('1')
      steps.push([last.job?.summary?.status as string, ...(last.job?.steps ?? []).map(s => `${s.stepName}:${s.status}`)])
    }
    expect(steps).toEqual([['PENDING'], ['RUNNING', 'DEPLOY:RUNNING'], ['RUNNING', 'DEPLOY:RUNNING'], ['SUCCEED', 'DEPLOY:SUCCEED']])
    const log = await httpGet(last?.job?.steps?.[0]?.logUrl as string)
    expect(log.body.toString('utf8')).toMatch(/Deployment complete\n$/)
    expect(text(emulator.deployedFiles(APP, BRANCH))).toEqual(SITE)
    const record = emulator.deployments(APP)[0]
    expect(record).toMatchObject({ jobId: '1', state: 'started', startedWith: 'jobId', puts: 1, status: 'SUCCEED' })
    expect(record?.upload).toEqual({ bytes: zip.length, md5: createHash('md5').update(zip).digest('hex'), contentType: 'application/zip' })
  })

  it('deploys the zip of the last complete PUT, and keeps serving the last successful deployment', async () => {
    const created = await createDeployment()
    await putZip(created.zipUploadUrl as string, zipOf({ 'index.html': 'first' }))
    await putZip(created.zipUploadUrl as string, zipOf({ 'index.html': 'second', 'extra.txt': 'x' }))
    await startDeployment({ jobId: '1' })
    await untilEnded('1')
    expect(text(emulator.deployedFiles(APP, BRANCH))).toEqual({ 'index.html': 'second', 'extra.txt': 'x' })
    expect(emulator.deployments(APP)[0]?.puts).toBe(2)
    emulator.setScenario({ ...FAST, failStep: { stepName: 'DEPLOY', statusReason: 'Access denied to the hosting bucket', log: 'custom deploy log\n' } }, APP)
    const failed = await deploy({ 'index.html': 'third' })
    const { last } = await untilEnded(failed)
    expect(last.job?.summary?.status).toBe('FAILED')
    expect(last.job?.steps?.map(s => [s.stepName, s.status, s.statusReason])).toEqual([['DEPLOY', 'FAILED', 'Access denied to the hosting bucket']])
    expect((await httpGet(last.job?.steps?.[0]?.logUrl as string)).body.toString('utf8')).toBe('custom deploy log\n')
    expect(text(emulator.deployedFiles(APP, BRANCH))['index.html']).toBe('second')
  })

  it('fails the job at its DEPLOY step, saying so in the log, when the upload is not a zip', async () => {
    const created = await createDeployment()
    await putZip(created.zipUploadUrl as string, Buffer.from('<html>not a zip</html>'))
    await startDeployment({ jobId: '1' })
    const { seen, last } = await untilEnded('1')
    expect(seen).toEqual(['PENDING', 'RUNNING', 'FAILED'])
    const step = last.job?.steps?.[0]
    expect([step?.stepName, step?.status]).toEqual(['DEPLOY', 'FAILED'])
    expect(step?.statusReason).toMatch(/^The uploaded file could not be unpacked as a zip archive \(.+\)\. Upload a zip of the site's files/)
    const log = (await httpGet(step?.logUrl as string)).body.toString('utf8').trimEnd().split('\n')
    expect(log.at(-1)).toMatch(/\[ERROR\]: !!! The uploaded file could not be unpacked as a zip archive/)
    expect(emulator.deployedFiles(APP, BRANCH)).toEqual({})
  })

  it('takes deploySteps, and is stopped like any job: CANCELLING, then CANCELLED', async () => {
    emulator.setScenario(
      {
        statuses: [{ status: 'RUNNING', forReads: 4 }, { status: 'SUCCEED' }],
        deploySteps: [{ stepName: 'DEPLOY', forReads: 1 }, { stepName: 'VERIFY' }],
        stopDelayMs: 1000
      },
      APP
    )
    const jobId = await deploy()
    expect((await getJob(jobId)).job?.steps?.map(s => s.stepName)).toEqual(['DEPLOY'])
    expect((await getJob(jobId)).job?.steps?.map(s => `${s.stepName}:${s.status}`)).toEqual(['DEPLOY:SUCCEED', 'VERIFY:RUNNING'])
    expect((await client.send(new StopJobCommand({ appId: APP, branchName: BRANCH, jobId }))).jobSummary?.status).toBe('CANCELLING')
    const { seen } = await untilEnded(jobId)
    expect(seen).toEqual(['CANCELLING', 'CANCELLED'])
    expect(emulator.deployedFiles(APP, BRANCH)).toEqual({})
  })

  it('refuses what the jobId form cannot start, each with a message that says what to do', async () => {
    const created = await createDeployment()
    const noZip = await failure(startDeployment({ jobId: '1' }))
    expect([noZip.name, noZip.message]).toEqual([
      'BadRequestException',
      'No zip was uploaded for deployment job 1 on branch main: PUT the zip to the zipUploadUrl that CreateDeployment answered, then call StartDeployment.'
    ])
    const unknown = await failure(startDeployment({ jobId: '9' }))
    expect([unknown.name, unknown.$metadata.httpStatusCode, unknown.message]).toEqual([
      'NotFoundException',
      404,
      `Job 9 not found for branch main of app ${APP}.`
    ])
    const both = await failure(startDeployment({ jobId: '1', sourceUrl: 's3://bucket/site.zip' }))
    expect(both.message).toMatch(/either jobId .* or sourceUrl .*, not both/)
    const neither = await failure(startDeployment({}))
    expect(neither.message).toMatch(/needs a jobId .* or a sourceUrl/)
    await putZip(created.zipUploadUrl as string, zipOf(SITE))
    await startDeployment({ jobId: '1' })
    expect((await failure(startDeployment({ jobId: '1' }))).message).toBe('Deployment job 1 on branch main has already been started.')
    await untilEnded('1')
    await client.send(new StartJobCommand({ appId: APP, branchName: BRANCH, jobType: 'RELEASE' }))
    const release = await failure(startDeployment({ jobId: '2' }))
    expect(release.message).toMatch(/^Job 2 on branch main is a RELEASE job, not one made by CreateDeployment/)
    await untilEnded('2')
    await createDeployment()
    await client.send(new StopJobCommand({ appId: APP, branchName: BRANCH, jobId: '3' }))
    expect((await failure(startDeployment({ jobId: '3' }))).message).toMatch(/was stopped before it started; call CreateDeployment again/)
  })
})

describe('StartDeployment from a sourceUrl', () => {
  it.each<[string, string, 'ZIP' | 'BUCKET_PREFIX' | undefined, string]>([
    ['an s3 zip', 's3://site-bucket/builds/site.zip', undefined, 'ZIP'],
    ['an https zip', 'https://downloads.example.com/site.zip', 'ZIP', 'ZIP'],
    ['an s3 bucket prefix', 's3://site-bucket/builds/42/', 'BUCKET_PREFIX', 'BUCKET_PREFIX']
  ])('starts %s without CreateDeployment, and records it', async (_label, sourceUrl, sourceUrlType, recorded) => {
    const started = await startDeployment({ sourceUrl, ...(sourceUrlType ? { sourceUrlType } : {}) })
    expect(started.jobSummary).toMatchObject({ jobId: '1', jobType: 'MANUAL', sourceUrl, sourceUrlType: recorded })
    const { last } = await untilEnded('1')
    expect(last.job?.summary).toMatchObject({ status: 'SUCCEED', sourceUrl, sourceUrlType: recorded })
    expect(last.job?.steps?.map(s => s.stepName)).toEqual(['DEPLOY'])
    expect(emulator.deployments(APP)).toEqual([
      { appId: APP, branch: BRANCH, jobId: '1', state: 'started', startedWith: 'sourceUrl', sourceUrl, sourceUrlType: recorded, puts: 0, status: 'SUCCEED' }
    ])
    // The emulator does not fetch sources: the branch serves no files it knows.
    expect(emulator.deployedFiles(APP, BRANCH)).toEqual({})
  })

  it.each([
    ['a URL that is neither s3:// nor https://', 'http://example.com/site.zip', undefined, /is neither an s3:\/\/bucket\/\.\.\. URL nor an https:\/\/ URL/],
    [
      'a URL over 3000 characters',
      `https://example.com/${'a'.repeat(2990)}.zip`,
      undefined,
      /at 'sourceUrl' failed to satisfy constraint: Member must have length less than or equal to 3000/
    ],
    ['a bucket prefix without its final /', 's3://bucket/prefix', 'BUCKET_PREFIX', /BUCKET_PREFIX needs an s3:\/\/bucket\/prefix\/ URL ending in '\/'/],
    ['a bucket prefix over https', 'https://example.com/prefix/', 'BUCKET_PREFIX', /BUCKET_PREFIX needs an s3:\/\/bucket\/prefix\//],
    ['a ZIP that names a prefix', 's3://bucket/prefix/', 'ZIP', /ends in '\/', a bucket prefix: give sourceUrlType BUCKET_PREFIX/],
    [
      'a type outside the enum',
      's3://bucket/site.zip',
      'FOLDER',
      /Value 'FOLDER' at 'sourceUrlType' failed to satisfy constraint: Member must satisfy enum value set: \[ZIP, BUCKET_PREFIX\]/
    ]
  ])('refuses %s with BadRequestException', async (_label, sourceUrl, sourceUrlType, message) => {
    const error = await failure(
      client.send(
        new StartDeploymentCommand({ appId: APP, branchName: BRANCH, sourceUrl, ...(sourceUrlType ? { sourceUrlType: sourceUrlType as 'ZIP' } : {}) })
      )
    )
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['BadRequestException', 400])
    expect(error.message).toMatch(message)
    expect(emulator.deployments(APP)).toEqual([])
  })
})

describe('the control API', () => {
  it('lists the files a branch serves with their SHA-256, and the deployments', async () => {
    await untilEnded(await deploy())
    const deployed = await httpGet(`${emulator.url}/__emulator/deployed?appId=${APP}&branch=${BRANCH}`)
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
    expect(JSON.parse(deployed.body.toString('utf8'))).toEqual({
      appId: APP,
      branch: BRANCH,
      jobId: '1',
      source: null,
      files: Object.entries(SITE).map(([name, content]) => ({ name, size: Buffer.byteLength(content), sha256: sha256(content) }))
    })
    const deployments = JSON.parse((await httpGet(`${emulator.url}/__emulator/deployments?appId=${APP}`)).body.toString('utf8')) as unknown[]
    expect(deployments).toEqual(emulator.deployments(APP))
    expect((await httpGet(`${emulator.url}/__emulator/deployed?appId=${APP}`)).status).toBe(400)
  })
})
