/**
 * The local Amplify emulator: one loopback HTTP server that answers AmplifyUIBuilder, Amplify
 * Hosting and AmplifyBackend calls of the real AWS SDK v3 (pointed at it with the standard
 * AWS_ENDPOINT_URL_* variables), serves the presigned URLs it hands out, and takes scenarios that
 * shape jobs and inject faults. See types.ts for what can be asked and observed.
 */
import { setMaxListeners } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ControlExtras, controlRoutes } from './control.js'
import { serveDownload, sendS3Error } from './downloads.js'
import { BAD_REQUEST_TYPE, callFault, type AwsService } from './faults.js'
import { AwsError, type RequestContext, flatHeaders, parseJson, queryObject, readBody, sendAwsError } from './http.js'
import { FAKE_ACCESS_KEY_ID, PresignStore } from './presign.js'
import { Router, serviceOfPath } from './router.js'
import { ScenarioStore } from './scenarios.js'
import type { ServiceModule, SharedState } from './state.js'
import type { Emulator, RecordedRequest } from './types.js'
import { UiBuilderService } from './uibuilder.js'
import { HostingService } from './hosting.js'
import { HostingAppsService } from './hosting-apps.js'
import { HostingDeployService } from './hosting-deploy.js'
import { HostingJobs } from './hosting-jobs.js'
import { serveUpload } from './uploads.js'
import { BackendService } from './backend.js'

export type { Emulator, RecordedRequest, Scenario } from './types.js'

const HOST = '127.0.0.1'
export const REGION = 'us-east-1'
/** How long an idle kept-alive connection stays open, as on a load balancer. */
const IDLE_CONNECTION_TIMEOUT_MS = 60_000
export const FAKE_SECRET_ACCESS_KEY = 'emulator-secret'
const PRESIGNED_PREFIX = '/s3/'
const SIGV4_PREFIX = 'AWS4-HMAC-SHA256 '
const AWS_SERVICES: ReadonlySet<string> = new Set(['uibuilder', 'amplify', 'backend'])

export interface EmulatorOptions {
  /** 0 or omitted: a free port. */
  port?: number
  /** Called once per request when its answer is done (or the connection closed). */
  onRequest?: (request: RecordedRequest) => void
}

/** Environment for a process that should talk to the emulator with the real SDK. */
export function emulatorEnv(url: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_AMPLIFY: url,
    AWS_ENDPOINT_URL_AMPLIFYUIBUILDER: url,
    AWS_ENDPOINT_URL_AMPLIFYBACKEND: url,
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: FAKE_SECRET_ACCESS_KEY,
    AWS_EC2_METADATA_DISABLED: 'true'
  }
}

