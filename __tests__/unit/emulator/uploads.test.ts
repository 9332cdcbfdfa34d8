process.env.AWS_EC2_METADATA_DISABLED = 'true'

/**
 * The presigned PUT of a manual deployment's zip, with node:http (and a raw socket for what
 * Node's client will not send): S3's refusals (411, 403, expiry, a wrong Content-MD5), its
 * answer (200, ETag), the upload faults of the scenario, and the request log.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { type AmplifyClient, CreateDeploymentCommand, GetJobCommand, StartJobCommand, StopJobCommand } from '@aws-sdk/client-amplify'
import { createHash } from 'node:crypto'
import { buildZip } from '../../../emulator/raw-zip.js'
import type { Emulator } from '../../../emulator/server.js'
import type { Scenario } from '../../../emulator/types.js'
import { amplifyEmulator, httpGet, httpPut, rawRequest } from './clients.js'

const APP = 'd6uploads'
const BRANCH = 'main'
const FAST: Scenario = { statuses: [{ status: 'RUNNING', forReads: 1 }, { status: 'SUCCEED' }] }
const ZIP = buildZip([{ name: 'index.html', data: Buffer.from('<!doctype html><title>Up</title>\n'), deflate: true }])
/** Large enough to arrive in many chunks, small enough to stay quick. */
const LARGE_BYTES = 8 * 1024 * 1024

const running = amplifyEmulator()
let emulator: Emulator
let client: AmplifyClient
beforeEach(() => {
  ;({ emulator, client } = running)
  emulator.setScenario(FAST)
})

async function uploadUrl(): Promise<string> {
  return (await client.send(new CreateDeploymentCommand({ appId: APP, branchName: BRANCH }))).zipUploadUrl as string
}

const md5 = (data: Buffer) => createHash('md5').update(data).digest()
const codeOf = (body: Buffer) => /<Code>([^<]+)<\/Code>/.exec(body.toString('utf8'))?.[1]
const messageOf = (body: Buffer) => /<Message>([^<]+)<\/Message>/.exec(body.toString('utf8'))?.[1]
const puts = () => emulator.deployments(APP)[0]?.puts

describe('a PUT S3 takes', () => {
  it('stores the body and answers 200 with its MD5 as the ETag, recorded as an Upload with the bytes received', async () => {
    const url = await uploadUrl()
    const answer = await httpPut(url, ZIP, { headers: { 'content-type': 'application/zip' } })
    expect(answer.status).toBe(200)
    expect(answer.headers.etag).toBe(`"${md5(ZIP).toString('hex')}"`)
    expect(answer.headers.server).toBe('AmazonS3')
    const [record] = emulator.callsOf('Upload')
    expect(record).toMatchObject({ service: 'upload', method: 'PUT', status: 200, bytes: ZIP.length, appId: APP, fileName: 'deployment.zip' })
    expect(record?.headers['content-type']).toBe('application/zip')
    expect(emulator.deployments(APP)[0]?.upload).toEqual({ bytes: ZIP.length, md5: md5(ZIP).toString('hex'), contentType: 'application/zip' })
  })

  it('streams a large body to disk and takes it without a Content-Type (the URL signs only host)', async () => {
    const body = Buffer.alloc(LARGE_BYTES, 7)
    const answer = await httpPut(await uploadUrl(), body)
    expect(answer.status).toBe(200)
    expect(emulator.deployments(APP)[0]?.upload).toEqual({ bytes: LARGE_BYTES, md5: md5(body).toString('hex') })
  })

  it('checks a Content-MD5: 400 BadDigest when it does not match, 200 when it does', async () => {
    const url = await uploadUrl()
    const wrong = await httpPut(url, ZIP, { headers: { 'content-md5': md5(Buffer.from('other')).toString('base64') } })
    expect([wrong.status, codeOf(wrong.body)]).toEqual([400, 'BadDigest'])
    expect(puts()).toBe(0)
    expect((await httpPut(url, ZIP, { headers: { 'content-md5': md5(ZIP).toString('base64') } })).status).toBe(200)
    expect(puts()).toBe(1)
  })
})

