/**
 * The control API for users in another process (the demo, a CI job running `uses: ./`):
 *   PUT  /__emulator/scenario?appId=...   body = Scenario (no appId: the default for all apps)
 *   GET  /__emulator/scenario?appId=...   the scenario set there
 *   GET  /__emulator/requests             every recorded request
 *   GET  /__emulator/signatures           every X-Amz-Signature handed out
 *   POST /__emulator/expire-urls?appId=.. expire the presigned URLs issued so far (of one app)
 *   POST /__emulator/reset                forget jobs, requests, scenarios
 *   GET  /__emulator/health               liveness, for scripts that wait for the port
 */
import { AwsError, type RequestContext, sendJson } from './http.js'
import type { Route } from './router.js'
import type { RecordedRequest, Scenario } from './types.js'

export interface ControlTarget {
  url: string
  requests: RecordedRequest[]
  issuedSignatures: string[]
  connections: number
  setScenario(scenario: Scenario, appId?: string): void
  scenarioOf(appId?: string): Scenario | undefined
  expireUrls(appId?: string): number
  reset(): void
}

function appIdOf(ctx: RequestContext): string | undefined {
  const appId = ctx.url.searchParams.get('appId')
  return appId === null || appId === '' ? undefined : appId
}

export function controlRoutes(target: () => ControlTarget): Route[] {
  const route = (operation: string, method: string, path: string, handler: Route['handler']): Route => ({
    service: 'control',
    operation,
    method,
    pattern: `/__emulator/${path}`,
    handler
  })
  return [
    route('SetScenario', 'PUT', 'scenario', (ctx) => {
      try {
        target().setScenario((ctx.body ?? {}) as Scenario, appIdOf(ctx))
      } catch (error) {
        throw new AwsError(400, 'InvalidScenario', (error as Error).message)
      }
      sendJson(ctx, 200, { ok: true, appId: appIdOf(ctx) ?? null })
    }),
    route('GetScenario', 'GET', 'scenario', (ctx) => {
      sendJson(ctx, 200, target().scenarioOf(appIdOf(ctx)) ?? null)
    }),
    route('GetRequests', 'GET', 'requests', (ctx) => {
      sendJson(ctx, 200, target().requests)
    }),
    route('GetSignatures', 'GET', 'signatures', (ctx) => {
      sendJson(ctx, 200, target().issuedSignatures)
    }),
    route('ExpireUrls', 'POST', 'expire-urls', (ctx) => {
      sendJson(ctx, 200, { ok: true, expired: target().expireUrls(appIdOf(ctx)) })
    }),
    route('Reset', 'POST', 'reset', (ctx) => {
      target().reset()
      sendJson(ctx, 200, { ok: true })
    }),
    route('Health', 'GET', 'health', (ctx) => {
      const { url, connections } = target()
      sendJson(ctx, 200, { ok: true, url, connections })
    })
  ]
}
