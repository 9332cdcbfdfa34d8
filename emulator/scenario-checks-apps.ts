/**
 * Checks of the scenario keys that describe an Amplify Hosting app (app, branches, branchLimit,
 * domains, upload): every enum value is one the service sends (the SDK's Platform, Stage and
 * DomainStatus), and objects carry only the keys the emulator reads, so a typo fails loudly.
 */
import type { Scenario } from './types.js'

/** The SDK's Platform enum. */
export const PLATFORMS: readonly string[] = ['WEB', 'WEB_DYNAMIC', 'WEB_COMPUTE']
/** The SDK's Stage enum (a branch without a stage shows NONE, which cannot be asked for). */
export const STAGES: readonly string[] = ['PRODUCTION', 'BETA', 'DEVELOPMENT', 'EXPERIMENTAL', 'PULL_REQUEST']
/** The SDK's DomainStatus enum. */
export const DOMAIN_STATUSES: readonly string[] = [
  'AVAILABLE',
  'AWAITING_APP_CNAME',
  'CREATING',
  'FAILED',
  'IMPORTING_CUSTOM_CERTIFICATE',
  'IN_PROGRESS',
  'PENDING_DEPLOYMENT',
  'PENDING_VERIFICATION',
  'REQUESTING_CERTIFICATE',
  'UPDATING'
]
const UPLOAD_FAIL_STATUSES: readonly number[] = [500, 503, 403]
/** The service's limit on a branch name (and a display name). */
const MAX_BRANCH_NAME = 255

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function objectWithKeys(where: string, value: unknown, keys: readonly string[]): Record<string, unknown> {
  if (!isObject(value)) throw new Error(`${where} must be an object`)
  const unknown = Object.keys(value).filter(key => !keys.includes(key))
  if (unknown.length > 0) throw new Error(`${where} has unknown key(s) ${unknown.join(', ')}; known: ${keys.join(', ')}`)
  return value
}

function checkString(where: string, value: unknown, options: { optional?: boolean; empty?: boolean; max?: number } = {}): void {
  if (value === undefined && options.optional) return
  const ok = typeof value === 'string' && (options.empty || value.length > 0) && value.length <= (options.max ?? Infinity)
  if (!ok)
    throw new Error(
      `${where} must be a ${options.empty ? '' : 'non-empty '}string${options.max ? ` of at most ${options.max} characters` : ''}, not ${JSON.stringify(value)}`
    )
}

function checkOneOf(where: string, value: unknown, allowed: readonly (string | number)[]): void {
  if (value === undefined) return
  if (!allowed.includes(value as string | number))
    throw new Error(`${where} ${JSON.stringify(value)} is not one the service sends; use one of ${allowed.join(', ')}`)
}

function checkCount(where: string, value: unknown, min = 0): void {
  if (value === undefined) return
  if (!Number.isInteger(value) || (value as number) < min) throw new Error(`${where} must be a whole number, ${min} or more, not ${JSON.stringify(value)}`)
}

function checkBoolean(where: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') throw new Error(`${where} must be true or false, not ${JSON.stringify(value)}`)
}

function checkTags(where: string, value: unknown): void {
  if (value === undefined) return
  if (!isObject(value) || Object.values(value).some(tag => typeof tag !== 'string')) throw new Error(`${where} must map tag keys to string values`)
}

function checkBranches(value: unknown): void {
  if (value === undefined) return
  if (!Array.isArray(value)) throw new Error('branches must be an array of { branchName, displayName?, stage?, tags? }')
  const seen = new Set<string>()
  value.forEach((raw: unknown, index) => {
    const at = `branches[${index}]`
    const branch = objectWithKeys(at, raw, ['branchName', 'displayName', 'stage', 'tags'])
    checkString(`${at}.branchName`, branch.branchName, { max: MAX_BRANCH_NAME })
    if (seen.has(branch.branchName as string)) throw new Error(`${at}.branchName ${JSON.stringify(branch.branchName)} is given twice`)
    seen.add(branch.branchName as string)
    checkString(`${at}.displayName`, branch.displayName, { optional: true, max: MAX_BRANCH_NAME })
    checkOneOf(`${at}.stage`, branch.stage, STAGES)
    checkTags(`${at}.tags`, branch.tags)
  })
}

function checkDomains(value: unknown): void {
  if (value === undefined) return
  if (!Array.isArray(value)) throw new Error('domains must be an array of { domainName, domainStatus?, subDomains }')
  value.forEach((raw: unknown, index) => {
    const at = `domains[${index}]`
    const domain = objectWithKeys(at, raw, ['domainName', 'domainStatus', 'subDomains'])
    checkString(`${at}.domainName`, domain.domainName)
    checkOneOf(`${at}.domainStatus`, domain.domainStatus, DOMAIN_STATUSES)
    if (!Array.isArray(domain.subDomains)) throw new Error(`${at}.subDomains must be an array of { prefix, branchName, verified? }`)
    domain.subDomains.forEach((rawSub: unknown, subIndex) => {
      const subAt = `${at}.subDomains[${subIndex}]`
      const sub = objectWithKeys(subAt, rawSub, ['prefix', 'branchName', 'verified'])
      checkString(`${subAt}.prefix`, sub.prefix, { empty: true })
      checkString(`${subAt}.branchName`, sub.branchName, { max: MAX_BRANCH_NAME })
      checkBoolean(`${subAt}.verified`, sub.verified)
    })
  })
}

/** Throws a readable error for the first Hosting app value the service could not have. */
export function checkHostingAppValues(scenario: Scenario): void {
  if (scenario.app !== undefined) {
    const app = objectWithKeys('app', scenario.app, ['name', 'platform', 'defaultDomain', 'notFound'])
    checkString('app.name', app.name, { optional: true })
    checkOneOf('app.platform', app.platform, PLATFORMS)
    checkString('app.defaultDomain', app.defaultDomain, { optional: true })
    checkBoolean('app.notFound', app.notFound)
  }
  checkBranches(scenario.branches)
  checkCount('branchLimit', scenario.branchLimit)
  checkDomains(scenario.domains)
  if (scenario.upload !== undefined) {
    const upload = objectWithKeys('upload', scenario.upload, ['latencyMs', 'failStatus', 'failTimes', 'resetTimes', 'resetAfterBytes', 'expiresSeconds'])
    if (upload.latencyMs !== undefined && !(typeof upload.latencyMs === 'number' && upload.latencyMs >= 0)) {
      throw new Error(`upload.latencyMs must be a number of milliseconds, 0 or more, not ${JSON.stringify(upload.latencyMs)}`)
    }
    checkOneOf('upload.failStatus', upload.failStatus, UPLOAD_FAIL_STATUSES)
    checkCount('upload.failTimes', upload.failTimes)
    checkCount('upload.resetTimes', upload.resetTimes)
    checkCount('upload.resetAfterBytes', upload.resetAfterBytes)
    checkCount('upload.expiresSeconds', upload.expiresSeconds, 1)
  }
}
