import { describe, expect, it, jest } from '@jest/globals'
import type { CodegenJob } from '@aws-sdk/client-amplifyuibuilder'
import { GetCodegenJobCommand, StartCodegenJobCommand } from '@aws-sdk/client-amplifyuibuilder'
import type { RunContext } from '../../src/context.js'
import { ActionError, JobFailedError } from '../../src/errors.js'
import type { CodegenInputs } from '../../src/inputs.js'

import { codegenErrorsOf, codegenPhase, createCodegenJob, deriveClientToken } from '../../src/jobs/codegen.js'

const APP = 'd1a2b3c4d5e6f7'
const URL_WITH_SECRET =
  'https://codegen-assets.s3.us-east-1.amazonaws.com/manifest.json?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0123456789abcdef0123456789abcdef&X-Amz-Security-Token=SECRETTOKENVALUE'

function inputs(overrides: Partial<CodegenInputs> = {}): CodegenInputs {
  return {
    jobType: 'codegen',
    appId: APP,
    environment: 'staging',
    wait: true,
    timeoutMs: 600_000,
    firstPollMs: 500,
    maxPollMs: 2_000,
    workspace: '/work',
    request: {
      renderConfig: { react: { module: 'es2020', target: 'es2020', script: 'jsx', renderTypeDeclarations: true, apiConfiguration: { dataStoreConfig: {} } } }
    },
    dependencySource: 'none',
    output: { relative: 'src/ui-components', absolute: '/work/src/ui-components' },
    clean: false,
    ...overrides
  }
}

const runContext: RunContext = {
  workspace: '/work',
  serverUrl: 'https://github.com',
  repository: 'octo/app',
  runId: '9001',
  runAttempt: '1',
  job: 'codegen',
  stepId: 'generate'
}

function codegenJob(overrides: Partial<CodegenJob> = {}): CodegenJob {
  return { id: 'job-1', appId: APP, environmentName: 'staging', status: 'in_progress', ...overrides }
}

interface Sent {
  command: unknown
  options: unknown
}

/** A fake AmplifyUIBuilder client: answers by command class, records what was sent. */
function fakeClient(answers: { start?: () => unknown; get?: () => unknown }) {
  const sent: Sent[] = []
  const client = {
    send: jest.fn(async (command: unknown, options?: unknown) => {
      sent.push({ command, options })
      if (command instanceof StartCodegenJobCommand) return answers.start?.() ?? { entity: codegenJob() }
      if (command instanceof GetCodegenJobCommand) return answers.get?.() ?? { job: codegenJob() }
      throw new Error(`unexpected command ${String(command)}`)
    })
  }
  return { client, sent }
}

function setup(options: { inputs?: Partial<CodegenInputs>; context?: RunContext; start?: () => unknown; get?: () => unknown } = {}) {
  const { client, sent } = fakeClient(options)
  const logged: string[] = []
  const job = createCodegenJob(inputs(options.inputs), {
    // The fake implements only send, which is all the job uses.
    client: client as unknown as Parameters<typeof createCodegenJob>[1]['client'],
    context: options.context ?? runContext,
    log: { info: message => logged.push(message) }
  })
  return { job, sent, logged, client }
}

const signal = new AbortController().signal

describe('start', () => {
  it('sends StartCodegenJob with the app, environment, request and a derived client token', async () => {
    const { job, sent, logged } = setup()
    const started = await job.start(signal)
    expect(sent).toHaveLength(1)
    const command = sent[0]!.command
    expect(command).toBeInstanceOf(StartCodegenJobCommand)
    const input = (command as StartCodegenJobCommand).input
    expect(input.appId).toBe(APP)
    expect(input.environmentName).toBe('staging')
    expect(input.codegenJobToCreate).toEqual(inputs().request)
    expect(input.clientToken).toBe(deriveClientToken(inputs(), runContext))
    expect(input.clientToken).toMatch(/^gha-[0-9a-f]{40}$/)
    expect(sent[0]!.options).toEqual({ abortSignal: signal })
    expect(started).toEqual({ jobId: 'job-1', state: codegenJob() })
    expect(logged).toEqual([`Started codegen job job-1 (app ${APP}, environment staging).`])
  })

  it('sends the client-token input instead of a derived one', async () => {
    const { job, sent } = setup({ inputs: { clientToken: 'my-own-token' } })
    await job.start(signal)
    expect((sent[0]!.command as StartCodegenJobCommand).input.clientToken).toBe('my-own-token')
  })

  it('sends no client token outside GitHub Actions, so the SDK makes one up', async () => {
    const { job, sent } = setup({ context: { workspace: '/work', serverUrl: 'https://github.com' } })
    await job.start(signal)
    expect((sent[0]!.command as StartCodegenJobCommand).input.clientToken).toBeUndefined()
  })

  it('attaches to the job-id input without starting a job', async () => {
    const { job, sent, logged } = setup({ inputs: { jobId: 'existing-7' }, get: () => ({ job: codegenJob({ id: 'existing-7', status: 'succeeded' }) }) })
    expect(await job.start(signal)).toEqual({ jobId: 'existing-7' })
    expect(sent).toHaveLength(0)
    expect(logged[0]).toContain('Waiting for the existing codegen job existing-7')
    const state = await job.read(signal)
    expect((sent[0]!.command as GetCodegenJobCommand).input).toEqual({ appId: APP, environmentName: 'staging', id: 'existing-7' })
    expect(state.id).toBe('existing-7')
  })

  it('refuses an answer without a job', async () => {
    const { job } = setup({ start: () => ({}) })
    await expect(job.start(signal)).rejects.toBeInstanceOf(ActionError)
    const { job: noId } = setup({ start: () => ({ entity: { status: 'in_progress' } }) })
    await expect(noId.start(signal)).rejects.toThrow('answered without a codegen job')
  })
})

