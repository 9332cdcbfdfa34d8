/**
 * The control API for users in another process (the demo, a CI job running `uses: ./`):
 *   PUT  /__emulator/scenario?appId=...   body = Scenario (no appId: the default for all apps)
 *   GET  /__emulator/scenario?appId=...   the scenario set there
 *   GET  /__emulator/requests             every recorded request
 *   GET  /__emulator/signatures           every X-Amz-Signature handed out
 *   POST /__emulator/expire-urls?appId=.. expire the presigned URLs issued so far (of one app)
 *   GET  /__emulator/deployed?appId=&branch=  the files a branch serves (names, sizes, SHA-256)
 *   GET  /__emulator/deployments?appId=...    the manual deployments (what StartDeployment got)
 *   POST /__emulator/reset                forget jobs, requests, scenarios
 *   GET  /__emulator/health               liveness, for scripts that wait for the port
 */
import { AwsError, type RequestContext, sendJson } from './http.js'
import type { Route } from './router.js'
import type { DeployedFileInfo, DeploymentRecord, RecordedRequest, Scenario } from './types.js'

/** What the control API needs beyond the Emulator interface. */
export interface ControlExtras {
  scenarioOf(appId?: string): Scenario | undefined
  deployedSite(appId: string, branch: string): { jobId: string | null; source: { sourceUrl: string; sourceUrlType: string } | null; files: DeployedFileInfo[] }
}

export interface ControlTarget extends ControlExtras {
  url: string
  requests: RecordedRequest[]
  issuedSignatures: string[]
  connections: number
  setScenario(scenario: Scenario, appId?: string): void
  expireUrls(appId?: string): number
  deployments(appId?: string): DeploymentRecord[]
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
    route('SetScenario', 'PUT', 'scenario', ctx => {
      try {
        target().setScenario((ctx.body ?? {}) as Scenario, appIdOf(ctx))
      } catch (error) {
        throw new AwsError(400, 'InvalidScenario', (error as Error).message)
      }
      sendJson(ctx, 200, { ok: true, appId: appIdOf(ctx) ?? null })
    }),
    route('GetScenario', 'GET', 'scenario', ctx => {
      sendJson(ctx, 200, target().scenarioOf(appIdOf(ctx)) ?? null)
    }),
    route('GetRequests', 'GET', 'requests', ctx => {
      sendJson(ctx, 200, target().requests)
    }),
    route('GetSignatures', 'GET', 'signatures', ctx => {
      sendJson(ctx, 200, target().issuedSignatures)
    }),
    route('ExpireUrls', 'POST', 'expire-urls', ctx => {
      sendJson(ctx, 200, { ok: true, expired: target().expireUrls(appIdOf(ctx)) })
    }),
    route('GetDeployed', 'GET', 'deployed', ctx => {
      const appId = appIdOf(ctx)
      const branch = ctx.url.searchParams.get('branch')
      if (appId === undefined || !branch) throw new AwsError(400, 'BadRequest', 'GET /__emulator/deployed needs ?appId=<app id>&branch=<branch name>')
      sendJson(ctx, 200, { appId, branch, ...target().deployedSite(appId, branch) })
    }),
    route('GetDeployments', 'GET', 'deployments', ctx => {
      sendJson(ctx, 200, target().deployments(appIdOf(ctx)))
    }),
    route('Reset', 'POST', 'reset', ctx => {
      target().reset()
      sendJson(ctx, 200, { ok: true })
    }),
    route('Health', 'GET', 'health', ctx => {
      const { url, connections } = target()
      sendJson(ctx, 200, { ok: true, url, connections })
    })
  ]
}
