/**
 * Compares the packages a codegen job says its code needs with the workspace's package.json, so a
 * pull request that regenerates UI code for amplify-js v6 into a v5 app is flagged at once.
 */
import subset from 'semver/ranges/subset.js'
import validRange from 'semver/ranges/valid.js'
import type { PackageJson } from './render-config.js'

export interface RequiredDependency {
  name: string
  supportedVersion: string
  isSemVer: boolean
  reason: string
}

export type DependencyState = 'ok' | 'missing' | 'out of range' | 'not comparable'

export interface DependencyCheck extends RequiredDependency {
  /** The range written in package.json, if any. */
  installed?: string
  state: DependencyState
}

export function checkDependencies(required: RequiredDependency[], manifest: PackageJson | undefined): DependencyCheck[] {
  return required
    .filter(dependency => dependency.name)
    .map(dependency => {
      const written = manifest?.dependencies?.[dependency.name] ?? manifest?.devDependencies?.[dependency.name]
      const installed = typeof written === 'string' ? written : undefined
      return { ...dependency, installed, state: stateOf(dependency, installed) }
    })
}

function stateOf(dependency: RequiredDependency, installed: string | undefined): DependencyState {
  if (installed === undefined) return 'missing'
  if (!dependency.isSemVer) return installed === dependency.supportedVersion ? 'ok' : 'not comparable'
  if (!validRange(installed) || !validRange(dependency.supportedVersion)) return 'not comparable'
  // Every version the app's range allows must be one the generated code supports.
  return subset(installed, dependency.supportedVersion) ? 'ok' : 'out of range'
}

/** The annotation for a dependency that needs attention, or undefined when it is fine. */
export function dependencyWarning(check: DependencyCheck): string | undefined {
  const why = check.reason ? ` (${check.reason})` : ''
  switch (check.state) {
    case 'missing':
      return `The generated UI code needs ${check.name} ${check.supportedVersion}${why}, but package.json does not list it. Run: npm install ${check.name}@"${check.supportedVersion}"`
    case 'out of range':
      return `The generated UI code needs ${check.name} ${check.supportedVersion}${why}, but package.json allows ${check.installed}. Run: npm install ${check.name}@"${check.supportedVersion}"`
    default:
      return undefined
  }
}