describe('read', () => {
  it('reads the started job with GetCodegenJob and its signal', async () => {
    const { job, sent } = setup({
      start: () => ({ entity: codegenJob({ id: 'new-job' }) }),
      get: () => ({ job: codegenJob({ id: 'new-job', status: 'succeeded' }) })
    })
    await job.start(signal)
    const controller = new AbortController()
    const state = await job.read(controller.signal)
    expect(sent[1]!.command).toBeInstanceOf(GetCodegenJobCommand)
    expect((sent[1]!.command as GetCodegenJobCommand).input).toEqual({ appId: APP, environmentName: 'staging', id: 'new-job' })
    expect(sent[1]!.options).toEqual({ abortSignal: controller.signal })
    expect(state.status).toBe('succeeded')
  })

  it('passes errors of the client through', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' })
    const { job } = setup({
      inputs: { jobId: 'job-1' },
      get: () => {
        throw throttled
      }
    })
    await expect(job.read(signal)).rejects.toBe(throttled)
  })
})

describe('status and phase', () => {
  it.each([
    ['in_progress', 'running'],
    ['succeeded', 'succeeded'],
    ['failed', 'failed'],
    ['queued', 'running'],
    [undefined, 'running']
  ] as Array<[string | undefined, string]>)('%s is %s', (status, phase) => {
    expect(codegenPhase(codegenJob({ status: status as CodegenJob['status'] }))).toBe(phase)
    expect(setup().job.phase(codegenJob({ status: status as CodegenJob['status'] }))).toBe(phase)
  })

  it('reports the status as the service spells it, or unknown', () => {
    const { job } = setup()
    expect(job.status(codegenJob({ status: 'succeeded' }))).toBe('succeeded')
    expect(job.status(codegenJob({ status: undefined }))).toBe('unknown')
    expect(job.noun).toBe('codegen job')
  })
})