/** The X-Amz-Signature values the emulator handed out, to search a log for unmasked URLs. */
export function signaturesIn(emulator: Pick<Emulator, 'issuedSignatures'>): string[] {
  return [...emulator.issuedSignatures]
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const closing = new AbortController()
  // Every request in flight (dozens of parallel downloads sleeping through their latency) listens
  // for the close; that is concurrency, not a leak.
  setMaxListeners(0, closing.signal)
  let baseUrl = ''
  let scratch: Promise<string> | undefined
  const scenarios = new ScenarioStore()
  const presign = new PresignStore(() => baseUrl)
  const state: SharedState = {
    presign,
    scenarios,
    signal: closing.signal,
    scratchDir: () => (scratch ??= mkdtemp(join(tmpdir(), 'amplify-emulator-')))
  }
  // Hosting's modules share one job store: StartJob and the deployments make jobs, GetJob and
  // StopJob read them whoever made them, DeleteBranch forgets them.
  const jobs = new HostingJobs()
  const apps = new HostingAppsService(state, jobs)
  const deploy = new HostingDeployService(state, jobs, apps)
  const services: ServiceModule[] = [new UiBuilderService(state), new HostingService(state, jobs), apps, deploy, new BackendService(state)]
  const requests: RecordedRequest[] = []
  let connections = 0

  const emulator: Emulator & ControlExtras = {
    get url() {
      return baseUrl
    },
    get port() {
      return Number(new URL(baseUrl).port)
    },
    get env() {
      return emulatorEnv(baseUrl)
    },
    requests,
    issuedSignatures: presign.signatures,
    get connections() {
      return connections
    },
    setScenario: (scenario, appId) => scenarios.set(scenario, appId),
    scenarioOf: appId => scenarios.raw(appId),
    expireUrls: appId => presign.expire(appId),
    reset: () => {
      for (const service of services) service.reset()
      scenarios.reset()
      presign.reset()
      requests.length = 0
      connections = 0
    },
    callsOf: operation => requests.filter(request => request.operation === operation),
    deployedFiles: (appId, branch) => deploy.deployedFiles(appId, branch),
    deployments: appId => deploy.deployments(appId),
    deployedSite: (appId, branch) => deploy.deployedSite(appId, branch),
    close: async () => {
      closing.abort()
      await new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      if (scratch) await rm(await scratch, { recursive: true, force: true })
    }
  }

  const router = new Router()
  for (const service of services) for (const route of service.routes()) router.add(route)
  for (const route of controlRoutes(() => emulator)) router.add(route)

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl)
    const record: RecordedRequest = {
      service: serviceOfPath(url.pathname),
      operation: 'Unknown',
      method: req.method ?? 'GET',
      path: url.pathname,
      query: queryObject(url),
      headers: flatHeaders(req),
      body: undefined,
      status: 0,
      time: Date.now()
    }
    requests.push(record)
    if (options.onRequest) res.once('close', () => options.onRequest?.(record))
    const ctx: RequestContext = { req, res, url, params: {}, body: undefined, record }
    try {
      await dispatch(ctx)
    } catch (error) {
      if (res.headersSent) {
        res.destroy()
        return
      }
      const awsError = error instanceof AwsError ? error : new AwsError(500, 'InternalFailureException', `Emulator error: ${(error as Error).message}`)
      sendAwsError(ctx, awsError)
    }
  }

  async function dispatch(ctx: RequestContext): Promise<void> {
    const { req, url, record } = ctx
    // An upload's body is a zip of up to 5 GB: streamed to disk by serveUpload, never read here.
    if (url.pathname.startsWith(PRESIGNED_PREFIX) && record.method === 'PUT') {
      record.service = 'upload'
      record.operation = 'Upload'
      await serveUpload(ctx, state)
      return
    }
    const parsed = parseJson(await readBody(req))
    if (parsed.ok) record.body = ctx.body = parsed.value

    if (url.pathname.startsWith(PRESIGNED_PREFIX)) {
      record.operation = 'Download'
      if (record.method !== 'GET' && record.method !== 'HEAD') {
        sendS3Error(ctx, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.')
        return
      }
      await serveDownload(ctx, state)
      return
    }

    const match = router.match(record.method, url.pathname)
    if (!match) {
      throw new AwsError(404, 'UnknownOperationException', `The emulator has no operation ${record.method} ${url.pathname}`)
    }
    record.service = match.route.service
    record.operation = match.route.operation
    ctx.params = match.params

    if (AWS_SERVICES.has(record.service)) {
      const service = record.service as AwsService
      if (!(req.headers.authorization ?? '').startsWith(SIGV4_PREFIX)) {
        throw new AwsError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token')
      }
      if (!parsed.ok) throw new AwsError(400, BAD_REQUEST_TYPE[service], 'The request body is not valid JSON')
      const appId = match.route.appIdOf ? match.route.appIdOf(match.params) : match.params.appId
      if (appId !== undefined) record.appId = appId
      const fault = callFault(scenarios.get(appId), scenarios.countersFor(appId), service, record.operation, Date.now())
      if (fault) {
        record.fault = fault.fault
        throw fault.error
      }
    }
    await match.route.handler(ctx)
  }

  const server = createServer((req, res) => {
    void handle(req, res)
  })
  // Node closes an idle kept-alive connection after 5 s by default, which races a client that
  // reuses it after a retry backoff of about that length (a spurious ECONNRESET). S3 and load
  // balancers keep idle connections far longer.
  server.keepAliveTimeout = IDLE_CONNECTION_TIMEOUT_MS
  // Node ends a request that takes over 5 minutes by default; S3 lets a large upload take its time.
  server.requestTimeout = 0
  server.on('connection', (socket: Socket) => {
    connections++
    socket.setNoDelay(true)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  baseUrl = `http://${HOST}:${(server.address() as AddressInfo).port}`
  return emulator
}
