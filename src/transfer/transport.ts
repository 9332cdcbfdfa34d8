/**
 * What the downloader and the uploader are built from: their common options and defaults, the
 * keep-alive agents (through the proxy when one is set), and the one place every presigned URL
 * passes before use: masked in the log, then refused unless it is https (or http to this machine).
 */
import type * as http from 'node:http'
import type * as https from 'node:https'
import * as tls from 'node:tls'
import { ActionError } from '../errors.js'
import { IDLE_TIMEOUT_MS } from './limits.js'
import { maskPresignedUrl } from './mask.js'
import { absoluteForm, createProxyAgents, isLoopback, type ProxySettings } from './proxy.js'
import type { RetrySettings } from './retry.js'
import { sleep } from '../stop-signal.js'
import type { MaskSecret } from './types.js'

/** Sent with every request, so a host's logs can tell the action's requests apart. */
export const USER_AGENT = 'amplify-job-action'

export interface TransportOptions {
  /** Waits between attempts; rejects with the signal's reason when it aborts. Injected by tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** A number in [0, 1) for the backoff jitter. */
  random?: () => number
  /** An attempt during which no byte moves for this long is abandoned (and retried). */
  idleTimeoutMs?: number
  /** Tries per transfer, the first included. */
  attempts?: number
  /** Where retries are reported (core.debug in the action). Never receives a URL. */
  log?: (message: string) => void
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY, read by proxy.ts; none: direct connections. */
  proxy?: ProxySettings
  /**
   * The runner's log masking: every URL handed to the transport is registered here (whole and
   * each credential in its query, see mask.ts) before anything else is done with it. None: the
   * caller masks its URLs itself.
   */
  mask?: MaskSecret
  /** A certificate authority to trust besides node's own (a private one; a test's self-signed server). */
  ca?: string
}

export interface TransportSettings extends RetrySettings {
  idleTimeoutMs: number
  agents: { 'http:': http.Agent; 'https:': https.Agent }
  proxy: ProxySettings | undefined
  mask: MaskSecret
}

/** The options with their defaults, and agents that keep sockets alive (at most `maxSockets` per host). */
export function transportSettings(options: TransportOptions, defaults: { attempts: number; maxSockets?: number }): TransportSettings {
  return {
    sleep: options.sleep ?? sleep,
    random: options.random ?? Math.random,
    idleTimeoutMs: options.idleTimeoutMs ?? IDLE_TIMEOUT_MS,
    attempts: Math.max(1, options.attempts ?? defaults.attempts),
    log: options.log ?? (() => undefined),
    agents: createProxyAgents(options.proxy, {
      keepAlive: true,
      maxSockets: defaults.maxSockets,
      // Given alone, `ca` would replace node's own list.
      ...(options.ca !== undefined ? { ca: [...tls.rootCertificates, options.ca] } : {})
    }),
    proxy: options.proxy,
    mask: options.mask ?? (() => undefined)
  }
}

/** Closes the idle keep-alive sockets so the process can exit. */
export function closeAgents(s: TransportSettings): void {
  s.agents['http:'].destroy()
  s.agents['https:'].destroy()
}

/** How a refused URL is worded: "download" + "from", or "upload" + "to", and the error to throw. */
export interface UrlWording {
  verb: 'download' | 'upload'
  /** "from" the host for a download, "to" it for an upload. */
  preposition: 'from' | 'to'
  error: new (message: string) => ActionError
}

/**
 * Masks `text` (mask.ts), then parses it and refuses any scheme but https, and http other than to
 * this machine: a presigned URL is a credential and must not cross a network in clear text.
 */
export function acceptUrl(s: TransportSettings, text: string, what: string, wording: UrlWording): URL {
  maskPresignedUrl(text, s.mask)
  const { verb, preposition, error: Refusal } = wording
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Refusal(`The ${verb} address of ${what} is not a valid URL. This is an unexpected answer from the service; re-run the step.`)
  }
  if (url.protocol === 'https:') return url
  if (url.protocol === 'http:') {
    if (isLoopback(url.hostname)) return url
    throw new Refusal(
      `Refusing to ${verb} ${what} over plain http ${preposition} another machine: a presigned URL is a credential ` +
        'and must travel over https. Only https URLs (or http to this machine, for tests) are accepted.'
    )
  }
  throw new Refusal(`Refusing to ${verb} ${what} ${preposition} a ${url.protocol.slice(0, -1)} URL; only https URLs are accepted.`)
}

/** The path and headers of a plain-http request: in absolute form when it goes through a proxy. */
export function viaProxy(s: TransportSettings, url: URL, headers: Record<string, string>): { path?: string; headers: Record<string, string> } {
  const proxied = absoluteForm(s.proxy, url)
  return proxied ? { path: proxied.path, headers: { ...headers, ...proxied.headers } } : { headers }
}
