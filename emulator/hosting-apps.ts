/**
 * Amplify Hosting apps, branches and domains: GetApp, GetBranch, CreateBranch, DeleteBranch,
 * ListDomainAssociations. Apps exist implicitly for any app id (unless `app.notFound`), shaped by
 * the scenario's `app`; branches are the scenario's plus the created ones (hosting-branches.ts);
 * domains are the scenario's `domains`, paged like the service. Timestamps are epoch seconds.
 */
import { type BranchRecord, BranchStore, branchRecord } from './hosting-branches.js'
import { ACCOUNT_ID, type HostingJobs, REGION } from './hosting-jobs.js'
import { pageOf } from './hosting-paging.js'
import { AwsError, type RequestContext, sendJson } from './http.js'
import { type Route, routeOf } from './router.js'
import { STAGES } from './scenario-checks-apps.js'
import { type ServiceModule, type SharedState, isObject } from './state.js'
import type { DomainSpec, Scenario } from './types.js'

/** The service's limit: 50 branches per app (not adjustable). */
export const DEFAULT_BRANCH_LIMIT = 50
const DEFAULT_PLATFORM = 'WEB'
const DEFAULT_DOMAIN_STATUS = 'AVAILABLE'
const MAX_NAME_LENGTH = 255
/** The rewrite Amplify gives a new app, so a single-page app's routes serve index.html. */
const DEFAULT_CUSTOM_RULES = [{ source: '/<*>', target: '/index.html', status: '404-200' }]
/** The CloudFront distribution custom domains point at (dnsRecord). */
const DISTRIBUTION_HOST = 'd1emulator0cdn.cloudfront.net'

const seconds = (ms: number): number => ms / 1000

function badRequest(message: string): AwsError {
  return new AwsError(400, 'BadRequestException', message)
}

function notFound(message: string): AwsError {
  return new AwsError(404, 'NotFoundException', message)
}

/** The app as the scenario describes it. */
export interface AppView {
  appId: string
  name: string
  platform: string
  defaultDomain: string
  scenario: Scenario
}

function appArn(appId: string): string {
  return `arn:aws:amplify:${REGION}:${ACCOUNT_ID}:apps/${appId}`
}

function validationError(member: string, value: unknown, constraint: string): AwsError {
  return badRequest(`1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${constraint}`)
}

function stringMap(member: string, value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined
  if (!isObject(value) || Object.values(value).some(entry => typeof entry !== 'string')) {
    throw validationError(member, JSON.stringify(value), 'Member must be a map of strings to strings')
  }
  return { ...(value as Record<string, string>) }
}

export class HostingAppsService implements ServiceModule {
  private readonly firstSeenMs = new Map<string, number>()

  constructor(
    private readonly state: SharedState,
    private readonly jobs: HostingJobs,
    readonly branches: BranchStore = new BranchStore()
  ) {}

  reset(): void {
    this.branches.reset()
    this.firstSeenMs.clear()
  }

  routes(): Route[] {
    const route = routeOf('amplify')
    return [
      route('GetApp', 'GET', '/apps/{appId}', ctx => this.getApp(ctx)),
      route('GetBranch', 'GET', '/apps/{appId}/branches/{branchName}', ctx => this.getBranch(ctx)),
      route('CreateBranch', 'POST', '/apps/{appId}/branches', ctx => this.createBranch(ctx)),
      route('DeleteBranch', 'DELETE', '/apps/{appId}/branches/{branchName}', ctx => this.deleteBranch(ctx)),
      route('ListDomainAssociations', 'GET', '/apps/{appId}/domains', ctx => this.listDomains(ctx))
    ]
  }

  /** The app of that id, or the NotFoundException the service answers for an unknown one. */
  requireApp(appId: string): AppView {
    const scenario = this.state.scenarios.get(appId)
    if (scenario.app?.notFound) throw notFound(`App ${appId} not found.`)
    if (!this.firstSeenMs.has(appId)) this.firstSeenMs.set(appId, Date.now())
    return {
      appId,
      name: scenario.app?.name ?? appId,
      platform: scenario.app?.platform ?? DEFAULT_PLATFORM,
      defaultDomain: scenario.app?.defaultDomain ?? `${appId}.amplifyapp.com`,
      scenario
    }
  }

