/**
 * The start of a deploy (src/jobs/deploy.ts) and the branch helpers (src/jobs/branches.ts) with a
 * fake Amplify client: the order of calls, what each is sent, a branch made for a preview, the
 * site's address, and how a branch blocked by an unfinished job is cleared.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import {
  CreateBranchCommand,
  CreateDeploymentCommand,
  type DomainAssociation,
  GetAppCommand,
  GetBranchCommand,
  GetJobCommand,
  ListDomainAssociationsCommand,
  StartDeploymentCommand,
  StopJobCommand
} from '@aws-sdk/client-amplify'
import { ActionError } from '../../../src/errors.js'
import type { DeployInputs } from '../../../src/inputs.js'
import { customDomainOf } from '../../../src/jobs/branches.js'
import { startDeployment } from '../../../src/jobs/deploy.js'
import { START_GRACE_AFTER_CANCEL_MS } from '../../../src/stop-signal.js'
import { errorOf } from '../../helpers/errors.js'

const APP = 'd1a2b3c4d5e6f7'

afterEach(() => {
  jest.useRealTimers()
})
const signal = new AbortController().signal

function inputs(overrides: Partial<DeployInputs> = {}): DeployInputs {
  return {
    jobType: 'deploy',
    appId: APP,
    branch: 'main',
    source: { kind: 'folder', relative: 'dist', absolute: '/work/dist' },
    createBranch: false,
    forPullRequest: false,
    stopOnCancel: true,
    wait: true,
    timeoutMs: 1_800_000,
    firstPollMs: 2_000,
    maxPollMs: 10_000,
    workspace: '/work',
    ...overrides
  }
}

function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name })
}

type Handler = (input: Record<string, unknown>) => unknown

const NAMES = new Map<unknown, string>([
  [GetAppCommand, 'GetApp'],
  [GetBranchCommand, 'GetBranch'],
  [CreateBranchCommand, 'CreateBranch'],
  [ListDomainAssociationsCommand, 'ListDomainAssociations'],
  [CreateDeploymentCommand, 'CreateDeployment'],
  [StartDeploymentCommand, 'StartDeployment'],
  [GetJobCommand, 'GetJob'],
  [StopJobCommand, 'StopJob']
])

/** A client that answers each operation with its handler (or a healthy default) and records the calls. */
function fakeClient(handlers: Record<string, Handler> = {}) {
  const calls: Array<{ operation: string; input: Record<string, unknown> }> = []
  const defaults: Record<string, Handler> = {
    GetApp: () => ({ app: { appId: APP, platform: 'WEB', defaultDomain: `${APP}.amplifyapp.com` } }),
    GetBranch: input => ({ branch: { branchName: input.branchName, displayName: String(input.branchName).replace(/[^a-z0-9-]/g, '-'), tags: {} } }),
    CreateBranch: input => ({ branch: { branchName: input.branchName, displayName: input.branchName, tags: input.tags } }),
    ListDomainAssociations: () => ({ domainAssociations: [] }),
    CreateDeployment: () => ({ jobId: '3', zipUploadUrl: 'https://uploads.example.com/zip?X-Amz-Signature=abc', fileUploadUrls: {} }),
    StartDeployment: input => ({ jobSummary: { jobId: input.jobId ?? '3', jobArn: 'arn:job:3', status: 'PENDING' } }),
    GetJob: () => ({ job: { summary: { jobId: '2', status: 'SUCCEED' }, steps: [] } }),
    StopJob: () => ({ jobSummary: { status: 'CANCELLED' } })
  }
  const client = {
    send: async (command: { input: Record<string, unknown> }) => {
      const operation = NAMES.get(command.constructor) ?? 'unknown'
      calls.push({ operation, input: command.input })
      const handler = handlers[operation] ?? defaults[operation]
      if (!handler) throw new Error(`unexpected ${operation}`)
      return handler(command.input)
    }
  }
  return { client, calls, operations: () => calls.map(call => call.operation) }
}

function deps(client: ReturnType<typeof fakeClient>['client'], extra: { uploadZip?: (url: string) => Promise<void> } = {}) {
  const events: string[] = []
  const uploaded: string[] = []
  return {
    events,
    uploaded,
    dependencies: {
      client,
      log: { info: (m: string) => events.push(`info ${m}`), warning: (m: string) => events.push(`warning ${m}`), group: () => undefined },
      uploadZip: extra.uploadZip ?? (async (url: string) => void uploaded.push(url)),
      onSiteUrl: (url: string) => events.push(`url ${url}`),
      onJobCreated: (jobId: string) => events.push(`created ${jobId}`),
      sleep: async () => undefined
    }
  }
}

