/**
 * The AWS SDK's HTTP handler behind a proxy: node's handler on the agents of proxy.ts, with
 * requests to an http endpoint made in absolute form from the start (the SDK's https requests go
 * through the https agent's CONNECT tunnel and need nothing here). Loaded only when a proxy is set.
 */
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { absoluteForm, createProxyAgents, type ProxySettings } from './proxy.js'

/** The SDK's own default for its keep-alive agents. */
const SDK_MAX_SOCKETS = 50

type HttpRequest = Parameters<NodeHttpHandler['handle']>[0]
type HandleOptions = Parameters<NodeHttpHandler['handle']>[1]

class ProxyingHttpHandler extends NodeHttpHandler {
  constructor(private readonly proxy: ProxySettings) {
    const agents = createProxyAgents(proxy, { keepAlive: true, maxSockets: SDK_MAX_SOCKETS })
    super({ httpAgent: agents['http:'], httpsAgent: agents['https:'] })
  }

  override handle(request: HttpRequest, options?: HandleOptions): ReturnType<NodeHttpHandler['handle']> {
    const target = new URL(`${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}${request.path}`)
    const proxied = absoluteForm(this.proxy, target)
    if (!proxied) return super.handle(request, options)
    // The handler appends the query to the path; the proxy's headers are not part of the signature.
    const path = proxied.path.replace(/\?.*$/, '')
    const rewritten = Object.assign(Object.create(Object.getPrototypeOf(request) as object) as HttpRequest, request, {
      path,
      headers: { ...request.headers, ...proxied.headers }
    })
    return super.handle(rewritten, options)
  }
}

/** A request handler for the SDK's clients that honours the proxy settings. */
export function proxyingRequestHandler(proxy: ProxySettings): NodeHttpHandler {
  return new ProxyingHttpHandler(proxy)
}
