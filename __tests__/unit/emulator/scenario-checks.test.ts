/**
 * The emulator refuses scenarios the services could not produce: a status outside the service's
 * enum, or a job whose phases are counted partly in milliseconds and partly in reads.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { HOSTING_JOB_STATUSES } from '../../../emulator/scenario-checks.js'
import { validateScenario } from '../../../emulator/scenarios.js'
import { startEmulator, type Emulator } from '../../../emulator/server.js'
import type { Scenario } from '../../../emulator/types.js'

const refusal = (scenario: unknown): string => {
  try {
    validateScenario(scenario)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error(`expected ${JSON.stringify(scenario)} to be refused`)
}

describe('statuses the service never sends are refused', () => {
  it('takes every Amplify Hosting JobStatus, as a phase and as a step', () => {
    expect(HOSTING_JOB_STATUSES).toEqual(['CREATED', 'PENDING', 'PROVISIONING', 'RUNNING', 'FAILED', 'SUCCEED', 'CANCELLING', 'CANCELLED'])
    for (const status of HOSTING_JOB_STATUSES) {
      expect(validateScenario({ statuses: [{ status, forMs: 1 }, { status }], steps: [{ stepName: 'BUILD', status }] })).toBeDefined()
    }
  })

  it.each([
    [
      'a status Hosting does not have',
      { statuses: [{ status: 'RUNNING', forMs: 10 }, { status: 'DEPLOYED' }] },
      /statuses\[1\]\.status "DEPLOYED" is not a status the service sends; use one of CREATED, PENDING/
    ],
    ['SUCCEEDED, not SUCCEED', { statuses: [{ status: 'SUCCEEDED' }] }, /statuses\[0\]\.status "SUCCEEDED"/],
    ['a lower-case Hosting status', { statuses: [{ status: 'running' }] }, /"running" is not a status/],
    ['a step status Hosting does not have', { steps: [{ stepName: 'BUILD', status: 'DONE' }] }, /steps\[0\]\.status "DONE" is not a status the service sends/],
    ['a lower-case backend status', { backend: { statuses: [{ status: 'completed' }] } }, /backend\.statuses\[0\]\.status "completed" .*upper-case word/],
    ['an empty backend status', { backend: { statuses: [{ status: '', forMs: 5 }, { status: 'COMPLETED' }] } }, /backend\.statuses\[0\]\.status ""/],
    ['a phase without a status', { statuses: [{ forMs: 5 }] }, /statuses\[0\]\.status undefined/]
  ])('%s', (_label, scenario, message) => {
    expect(refusal(scenario)).toMatch(message)
  })

  it('takes any upper-case word as a backend status: the service model leaves it a free string', () => {
    expect(validateScenario({ backend: { statuses: [{ status: 'PUSHING', forReads: 1 }, { status: 'COMPLETED' }] } })).toBeDefined()
  })
})

describe('one clock per job', () => {
  it.each([
    [
      'forMs and forReads in one phase',
      { statuses: [{ status: 'PENDING', forMs: 5, forReads: 1 }, { status: 'SUCCEED' }] },
      /statuses\[0\] gives both forMs and forReads/
    ],
    [
      'phases on both clocks',
      { statuses: [{ status: 'PENDING', forReads: 1 }, { status: 'RUNNING', forMs: 100 }, { status: 'SUCCEED' }] },
      /statuses mixes forMs and forReads/
    ],
    [
      'backend phases on both clocks',
      { backend: { statuses: [{ status: 'IN_PROGRESS', forReads: 1 }, { status: 'PUSHING', forMs: 1 }, { status: 'COMPLETED' }] } },
      /backend\.statuses mixes/
    ],
    [
      'a step in ms on the read clock',
      { statuses: [{ status: 'RUNNING', forReads: 2 }, { status: 'SUCCEED' }], steps: [{ stepName: 'BUILD', durationMs: 100 }] },
      /steps\[0\] gives durationMs, but the job's statuses are counted in reads/
    ],
    [
      'a step in reads on the wall clock',
      { statuses: [{ status: 'RUNNING', forMs: 200 }, { status: 'SUCCEED' }], steps: [{ stepName: 'BUILD', forReads: 1 }] },
      /steps\[0\] gives forReads, but .*wall clock \(forMs\)/
    ],
    ['a step in reads with the default statuses', { steps: [{ stepName: 'BUILD', forReads: 1 }] }, /wall clock \(the default ones\)/],
    [
      'a fraction of a read',
      { statuses: [{ status: 'PENDING', forReads: 1.5 }, { status: 'SUCCEED' }] },
      /statuses\[0\]\.forReads must be a whole number of reads, 1 or more, not 1\.5/
    ],
    [
      'no reads at all',
      { statuses: [{ status: 'PENDING', forReads: 0 }, { status: 'SUCCEED' }] },
      /forReads must be a whole number of reads, 1 or more, not 0/
    ],
    ['a negative duration', { statuses: [{ status: 'PENDING', forMs: -1 }, { status: 'SUCCEED' }] }, /statuses\[0\]\.forMs must be a number of milliseconds/],
    ['codegen reads and a duration', { inProgressReads: 2, durationMs: 100 }, /inProgressReads and durationMs both/],
    ['codegen reads not a whole number', { inProgressReads: 'two' }, /inProgressReads must be a whole number/]
  ])('refuses %s', (_label, scenario, message) => {
    expect(refusal(scenario)).toMatch(message)
  })

  it('takes steps in reads under statuses that give no length', () => {
    const scenario: Scenario = { statuses: [{ status: 'RUNNING' }], steps: [{ stepName: 'BUILD', forReads: 2 }], neverEnds: true }
    expect(validateScenario(scenario)).toBe(scenario)
  })
})

describe('apps, branches, domains and uploads the service could not have are refused', () => {
  it('takes every Platform, Stage and DomainStatus of the SDK, and the upload faults', () => {
    for (const platform of ['WEB', 'WEB_DYNAMIC', 'WEB_COMPUTE'] as const) expect(validateScenario({ app: { platform } })).toBeDefined()
    const scenario: Scenario = {
      app: { name: 'shop', defaultDomain: 'shop.example.net', notFound: false },
      branches: ['PRODUCTION', 'BETA', 'DEVELOPMENT', 'EXPERIMENTAL', 'PULL_REQUEST'].map(stage => ({ branchName: `b-${stage}`, stage, tags: { k: 'v' } })),
      branchLimit: 0,
      domains: [{ domainName: 'example.com', domainStatus: 'PENDING_VERIFICATION', subDomains: [{ prefix: '', branchName: 'main', verified: false }] }],
      upload: { failStatus: 503, failTimes: 2, resetTimes: 1, resetAfterBytes: 10, latencyMs: 0, expiresSeconds: 60 },
      deploySteps: [{ stepName: 'DEPLOY' }]
    }
    expect(validateScenario(scenario)).toBe(scenario)
  })

  it.each([
    [
      'a platform the SDK does not have',
      { app: { platform: 'SSR' } },
      /app\.platform "SSR" is not one the service sends; use one of WEB, WEB_DYNAMIC, WEB_COMPUTE/
    ],
    ['an unknown app key (a typo)', { app: { plaform: 'WEB' } }, /app has unknown key\(s\) plaform; known: name, platform, defaultDomain, notFound/],
    ['a branch twice', { branches: [{ branchName: 'main' }, { branchName: 'main' }] }, /branches\[1\]\.branchName "main" is given twice/],
    ['a branch without a name', { branches: [{ displayName: 'x' }] }, /branches\[0\]\.branchName must be a non-empty string/],
    ['a stage the SDK does not have', { branches: [{ branchName: 'main', stage: 'NONE' }] }, /branches\[0\]\.stage "NONE" is not one the service sends/],
    ['tags that are not strings', { branches: [{ branchName: 'main', tags: { n: 1 } }] }, /branches\[0\]\.tags must map tag keys to string values/],
    ['a negative branch limit', { branchLimit: -1 }, /branchLimit must be a whole number, 0 or more/],
    [
      'a domain status the SDK does not have',
      { domains: [{ domainName: 'example.com', domainStatus: 'READY', subDomains: [] }] },
      /domains\[0\]\.domainStatus "READY"/
    ],
    [
      'a sub-domain without its branch',
      { domains: [{ domainName: 'example.com', subDomains: [{ prefix: 'www' }] }] },
      /domains\[0\]\.subDomains\[0\]\.branchName must be a non-empty string/
    ],
    [
      'an upload status S3 fault does not cover',
      { upload: { failStatus: 404 } },
      /upload\.failStatus 404 is not one the service sends; use one of 500, 503, 403/
    ],
    ['an unknown upload key', { upload: { failTime: 2 } }, /upload has unknown key\(s\) failTime/],
    [
      'deploy steps in ms on the read clock',
      { statuses: [{ status: 'RUNNING', forReads: 1 }, { status: 'SUCCEED' }], deploySteps: [{ stepName: 'DEPLOY', durationMs: 5 }] },
      /deploySteps\[0\] gives durationMs, but the job's statuses are counted in reads/
    ]
  ])('refuses %s', (_label, scenario, message) => {
    expect(refusal(scenario)).toMatch(message)
  })
})

describe('through the emulator', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator()
  })
  afterAll(async () => {
    await emulator.close()
  })

  it('setScenario throws, and the control API answers 400 InvalidScenario, keeping the scenario it had', async () => {
    emulator.setScenario({ statuses: [{ status: 'RUNNING', forReads: 1 }, { status: 'SUCCEED' }] })
    expect(() => emulator.setScenario({ statuses: [{ status: 'DEPLOYED_SOMEHOW' }] })).toThrow(/DEPLOYED_SOMEHOW/)
    const put = await fetch(`${emulator.url}/__emulator/scenario`, { method: 'PUT', body: JSON.stringify({ backend: { statuses: [{ status: 'done' }] } }) })
    expect(put.status).toBe(400)
    expect(put.headers.get('x-amzn-errortype')).toBe('InvalidScenario')
    expect(((await put.json()) as { message: string }).message).toMatch(/backend\.statuses\[0\]\.status "done"/)
    expect(await (await fetch(`${emulator.url}/__emulator/scenario`)).json()).toEqual({ statuses: [{ status: 'RUNNING', forReads: 1 }, { status: 'SUCCEED' }] })
  })
})