describe('verifySuccess', () => {
  it('accepts a job without component errors', () => {
    const { job } = setup()
    expect(() => job.verifySuccess!(codegenJob({ status: 'succeeded' }))).not.toThrow()
    expect(() => job.verifySuccess!(codegenJob({ status: 'succeeded', statusMessage: '{"codegenErrors":[]}' }))).not.toThrow()
  })

  it('lists every component in codegenErrors', () => {
    const statusMessage = JSON.stringify({
      codegenErrors: [
        { schemaName: 'ProductCard', error: 'Unknown binding property price' },
        { schemaName: 'NavBar', error: 'Invalid theme reference' },
        { error: 'no schema' }
      ]
    })
    const { job } = setup()
    let error: unknown
    try {
      job.verifySuccess!(codegenJob({ id: 'job-9', status: 'succeeded', statusMessage }))
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(JobFailedError)
    expect((error as Error).message).toBe(
      'Codegen job job-9 succeeded but 3 components failed to generate: ProductCard: Unknown binding property price; NavBar: Invalid theme reference; (unnamed): no schema. Fix them in Amplify Studio and re-run; nothing was written.'
    )
  })

  it('says component, singular, for one', () => {
    const { job } = setup()
    const statusMessage = ' {"codegenErrors":[{"schemaName":"Hero"}]} '
    expect(() => job.verifySuccess!(codegenJob({ statusMessage }))).toThrow('but 1 component failed to generate: Hero: no message.')
  })

  it.each(['Job completed', '{not json', '{"codegenErrors": "none"}', '{"other": []}', '[{"schemaName": "X"}]', ''])(
    'ignores the status message %j',
    statusMessage => {
      const { job } = setup()
      expect(codegenErrorsOf(codegenJob({ statusMessage }))).toEqual([])
      expect(() => job.verifySuccess!(codegenJob({ statusMessage }))).not.toThrow()
    }
  )
})

describe('explainFailure', () => {
  it("includes the service's status message", async () => {
    const { job } = setup()
    const { message } = await job.explainFailure(codegenJob({ id: 'job-3', status: 'failed', statusMessage: 'Schema ProductCard is invalid' }), signal)
    expect(message).toContain('Codegen job job-3 failed: Schema ProductCard is invalid.')
    expect(message).toContain('render config')
  })

  it('says when the service gave no reason', async () => {
    const { job } = setup()
    expect((await job.explainFailure(codegenJob({ status: 'failed' }), signal)).message).toContain('failed: the service gave no reason.')
  })
})

describe('filesOf', () => {
  it("says the job's files are its asset, whose URL it hands over as given", async () => {
    const { job } = setup()
    const files = await job.filesOf!(codegenJob({ status: 'succeeded', asset: { downloadUrl: URL_WITH_SECRET } }), signal)
    expect(files).toMatchObject({ kind: 'codegen-asset', asset: { what: "the codegen job's asset" } })
    expect(files.kind === 'codegen-asset' && (await files.asset.url(signal))).toBe(URL_WITH_SECRET)
  })

  it('fails a succeeded job without an asset', async () => {
    const { job } = setup()
    await expect(job.filesOf!(codegenJob({ id: 'job-4', status: 'succeeded' }), signal)).rejects.toThrow(
      new JobFailedError('Codegen job job-4 succeeded but has no asset to download. Re-run the step; if it persists, report it to AWS.')
    )
  })
})

describe('report', () => {
  it('outputs the dependencies as JSON with every field, and names app and environment', () => {
    const { job } = setup()
    const report = job.report(
      codegenJob({
        status: 'succeeded',
        dependencies: [{ name: 'aws-amplify', supportedVersion: '^6.0.0', isSemVer: true, reason: 'Required' }, { name: '@aws-amplify/ui-react' }]
      })
    )
    expect(JSON.parse(report.outputs.dependencies!)).toEqual([
      { name: 'aws-amplify', supportedVersion: '^6.0.0', isSemVer: true, reason: 'Required' },
      { name: '@aws-amplify/ui-react', supportedVersion: '', isSemVer: false, reason: '' }
    ])
    expect(report.details).toEqual([
      ['App', `\`${APP}\``],
      ['Environment', '`staging`']
    ])
  })

  it('outputs an empty list without a job or dependencies', () => {
    const { job } = setup()
    expect(job.report(undefined).outputs.dependencies).toBe('[]')
    expect(job.report(codegenJob()).outputs.dependencies).toBe('[]')
  })
})

describe('deriveClientToken', () => {
  const base = inputs()

  it('is stable for the same run, attempt, job, step and request', () => {
    const token = deriveClientToken(base, runContext)
    expect(token).toMatch(/^gha-[0-9a-f]{40}$/)
    expect(deriveClientToken(inputs(), { ...runContext })).toBe(token)
  })

  it('does not depend on the order of keys in the request', () => {
    const reordered = inputs({
      request: {
        renderConfig: { react: { apiConfiguration: { dataStoreConfig: {} }, renderTypeDeclarations: true, script: 'jsx', target: 'es2020', module: 'es2020' } }
      }
    })
    expect(deriveClientToken(reordered, runContext)).toBe(deriveClientToken(base, runContext))
  })

  it('treats a missing run attempt as the first', () => {
    const { runAttempt: _omitted, ...withoutAttempt } = runContext
    expect(deriveClientToken(base, withoutAttempt)).toBe(deriveClientToken(base, runContext))
  })

  it.each([
    ['run id', { runId: '9002' }],
    ['run attempt', { runAttempt: '2' }],
    ['job', { job: 'codegen-2' }],
    ['step id', { stepId: 'generate-again' }]
  ])('changes with the %s', (_label, change) => {
    expect(deriveClientToken(base, { ...runContext, ...change })).not.toBe(deriveClientToken(base, runContext))
  })

  it.each([
    ['app', { appId: 'd9z8y7' }],
    ['environment', { environment: 'prod' }],
    ['render config', { request: { renderConfig: { react: { ...base.request.renderConfig.react, script: 'tsx' } } } }],
    ['auto-generate-forms', { request: { ...base.request, autoGenerateForms: false } }],
    ['dependencies', { request: { renderConfig: { react: { ...base.request.renderConfig.react, dependencies: { 'aws-amplify': '^6.0.0' } } } } }]
  ])('changes with the %s of the request', (_label, change) => {
    expect(deriveClientToken(inputs(change as Partial<CodegenInputs>), runContext)).not.toBe(deriveClientToken(base, runContext))
  })

  it('does not change with settings that are not part of the request', () => {
    const other = inputs({ timeoutMs: 1_000, clean: true, output: { relative: 'gen', absolute: '/work/gen' }, wait: false })
    expect(deriveClientToken(other, runContext)).toBe(deriveClientToken(base, runContext))
  })

  it('is undefined outside GitHub Actions', () => {
    expect(deriveClientToken(base, { workspace: '/work', serverUrl: 'https://github.com' })).toBeUndefined()
  })
})
