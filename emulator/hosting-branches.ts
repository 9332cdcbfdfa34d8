/**
 * The branches of each app: the scenario's `branches` (default: `main`), plus those CreateBranch
 * made, minus those DeleteBranch removed. The made and removed ones are state, not scenario:
 * they survive a new setScenario and go with reset().
 */
import type { BranchSpec, Scenario } from './types.js'

/** An app whose scenario names no branches has this one. */
export const DEFAULT_BRANCHES: readonly BranchSpec[] = [{ branchName: 'main' }]
/** What the service shows for a branch made without a stage. */
export const NO_STAGE = 'NONE'
/** The content TTL (seconds, a string on the wire) the service gives a branch by default. */
const DEFAULT_TTL = '5'

export interface BranchRecord {
  branchName: string
  displayName: string
  stage: string
  tags: Record<string, string>
  description: string
  framework: string
  enableAutoBuild: boolean
  enableNotification: boolean
  enablePullRequestPreview: boolean
  environmentVariables: Record<string, string>
  ttl: string
  createMs: number
  updateMs: number
}

interface AppBranches {
  created: Map<string, BranchRecord>
  /** Scenario branches DeleteBranch removed (a created one is simply dropped from `created`). */
  deleted: Set<string>
  /** When the emulator first looked at the app: the creation time of its scenario branches. */
  sinceMs: number
}

/**
 * The site's subdomain for a branch: lower case, and every character that cannot be in a host
 * label ([a-z0-9-]) becomes '-'. Public reports confirm '/' and '.' become '-' (e.g.
 * `release-6.2` is served at `release-6-2.<app>.amplifyapp.com`, aws-amplify/amplify-hosting#602)
 * and that long names are not shortened (#208); lower-casing and '_' are the emulator's choice.
 */
export function displayNameOf(branchName: string): string {
  return branchName.toLowerCase().replace(/[^a-z0-9-]/g, '-')
}

/** A branch record with the service's defaults for what `fields` leaves out. */
export function branchRecord(fields: Partial<BranchRecord> & { branchName: string }, nowMs: number): BranchRecord {
  return {
    displayName: displayNameOf(fields.branchName),
    stage: NO_STAGE,
    tags: {},
    description: '',
    framework: '',
    enableAutoBuild: true,
    enableNotification: false,
    enablePullRequestPreview: false,
    environmentVariables: {},
    ttl: DEFAULT_TTL,
    createMs: nowMs,
    updateMs: nowMs,
    ...fields
  }
}

function specsOf(scenario: Scenario): readonly BranchSpec[] {
  return scenario.branches ?? DEFAULT_BRANCHES
}

export class BranchStore {
  private readonly apps = new Map<string, AppBranches>()

  private of(appId: string): AppBranches {
    let app = this.apps.get(appId)
    if (!app) {
      app = { created: new Map(), deleted: new Set(), sinceMs: Date.now() }
      this.apps.set(appId, app)
    }
    return app
  }

  /** The app's branches under `scenario`: its own ones first, in order, then the created ones. */
  list(appId: string, scenario: Scenario): BranchRecord[] {
    const app = this.of(appId)
    const fromScenario = specsOf(scenario)
      .filter(spec => !app.deleted.has(spec.branchName) && !app.created.has(spec.branchName))
      .map(({ branchName, displayName, stage, tags }) =>
        branchRecord(
          { branchName, ...(displayName !== undefined ? { displayName } : {}), ...(stage !== undefined ? { stage } : {}), tags: { ...tags } },
          app.sinceMs
        )
      )
    return [...fromScenario, ...app.created.values()]
  }

  get(appId: string, scenario: Scenario, branchName: string): BranchRecord | undefined {
    return this.list(appId, scenario).find(branch => branch.branchName === branchName)
  }

  add(appId: string, branch: BranchRecord): void {
    const app = this.of(appId)
    app.deleted.delete(branch.branchName)
    app.created.set(branch.branchName, branch)
  }

  /** Removes the branch; returns it as it was, or undefined when the app has no such branch. */
  remove(appId: string, scenario: Scenario, branchName: string): BranchRecord | undefined {
    const branch = this.get(appId, scenario, branchName)
    if (!branch) return undefined
    const app = this.of(appId)
    app.created.delete(branchName)
    app.deleted.add(branchName)
    return branch
  }

  reset(): void {
    this.apps.clear()
  }
}
