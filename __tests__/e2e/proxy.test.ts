/**
 * The bundled action behind an outbound proxy, as on a self-hosted runner: a real forwarding proxy
 * on 127.0.0.1 (tests/helpers/proxy-server.ts) counts what passes through it. AWS calls to an https
 * endpoint go through CONNECT, http ones (the emulator) in absolute form, presigned downloads too;
 * NO_PROXY sends them direct.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { join } from 'node:path'
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls'
import { startTestProxy, type TestProxy } from '../helpers/proxy-server.js'
import { makeTestCertificate, type TestCertificate } from '../helpers/tls.js'
import { makeWorkspace, runAction, shownText, useEmulator, V6_PACKAGE_JSON } from './harness.js'

const APP_ID = 'd1a2b3c4d5e6f7'
const emulator = useEmulator()

let proxy: TestProxy
afterEach(async () => {
  await proxy?.close()
})

function codegen(env: Record<string, string>) {
  const workspace = makeWorkspace({ 'package.json': V6_PACKAGE_JSON })
  emulator().setScenario({ durationMs: 300, components: ['Button', 'Card'] })
  return runAction({
    workspace,
    inputs: { 'app-id': APP_ID, environment: 'staging', 'poll-interval': '100ms' },
    env: { ...emulator().env, ...env }
  }).then(run => ({ run, workspace }))
}

/** What the emulator was asked, as `METHOD path`, sorted. */
function emulatorRequests(): string[] {
  return emulator()
    .requests.filter(request => !request.path.startsWith('/__emulator'))
    .map(request => `${request.method} ${request.path}`)
    .sort()
}

