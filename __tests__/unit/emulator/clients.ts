/**
 * Real AWS SDK clients pointed at an emulator, with fake credentials and a retry strategy that
 * keeps the SDK's retry decisions but waits only a few milliseconds between attempts.
 */
import { afterAll, beforeAll, beforeEach } from '@jest/globals'
import { AmplifyClient } from '@aws-sdk/client-amplify'
import { AmplifyBackendClient } from '@aws-sdk/client-amplifybackend'
import { AmplifyUIBuilderClient } from '@aws-sdk/client-amplifyuibuilder'
import { ConfiguredRetryStrategy } from '@smithy/core/retry'
import { request } from 'node:http'
import { connect } from 'node:net'
import type { Agent, IncomingHttpHeaders } from 'node:http'
import { startEmulator, type Emulator } from '../../../emulator/server.js'

const FAST_RETRY_DELAY_MS = 5
/** The SDK's default: 3 attempts in all. */
export const DEFAULT_ATTEMPTS = 3

export function clientConfig(url: string, attempts = DEFAULT_ATTEMPTS) {
  return {
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator-secret' },
    retryStrategy: new ConfiguredRetryStrategy(attempts, FAST_RETRY_DELAY_MS)
  }
}

export const uiBuilder = (url: string, attempts?: number) => new AmplifyUIBuilderClient(clientConfig(url, attempts))
export const amplify = (url: string, attempts?: number) => new AmplifyClient(clientConfig(url, attempts))
export const backend = (url: string, attempts?: number) => new AmplifyBackendClient(clientConfig(url, attempts))

/**
 * An emulator and an Amplify client on it for the tests of the enclosing describe (or file): started
 * before them, reset before each, closed after them. Read both from the returned object in a test.
 */
export function amplifyEmulator(): { readonly emulator: Emulator; readonly client: AmplifyClient } {
  const held = {} as { emulator: Emulator; client: AmplifyClient }
  beforeAll(async () => {
    held.emulator = await startEmulator()
    held.client = amplify(held.emulator.url)
  })
  afterAll(async () => {
    held.client.destroy()
    await held.emulator.close()
  })
  beforeEach(() => held.emulator.reset())
  return held
}

export interface Fetched {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
  /** True when the connection ended before the declared Content-Length arrived. */
  aborted: boolean
  error?: Error
}

export interface GetOptions {
  agent?: Agent
  headers?: Record<string, string>
  /** Give up (destroy the request) once this many body bytes came and then `quietMs` passed without more. */
  giveUpAfterBytes?: number
  quietMs?: number
}

/** A plain `http` GET that reports partial bodies instead of hiding them. */
export function httpGet(url: string, options: GetOptions = {}): Promise<Fetched> {
  return new Promise(resolve => {
    let responded = false
    const req = request(url, { agent: options.agent, headers: options.headers }, res => {
      responded = true
      const chunks: Buffer[] = []
      let aborted = false
      let received = 0
      let quiet: NodeJS.Timeout | undefined
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        received += chunk.length
        if (options.giveUpAfterBytes === undefined || received < options.giveUpAfterBytes) return
        clearTimeout(quiet)
        quiet = setTimeout(() => req.destroy(new Error('client gave up')), options.quietMs ?? 0)
      })
      res.on('aborted', () => (aborted = true))
      res.on('error', () => (aborted = true))
      res.on('close', () => {
        clearTimeout(quiet)
        const body = Buffer.concat(chunks)
        const declared = Number(res.headers['content-length'] ?? body.length)
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, aborted: aborted || body.length < declared })
      })
    })
    // Once the response has begun, its own 'close' reports what arrived.
    req.on('error', error => {
      if (!responded) resolve({ status: 0, headers: {}, body: Buffer.alloc(0), aborted: true, error })
    })
    req.end()
  })
}

export interface PutOptions {
  headers?: Record<string, string>
  /** Send the body in two writes with Transfer-Encoding: chunked (no Content-Length). */
  chunked?: boolean
}

/** A plain `http` PUT of a whole body; a connection the server destroys resolves with status 0 and the error. */
export function httpPut(url: string, body: Buffer, options: PutOptions = {}): Promise<Fetched> {
  return new Promise(resolve => {
    const headers = { ...(options.chunked ? {} : { 'content-length': String(body.length) }), ...options.headers }
    const req = request(url, { method: 'PUT', headers, agent: false }, res => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('close', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), aborted: false }))
    })
    req.on('error', error => resolve({ status: 0, headers: {}, body: Buffer.alloc(0), aborted: true, error }))
    if (options.chunked) {
      const half = Math.floor(body.length / 2)
      req.write(body.subarray(0, half))
      req.end(body.subarray(half))
    } else {
      req.end(body)
    }
  })
}

/**
 * Sends `head` (request line and headers, without the blank line) as it is over a new TCP
 * connection, for requests Node's client would not send (a PUT without Content-Length), and
 * resolves with the raw answer once the server closes the connection.
 */
export function rawRequest(url: string, head: string): Promise<string> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = connect(Number(port), hostname, () => socket.write(`${head}\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`))
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    socket.on('error', reject)
  })
}
