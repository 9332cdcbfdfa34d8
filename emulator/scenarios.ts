/**
 * Holds the scenarios (a default and one per app) and the fault counters of each scope. A scope is
 * the app when it has its own scenario, else the shared default; counters restart when the scope's
 * scenario is set again, so a test can re-arm faults between steps.
 */
import { checkScenarioValues } from './scenario-checks.js'
import type { Scenario } from './types.js'

const DEFAULT_SCOPE = '*'

/** Top-level keys a scenario may have; anything else is most likely a typo in a test. */
const SCENARIO_KEYS: ReadonlySet<string> = new Set<keyof Scenario>([
  'throttle',
  'serverErrors',
  'throttleRatio',
  'throttleForMs',
  'throttleOperations',
  'unauthorized',
  'expiredToken',
  'download',
  'neverEnds',
  'durationMs',
  'inProgressReads',
  'fail',
  'codegenErrors',
  'components',
  'componentCount',
  'forms',
  'contentVersion',
  'manifestEntryErrors',
  'assetFormat',
  'hostileNames',
  'manifestBody',
  'duplicateEntries',
  'dependencies',
  'statuses',
  'steps',
  'failStep',
  'startError',
  'stopDelayMs',
  'artifacts',
  'app',
  'branches',
  'branchLimit',
  'domains',
  'deploySteps',
  'upload',
  'backend'
])

export interface ScopeCounters {
  throttled: number
  serverErrors: number
  unauthorized: number
  expiredToken: number
  /** Calls seen by throttleRatio, and when the first one came. */
  ratioCalls: number
  ratioStartMs: number | undefined
  /** Downloads per file key. */
  downloads: Map<string, number>
  /** Presigned PUTs (uploads) in the scope, for the upload faults. */
  uploads: number
}

function freshCounters(): ScopeCounters {
  return { throttled: 0, serverErrors: 0, unauthorized: 0, expiredToken: 0, ratioCalls: 0, ratioStartMs: undefined, downloads: new Map(), uploads: 0 }
}

/** Throws a readable error for a value that is not a plausible Scenario (keys here, values in scenario-checks.ts). */
export function validateScenario(value: unknown): Scenario {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('A scenario must be a JSON object')
  }
  const unknown = Object.keys(value).filter(key => !SCENARIO_KEYS.has(key))
  if (unknown.length > 0) {
    throw new Error(`Unknown scenario key(s): ${unknown.join(', ')}; known: ${[...SCENARIO_KEYS].join(', ')}`)
  }
  checkScenarioValues(value as Scenario)
  return value as Scenario
}

export class ScenarioStore {
  private defaultScenario: Scenario = {}
  private readonly perApp = new Map<string, Scenario>()
  private readonly counters = new Map<string, ScopeCounters>()

  set(scenario: Scenario, appId?: string): void {
    const checked = validateScenario(scenario)
    if (appId === undefined || appId === '') {
      this.defaultScenario = checked
      this.counters.delete(DEFAULT_SCOPE)
    } else {
      this.perApp.set(appId, checked)
      this.counters.delete(appId)
    }
  }

  /** The scenario in force for an app: its own laid over the default. */
  get(appId?: string): Scenario {
    const own = appId === undefined ? undefined : this.perApp.get(appId)
    return own ? { ...this.defaultScenario, ...own } : this.defaultScenario
  }

  /** The raw scenario set for an app (or the default), for the control API. */
  raw(appId?: string): Scenario | undefined {
    return appId === undefined || appId === '' ? this.defaultScenario : this.perApp.get(appId)
  }

  countersFor(appId?: string): ScopeCounters {
    const scope = appId !== undefined && this.perApp.has(appId) ? appId : DEFAULT_SCOPE
    let counters = this.counters.get(scope)
    if (!counters) {
      counters = freshCounters()
      this.counters.set(scope, counters)
    }
    return counters
  }

  reset(): void {
    this.defaultScenario = {}
    this.perApp.clear()
    this.counters.clear()
  }
}