describe('through an HTTP proxy', () => {
  it('codegen: every AWS call and every download goes through the proxy (absolute-form requests to an http endpoint)', async () => {
    proxy = await startTestProxy()
    // NO_PROXY is set, so loopback is proxied like any other host.
    const { run, workspace } = await codegen({ HTTP_PROXY: proxy.url, NO_PROXY: 'example.com' })

    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(existsSync(join(workspace, 'src/ui-components/Button.jsx'))).toBe(true)
    expect(run.stdout).toContain(`Proxy: https direct (HTTPS_PROXY is not set); http through ${proxy.url} (HTTP_PROXY); not for NO_PROXY=example.com.`)

    const operations = emulator().requests.map(request => request.operation)
    expect(operations).toEqual(expect.arrayContaining(['StartCodegenJob', 'GetCodegenJob', 'Download']))
    const proxied = proxy.requests.map(request => `${request.method} ${request.path!.replace(/\?.*$/, '')}`).sort()
    expect(proxy.requests.every(request => request.kind === 'forward' && request.target === new URL(emulator().url).host)).toBe(true)
    expect(proxied).toEqual(emulatorRequests())
  })

  describe('an https endpoint (the SDK as against AWS)', () => {
    let certificate: TestCertificate
    let terminator: TlsServer
    let endpoint: string
    let terminatorConnections = 0
    const sockets = new Set<Socket>()

    beforeAll(async () => {
      certificate = makeTestCertificate()
      // TLS in front of the emulator: the action sees an https endpoint, as with AWS.
      terminator = createTlsServer({ key: certificate.key, cert: certificate.cert }, client => {
        terminatorConnections++
        const upstream = connect(emulator().port, '127.0.0.1')
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on('close', () => sockets.delete(socket))
          socket.on('error', () => client.destroy())
        }
        client.pipe(upstream).pipe(client)
      })
      await new Promise<void>(resolve => terminator.listen(0, '127.0.0.1', resolve))
      endpoint = `https://localhost:${(terminator.address() as AddressInfo).port}`
    })

    afterAll(async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => terminator.close(resolve))
    })

    function release(env: Record<string, string>) {
      return runAction({
        workspace: makeWorkspace(),
        inputs: { 'app-id': APP_ID, 'job-type': 'release', branch: 'main', 'poll-interval': '100ms' },
        env: { ...emulator().env, AWS_ENDPOINT_URL_AMPLIFY: endpoint, NODE_EXTRA_CA_CERTS: certificate.certPath, ...env }
      })
    }

    it('a failed release: AWS calls through one kept-alive CONNECT tunnel, the step log in absolute form, with the proxy credentials, never shown', async () => {
      proxy = await startTestProxy({ credentials: 'builder:pr0xy-Secret' })
      const proxyUrl = `http://builder:pr0xy-Secret@127.0.0.1:${proxy.port}`
      // Read by read: PENDING, BUILD running, BUILD failed; however slow the tunnel.
      emulator().setScenario({
        statuses: [{ status: 'PENDING', forReads: 1 }, { status: 'RUNNING', forReads: 3 }, { status: 'SUCCEED' }],
        failStep: { stepName: 'BUILD', statusReason: 'npm run build exited with 1' }
      })
      terminatorConnections = 0
      const run = await release({ HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl, NO_PROXY: 'example.com' })

      expect(run.exitCode).toBe(1)
      expect(run.errors.join('\n')).toContain('FAILED in step BUILD')
      expect(emulator().callsOf('StartJob')).toHaveLength(1)
      expect(emulator().callsOf('GetJob')).toHaveLength(3)
      const tunnels = proxy.requests.filter(request => request.kind === 'connect')
      expect(tunnels.map(request => request.target)).toEqual([new URL(endpoint).host])
      // Every connection the https endpoint accepted came through the proxy's tunnel.
      expect(terminatorConnections).toBe(tunnels.length)
      const downloads = proxy.requests.filter(request => request.kind === 'forward')
      expect(downloads.map(request => request.path!.replace(/\?.*$/, ''))).toEqual(
        emulator()
          .callsOf('Download')
          .map(request => request.path)
      )
      expect(downloads.length).toBeGreaterThan(0)
      expect(proxy.requests.every(request => request.credentials === 'builder:pr0xy-Secret')).toBe(true)
      expect(run.stdout).toContain('::add-mask::pr0xy-Secret')
      expect(shownText(run)).not.toContain('pr0xy-Secret')
    })

    it('a proxy answering 503 to the first tunnels: tried again, and the release goes through', async () => {
      proxy = await startTestProxy()
      proxy.refuseWith = 503
      proxy.refuseTimes = 2
      const run = await release({ HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com' })

      expect(run.errors).toEqual([])
      expect(run.exitCode).toBe(0)
      expect(emulator().callsOf('StartJob')).toHaveLength(1)
      const tunnels = proxy.requests.filter(request => request.kind === 'connect')
      expect(tunnels.length).toBeGreaterThanOrEqual(3)
      expect(proxy.refuseTimes).toBe(0)
    })

    it('a proxy that refuses the tunnel fails the step with what it said and what to fix', async () => {
      proxy = await startTestProxy({ credentials: 'builder:right' })
      const run = await release({ HTTPS_PROXY: `http://builder:wrong@127.0.0.1:${proxy.port}`, NO_PROXY: 'example.com' })

      expect(run.exitCode).toBe(1)
      expect(run.errors).toEqual([
        expect.stringContaining(
          `The proxy http://127.0.0.1:${proxy.port} refused to open a tunnel to ${new URL(endpoint).host}: 407 Refused. Put the proxy's user and password in the proxy URL`
        )
      ])
      expect(emulator().callsOf('StartJob')).toHaveLength(0)
    })
  })
})

describe('NO_PROXY', () => {
  it('sends the hosts it lists direct: the proxy sees nothing', async () => {
    proxy = await startTestProxy()
    proxy.refuseWith = 403
    const { run } = await codegen({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com,127.0.0.1' })

    expect(run.exitCode).toBe(0)
    expect(emulatorRequests().length).toBeGreaterThan(2)
    expect(proxy.requests).toEqual([])
    expect(proxy.connections).toBe(0)
  })

  it('when unset, loopback goes direct (a proxy for this machine is rarely wanted)', async () => {
    proxy = await startTestProxy()
    proxy.refuseWith = 403
    const { run } = await codegen({ http_proxy: proxy.url, https_proxy: proxy.url })

    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('not for loopback (NO_PROXY is not set)')
    expect(proxy.connections).toBe(0)
  })
})
