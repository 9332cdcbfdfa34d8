/**
 * Outbound proxies for self-hosted runners: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (and their lowercase
 * spellings) apply to the AWS SDK's calls and to the presigned downloads alike, through the two
 * agents made here. https targets go through a CONNECT tunnel (the proxy sees only host and port,
 * never a presigned URL's query); http targets are sent to the proxy in absolute form. Sockets are
 * kept alive and pooled per target as with node's own agents.
 *
 * Which variable applies, as curl, Go and @actions/http-client do: https_proxy, else HTTPS_PROXY
 * for https targets; http_proxy, else HTTP_PROXY for http targets (HTTPS_PROXY is not used for
 * http, nor HTTP_PROXY for https). no_proxy, else NO_PROXY: comma- or space-separated host names
 * (a name also matches its subdomains; a leading `.` or `*.` is allowed), `*`, IP addresses,
 * CIDR ranges, each optionally with `:port`. When neither is set (or it is empty), loopback
 * (localhost, 127.0.0.0/8, ::1) bypasses the proxy; a NO_PROXY that is set is taken as it is.
 */
import * as http from 'node:http'
import * as https from 'node:https'
import { BlockList, isIP, type Socket, connect as connectTcp } from 'node:net'
import type { Duplex } from 'node:stream'
import * as tls from 'node:tls'
import { ActionError } from '../errors.js'

/** A proxy that does not answer CONNECT within this long is treated like a connection timeout. */
const TUNNEL_TIMEOUT_MS = 30_000
/** The code a 5xx answer to CONNECT gets: every retry path knows it as "try again". */
const TRANSIENT_TUNNEL_CODE = 'ECONNREFUSED'
/** A proxy's answer to CONNECT is a status line and a few headers. */
const MAX_TUNNEL_RESPONSE_BYTES = 16 * 1024
/**
 * This machine's own addresses, in NO_PROXY's syntax: what bypasses the proxy when NO_PROXY is
 * unset (a proxy for them is rarely wanted), and the only hosts plain http may reach (isLoopback).
 */
export const DEFAULT_NO_PROXY = 'localhost,127.0.0.0/8,::1'

export interface ProxySettings {
  /** For https targets (AWS, presigned downloads). */
  https?: URL
  /** For http targets (the local emulator, tests). */
  http?: URL
  /** The NO_PROXY list in force, as written (or the default). */
  noProxy: string
  /** Where each variable came from, for the log: e.g. "HTTPS_PROXY". */
  sources: { https?: string; http?: string; noProxy?: string }
  bypass(hostname: string, port: number): boolean
}

export interface ProxyAgentOptions extends http.AgentOptions {
  tunnelTimeoutMs?: number
}

/**
 * The proxy settings of this environment, or undefined when no proxy variable is set. Throws an
 * ActionError naming the variable when one holds something that is not a usable proxy URL.
 */
export function readProxySettings(env: Record<string, string | undefined>): ProxySettings | undefined {
  const httpsVar = firstSet(env, ['https_proxy', 'HTTPS_PROXY'])
  const httpVar = firstSet(env, ['http_proxy', 'HTTP_PROXY'])
  if (!httpsVar && !httpVar) return undefined
  const noProxyVar = firstSet(env, ['no_proxy', 'NO_PROXY'])
  const noProxy = noProxyVar ? env[noProxyVar]!.trim() : DEFAULT_NO_PROXY
  const rules = parseNoProxy(noProxy)
  return {
    https: httpsVar ? parseProxyUrl(httpsVar, env[httpsVar]!) : undefined,
    http: httpVar ? parseProxyUrl(httpVar, env[httpVar]!) : undefined,
    noProxy,
    sources: { https: httpsVar, http: httpVar, noProxy: noProxyVar },
    bypass: (hostname, port) => matchesNoProxy(rules, hostname, port)
  }
}