  /** The branch, or NotFoundException with the service's message (aws-amplify/amplify-hosting#2252). */
  requireBranch(appId: string, branchName: string): BranchRecord {
    const app = this.requireApp(appId)
    const branch = this.branches.get(appId, app.scenario, branchName)
    if (!branch) throw notFound(`Branch ${branchName} not found.`)
    return branch
  }

  private getApp(ctx: RequestContext): void {
    const app = this.requireApp(ctx.params.appId as string)
    const created = seconds(this.firstSeenMs.get(app.appId) ?? Date.now())
    sendJson(ctx, 200, {
      app: {
        appId: app.appId,
        appArn: appArn(app.appId),
        name: app.name,
        tags: {},
        description: '',
        repository: '',
        platform: app.platform,
        createTime: created,
        updateTime: created,
        environmentVariables: {},
        defaultDomain: app.defaultDomain,
        enableBranchAutoBuild: false,
        enableBranchAutoDeletion: false,
        enableBasicAuth: false,
        customRules: DEFAULT_CUSTOM_RULES
      }
    })
  }

  private getBranch(ctx: RequestContext): void {
    const { appId, branchName } = ctx.params as { appId: string; branchName: string }
    sendJson(ctx, 200, { branch: this.wireBranch(appId, this.requireBranch(appId, branchName)) })
  }

  private createBranch(ctx: RequestContext): void {
    const appId = ctx.params.appId as string
    const app = this.requireApp(appId)
    const body = isObject(ctx.body) ? ctx.body : {}
    const branchName = body.branchName
    if (typeof branchName !== 'string' || branchName.length < 1 || branchName.length > MAX_NAME_LENGTH) {
      throw validationError('branchName', branchName, `Member must have length between 1 and ${MAX_NAME_LENGTH}`)
    }
    if (body.stage !== undefined && !STAGES.includes(body.stage as string)) {
      throw validationError('stage', body.stage, `Member must satisfy enum value set: [${STAGES.join(', ')}]`)
    }
    if (body.displayName !== undefined && (typeof body.displayName !== 'string' || body.displayName.length > MAX_NAME_LENGTH)) {
      throw validationError('displayName', body.displayName, `Member must have length less than or equal to ${MAX_NAME_LENGTH}`)
    }
    const tags = stringMap('tags', body.tags)
    const environmentVariables = stringMap('environmentVariables', body.environmentVariables)
    const existing = this.branches.list(appId, app.scenario)
    // The service's own words (aws-amplify/amplify-hosting#2604).
    if (existing.some(branch => branch.branchName === branchName))
      throw badRequest(`Failed to create branch. The branch ${branchName} already exists for the app ${appId}`)
    const limit = app.scenario.branchLimit ?? DEFAULT_BRANCH_LIMIT
    if (existing.length >= limit) {
      throw new AwsError(
        429,
        'LimitExceededException',
        `Failed to create branch. The app ${appId} already has ${existing.length} branches, its limit (${limit}); delete a branch first.`
      )
    }
    const branch = branchRecord(
      {
        branchName,
        ...(typeof body.displayName === 'string' && body.displayName !== '' ? { displayName: body.displayName } : {}),
        ...(typeof body.stage === 'string' ? { stage: body.stage } : {}),
        ...(tags ? { tags } : {}),
        ...(environmentVariables ? { environmentVariables } : {}),
        ...(typeof body.description === 'string' ? { description: body.description } : {}),
        ...(typeof body.framework === 'string' ? { framework: body.framework } : {}),
        ...(typeof body.enableAutoBuild === 'boolean' ? { enableAutoBuild: body.enableAutoBuild } : {}),
        ...(typeof body.enableNotification === 'boolean' ? { enableNotification: body.enableNotification } : {}),
        ...(typeof body.enablePullRequestPreview === 'boolean' ? { enablePullRequestPreview: body.enablePullRequestPreview } : {}),
        ...(typeof body.ttl === 'string' ? { ttl: body.ttl } : {})
      },
      Date.now()
    )
    // Two branches cannot share a subdomain (aws-amplify/amplify-hosting#2252 shows display names are unique per app).
    const holder = existing.find(other => other.displayName === branch.displayName)
    if (holder) {
      throw badRequest(
        `Failed to create branch. The display name ${branch.displayName} is already used by the branch ${holder.branchName} of the app ${appId}; give this branch another displayName.`
      )
    }
    this.branches.add(appId, branch)
    sendJson(ctx, 200, { branch: this.wireBranch(appId, branch) })
  }

