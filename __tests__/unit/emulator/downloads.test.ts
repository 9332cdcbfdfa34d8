process.env.AWS_EC2_METADATA_DISABLED = 'true'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { type AmplifyUIBuilderClient, GetCodegenJobCommand, StartCodegenJobCommand } from '@aws-sdk/client-amplifyuibuilder'
import { Agent } from 'node:http'
import { startEmulator, signaturesIn, type Emulator } from '../../../emulator/server.js'
import type { Scenario } from '../../../emulator/types.js'
import { httpGet, uiBuilder } from './clients.js'

const APP = 'd4downloads'
const ENV = 'dev'

let emulator: Emulator
let client: AmplifyUIBuilderClient

beforeAll(async () => {
  emulator = await startEmulator()
  client = uiBuilder(emulator.url)
})
afterAll(async () => {
  client.destroy()
  await emulator.close()
})
beforeEach(() => emulator.reset())

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** URLs of a finished codegen job: the manifest and each file by name. */
async function jobUrls(scenario: Scenario = {}): Promise<{ manifest: string; files: Map<string, string> }> {
  emulator.setScenario({ components: ['Button', 'Card'], forms: [], ...scenario })
  const started = await client.send(
    new StartCodegenJobCommand({ appId: APP, environmentName: ENV, codegenJobToCreate: { renderConfig: { react: { script: 'jsx' } } } })
  )
  const job = await client.send(new GetCodegenJobCommand({ appId: APP, environmentName: ENV, id: started.entity?.id }))
  const manifest = job.job?.asset?.downloadUrl as string
  // Read the manifest without faults, then arm the download faults of the scenario.
  const download = scenario.download
  emulator.setScenario({ components: ['Button', 'Card'], forms: [], ...scenario, download: {} })
  const output = JSON.parse((await httpGet(manifest)).body.toString('utf8')) as { Output: { fileName: string; downloadUrl: string }[] }
  emulator.setScenario({ components: ['Button', 'Card'], forms: [], ...scenario, ...(download ? { download } : {}) })
  return { manifest, files: new Map(output.Output.map(entry => [entry.fileName, entry.downloadUrl])) }
}