/** localhost, 127.0.0.0/8 and ::1 (DEFAULT_NO_PROXY): the only hosts plain http may reach (tests, the local emulator). */
export function isLoopback(hostname: string): boolean {
  return matchesNoProxy(loopbackRules(), hostname, 0)
}

let loopback: NoProxyRule[] | undefined
function loopbackRules(): NoProxyRule[] {
  return (loopback ??= parseNoProxy(DEFAULT_NO_PROXY))
}

/** The proxy for a target, or undefined to connect directly. */
export function proxyFor(settings: ProxySettings | undefined, protocol: string, hostname: string, port: number): URL | undefined {
  const proxy = protocol === 'https:' ? settings?.https : settings?.http
  if (!proxy || settings!.bypass(hostname, port)) return undefined
  return proxy
}

/** One line for the log; no user name or password. */
export function describeProxySettings(settings: ProxySettings): string {
  const parts: string[] = []
  if (settings.https) parts.push(`https through ${redact(settings.https)} (${settings.sources.https})`)
  else parts.push('https direct (HTTPS_PROXY is not set)')
  if (settings.http) parts.push(`http through ${redact(settings.http)} (${settings.sources.http})`)
  const noProxy = settings.sources.noProxy ? `${settings.sources.noProxy}=${settings.noProxy}` : `loopback (NO_PROXY is not set)`
  return `Proxy: ${parts.join('; ')}; not for ${noProxy}.`
}

/** The password of a proxy URL, to be masked in logs. */
export function proxySecrets(settings: ProxySettings | undefined): string[] {
  return [settings?.https, settings?.http].flatMap(url => (url?.password ? [url.password, decodeURIComponent(url.password)] : []))
}

/**
 * Agents for http and https targets that honour the settings (plain node agents when there are
 * none). Both are destroyed by their owner (the downloader, the SDK's request handler).
 */
export function createProxyAgents(settings: ProxySettings | undefined, options: ProxyAgentOptions = {}): { 'http:': http.Agent; 'https:': https.Agent } {
  if (!settings) return { 'http:': new http.Agent(options), 'https:': new https.Agent(options) }
  return { 'http:': new ProxyHttpAgent(settings, options), 'https:': new ProxyHttpsAgent(settings, options) }
}

type ConnectionCallback = (error: Error | null, stream: Duplex) => void

/** https targets: a CONNECT tunnel through the proxy, then TLS to the target inside it. */
class ProxyHttpsAgent extends https.Agent {
  private readonly tunnelTimeoutMs: number

  constructor(
    private readonly settings: ProxySettings,
    options: ProxyAgentOptions
  ) {
    super(options)
    this.tunnelTimeoutMs = options.tunnelTimeoutMs ?? TUNNEL_TIMEOUT_MS
  }

  override createConnection(options: https.RequestOptions, callback?: ConnectionCallback): Duplex | null | undefined {
    const host = options.host ?? 'localhost'
    const port = Number(options.port ?? 443)
    const proxy = proxyFor(this.settings, 'https:', host, port)
    if (!proxy || !callback) return super.createConnection(options, callback)
    openTunnel(proxy, host, port, this.tunnelTimeoutMs).then(
      socket => {
        const servername = options.servername || (isIP(host) ? undefined : host)
        callback(null, tls.connect({ ...(options as tls.ConnectionOptions), socket, host, port, servername }))
      },
      (error: Error) => callback(error, undefined as unknown as Duplex)
    )
    return undefined
  }
}

/**
 * http targets: the connection goes to the proxy (createConnection), and the request, which its
 * maker sent in absolute form (absoluteForm below), names the target.
 */
class ProxyHttpAgent extends http.Agent {
  constructor(
    private readonly settings: ProxySettings,
    options: ProxyAgentOptions
  ) {
    super(options)
  }

  override createConnection(options: http.ClientRequestArgs, callback?: ConnectionCallback): Duplex | null | undefined {
    const host = options.host ?? 'localhost'
    const port = Number(options.port ?? 80)
    const proxy = proxyFor(this.settings, 'http:', host, port)
    if (!proxy) return super.createConnection(options, callback)
    return connectToProxy(proxy)
  }
}

