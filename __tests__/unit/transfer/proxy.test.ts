import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import * as https from 'node:https'
import { type AddressInfo, createServer as createTcpServer, type Server as TcpServer } from 'node:net'
import {
  absoluteForm,
  createProxyAgents,
  DEFAULT_NO_PROXY,
  describeProxySettings,
  matchesNoProxy,
  parseNoProxy,
  ProxyError,
  proxyFor,
  proxySecrets,
  type ProxySettings,
  readProxySettings
} from '../../../src/transfer/proxy.js'
import { createDownloader } from '../../../src/transfer/http.js'
import { startTestProxy, type TestProxy } from '../../helpers/proxy-server.js'
import { makeTestCertificate, type TestCertificate } from '../../helpers/tls.js'

describe('readProxySettings', () => {
  it('is undefined when no proxy variable is set (or they are empty)', () => {
    expect(readProxySettings({})).toBeUndefined()
    expect(readProxySettings({ HTTPS_PROXY: '', http_proxy: '  ', NO_PROXY: 'x' })).toBeUndefined()
  })

  it('reads the lowercase spelling first, as curl and @actions/http-client do', () => {
    const settings = readProxySettings({ https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2', HTTP_PROXY: 'http://plain:3' })!
    expect(settings.https?.host).toBe('lower:1')
    expect(settings.http?.host).toBe('plain:3')
    expect(settings.sources).toEqual({ https: 'https_proxy', http: 'HTTP_PROXY', noProxy: undefined })
  })

  it('does not use HTTP_PROXY for https targets, nor HTTPS_PROXY for http targets', () => {
    const onlyHttp = readProxySettings({ HTTP_PROXY: 'http://proxy:3128' })!
    expect(proxyFor(onlyHttp, 'https:', 'amplify.us-east-1.amazonaws.com', 443)).toBeUndefined()
    expect(proxyFor(onlyHttp, 'http:', 'example.com', 80)?.host).toBe('proxy:3128')
    const onlyHttps = readProxySettings({ HTTPS_PROXY: 'http://proxy:3128' })!
    expect(proxyFor(onlyHttps, 'http:', 'example.com', 80)).toBeUndefined()
    expect(proxyFor(onlyHttps, 'https:', 'amplify.us-east-1.amazonaws.com', 443)?.host).toBe('proxy:3128')
  })

  it('takes host:port without a scheme as an http proxy', () => {
    expect(readProxySettings({ HTTPS_PROXY: 'proxy.corp:3128' })!.https?.href).toBe('http://proxy.corp:3128/')
  })

  it('refuses a proxy URL it cannot use, naming the variable', () => {
    expect(() => readProxySettings({ HTTPS_PROXY: 'socks5://proxy:1080' })).toThrow(
      'HTTPS_PROXY names a socks5 proxy; only http:// and https:// proxies are supported.'
    )
    expect(() => readProxySettings({ http_proxy: 'http://proxy:port' })).toThrow('http_proxy is not a valid proxy URL')
  })

  it('bypasses loopback when NO_PROXY is unset or empty, and takes a NO_PROXY that is set as it is', () => {
    for (const env of [{}, { NO_PROXY: '' }]) {
      const settings = readProxySettings({ HTTPS_PROXY: 'http://proxy:3128', HTTP_PROXY: 'http://proxy:3128', ...env })!
      expect(settings.noProxy).toBe(DEFAULT_NO_PROXY)
      expect(proxyFor(settings, 'http:', '127.0.0.1', 4577)).toBeUndefined()
      expect(proxyFor(settings, 'http:', 'localhost', 4577)).toBeUndefined()
      expect(proxyFor(settings, 'http:', '::1', 4577)).toBeUndefined()
      expect(proxyFor(settings, 'https:', 'amplify.us-east-1.amazonaws.com', 443)).toBeDefined()
    }
    const explicit = readProxySettings({ HTTP_PROXY: 'http://proxy:3128', no_proxy: '.corp.example', NO_PROXY: '127.0.0.1' })!
    expect(explicit.noProxy).toBe('.corp.example')
    expect(proxyFor(explicit, 'http:', '127.0.0.1', 4577)).toBeDefined()
    expect(proxyFor(explicit, 'http:', 'git.corp.example', 80)).toBeUndefined()
  })

  it('describes the settings without the proxy password, and lists the password as a secret', () => {
    const settings = readProxySettings({ HTTPS_PROXY: 'http://me:s%40cret@proxy:3128', NO_PROXY: '.corp' })!
    const line = describeProxySettings(settings)
    expect(line).toBe('Proxy: https through http://proxy:3128 (HTTPS_PROXY); not for NO_PROXY=.corp.')
    expect(line).not.toContain('cret')
    expect(proxySecrets(settings)).toEqual(['s%40cret', 's@cret'])
    expect(describeProxySettings(readProxySettings({ HTTP_PROXY: 'http://p:1' })!)).toBe(
      'Proxy: https direct (HTTPS_PROXY is not set); http through http://p:1 (HTTP_PROXY); not for loopback (NO_PROXY is not set).'
    )
  })
})

describe('NO_PROXY matching', () => {
  const cases: Array<[string, string, number, boolean]> = [
    ['example.com', 'example.com', 443, true],
    ['example.com', 'api.example.com', 443, true],
    ['example.com', 'badexample.com', 443, false],
    ['.example.com', 'example.com', 443, true],
    ['.example.com', 'a.b.example.com', 443, true],
    ['*.example.com', 'a.example.com', 443, true],
    ['EXAMPLE.com', 'Api.Example.COM.', 443, true],
    ['example.com:8443', 'example.com', 443, false],
    ['example.com:8443', 'example.com', 8443, true],
    ['*', 'anything.at.all', 1, true],
    ['10.0.0.0/8', '10.1.2.3', 80, true],
    ['10.0.0.0/8', '11.0.0.1', 80, false],
    ['10.0.0.0/8', 'ten.example', 80, false],
    ['127.0.0.1', '127.0.0.1', 4577, true],
    ['127.0.0.1', '127.0.0.2', 4577, false],
    ['127.0.0.1:4577', '127.0.0.1', 4578, false],
    ['[::1]:4577', '::1', 4577, true],
    ['::1', '[::1]', 80, true],
    ['fd00::/8', 'fd12::34', 80, true],
    ['fd00::/8', '10.0.0.1', 80, false],
    ['a.com, b.com  c.com', 'c.com', 80, true],
    ['a.com,,b.com', 'd.com', 80, false],
    ['', 'example.com', 80, false]
  ]
  it.each(cases)('NO_PROXY=%j, host %s port %d: bypass %s', (list, host, port, expected) => {
    expect(matchesNoProxy(parseNoProxy(list), host, port)).toBe(expected)
  })
})

/** Reads a response body as text. */
/** GET through `agent`; with proxy settings, an http request is made in absolute form as the downloader makes it. */
function get(url: string, agent: http.Agent, headers: Record<string, string> = {}, settings?: ProxySettings): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http
    const proxied = absoluteForm(settings, new URL(url))
    const options = proxied ? { agent, path: proxied.path, headers: { ...headers, ...proxied.headers } } : { agent, headers }
    const req = client.get(url, options, res => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
  })
}