  private deleteBranch(ctx: RequestContext): void {
    const { appId, branchName } = ctx.params as { appId: string; branchName: string }
    const app = this.requireApp(appId)
    const branch = this.branches.get(appId, app.scenario, branchName)
    if (!branch) throw notFound(`Branch ${branchName} not found.`)
    const answer = this.wireBranch(appId, branch)
    this.branches.remove(appId, app.scenario, branchName)
    this.jobs.forgetBranch(appId, branchName)
    sendJson(ctx, 200, { branch: answer })
  }

  private listDomains(ctx: RequestContext): void {
    const app = this.requireApp(ctx.params.appId as string)
    const domains = app.scenario.domains ?? []
    let page
    try {
      page = pageOf('ListDomainAssociations', 'app', app.appId, domains.length, ctx.url.searchParams)
    } catch (error) {
      throw badRequest((error as Error).message)
    }
    const domainAssociations = page.indexes.map(index => this.wireDomain(app.appId, domains[index] as DomainSpec))
    sendJson(ctx, 200, { domainAssociations, ...(page.nextToken !== undefined ? { nextToken: page.nextToken } : {}) })
  }

  private wireDomain(appId: string, domain: DomainSpec): Record<string, unknown> {
    return {
      domainAssociationArn: `${appArn(appId)}/domains/${domain.domainName}`,
      domainName: domain.domainName,
      enableAutoSubDomain: false,
      domainStatus: domain.domainStatus ?? DEFAULT_DOMAIN_STATUS,
      statusReason: '',
      subDomains: domain.subDomains.map(sub => ({
        subDomainSetting: { prefix: sub.prefix, branchName: sub.branchName },
        verified: sub.verified ?? true,
        dnsRecord: `${sub.prefix} CNAME ${DISTRIBUTION_HOST}`
      })),
      certificate: { type: 'AMPLIFY_MANAGED' }
    }
  }

  /** The Branch of the wire, with every member the SDK model marks required. */
  private wireBranch(appId: string, branch: BranchRecord): Record<string, unknown> {
    const jobs = this.jobs.ofBranch(appId, branch.branchName)
    const customDomains = (this.state.scenarios.get(appId).domains ?? []).flatMap(domain =>
      domain.subDomains
        .filter(sub => sub.branchName === branch.branchName)
        .map(sub => (sub.prefix === '' ? domain.domainName : `${sub.prefix}.${domain.domainName}`))
    )
    return {
      branchArn: `${appArn(appId)}/branches/${branch.branchName}`,
      branchName: branch.branchName,
      description: branch.description,
      tags: branch.tags,
      stage: branch.stage,
      displayName: branch.displayName,
      enableNotification: branch.enableNotification,
      createTime: seconds(branch.createMs),
      updateTime: seconds(branch.updateMs),
      environmentVariables: branch.environmentVariables,
      enableAutoBuild: branch.enableAutoBuild,
      customDomains,
      framework: branch.framework,
      activeJobId: jobs.at(-1)?.jobId ?? '',
      totalNumberOfJobs: String(jobs.length),
      enableBasicAuth: false,
      enablePerformanceMode: false,
      ttl: branch.ttl,
      enablePullRequestPreview: branch.enablePullRequestPreview
    }
  }
}