function connectToProxy(proxy: URL): Socket {
  const host = stripBrackets(proxy.hostname)
  const port = Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80))
  if (proxy.protocol === 'https:') return tls.connect({ host, port, servername: isIP(host) ? undefined : host })
  return connectTcp({ host, port })
}

/** What a request to an http target sent through a proxy carries instead of its plain path. */
export interface AbsoluteForm {
  /** `http://host:port/path?query`, the request target a forwarding proxy expects. */
  path: string
  /** Headers for the proxy: Proxy-Authorization when its URL holds credentials. */
  headers: Record<string, string>
}

/**
 * For an http target that goes through a proxy: the absolute-form request target and the proxy's
 * headers, to give the request when it is made (http.request's `path` and `headers`), so nothing
 * has to rewrite a request already built. Undefined for https targets (tunnelled) and direct ones.
 * The agents of createProxyAgents send such a request to the proxy.
 */
export function absoluteForm(settings: ProxySettings | undefined, target: URL): AbsoluteForm | undefined {
  if (target.protocol !== 'http:') return undefined
  const port = Number(target.port || 80)
  const proxy = proxyFor(settings, 'http:', stripBrackets(target.hostname), port)
  if (!proxy) return undefined
  const authorization = proxyAuthorization(proxy)
  return { path: `http://${target.host}${target.pathname}${target.search}`, headers: authorization ? { 'proxy-authorization': authorization } : {} }
}

/** Opens a CONNECT tunnel to host:port through the proxy; resolves with the raw socket. */
export function openTunnel(proxy: URL, host: string, port: number, timeoutMs = TUNNEL_TIMEOUT_MS): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectToProxy(proxy)
    const authority = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`
    const authorization = proxyAuthorization(proxy)
    let received = Buffer.alloc(0)
    const fail = (error: Error): void => {
      socket.removeListener('data', onData)
      socket.destroy()
      reject(error)
    }
    const onData = (chunk: Buffer): void => {
      received = Buffer.concat([received, chunk])
      const end = received.indexOf('\r\n\r\n')
      if (end < 0) {
        if (received.length > MAX_TUNNEL_RESPONSE_BYTES) fail(tunnelError(proxy, authority, 'an answer too long to be a proxy response'))
        return
      }
      socket.removeListener('data', onData)
      socket.removeListener('error', fail)
      socket.removeListener('end', onEnd)
      socket.setTimeout(0)
      const statusLine = received.subarray(0, received.indexOf('\r\n')).toString('latin1')
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]
      if (status !== undefined && status.startsWith('5')) {
        // The proxy could not reach the target this time (502, 503, 504): nothing was sent, so it is
        // a refused connection to the SDK's retries, the wait loop and the downloader alike.
        fail(networkError(TRANSIENT_TUNNEL_CODE, `the proxy ${redact(proxy)} answered CONNECT ${authority} with ${statusLine.slice(9)}`))
        return
      }
      if (status === undefined || !status.startsWith('2')) {
        fail(tunnelError(proxy, authority, status ? statusLine.slice(9) : 'an answer that is not HTTP', Number(status)))
        return
      }
      // Bytes after the proxy's answer already belong to the tunnel.
      const rest = received.subarray(end + 4)
      if (rest.length) socket.unshift(rest)
      resolve(socket)
    }
    const onEnd = (): void => fail(networkError('ECONNRESET', `the proxy ${redact(proxy)} closed the connection before answering CONNECT ${authority}`))
    socket.on('data', onData)
    socket.once('error', fail)
    socket.once('end', onEnd)
    socket.setTimeout(timeoutMs, () =>
      fail(networkError('ETIMEDOUT', `the proxy ${redact(proxy)} did not answer CONNECT ${authority} within ${timeoutMs / 1000} s`))
    )
    const lines = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`]
    if (authorization) lines.push(`Proxy-Authorization: ${authorization}`)
    socket.write(`${lines.join('\r\n')}\r\n\r\n`)
  })
}

