/**
 * A small forwarding HTTP proxy on 127.0.0.1 for tests: CONNECT tunnels (https targets) and
 * absolute-form requests (http targets), every one of them recorded, with optional Basic
 * authentication and a refusal mode. A request that is not a proxy request is answered 400, so a
 * client that sends origin-form requests to it is caught.
 */
import { createServer, type IncomingMessage, request as httpRequest } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface ProxiedRequest {
  kind: 'connect' | 'forward'
  /** host:port the client asked for. */
  target: string
  method: string
  /** Absolute-form requests: the path and query; CONNECT: undefined. */
  path?: string
  /** The Proxy-Authorization header, decoded (user:password), when one was sent. */
  credentials?: string
}

export interface TestProxy {
  url: string
  port: number
  requests: ProxiedRequest[]
  /** TCP connections the proxy accepted. */
  connections: number
  /** Answer every request with this status instead of forwarding it (e.g. 403). */
  refuseWith?: number
  /** With refuseWith: refuse only this many requests, then forward again. */
  refuseTimes?: number
  close(): Promise<void>
}

export interface TestProxyOptions {
  /** `user:password`: requests without it are answered 407. */
  credentials?: string
}

export async function startTestProxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const sockets = new Set<Socket>()
  const server = createServer()
  const proxy: TestProxy = {
    url: '',
    port: 0,
    requests: [],
    connections: 0,
    close: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }

  const credentialsOf = (req: IncomingMessage): string | undefined => {
    const header = req.headers['proxy-authorization']
    const basic = header && /^Basic (.+)$/i.exec(header)
    return basic ? Buffer.from(basic[1]!, 'base64').toString('utf8') : undefined
  }
  const refusal = (credentials: string | undefined): number | undefined => {
    if (proxy.refuseWith && proxy.refuseTimes === undefined) return proxy.refuseWith
    if (proxy.refuseWith && proxy.refuseTimes! > 0) {
      proxy.refuseTimes!--
      return proxy.refuseWith
    }
    if (options.credentials !== undefined && credentials !== options.credentials) return 407
    return undefined
  }

  server.on('connection', socket => {
    proxy.connections++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  server.on('request', (req, res) => {
    let target: URL
    try {
      target = new URL(req.url ?? '')
      if (target.protocol !== 'http:') throw new Error('not http')
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('not a proxy request: absolute-form http:// URL expected')
      return
    }
    const credentials = credentialsOf(req)
    proxy.requests.push({ kind: 'forward', target: target.host, method: req.method ?? 'GET', path: target.pathname + target.search, credentials })
    const refused = refusal(credentials)
    if (refused) {
      res.writeHead(refused, refused === 407 ? { 'proxy-authenticate': 'Basic realm="test"' } : {}).end()
      return
    }
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    delete headers['proxy-connection']
    const upstream = httpRequest(
      { host: target.hostname, port: target.port || 80, method: req.method, path: target.pathname + target.search, headers },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end()
      else res.destroy()
    })
    req.pipe(upstream)
  })

  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const authority = req.url ?? ''
    const credentials = credentialsOf(req)
    proxy.requests.push({ kind: 'connect', target: authority, method: 'CONNECT', credentials })
    const refused = refusal(credentials)
    if (refused) {
      client.end(`HTTP/1.1 ${refused} Refused\r\n${refused === 407 ? 'Proxy-Authenticate: Basic realm="test"\r\n' : ''}Content-Length: 0\r\n\r\n`)
      return
    }
    const at = authority.lastIndexOf(':')
    const host = authority.slice(0, at).replace(/^\[|\]$/g, '')
    const upstream = connect({ host, port: Number(authority.slice(at + 1)) }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  proxy.port = (server.address() as AddressInfo).port
  proxy.url = `http://127.0.0.1:${proxy.port}`
  return proxy
}