describe('proxy agents against a real proxy on loopback', () => {
  let certificate: TestCertificate
  let httpsServer: https.Server
  let httpServer: http.Server
  let httpsUrl: string
  let httpUrl: string
  let proxy: TestProxy
  const agents: Array<http.Agent> = []

  const answer = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    res.setHeader('content-type', 'text/plain')
    res.end(`${req.method} ${req.url} via ${req.headers.host}`)
  }

  beforeAll(async () => {
    certificate = makeTestCertificate()
    httpsServer = https.createServer({ key: certificate.key, cert: certificate.cert }, answer)
    httpServer = http.createServer(answer)
    await new Promise<void>(resolve => httpsServer.listen(0, '127.0.0.1', resolve))
    await new Promise<void>(resolve => httpServer.listen(0, '127.0.0.1', resolve))
    httpsUrl = `https://localhost:${(httpsServer.address() as AddressInfo).port}`
    httpUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`
  })

  afterEach(async () => {
    for (const agent of agents.splice(0)) agent.destroy()
    await proxy?.close()
  })

  afterAll(async () => {
    httpsServer.closeAllConnections()
    httpServer.closeAllConnections()
    await new Promise(resolve => httpsServer.close(resolve))
    await new Promise(resolve => httpServer.close(resolve))
  })

  function agentsFor(env: Record<string, string>, options: { tunnelTimeoutMs?: number } = {}): { 'http:': http.Agent; 'https:': https.Agent } {
    const made = createProxyAgents(readProxySettings(env), { keepAlive: true, ca: certificate.cert, ...options } as https.AgentOptions)
    agents.push(made['http:'], made['https:'])
    return made
  }

  it('tunnels https through CONNECT, reusing the tunnel for the next request (keep-alive)', async () => {
    proxy = await startTestProxy()
    const agent = agentsFor({ HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com' })['https:']
    const first = await get(`${httpsUrl}/one?X-Amz-Signature=secret`, agent)
    const second = await get(`${httpsUrl}/two`, agent)
    expect(first).toEqual({ status: 200, body: `GET /one?X-Amz-Signature=secret via ${new URL(httpsUrl).host}` })
    expect(second.body).toContain('GET /two')
    expect(proxy.requests).toEqual([{ kind: 'connect', target: new URL(httpsUrl).host, method: 'CONNECT', credentials: undefined }])
    expect(proxy.connections).toBe(1)
  })

  it('sends http requests to the proxy in absolute form', async () => {
    proxy = await startTestProxy()
    const env = { HTTP_PROXY: proxy.url, NO_PROXY: 'example.com' }
    const agent = agentsFor(env)['http:']
    const result = await get(`${httpUrl}/file?a=1`, agent, {}, readProxySettings(env))
    expect(result).toEqual({ status: 200, body: `GET /file?a=1 via ${new URL(httpUrl).host}` })
    expect(proxy.requests).toEqual([{ kind: 'forward', target: new URL(httpUrl).host, method: 'GET', path: '/file?a=1', credentials: undefined }])
  })

  it('a request whose head is sent at once (Expect: 100-continue) goes in absolute form too', async () => {
    proxy = await startTestProxy()
    const env = { HTTP_PROXY: proxy.url, NO_PROXY: 'example.com' }
    const result = await get(`${httpUrl}/expecting`, agentsFor(env)['http:'], { expect: '100-continue' }, readProxySettings(env))
    expect(result).toEqual({ status: 200, body: `GET /expecting via ${new URL(httpUrl).host}` })
    expect(proxy.requests).toEqual([{ kind: 'forward', target: new URL(httpUrl).host, method: 'GET', path: '/expecting', credentials: undefined }])
  })

  it('absoluteForm: only for http targets that go through the proxy, with its credentials', () => {
    const settings = readProxySettings({
      HTTP_PROXY: 'http://me:secret@proxy.internal:3128',
      HTTPS_PROXY: 'http://proxy.internal:3128',
      NO_PROXY: 'direct.example'
    })
    expect(absoluteForm(settings, new URL('http://files.example:8080/a/b?c=d'))).toEqual({
      path: 'http://files.example:8080/a/b?c=d',
      headers: { 'proxy-authorization': `Basic ${Buffer.from('me:secret').toString('base64')}` }
    })
    expect(absoluteForm(settings, new URL('https://files.example/a'))).toBeUndefined()
    expect(absoluteForm(settings, new URL('http://direct.example/a'))).toBeUndefined()
    expect(absoluteForm(undefined, new URL('http://files.example/a'))).toBeUndefined()
  })

  it('sends the credentials of the proxy URL (Basic), on CONNECT and on absolute-form requests', async () => {
    proxy = await startTestProxy({ credentials: 'me:p@ss word' })
    const env = {
      HTTPS_PROXY: `http://me:p%40ss%20word@127.0.0.1:${proxy.port}`,
      HTTP_PROXY: `http://me:p%40ss%20word@127.0.0.1:${proxy.port}`,
      NO_PROXY: 'x.invalid'
    }
    const made = agentsFor(env)
    expect((await get(`${httpsUrl}/a`, made['https:'])).status).toBe(200)
    expect((await get(`${httpUrl}/b`, made['http:'], {}, readProxySettings(env))).status).toBe(200)
    expect(proxy.requests.map(r => [r.kind, r.credentials])).toEqual([
      ['connect', 'me:p@ss word'],
      ['forward', 'me:p@ss word']
    ])
  })

  it('fails with a ProxyError that says what to fix when the proxy refuses the tunnel', async () => {
    proxy = await startTestProxy({ credentials: 'me:right' })
    const agent = agentsFor({ HTTPS_PROXY: `http://me:wrong@127.0.0.1:${proxy.port}`, NO_PROXY: 'x.invalid' })['https:']
    const error = await get(`${httpsUrl}/a`, agent).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProxyError)
    expect((error as ProxyError).statusCode).toBe(407)
    expect((error as Error).message).toBe(
      `The proxy http://127.0.0.1:${proxy.port} refused to open a tunnel to ${new URL(httpsUrl).host}: 407 Refused. Put the proxy's user and password in the proxy URL (http://user:password@host:port).`
    )
    expect((error as Error).message).not.toContain('wrong')
  })

  it('takes a 5xx answer to CONNECT as a refused connection (retryable), and the next tunnel works', async () => {
    proxy = await startTestProxy()
    proxy.refuseWith = 503
    proxy.refuseTimes = 1
    const agent = agentsFor({ HTTPS_PROXY: proxy.url, NO_PROXY: 'x.invalid' })['https:']
    const error = await get(`${httpsUrl}/a`, agent).catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(ProxyError)
    expect((error as NodeJS.ErrnoException).code).toBe('ECONNREFUSED')
    expect((error as Error).message).toBe(`the proxy http://127.0.0.1:${proxy.port} answered CONNECT ${new URL(httpsUrl).host} with 503 Refused`)
    expect((await get(`${httpsUrl}/b`, agent)).status).toBe(200)
  })

  it('times out a proxy that never answers CONNECT, with a retryable ETIMEDOUT', async () => {
    // Reads what it is sent (so it sees the client hang up) and never answers.
    const silent: TcpServer = createTcpServer(socket => socket.on('error', () => undefined).resume())
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve))
    try {
      const port = (silent.address() as AddressInfo).port
      const agent = agentsFor({ HTTPS_PROXY: `http://127.0.0.1:${port}`, NO_PROXY: 'x.invalid' }, { tunnelTimeoutMs: 200 })['https:']
      const error = await get(`${httpsUrl}/a`, agent).catch((e: unknown) => e)
      expect((error as NodeJS.ErrnoException).code).toBe('ETIMEDOUT')
      expect((error as Error).message).toBe(`the proxy http://127.0.0.1:${port} did not answer CONNECT ${new URL(httpsUrl).host} within 0.2 s`)
    } finally {
      await new Promise(resolve => silent.close(resolve))
    }
  })

  it('connects directly to hosts in NO_PROXY (and to loopback when NO_PROXY is unset)', async () => {
    proxy = await startTestProxy()
    const listed = agentsFor({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' })
    expect((await get(`${httpsUrl}/a`, listed['https:'])).status).toBe(200)
    expect((await get(`${httpUrl}/b`, listed['http:'])).status).toBe(200)
    const unset = agentsFor({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url })
    expect((await get(`${httpsUrl}/c`, unset['https:'])).status).toBe(200)
    expect((await get(`${httpUrl}/d`, unset['http:'])).status).toBe(200)
    expect(proxy.requests).toEqual([])
    expect(proxy.connections).toBe(0)
  })

  it('carries the downloader through the proxy, and its refusal is not retried', async () => {
    proxy = await startTestProxy()
    const downloader = createDownloader({ proxy: readProxySettings({ HTTP_PROXY: proxy.url, NO_PROXY: 'x.invalid' }), sleep: async () => undefined })
    try {
      const body = await downloader.toBuffer(`${httpUrl}/s3/file?X-Amz-Signature=${'a'.repeat(64)}`, { maxBytes: 1000, what: 'a test file' })
      expect(body.toString()).toContain('GET /s3/file')
      expect(proxy.requests).toHaveLength(1)
      proxy.refuseWith = 407
      await expect(downloader.toBuffer(`${httpUrl}/s3/other`, { maxBytes: 1000, what: 'another file' })).rejects.toThrow(
        'The proxy asked for credentials (407 Proxy Authentication Required) to fetch another file.'
      )
      expect(proxy.requests).toHaveLength(2)
    } finally {
      downloader.close()
    }
  })
})