/** A proxy that refuses the tunnel: what it said, and what to check. */
export class ProxyError extends ActionError {
  override name = 'ProxyError'
  constructor(
    message: string,
    readonly statusCode?: number
  ) {
    super(message)
  }
}

function tunnelError(proxy: URL, authority: string, answer: string, status?: number): ProxyError {
  const hint =
    status === 407
      ? `Put the proxy's user and password in the proxy URL (http://user:password@host:port).`
      : `Check that the proxy allows ${authority}, or add the host to NO_PROXY.`
  return new ProxyError(`The proxy ${redact(proxy)} refused to open a tunnel to ${authority}: ${answer}. ${hint}`, status)
}

function networkError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code })
}

function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username && !proxy.password) return undefined
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`
  return `Basic ${Buffer.from(credentials).toString('base64')}`
}

function firstSet(env: Record<string, string | undefined>, names: string[]): string | undefined {
  return names.find(name => (env[name] ?? '').trim() !== '')
}

function parseProxyUrl(variable: string, value: string): URL {
  const text = value.trim()
  let url: URL
  try {
    // `host:port` without a scheme means an http proxy, as curl reads it.
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`)
  } catch {
    throw new ActionError(`${variable} is not a valid proxy URL. Set it to http://host:port (or http://user:password@host:port).`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ActionError(`${variable} names a ${url.protocol.slice(0, -1)} proxy; only http:// and https:// proxies are supported.`)
  }
  if (!url.hostname) throw new ActionError(`${variable} names no proxy host. Set it to http://host:port.`)
  return url
}

function redact(url: URL): string {
  return `${url.protocol}//${url.host}`
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
}

interface NoProxyRule {
  /** Lower-case host name without a leading dot, or undefined for an address rule. */
  domain?: string
  /** IP addresses and ranges. */
  addresses?: BlockList
  port?: number
  all?: boolean
}

export function parseNoProxy(list: string): NoProxyRule[] {
  const rules: NoProxyRule[] = []
  for (const raw of list.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase()
    if (!entry) continue
    if (entry === '*') {
      rules.push({ all: true })
      continue
    }
    let port: number | undefined
    // host:port, [v6]:port, v4:port; a bare IPv6 address has more than one colon and no port.
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
    if (bracketed) {
      entry = bracketed[1]!
      port = bracketed[2] ? Number(bracketed[2]) : undefined
    } else if (/^[^:]+:\d+$/.test(entry)) {
      port = Number(entry.slice(entry.lastIndexOf(':') + 1))
      entry = entry.slice(0, entry.lastIndexOf(':'))
    }
    const cidr = /^(.+)\/(\d{1,3})$/.exec(entry)
    const address = cidr ? cidr[1]! : entry
    const family = isIP(address)
    if (family) {
      const addresses = new BlockList()
      const type = family === 6 ? 'ipv6' : 'ipv4'
      if (cidr) addresses.addSubnet(address, Math.min(Number(cidr[2]), family === 6 ? 128 : 32), type)
      else addresses.addAddress(address, type)
      rules.push({ addresses, port })
      continue
    }
    const domain = entry.replace(/^\*?\./, '').replace(/\.$/, '')
    if (domain) rules.push({ domain, port })
  }
  return rules
}

export function matchesNoProxy(rules: NoProxyRule[], hostname: string, port: number): boolean {
  const host = stripBrackets(hostname.toLowerCase()).replace(/\.$/, '')
  const family = isIP(host)
  return rules.some(rule => {
    if (rule.all) return true
    if (rule.port !== undefined && rule.port !== port) return false
    if (rule.addresses) return family !== 0 && rule.addresses.check(host, family === 6 ? 'ipv6' : 'ipv4')
    return rule.domain !== undefined && (host === rule.domain || host.endsWith(`.${rule.domain}`))
  })
}