describe('startDeployment', () => {
  it('checks the app and branch, tells the site URL, creates the deployment, uploads, then starts it', async () => {
    const fake = fakeClient()
    const { dependencies, events, uploaded } = deps(fake.client)
    const summary = await startDeployment(inputs(), dependencies, signal)
    expect(summary).toMatchObject({ jobId: '3', status: 'PENDING' })
    expect(fake.operations()).toEqual(['GetApp', 'GetBranch', 'ListDomainAssociations', 'CreateDeployment', 'StartDeployment'])
    expect(fake.calls.find(call => call.operation === 'StartDeployment')!.input).toEqual({ appId: APP, branchName: 'main', jobId: '3' })
    expect(uploaded).toEqual(['https://uploads.example.com/zip?X-Amz-Signature=abc'])
    // The URL is out before the upload, and the job is known (to stop it on cancel) before it.
    expect(events.filter(event => /^(url|created) /.test(event))).toEqual([`url https://main.${APP}.amplifyapp.com`, 'created 3'])
  })

  it('a URL source: StartDeployment with it, no CreateDeployment and no upload', async () => {
    const fake = fakeClient()
    const { dependencies, uploaded } = deps(fake.client)
    await startDeployment(
      inputs({ source: { kind: 'url', url: 's3://bucket/site/', shown: 's3://bucket/site/', type: 'BUCKET_PREFIX' } }),
      dependencies,
      signal
    )
    expect(fake.operations()).toEqual(['GetApp', 'GetBranch', 'ListDomainAssociations', 'StartDeployment'])
    expect(fake.calls.at(-1)!.input).toEqual({ appId: APP, branchName: 'main', sourceUrl: 's3://bucket/site/', sourceUrlType: 'BUCKET_PREFIX' })
    expect(uploaded).toEqual([])
  })

  it('refuses an SSR app before anything else', async () => {
    const fake = fakeClient({ GetApp: () => ({ app: { appId: APP, platform: 'WEB_COMPUTE', defaultDomain: 'x' } }) })
    const error = await errorOf(startDeployment(inputs(), deps(fake.client).dependencies, signal))
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toMatch(/platform WEB_COMPUTE/)
    expect(fake.operations()).toEqual(['GetApp'])
  })

  it('a missing app is named with what to check', async () => {
    const fake = fakeClient({ GetApp: () => Promise.reject(awsError('NotFoundException', 'App not found')) })
    expect((await errorOf(startDeployment(inputs(), deps(fake.client).dependencies, signal))).message).toBe(
      `Amplify has no app ${APP} in this region (App not found). Check 'app-id' and 'region'.`
    )
  })

  describe('a branch the app does not have', () => {
    const missing: Handler = () => Promise.reject(awsError('NotFoundException', 'Branch pr-4 not found.'))

    it('fails without create-branch, creating nothing', async () => {
      const fake = fakeClient({ GetBranch: missing })
      const error = await errorOf(startDeployment(inputs({ branch: 'pr-4' }), deps(fake.client).dependencies, signal))
      expect(error.message).toMatch(/has no branch 'pr-4'.*set 'create-branch: true'/)
      expect(fake.operations()).toEqual(['GetApp', 'GetBranch'])
    })

    it('is created with create-branch, tagged, with stage PULL_REQUEST for a pull request run', async () => {
      const fake = fakeClient({ GetBranch: missing })
      await startDeployment(inputs({ branch: 'pr-4', createBranch: true, forPullRequest: true }), deps(fake.client).dependencies, signal)
      expect(fake.calls.find(call => call.operation === 'CreateBranch')!.input).toMatchObject({
        appId: APP,
        branchName: 'pr-4',
        stage: 'PULL_REQUEST',
        enableAutoBuild: false,
        tags: { 'amplify-job-action': 'created' }
      })
    })

    it('outside a pull request it gets no stage of ours', async () => {
      const fake = fakeClient({ GetBranch: missing })
      await startDeployment(inputs({ branch: 'pr-4', createBranch: true }), deps(fake.client).dependencies, signal)
      expect(fake.calls.find(call => call.operation === 'CreateBranch')!.input.stage).toBeUndefined()
    })

    it('one that appeared meanwhile (CreateBranch: already exists) is taken as it is', async () => {
      let reads = 0
      const fake = fakeClient({
        GetBranch: input => (reads++ === 0 ? missing(input) : { branch: { branchName: 'pr-4', displayName: 'pr-4' } }),
        CreateBranch: () => Promise.reject(awsError('BadRequestException', 'Failed to create branch. The branch pr-4 already exists for the app x'))
      })
      await startDeployment(inputs({ branch: 'pr-4', createBranch: true }), deps(fake.client).dependencies, signal)
      expect(fake.operations()).toEqual(['GetApp', 'GetBranch', 'CreateBranch', 'GetBranch', 'ListDomainAssociations', 'CreateDeployment', 'StartDeployment'])
    })

    it('the branch limit says there are 50 and how to make room', async () => {
      const fake = fakeClient({ GetBranch: missing, CreateBranch: () => Promise.reject(awsError('LimitExceededException', 'too many branches')) })
      const error = await errorOf(startDeployment(inputs({ branch: 'pr-4', createBranch: true }), deps(fake.client).dependencies, signal))
      expect(error.message).toMatch(
        /reached its limit of 50 branches, which cannot be raised \(too many branches\)\. Delete the previews of closed pull requests/
      )
    })
  })

  describe('a branch whose last job has not finished', () => {
    const blocked = (jobId: string) =>
      awsError(
        'BadRequestException',
        `The last job(deployment) ${jobId} was not finished, please wait until it finish or use StopJob operation to cancel it before creating a new deployment.`
      )

    it('a deployment left PENDING, never started, is stopped; then the deployment is created once', async () => {
      let creates = 0
      const fake = fakeClient({
        CreateDeployment: () => (creates++ === 0 ? Promise.reject(blocked('2')) : { jobId: '3', zipUploadUrl: 'https://u.example.com/z', fileUploadUrls: {} }),
        GetJob: () => ({ job: { summary: { jobId: '2', status: 'PENDING' }, steps: [] } })
      })
      const { dependencies, events } = deps(fake.client)
      await startDeployment(inputs(), dependencies, signal)
      expect(fake.operations()).toEqual([
        'GetApp',
        'GetBranch',
        'ListDomainAssociations',
        'CreateDeployment',
        'GetJob',
        'StopJob',
        'CreateDeployment',
        'StartDeployment'
      ])
      expect(fake.calls.find(call => call.operation === 'StopJob')!.input).toEqual({ appId: APP, branchName: 'main', jobId: '2' })
      expect(events).toContain(
        'info Job 2 on branch main was created and never started (left by an interrupted deploy): stopping it, so this deploy can go ahead.'
      )
    })

    it('a running job is waited for (not stopped), then the deployment is created', async () => {
      let creates = 0
      const statuses = ['RUNNING', 'RUNNING', 'SUCCEED']
      const fake = fakeClient({
        CreateDeployment: () => (creates++ === 0 ? Promise.reject(blocked('2')) : { jobId: '3', zipUploadUrl: 'https://u.example.com/z', fileUploadUrls: {} }),
        GetJob: () => ({ job: { summary: { jobId: '2', status: statuses.shift() }, steps: [{ stepName: 'BUILD', status: 'RUNNING', startTime: new Date() }] } })
      })
      const { dependencies, events } = deps(fake.client)
      await startDeployment(inputs(), dependencies, signal)
      expect(fake.operations().filter(operation => operation === 'GetJob')).toHaveLength(3)
      expect(fake.operations()).not.toContain('StopJob')
      expect(events).toContain('info The deploy waits behind job 2 on branch main (RUNNING), which has not ended; Amplify deploys a branch one job at a time.')
      expect(creates).toBe(2)
    })

    it('the run ends the wait behind another job (the timeout or a cancel)', async () => {
      const controller = new AbortController()
      const fake = fakeClient({
        CreateDeployment: () => Promise.reject(blocked('2')),
        GetJob: () => ({ job: { summary: { jobId: '2', status: 'RUNNING' }, steps: [] } })
      })
      const { dependencies } = deps(fake.client)
      const reason = new Error('the timeout was reached')
      dependencies.sleep = async () => {
        controller.abort(reason)
        throw reason
      }
      expect(await errorOf(startDeployment(inputs(), dependencies, controller.signal))).toBe(reason)
      expect(fake.operations().filter(operation => operation === 'CreateDeployment')).toHaveLength(1)
    })
  })

  it('an upload that fails stops the deployment it created (so the branch is free) and fails with the upload error', async () => {
    const fake = fakeClient()
    const refused = new ActionError('The upload URL was refused with 403 Forbidden')
    const { dependencies } = deps(fake.client, { uploadZip: () => Promise.reject(refused) })
    expect(await errorOf(startDeployment(inputs(), dependencies, signal))).toBe(refused)
    expect(fake.operations().slice(-1)).toEqual(['StopJob'])
    expect(fake.operations()).not.toContain('StartDeployment')
  })

  it('a StartDeployment refused after the upload stops the deployment too', async () => {
    const refused = awsError('InternalFailureException', 'Internal failure')
    const fake = fakeClient({ StartDeployment: () => Promise.reject(refused) })
    const { dependencies } = deps(fake.client)
    expect(await errorOf(startDeployment(inputs(), dependencies, signal))).toBe(refused)
    expect(fake.operations().slice(-2)).toEqual(['StartDeployment', 'StopJob'])
    expect(fake.calls.at(-1)!.input).toEqual({ appId: APP, branchName: 'main', jobId: '3' })
  })

  it('a cancel while CreateDeployment is in flight lets it answer, so the job is known (and stopped by the caller); nothing more is sent', async () => {
    const controller = new AbortController()
    const reason = new Error('The workflow was cancelled (SIGINT).')
    const requestSignals: AbortSignal[] = []
    const fake = fakeClient({
      CreateDeployment: () => {
        controller.abort(reason)
        return { jobId: '3', zipUploadUrl: 'https://u.example.com/z', fileUploadUrls: {} }
      }
    })
    const send = fake.client.send
    fake.client.send = (command, options?: { abortSignal?: AbortSignal }) => {
      if (options?.abortSignal) requestSignals.push(options.abortSignal)
      return send(command)
    }
    const { dependencies, events } = deps(fake.client)
    // Fake timers: the grace period ends when the test says so, not by the clock.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] })
    expect(await errorOf(startDeployment(inputs(), dependencies, controller.signal))).toBe(reason)
    const createSignal = requestSignals.at(-1)!
    expect(createSignal.aborted).toBe(false)
    jest.advanceTimersByTime(START_GRACE_AFTER_CANCEL_MS)
    expect(createSignal.reason).toBe(reason)
    expect(events).toContain('created 3')
    expect(fake.operations()).not.toContain('StartDeployment')
  })

  it.each<[string, DeployInputs['source']]>([
    ['a folder', { kind: 'folder', relative: 'dist', absolute: '/work/dist' }],
    ['a URL', { kind: 'url', url: 's3://bucket/site/', shown: 's3://bucket/site/', type: 'BUCKET_PREFIX' }]
  ])('a cancel before the deployment is created creates nothing (%s)', async (_label, source) => {
    const controller = new AbortController()
    const reason = new Error('The workflow was cancelled (SIGINT).')
    const fake = fakeClient({ ListDomainAssociations: () => (controller.abort(reason), { domainAssociations: [] }) })
    const { dependencies } = deps(fake.client)
    expect(await errorOf(startDeployment(inputs({ source }), dependencies, controller.signal))).toBe(reason)
    expect(fake.operations()).toEqual(['GetApp', 'GetBranch', 'ListDomainAssociations'])
  })
})

describe('customDomainOf', () => {
  const domain = (domainName: string, subDomains: Array<[string, string, boolean?]>): DomainAssociation =>
    ({
      domainName,
      subDomains: subDomains.map(([prefix, branchName, verified = true]) => ({ subDomainSetting: { prefix, branchName }, verified, dnsRecord: '' }))
    }) as DomainAssociation

  it('takes the first verified sub-domain that maps the branch, the apex first within a domain', () => {
    const domains = [
      domain('a.example.com', [['www', 'dev']]),
      domain('b.example.com', [
        ['www', 'main'],
        ['', 'main']
      ]),
      domain('c.example.com', [['', 'main']])
    ]
    expect(customDomainOf(domains, 'main')).toBe('https://b.example.com')
    expect(customDomainOf(domains, 'dev')).toBe('https://www.a.example.com')
  })

  it('ignores sub-domains not verified yet, and says none when nothing maps the branch', () => {
    expect(customDomainOf([domain('a.example.com', [['www', 'main', false]])], 'main')).toBeUndefined()
    expect(customDomainOf([], 'main')).toBeUndefined()
  })
})
