process.env.AWS_EC2_METADATA_DISABLED = 'true'

/**
 * Amplify Hosting apps, branches and domains through the real SDK: GetApp, GetBranch,
 * CreateBranch, DeleteBranch, ListDomainAssociations, and how they meet StartJob's jobs.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  type AmplifyClient,
  CreateBranchCommand,
  DeleteBranchCommand,
  GetAppCommand,
  GetBranchCommand,
  GetJobCommand,
  ListDomainAssociationsCommand,
  StartJobCommand,
  paginateListDomainAssociations
} from '@aws-sdk/client-amplify'
import { displayNameOf } from '../../../emulator/hosting-branches.js'
import type { Emulator } from '../../../emulator/server.js'
import type { DomainSpec } from '../../../emulator/types.js'
import { type SdkError, errorOf } from '../../helpers/errors.js'
import { amplifyEmulator } from './clients.js'

const APP = 'd3branches'

const running = amplifyEmulator()
let emulator: Emulator
let client: AmplifyClient
beforeEach(() => {
  ;({ emulator, client } = running)
})

const failure = (promise: Promise<unknown>) => errorOf<SdkError>(promise)
const getBranch = (branchName: string, appId = APP) => client.send(new GetBranchCommand({ appId, branchName }))
const createBranch = (branchName: string, extra: Record<string, unknown> = {}) => client.send(new CreateBranchCommand({ appId: APP, branchName, ...extra }))
const deleteBranch = (branchName: string) => client.send(new DeleteBranchCommand({ appId: APP, branchName }))
const release = (branchName: string) => client.send(new StartJobCommand({ appId: APP, branchName, jobType: 'RELEASE' }))

describe('GetApp', () => {
  it('answers any app id with the service defaults: platform WEB and <appId>.amplifyapp.com', async () => {
    const { app } = await client.send(new GetAppCommand({ appId: APP }))
    expect(app).toMatchObject({
      appId: APP,
      appArn: `arn:aws:amplify:us-east-1:123456789012:apps/${APP}`,
      name: APP,
      platform: 'WEB',
      defaultDomain: `${APP}.amplifyapp.com`,
      repository: '',
      description: '',
      enableBranchAutoBuild: false,
      enableBasicAuth: false,
      environmentVariables: {}
    })
    expect(app?.createTime).toBeInstanceOf(Date)
    expect(app?.updateTime).toBeInstanceOf(Date)
  })

  it("takes the scenario's name, platform and default domain, and answers NotFoundException for app.notFound", async () => {
    emulator.setScenario({ app: { name: 'shop', platform: 'WEB_COMPUTE', defaultDomain: 'd3branches.example.net' } }, APP)
    const { app } = await client.send(new GetAppCommand({ appId: APP }))
    expect([app?.name, app?.platform, app?.defaultDomain]).toEqual(['shop', 'WEB_COMPUTE', 'd3branches.example.net'])
    emulator.setScenario({ app: { notFound: true } }, 'dmissing')
    const missing = await failure(client.send(new GetAppCommand({ appId: 'dmissing' })))
    expect([missing.name, missing.$metadata.httpStatusCode, missing.message]).toEqual(['NotFoundException', 404, 'App dmissing not found.'])
    expect((await failure(getBranch('main', 'dmissing'))).name).toBe('NotFoundException')
  })
})

describe('GetBranch', () => {
  it('knows main by default, with every member the model requires, and counts the jobs StartJob ran on it', async () => {
    const { branch } = await getBranch('main')
    expect(branch).toMatchObject({
      branchArn: `arn:aws:amplify:us-east-1:123456789012:apps/${APP}/branches/main`,
      branchName: 'main',
      displayName: 'main',
      stage: 'NONE',
      tags: {},
      description: '',
      enableAutoBuild: true,
      enableNotification: false,
      enableBasicAuth: false,
      enablePullRequestPreview: false,
      customDomains: [],
      framework: '',
      ttl: '5',
      activeJobId: '',
      totalNumberOfJobs: '0'
    })
    expect(branch?.createTime).toBeInstanceOf(Date)
    await release('main')
    await release('main')
    expect((await getBranch('main')).branch).toMatchObject({ activeJobId: '2', totalNumberOfJobs: '2' })
  })

  it("answers NotFoundException with the service's words for a branch the app does not have", async () => {
    const error = await failure(getBranch('develop'))
    expect([error.name, error.$metadata.httpStatusCode, error.message]).toEqual(['NotFoundException', 404, 'Branch develop not found.'])
  })

  it("has the scenario's branches instead of main, with their stage, tags and display name (derived or given)", async () => {
    emulator.setScenario({
      branches: [
        { branchName: 'feature/Login_page.v2', stage: 'BETA', tags: { team: 'web' } },
        { branchName: 'dev', displayName: 'staging' }
      ]
    })
    const feature = (await getBranch('feature/Login_page.v2')).branch
    expect([feature?.displayName, feature?.stage, feature?.tags]).toEqual(['feature-login-page-v2', 'BETA', { team: 'web' }])
    expect((await getBranch('dev')).branch?.displayName).toBe('staging')
    expect((await failure(getBranch('main'))).name).toBe('NotFoundException')
  })

  it('derives a display name that is a host label: lower case, anything but [a-z0-9-] becomes -', () => {
    expect(displayNameOf('feature/login_page')).toBe('feature-login-page')
    expect(displayNameOf('release-6.2')).toBe('release-6-2')
    expect(displayNameOf('Renovate/@AWS-SDK')).toBe('renovate--aws-sdk')
    expect(displayNameOf('pr-42')).toBe('pr-42')
  })

  it('still lets StartJob run on a branch GetBranch does not know, as before', async () => {
    const { jobSummary } = await release('some/other-branch')
    expect(jobSummary?.jobId).toBe('1')
    expect((await client.send(new GetJobCommand({ appId: APP, branchName: 'some/other-branch', jobId: '1' }))).job?.summary?.status).toBeDefined()
    expect((await failure(getBranch('some/other-branch'))).name).toBe('NotFoundException')
  })
})

describe('CreateBranch', () => {
  it('creates a branch with its stage and tags, answers it, and GetBranch finds it', async () => {
    const created = await createBranch('pr-7', { stage: 'PULL_REQUEST', tags: { 'amplify-job-action': 'created' }, description: 'Preview of #7' })
    expect(created.branch).toMatchObject({
      branchName: 'pr-7',
      displayName: 'pr-7',
      stage: 'PULL_REQUEST',
      tags: { 'amplify-job-action': 'created' },
      description: 'Preview of #7'
    })
    expect((await getBranch('pr-7')).branch).toMatchObject({ stage: 'PULL_REQUEST', tags: { 'amplify-job-action': 'created' }, totalNumberOfJobs: '0' })
    expect(emulator.callsOf('CreateBranch')[0]?.body).toEqual({
      branchName: 'pr-7',
      stage: 'PULL_REQUEST',
      tags: { 'amplify-job-action': 'created' },
      description: 'Preview of #7'
    })
    expect((await getBranch('main')).branch?.branchName).toBe('main')
  })

  it('derives the display name of a branch made without one, and takes one given', async () => {
    expect((await createBranch('feature/Login_page')).branch?.displayName).toBe('feature-login-page')
    expect((await createBranch('feature/other', { displayName: 'other-preview' })).branch?.displayName).toBe('other-preview')
    expect((await getBranch('feature/other')).branch?.displayName).toBe('other-preview')
  })

  it("refuses a name the app has with the service's BadRequestException, and a display name another branch has", async () => {
    const again = await failure(createBranch('main'))
    expect([again.name, again.$metadata.httpStatusCode, again.message]).toEqual([
      'BadRequestException',
      400,
      `Failed to create branch. The branch main already exists for the app ${APP}`
    ])
    await createBranch('feature/a')
    const clash = await failure(createBranch('feature.a'))
    expect(clash.name).toBe('BadRequestException')
    expect(clash.message).toMatch(/display name feature-a is already used by the branch feature\/a/)
  })

  it('refuses a stage outside the enum with a validation error', async () => {
    const error = await failure(createBranch('x', { stage: 'PREVIEW' }))
    expect(error.name).toBe('BadRequestException')
    expect(error.message).toMatch(/Value 'PREVIEW' at 'stage' failed to satisfy constraint: Member must satisfy enum value set: \[PRODUCTION, BETA/)
  })

  it('answers LimitExceededException once the app has branchLimit branches (50 by default), counting main', async () => {
    emulator.setScenario({ branchLimit: 2 }, APP)
    await createBranch('pr-1')
    const error = await failure(createBranch('pr-2'))
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['LimitExceededException', 429])
    expect(error.message).toMatch(/already has 2 branches, its limit \(2\); delete a branch first/)
    await deleteBranch('pr-1')
    expect((await createBranch('pr-2')).branch?.branchName).toBe('pr-2')
  })

  it('lets 50 branches exist by default and refuses the 51st', async () => {
    for (let i = 1; i < 50; i++) await createBranch(`pr-${i}`)
    const error = await failure(client.send(new CreateBranchCommand({ appId: APP, branchName: 'pr-50' })))
    expect(error.name).toBe('LimitExceededException')
    expect(error.message).toMatch(/limit \(50\)/)
  })
})

describe('DeleteBranch', () => {
  it('answers the branch, forgets it and its jobs; a branch made again starts at job 1', async () => {
    await createBranch('pr-9', { stage: 'PULL_REQUEST', tags: { 'amplify-job-action': 'created' } })
    await release('pr-9')
    await release('pr-9')
    const deleted = await deleteBranch('pr-9')
    expect(deleted.branch).toMatchObject({ branchName: 'pr-9', tags: { 'amplify-job-action': 'created' }, totalNumberOfJobs: '2' })
    expect((await failure(getBranch('pr-9'))).name).toBe('NotFoundException')
    const job = await failure(client.send(new GetJobCommand({ appId: APP, branchName: 'pr-9', jobId: '1' })))
    expect(job.name).toBe('NotFoundException')
    const twice = await failure(deleteBranch('pr-9'))
    expect([twice.name, twice.message]).toEqual(['NotFoundException', 'Branch pr-9 not found.'])
    await createBranch('pr-9')
    expect((await release('pr-9')).jobSummary?.jobId).toBe('1')
  })

  it('deletes a scenario branch for good: setting the scenario again does not bring it back', async () => {
    emulator.setScenario({ branches: [{ branchName: 'main' }, { branchName: 'dev' }] }, APP)
    await deleteBranch('dev')
    emulator.setScenario({ branches: [{ branchName: 'main' }, { branchName: 'dev' }], throttle: { times: 0 } }, APP)
    expect((await failure(getBranch('dev'))).name).toBe('NotFoundException')
    expect((await getBranch('main')).branch?.branchName).toBe('main')
    emulator.reset()
    emulator.setScenario({ branches: [{ branchName: 'dev' }] }, APP)
    expect((await getBranch('dev')).branch?.branchName).toBe('dev')
  })
})

describe('ListDomainAssociations', () => {
  const domain: DomainSpec = {
    domainName: 'example.com',
    subDomains: [
      { prefix: '', branchName: 'main' },
      { prefix: 'www', branchName: 'main', verified: false },
      { prefix: 'beta', branchName: 'dev' }
    ]
  }

  it("answers no domains by default, and the scenario's with every member the model requires", async () => {
    expect((await client.send(new ListDomainAssociationsCommand({ appId: APP }))).domainAssociations).toEqual([])
    emulator.setScenario({ domains: [domain, { domainName: 'example.org', domainStatus: 'PENDING_VERIFICATION', subDomains: [] }] })
    const answer = await client.send(new ListDomainAssociationsCommand({ appId: APP }))
    expect(answer.nextToken).toBeUndefined()
    expect(answer.domainAssociations?.[0]).toMatchObject({
      domainAssociationArn: `arn:aws:amplify:us-east-1:123456789012:apps/${APP}/domains/example.com`,
      domainName: 'example.com',
      domainStatus: 'AVAILABLE',
      enableAutoSubDomain: false,
      statusReason: ''
    })
    expect(answer.domainAssociations?.[0]?.subDomains?.map(sub => [sub.subDomainSetting?.prefix, sub.subDomainSetting?.branchName, sub.verified])).toEqual([
      ['', 'main', true],
      ['www', 'main', false],
      ['beta', 'dev', true]
    ])
    expect(answer.domainAssociations?.[0]?.subDomains?.[1]?.dnsRecord).toMatch(/^www CNAME /)
    expect(answer.domainAssociations?.[1]).toMatchObject({ domainName: 'example.org', domainStatus: 'PENDING_VERIFICATION', subDomains: [] })
    expect((await getBranch('main')).branch?.customDomains).toEqual(['example.com', 'www.example.com'])
  })

  it('pages like the service: 50 by default and at most, then nextToken; the paginator reads every page', async () => {
    const domains = Array.from({ length: 60 }, (_, i) => ({ domainName: `site-${i}.example.com`, subDomains: [{ prefix: 'www', branchName: 'main' }] }))
    emulator.setScenario({ domains }, APP)
    const first = await client.send(new ListDomainAssociationsCommand({ appId: APP }))
    expect(first.domainAssociations).toHaveLength(50)
    expect(first.nextToken).toBeDefined()
    const second = await client.send(new ListDomainAssociationsCommand({ appId: APP, nextToken: first.nextToken }))
    expect(second.domainAssociations?.map(d => d.domainName)).toEqual(domains.slice(50).map(d => d.domainName))
    expect(second.nextToken).toBeUndefined()
    const names: string[] = []
    for await (const page of paginateListDomainAssociations({ client, pageSize: 7 }, { appId: APP }))
      names.push(...(page.domainAssociations ?? []).map(d => d.domainName as string))
    expect(names).toEqual(domains.map(d => d.domainName))
    expect(emulator.callsOf('ListDomainAssociations').at(-1)?.query.maxResults).toBe('7')
  })

  it('refuses a page over 50 and a nextToken it did not give for this app, as BadRequestException', async () => {
    emulator.setScenario({ domains: Array.from({ length: 3 }, (_, i) => ({ domainName: `d${i}.example.com`, subDomains: [] })) })
    const tooBig = await failure(client.send(new ListDomainAssociationsCommand({ appId: APP, maxResults: 51 })))
    expect([tooBig.name, tooBig.message]).toEqual([
      'BadRequestException',
      "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value between 0 and 50"
    ])
    const token = (await client.send(new ListDomainAssociationsCommand({ appId: APP, maxResults: 1 }))).nextToken
    const foreign = await failure(client.send(new ListDomainAssociationsCommand({ appId: 'dother', nextToken: token })))
    expect(foreign.name).toBe('BadRequestException')
    expect(foreign.message).toMatch(/Invalid nextToken .* previous ListDomainAssociations answer for this app/)
  })
})