describe('presigned downloads', () => {
  it('look like S3 presigned URLs, each with its own signature', async () => {
    const { manifest, files } = await jobUrls()
    const url = new URL(manifest)
    expect(url.hostname).toBe('127.0.0.1')
    expect(url.pathname).toMatch(/^\/s3\/[^/]+\/.+manifest\.json$/)
    for (const name of ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Security-Token']) {
      expect(url.searchParams.get(name)).toBeTruthy()
    }
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKIDEMULATOR\/\d{8}\/us-east-1\/s3\/aws4_request$/)
    const signatures = signaturesIn(emulator)
    expect(signatures.length).toBe(files.size + 1)
    expect(new Set(signatures).size).toBe(signatures.length)
    for (const signature of signatures) expect(signature).toMatch(/^[0-9a-f]{64}$/)
  })

  it('answers an unknown signature or a tampered path with 403 XML, like S3', async () => {
    const { files } = await jobUrls()
    const good = new URL(files.get('Button.jsx') as string)
    good.searchParams.set('X-Amz-Signature', 'f'.repeat(64))
    const unknown = await httpGet(good.toString())
    expect(unknown.status).toBe(403)
    expect(unknown.body.toString('utf8')).toContain('<Code>AccessDenied</Code>')
    const tampered = await httpGet((files.get('Button.jsx') as string).replace('Button.jsx', 'Other.jsx'))
    expect(tampered.status).toBe(403)
    expect(tampered.body.toString('utf8')).toContain('<Code>SignatureDoesNotMatch</Code>')
  })

  it('expires the URLs issued so far on request, of one app or of all, and issues fresh ones after', async () => {
    const { manifest, files } = await jobUrls()
    emulator.setScenario({ components: ['Button'], forms: [] }, 'dother')
    const other = await client.send(new StartCodegenJobCommand({ appId: 'dother', environmentName: ENV, codegenJobToCreate: { renderConfig: { react: {} } } }))
    const otherUrl = (await client.send(new GetCodegenJobCommand({ appId: 'dother', environmentName: ENV, id: other.entity?.id }))).job?.asset
      ?.downloadUrl as string
    expect((await httpGet(files.get('Button.jsx') as string)).status).toBe(200)

    expect(emulator.expireUrls(APP)).toBe(files.size + 1)
    for (const url of [manifest, ...files.values()]) {
      const expired = await httpGet(url)
      expect(expired.status).toBe(403)
      expect(expired.body.toString('utf8')).toContain('<Message>Request has expired</Message>')
    }
    expect((await httpGet(otherUrl)).status).toBe(200)
    // Already expired ones are not counted again; the other app's are, over the control API.
    const control = await fetch(`${emulator.url}/__emulator/expire-urls`, { method: 'POST' })
    expect(await control.json()).toEqual({ ok: true, expired: emulator.issuedSignatures.length - (files.size + 1) })
    expect((await httpGet(otherUrl)).status).toBe(403)

    const fresh = (await client.send(new GetCodegenJobCommand({ appId: 'dother', environmentName: ENV, id: other.entity?.id }))).job?.asset
      ?.downloadUrl as string
    expect((await httpGet(fresh)).status).toBe(200)
  })

  it('refuses an expired URL with 403', async () => {
    emulator.setScenario({ download: { expiresSeconds: 0 } })
    const started = await client.send(new StartCodegenJobCommand({ appId: APP, environmentName: ENV, codegenJobToCreate: { renderConfig: { react: {} } } }))
    const job = await client.send(new GetCodegenJobCommand({ appId: APP, environmentName: ENV, id: started.entity?.id }))
    await sleep(5)
    const expired = await httpGet(job.job?.asset?.downloadUrl as string)
    expect(expired.status).toBe(403)
    expect(expired.body.toString('utf8')).toContain('<Message>Request has expired</Message>')
  })

  it('serves byte ranges', async () => {
    const { files } = await jobUrls()
    const whole = await httpGet(files.get('Button.jsx') as string)
    const part = await httpGet(files.get('Button.jsx') as string, { headers: { range: 'bytes=10-19' } })
    expect(part.status).toBe(206)
    expect(part.headers['content-range']).toBe(`bytes 10-19/${whole.body.length}`)
    expect(part.body.equals(whole.body.subarray(10, 20))).toBe(true)
  })
})

