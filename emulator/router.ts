/**
 * Maps `METHOD /path/{param}` patterns (written as in the SDKs' operation definitions) to handlers.
 * Labels match exactly one path segment, like the REST-JSON protocol's non-greedy labels.
 */
import type { RequestContext } from './http.js'
import type { ServiceName } from './types.js'

export type Handler = (ctx: RequestContext) => void | Promise<void>

export interface Route {
  service: ServiceName
  operation: string
  method: string
  pattern: string
  handler: Handler
  /** The app a call is about, when the path does not say (default: the `appId` label). */
  appIdOf?: (params: Record<string, string>) => string | undefined
}

/** A route of one service: `routeOf('amplify')('GetJob', 'GET', '/apps/{appId}/...', handler)`. */
export function routeOf(service: ServiceName): (operation: string, method: string, pattern: string, handler: Handler) => Route {
  return (operation, method, pattern, handler) => ({ service, operation, method, pattern, handler })
}

export interface RouteMatch {
  route: Route
  params: Record<string, string>
}

function splitPath(path: string): string[] {
  return path.split('/').slice(1)
}

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = splitPath(pattern)
  const have = splitPath(path)
  if (want.length !== have.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    const expected = want[i] as string
    const actual = have[i] as string
    if (expected.startsWith('{') && expected.endsWith('}')) {
      if (actual === '') return undefined
      try {
        params[expected.slice(1, -1)] = decodeURIComponent(actual)
      } catch {
        return undefined
      }
    } else if (expected !== actual) {
      return undefined
    }
  }
  return params
}

export class Router {
  private readonly routes: Route[] = []

  add(route: Route): void {
    this.routes.push(route)
  }

  match(method: string, path: string): RouteMatch | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue
      const params = matchPattern(route.pattern, path)
      if (params) return { route, params }
    }
    return undefined
  }
}

/** Which service a path belongs to, for requests no route matched. */
export function serviceOfPath(path: string): ServiceName {
  if (path.startsWith('/__emulator/')) return 'control'
  if (path.startsWith('/s3/')) return 'download'
  if (path.startsWith('/app/')) return 'uibuilder'
  if (path.startsWith('/backend/')) return 'backend'
  return 'amplify'
}