describe('a PUT S3 refuses', () => {
  it('411 MissingContentLength for a chunked body, stored nowhere', async () => {
    const answer = await httpPut(await uploadUrl(), ZIP, { chunked: true })
    expect([answer.status, codeOf(answer.body), messageOf(answer.body)]).toEqual([
      411,
      'MissingContentLength',
      'You must provide the Content-Length HTTP header.'
    ])
    expect(emulator.callsOf('Upload')[0]?.headers['transfer-encoding']).toBe('chunked')
    expect(emulator.callsOf('Upload')[0]?.bytes).toBe(ZIP.length)
    expect(puts()).toBe(0)
  })

  it('411 MissingContentLength for a PUT without Content-Length', async () => {
    const url = new URL(await uploadUrl())
    const answer = await rawRequest(url.toString(), `PUT ${url.pathname}${url.search} HTTP/1.1`)
    expect(answer).toMatch(/^HTTP\/1\.1 411 /)
    expect(answer).toContain('<Code>MissingContentLength</Code>')
    expect(emulator.callsOf('Upload')[0]?.status).toBe(411)
    expect(puts()).toBe(0)
  })

  it('403 for an unknown signature, a tampered path, and a URL signed for another method', async () => {
    const url = await uploadUrl()
    const forged = new URL(url)
    forged.searchParams.set('X-Amz-Signature', 'f'.repeat(64))
    const unknown = await httpPut(forged.toString(), ZIP)
    expect([unknown.status, codeOf(unknown.body)]).toEqual([403, 'AccessDenied'])
    const tampered = await httpPut(url.replace('deployment.zip', 'other.zip'), ZIP)
    expect([tampered.status, codeOf(tampered.body)]).toEqual([403, 'SignatureDoesNotMatch'])
    const get = await httpGet(url)
    expect([get.status, codeOf(get.body)]).toEqual([403, 'SignatureDoesNotMatch'])
    await client.send(new StopJobCommand({ appId: APP, branchName: BRANCH, jobId: '1' }))
    await client.send(new StartJobCommand({ appId: APP, branchName: BRANCH, jobType: 'RELEASE' }))
    const logUrl = (await client.send(new GetJobCommand({ appId: APP, branchName: BRANCH, jobId: '2' }))).job?.steps?.[0]?.logUrl as string
    const putToDownload = await httpPut(logUrl, ZIP)
    expect([putToDownload.status, codeOf(putToDownload.body)]).toEqual([403, 'SignatureDoesNotMatch'])
    expect(puts()).toBe(0)
  })

  it('403 "Request has expired" once the URLs are expired, by the Emulator method or the control API', async () => {
    const url = await uploadUrl()
    expect(emulator.expireUrls(APP)).toBe(1)
    const expired = await httpPut(url, ZIP)
    expect([expired.status, codeOf(expired.body), messageOf(expired.body)]).toEqual([403, 'AccessDenied', 'Request has expired'])
    await client.send(new StopJobCommand({ appId: APP, branchName: BRANCH, jobId: '1' }))
    const fresh = await uploadUrl()
    expect((await httpPut(fresh, ZIP)).status).toBe(200)
    const control = await fetch(`${emulator.url}/__emulator/expire-urls?appId=${APP}`, { method: 'POST' })
    expect(await control.json()).toEqual({ ok: true, expired: 1 })
    expect(codeOf((await httpPut(fresh, ZIP)).body)).toBe('AccessDenied')
  })
})

describe('upload faults', () => {
  it('answers failStatus for the first failTimes PUTs, then takes the body; each try is recorded', async () => {
    emulator.setScenario({ ...FAST, upload: { failStatus: 503, failTimes: 2, latencyMs: 1 } }, APP)
    const url = await uploadUrl()
    const answers = []
    for (let i = 0; i < 3; i++) answers.push(await httpPut(url, ZIP))
    expect(answers.map(a => [a.status, codeOf(a.body) ?? null])).toEqual([
      [503, 'SlowDown'],
      [503, 'SlowDown'],
      [200, null]
    ])
    expect(emulator.callsOf('Upload').map(r => [r.status, r.fault ?? null, r.bytes])).toEqual([
      [503, 'status503', ZIP.length],
      [503, 'status503', ZIP.length],
      [200, null, ZIP.length]
    ])
    expect(puts()).toBe(1)
  })

  it.each<[500 | 403, string]>([
    [500, 'InternalError'],
    [403, 'AccessDenied']
  ])('answers %i %s for every PUT when failTimes is not given', async (status, code) => {
    emulator.setScenario({ ...FAST, upload: { failStatus: status } }, APP)
    const url = await uploadUrl()
    for (let i = 0; i < 2; i++) {
      const answer = await httpPut(url, ZIP)
      expect([answer.status, codeOf(answer.body)]).toEqual([status, code])
    }
    expect(puts()).toBe(0)
  })

  it('destroys the connection after part of the body for the first resetTimes PUTs, keeping the zip it had', async () => {
    const body = Buffer.alloc(LARGE_BYTES, 1)
    const url = await uploadUrl()
    expect((await httpPut(url, ZIP)).status).toBe(200)
    emulator.setScenario({ ...FAST, upload: { resetTimes: 1, resetAfterBytes: 64 * 1024 } }, APP)
    const reset = await httpPut(url, body)
    expect(reset.status).toBe(0)
    expect(reset.error).toBeDefined()
    const record = emulator.callsOf('Upload')[1]
    expect([record?.status, record?.fault]).toEqual([0, 'reset'])
    expect(record?.bytes).toBeGreaterThanOrEqual(64 * 1024)
    expect(record?.bytes).toBeLessThan(LARGE_BYTES)
    expect(emulator.deployments(APP)[0]?.upload?.bytes).toBe(ZIP.length)
    expect((await httpPut(url, body)).status).toBe(200)
    expect(emulator.deployments(APP)[0]?.upload?.bytes).toBe(LARGE_BYTES)
    expect(puts()).toBe(2)
  })
})