describe('download faults', () => {
  it('fails the first N downloads of the chosen files with the chosen status', async () => {
    const { files } = await jobUrls({ download: { failStatus: 503, failTimes: 2, failFiles: ['Button.jsx'] } })
    const button = files.get('Button.jsx') as string
    const statuses = [(await httpGet(button)).status, (await httpGet(button)).status, (await httpGet(button)).status]
    expect(statuses).toEqual([503, 503, 200])
    expect((await httpGet(files.get('Card.jsx') as string)).status).toBe(200)
    const slowDown = emulator.requests.filter(r => r.fileName === 'Button.jsx').map(r => [r.status, r.fault])
    expect(slowDown).toEqual([
      [503, 'status503'],
      [503, 'status503'],
      [200, undefined]
    ])
  })

  it('adds latency before every download', async () => {
    const { files } = await jobUrls({ download: { latencyMs: 150 } })
    const started = Date.now()
    expect((await httpGet(files.get('Card.jsx') as string)).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('truncates: full Content-Length declared, fewer bytes sent, connection destroyed', async () => {
    const { files } = await jobUrls({ download: { truncate: 1 } })
    const url = files.get('Card.jsx') as string
    const cut = await httpGet(url)
    expect(cut.status).toBe(200)
    expect(cut.aborted).toBe(true)
    expect(cut.body.length).toBeLessThan(Number(cut.headers['content-length']))
    const whole = await httpGet(url)
    expect(whole.aborted).toBe(false)
    expect(whole.body.length).toBe(Number(whole.headers['content-length']))
    expect(emulator.requests.filter(r => r.fileName === 'Card.jsx').map(r => r.fault)).toEqual(['truncate', undefined])
  })

  it('stalls after some bytes until the client gives up, or for stallMs', async () => {
    const { files } = await jobUrls({ download: { stallAfterBytes: 10, stallTimes: 1 } })
    const url = files.get('Card.jsx') as string
    // The client gives up once it has the first bytes and nothing more came for a while (the
    // stall is endless, so a slow machine cannot make more arrive).
    const stalled = await httpGet(url, { giveUpAfterBytes: 10, quietMs: 200 })
    expect(stalled.body.length).toBe(10)
    expect(stalled.aborted).toBe(true)
    expect((await httpGet(url)).aborted).toBe(false)

    emulator.setScenario({ components: ['Button', 'Card'], forms: [], download: { stallAfterBytes: 10, stallMs: 150 } })
    const started = Date.now()
    const late = await httpGet(url)
    expect(late.aborted).toBe(false)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('resets the connection before answering the first N downloads', async () => {
    const { files } = await jobUrls({ download: { resetTimes: 1 } })
    const url = files.get('Card.jsx') as string
    const reset = await httpGet(url)
    expect(reset.status).toBe(0)
    expect(reset.error).toBeDefined()
    expect((await httpGet(url)).status).toBe(200)
    expect(emulator.requests.filter(r => r.fileName === 'Card.jsx').map(r => [r.status, r.fault])).toEqual([
      [0, 'reset'],
      [200, undefined]
    ])
  })

  it('paces the body at bytesPerSecond', async () => {
    const { files } = await jobUrls({ download: { bytesPerSecond: 4000 } })
    const started = Date.now()
    const response = await httpGet(files.get('Card.jsx') as string)
    const expectedMs = (response.body.length / 4000) * 1000
    expect(response.aborted).toBe(false)
    expect(Date.now() - started).toBeGreaterThanOrEqual(expectedMs * 0.8)
  })

  it('keeps connections alive: many downloads over one socket', async () => {
    const { files } = await jobUrls()
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const connectionsBefore = emulator.connections
      const downloadsBefore = emulator.callsOf('Download').length
      for (let i = 0; i < 5; i++) {
        for (const url of files.values()) expect((await httpGet(url, { agent })).status).toBe(200)
      }
      expect(emulator.connections - connectionsBefore).toBe(1)
      const downloads = emulator.callsOf('Download').slice(downloadsBefore)
      expect(downloads.length).toBe(5 * files.size)
      expect(downloads.every(r => r.status === 200 && r.headers.connection === 'keep-alive')).toBe(true)
    } finally {
      agent.destroy()
    }
  })
})

describe('control API', () => {
  it('sets scenarios, lists requests and signatures, resets over HTTP', async () => {
    const put = await fetch(`${emulator.url}/__emulator/scenario?appId=${APP}`, { method: 'PUT', body: JSON.stringify({ fail: 'from the control API' }) })
    expect(put.status).toBe(200)
    const started = await client.send(new StartCodegenJobCommand({ appId: APP, environmentName: ENV, codegenJobToCreate: { renderConfig: { react: {} } } }))
    const job = await client.send(new GetCodegenJobCommand({ appId: APP, environmentName: ENV, id: started.entity?.id }))
    expect(job.job?.statusMessage).toBe('from the control API')

    const requests = (await (await fetch(`${emulator.url}/__emulator/requests`)).json()) as { operation: string }[]
    expect(requests.map(r => r.operation)).toEqual(['SetScenario', 'StartCodegenJob', 'GetCodegenJob', 'GetRequests'])
    expect(await (await fetch(`${emulator.url}/__emulator/signatures`)).json()).toEqual([])
    expect(((await (await fetch(`${emulator.url}/__emulator/health`)).json()) as { ok: boolean }).ok).toBe(true)

    const typo = await fetch(`${emulator.url}/__emulator/scenario`, { method: 'PUT', body: JSON.stringify({ durationMS: 5 }) })
    expect(typo.status).toBe(400)
    expect(((await typo.json()) as { message: string }).message).toContain('durationMS')

    expect((await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' })).status).toBe(200)
    expect(emulator.requests.length).toBe(0)
    const gone = await client.send(new GetCodegenJobCommand({ appId: APP, environmentName: ENV, id: started.entity?.id })).catch((e: unknown) => e)
    expect((gone as { name: string }).name).toBe('ResourceNotFoundException')
  })

  it('answers unknown routes and unsigned calls like AWS front doors do', async () => {
    const unknown = await fetch(`${emulator.url}/nothing/here`)
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('x-amzn-errortype')).toBe('UnknownOperationException')
    const unsigned = await fetch(`${emulator.url}/apps/${APP}/branches/main/jobs/1`)
    expect(unsigned.status).toBe(403)
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException')
  })
})
