import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { RunContext } from '../../src/context.js'
import { InputError } from '../../src/errors.js'
import { type ActionInputs, type BackendInputs, type CodegenInputs, type HostingInputs, type InputSource, readInputs } from '../../src/inputs.js'

let root: string
let workspace: string
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'inputs-test-'))
  workspace = path.join(root, 'workspace')
  fs.mkdirSync(workspace)
})
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true })
})

interface FakeSource extends InputSource {
  warnings: string[]
}

function source(values: Record<string, string>): FakeSource {
  const warnings: string[] = []
  return { get: name => values[name] ?? '', warn: message => warnings.push(message), warnings }
}

function context(extra: Partial<RunContext> = {}): RunContext {
  return { workspace, serverUrl: 'https://github.com', ...extra }
}

const APP = 'd1a2b3c4d5e6f7'
const codegenBase = { 'app-id': APP, environment: 'staging' }
const releaseBase = { 'job-type': 'release', 'app-id': APP, branch: 'main' }
const retryBase = { 'job-type': 'retry', 'app-id': APP, branch: 'main', 'job-id': '12' }
const backendBase = { 'job-type': 'backend', 'app-id': APP, environment: 'staging', 'job-id': 'a1b2-c3' }

function read(values: Record<string, string>, ctx: RunContext = context()): ActionInputs {
  return readInputs(source(values), ctx)
}
const readCodegen = (values: Record<string, string>): CodegenInputs => read({ ...codegenBase, ...values }) as CodegenInputs
const readHosting = (values: Record<string, string>, ctx?: RunContext): HostingInputs => read(values, ctx) as HostingInputs

/** The InputError that reading these inputs throws. */
function inputError(values: Record<string, string>, ctx: RunContext = context()): InputError {
  try {
    readInputs(source(values), ctx)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('readInputs did not throw')
}

/** Checks that the error names the input and quotes the bad value. */
function expectRefused(values: Record<string, string>, input: string, value?: string): InputError {
  const error = inputError(values)
  expect(error.input).toBe(input)
  expect(error.message.startsWith(`Input '${input}': `)).toBe(true)
  if (value !== undefined) expect(error.message).toContain(JSON.stringify(value))
  return error
}

describe('app-id', () => {
  it('is required', () => {
    expect(expectRefused({ environment: 'staging' }, 'app-id').message).toContain('is required')
  })

  it.each(['d1', 'dabc123', 'd' + '1'.repeat(19)])('accepts %j', appId => {
    expect(readCodegen({ 'app-id': appId }).appId).toBe(appId)
  })

  it.each(['x1a2b3', 'd', 'D1A2B3', 'd1A2b3', 'd1-2', 'd1 2', ' d12', 'd' + '1'.repeat(20)])('refuses %j', appId => {
    expectRefused({ ...codegenBase, 'app-id': appId }, 'app-id', appId)
  })
})

describe('job-type', () => {
  it('defaults to codegen', () => {
    expect(read(codegenBase).jobType).toBe('codegen')
  })

  it.each([
    ['Codegen', 'codegen'],
    ['RELEASE', 'release'],
    ['Retry', 'retry'],
    ['bAcKeNd', 'backend']
  ])('reads %j case-insensitively', (raw, jobType) => {
    const values = { 'app-id': APP, 'job-type': raw, environment: 'e1', branch: 'main', 'job-id': '7' }
    expect(readInputs(source(values), context()).jobType).toBe(jobType)
  })

  it('refuses an unknown job type and lists the known ones', () => {
    const error = expectRefused({ ...codegenBase, 'job-type': 'publish' }, 'job-type', 'publish')
    expect(error.message).toContain('codegen, release, retry, backend, deploy, delete-branch')
  })
})

describe('environment', () => {
  it.each(['codegen', 'backend'])('is required for %s', jobType => {
    const error = expectRefused({ 'job-type': jobType, 'app-id': APP, 'job-id': 'x1' }, 'environment')
    expect(error.message).toContain(`is required for job-type '${jobType}'`)
  })

  it.each(['stag ing', '-dev', 'dev/1', 'a'.repeat(256)])('refuses %j', environment => {
    expectRefused({ ...codegenBase, environment }, 'environment', environment)
  })

  it('is read for backend', () => {
    const inputs = read(backendBase) as BackendInputs
    expect(inputs).toMatchObject({ jobType: 'backend', environment: 'staging', jobId: 'a1b2-c3' })
  })
})

describe('branch', () => {
  it.each(['release', 'retry'])('is required for %s', jobType => {
    const error = expectRefused({ 'job-type': jobType, 'app-id': APP, 'job-id': '3' }, 'branch')
    expect(error.message).toContain(`is required for job-type '${jobType}'`)
  })

  it('accepts 255 characters and slashes, refuses 256 and control characters', () => {
    expect(readHosting({ ...releaseBase, branch: 'b'.repeat(255) }).branch).toHaveLength(255)
    expect(readHosting({ ...releaseBase, branch: 'feature/new-ui' }).branch).toBe('feature/new-ui')
    expectRefused({ ...releaseBase, branch: 'b'.repeat(256) }, 'branch', 'b'.repeat(256))
    expectRefused({ ...releaseBase, branch: 'main\u0007' }, 'branch', 'main\u0007')
  })
})

describe('job-id', () => {
  it('is required for retry, and digits only', () => {
    const { 'job-id': _omitted, ...withoutJobId } = retryBase
    expect(expectRefused(withoutJobId, 'job-id').message).toContain("is required for job-type 'retry'")
    expect(expectRefused({ ...retryBase, 'job-id': 'abc' }, 'job-id', 'abc').message).toContain('digits only')
    expectRefused({ ...retryBase, 'job-id': '12a' }, 'job-id', '12a')
    expect(readHosting(retryBase).jobId).toBe('12')
  })

  it('is required for backend', () => {
    const { 'job-id': _omitted, ...withoutJobId } = backendBase
    expect(expectRefused(withoutJobId, 'job-id').message).toContain("is required for job-type 'backend'")
  })

  it('is optional for codegen and checked when given', () => {
    expect(readCodegen({}).jobId).toBeUndefined()
    expect(readCodegen({ 'job-id': '4c1f2e3a-0b9d-4c8e-9f00-123456789abc' }).jobId).toBe('4c1f2e3a-0b9d-4c8e-9f00-123456789abc')
    expectRefused({ ...codegenBase, 'job-id': '../x' }, 'job-id', '../x')
    expectRefused({ ...codegenBase, 'job-id': 'a'.repeat(129) }, 'job-id', 'a'.repeat(129))
  })

  it('is ignored with a warning for release, even when it is not a hosting job id', () => {
    const values = source({ ...releaseBase, 'job-id': 'not-digits' })
    const inputs = readInputs(values, context()) as HostingInputs
    expect(inputs.jobId).toBeUndefined()
    expect(values.warnings).toEqual(["Input 'job-id' is not used by job-type 'release' and is ignored."])
  })
})

describe('output-path', () => {
  function output(raw: string | undefined, jobType: 'codegen' | 'release' = 'codegen'): { relative: string; absolute: string } | undefined {
    const base = jobType === 'codegen' ? codegenBase : releaseBase
    const inputs = read(raw === undefined ? base : { ...base, 'output-path': raw }) as CodegenInputs | HostingInputs
    return inputs.output
  }
  const real = (p: string): string => fs.realpathSync(p)

  it('defaults to src/ui-components for codegen', () => {
    expect(output(undefined)).toEqual({ relative: 'src/ui-components', absolute: path.join(real(workspace), 'src', 'ui-components') })
  })

  it('has no default for release', () => {
    expect(output(undefined, 'release')).toBeUndefined()
    expect(output('dist/site', 'release')).toEqual({ relative: 'dist/site', absolute: path.join(real(workspace), 'dist', 'site') })
  })

  it('normalises a relative path', () => {
    expect(output('./src//components/../ui/')?.relative).toBe('src/ui')
  })

  it('accepts an absolute path inside the workspace and reports it workspace-relative', () => {
    expect(output(path.join(workspace, 'src', 'ui'))).toEqual({ relative: 'src/ui', absolute: path.join(real(workspace), 'src', 'ui') })
  })

  it('accepts a folder whose name starts with two dots', () => {
    expect(output('..generated/ui')?.relative).toBe('..generated/ui')
  })

  it.each(['..', '../elsewhere', 'src/../../elsewhere', '/etc/ui'])('refuses %j, which leaves the workspace', raw => {
    expectRefused({ ...codegenBase, 'output-path': raw }, 'output-path', raw)
  })

  it.each(['.', './', 'src/..'])('refuses the workspace root %j', raw => {
    expect(expectRefused({ ...codegenBase, 'output-path': raw }, 'output-path', raw).message).toContain('not a folder below the workspace root')
  })

  it.each(['.git', '.git/ui', '.GIT/ui', 'sub/.Git/hooks'])('refuses %j inside .git', raw => {
    expect(expectRefused({ ...codegenBase, 'output-path': raw }, 'output-path', raw).message).toContain('inside .git')
  })

  it('refuses a symlink into .git', () => {
    fs.mkdirSync(path.join(workspace, '.git'))
    fs.symlinkSync(path.join(workspace, '.git'), path.join(workspace, 'hooks-link'))
    expect(expectRefused({ ...codegenBase, 'output-path': 'hooks-link/ui' }, 'output-path', 'hooks-link/ui').message).toContain('inside .git')
  })

  it('refuses a path through a symlink that leaves the workspace', () => {
    const outside = path.join(root, 'outside')
    fs.mkdirSync(outside)
    fs.symlinkSync(outside, path.join(workspace, 'out'))
    expect(expectRefused({ ...codegenBase, 'output-path': 'out/ui' }, 'output-path', 'out/ui').message).toContain('through a symlink')
    expectRefused({ ...codegenBase, 'output-path': 'out' }, 'output-path', 'out')
  })

  it('refuses a symlink to the workspace root', () => {
    fs.symlinkSync(workspace, path.join(workspace, 'self'))
    expectRefused({ ...codegenBase, 'output-path': 'self' }, 'output-path', 'self')
  })

  it('accepts a symlink to another folder inside the workspace and writes to the real folder', () => {
    fs.mkdirSync(path.join(workspace, 'real', 'target'), { recursive: true })
    fs.symlinkSync(path.join(workspace, 'real', 'target'), path.join(workspace, 'linked'))
    expect(output('linked/ui')).toEqual({ relative: 'linked/ui', absolute: path.join(real(workspace), 'real', 'target', 'ui') })
  })

  it('refuses a broken symlink', () => {
    fs.symlinkSync(path.join(workspace, 'nothing-here'), path.join(workspace, 'dangling'))
    expect(expectRefused({ ...codegenBase, 'output-path': 'dangling/ui' }, 'output-path', 'dangling/ui').message).toContain('broken symlink')
    expectRefused({ ...codegenBase, 'output-path': 'dangling' }, 'output-path', 'dangling')
  })

  it('refuses an existing file', () => {
    fs.writeFileSync(path.join(workspace, 'README.md'), '# app')
    expect(expectRefused({ ...codegenBase, 'output-path': 'README.md' }, 'output-path', 'README.md').message).toContain('is not a folder')
  })

  it('refuses a missing folder below a file', () => {
    fs.writeFileSync(path.join(workspace, 'README.md'), '# app')
    const error = expectRefused({ ...codegenBase, 'output-path': 'README.md/ui/x' }, 'output-path', 'README.md/ui/x')
    expect(error.message).toContain('"README.md", which is a file')
  })

  it('accepts an existing folder', () => {
    fs.mkdirSync(path.join(workspace, 'src', 'ui-components'), { recursive: true })
    expect(output(undefined)?.absolute).toBe(path.join(real(workspace), 'src', 'ui-components'))
  })

  it('works when the workspace itself is reached through a symlink', () => {
    const linkedWorkspace = path.join(root, 'ws-link')
    fs.symlinkSync(workspace, linkedWorkspace)
    const inputs = readInputs(source({ ...codegenBase, 'output-path': 'gen' }), context({ workspace: linkedWorkspace })) as CodegenInputs
    expect(inputs.output).toEqual({ relative: 'gen', absolute: path.join(real(workspace), 'gen') })
  })
})

describe('render-config and generic-data-schema paths', () => {
  it('reads a render config relative to the workspace', () => {
    fs.mkdirSync(path.join(workspace, 'amplify'))
    fs.writeFileSync(path.join(workspace, 'amplify', 'rc.json'), JSON.stringify({ react: { script: 'tsx' } }))
    expect(readCodegen({ 'render-config': 'amplify/rc.json' }).request.renderConfig.react.script).toBe('tsx')
  })

  it.each([
    ['render-config', '../rc.json'],
    ['generic-data-schema', '/etc/passwd']
  ])('refuses %s %j outside the workspace', (input, raw) => {
    expect(expectRefused({ ...codegenBase, [input]: raw }, input, raw).message).toContain('outside the workspace')
  })

  it('refuses a render config reached through a symlink that leaves the workspace', () => {
    fs.writeFileSync(path.join(root, 'secret.json'), '{}')
    fs.symlinkSync(path.join(root, 'secret.json'), path.join(workspace, 'rc.json'))
    expectRefused({ ...codegenBase, 'render-config': 'rc.json' }, 'render-config', 'rc.json')
  })

  it('says a missing file does not exist, also when the workspace is reached through a symlink', () => {
    const linkedWorkspace = path.join(root, 'ws-link')
    fs.symlinkSync(workspace, linkedWorkspace)
    const error = inputError({ ...codegenBase, 'render-config': 'missing.json' }, context({ workspace: linkedWorkspace }))
    expect(error.input).toBe('render-config')
    expect(error.message).toContain("'missing.json' does not exist")
  })

  it('passes dependencies and their source through', () => {
    fs.writeFileSync(path.join(workspace, 'package.json'), JSON.stringify({ dependencies: { 'aws-amplify': '^6.0.0' } }))
    const inputs = readCodegen({})
    expect(inputs.request.renderConfig.react.dependencies).toEqual({ 'aws-amplify': '^6.0.0' })
    expect(inputs.dependencySource).toBe('package.json')
  })
})

describe('booleans', () => {
  const cases: Array<[string, Record<string, string>, (inputs: ActionInputs) => unknown]> = [
    ['wait', codegenBase, inputs => inputs.wait],
    ['clean', codegenBase, inputs => (inputs as CodegenInputs).clean],
    ['stop-on-cancel', releaseBase, inputs => (inputs as HostingInputs).stopOnCancel],
    ['auto-generate-forms', codegenBase, inputs => (inputs as CodegenInputs).request.autoGenerateForms]
  ]

  it.each(cases)('%s reads true, True, TRUE, false, False, FALSE', (name, base, pick) => {
    for (const word of ['true', 'True', 'TRUE']) expect(pick(read({ ...base, [name]: word }))).toBe(true)
    for (const word of ['false', 'False', 'FALSE']) expect(pick(read({ ...base, [name]: word }))).toBe(false)
  })

  it.each(cases)('%s refuses yes, 1 and tRuE', (name, base) => {
    for (const word of ['yes', '1', 'tRuE']) {
      expect(expectRefused({ ...base, [name]: word }, name, word).message).toContain('use true or false')
    }
  })

  it('defaults: wait true, clean false, stop-on-cancel true, auto-generate-forms unset', () => {
    const codegen = readCodegen({})
    expect(codegen.wait).toBe(true)
    expect(codegen.clean).toBe(false)
    expect(codegen.request.autoGenerateForms).toBeUndefined()
    expect(readHosting(releaseBase).stopOnCancel).toBe(true)
    expect(readHosting(releaseBase).clean).toBe(false)
  })
})

describe('timeout and poll-interval', () => {
  it.each([
    ['codegen', codegenBase, 10 * 60_000, 500, 2_000],
    ['release', releaseBase, 60 * 60_000, 2_000, 10_000],
    ['retry', retryBase, 60 * 60_000, 2_000, 10_000],
    ['backend', backendBase, 30 * 60_000, 2_000, 10_000]
  ])('%s defaults', (_jobType, base, timeoutMs, firstPollMs, maxPollMs) => {
    expect(read(base)).toMatchObject({ timeoutMs, firstPollMs, maxPollMs })
  })

  it.each([
    ['600', 600_000],
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['1s', 1_000],
    ['6h', 6 * 3_600_000]
  ])('timeout %j', (raw, ms) => {
    expect(readCodegen({ timeout: raw, 'poll-interval': '100ms' }).timeoutMs).toBe(ms)
  })

  it.each(['abc', '10x', '1m1h', '-5'])('refuses timeout %j as not a duration', raw => {
    expect(expectRefused({ ...codegenBase, timeout: raw }, 'timeout', raw).message).toContain('is not a duration')
  })

  it.each(['0', '999ms', '6h1s', '100h'])('refuses timeout %j as out of range', raw => {
    expect(expectRefused({ ...codegenBase, timeout: raw }, 'timeout', raw).message).toContain('out of range: use from 1.0s to 6h0m0s')
  })

  it('poll-interval sets the first delay and raises the cap when larger', () => {
    expect(readCodegen({ 'poll-interval': '1s' })).toMatchObject({ firstPollMs: 1_000, maxPollMs: 2_000 })
    expect(readCodegen({ 'poll-interval': '5s' })).toMatchObject({ firstPollMs: 5_000, maxPollMs: 5_000 })
    expect(read({ ...releaseBase, 'poll-interval': '30s' })).toMatchObject({ firstPollMs: 30_000, maxPollMs: 30_000 })
  })

  it.each(['50ms', '99ms', '11m', 'soon'])('refuses poll-interval %j', raw => {
    expectRefused({ ...codegenBase, 'poll-interval': raw, timeout: '1h' }, 'poll-interval', raw)
  })

  it('refuses a poll-interval not shorter than the timeout', () => {
    const equal = expectRefused({ ...codegenBase, 'poll-interval': '30s', timeout: '30' }, 'poll-interval')
    expect(equal.message).toContain('30.0s is not shorter than the timeout (30.0s)')
    // Against the job type's default timeout too: codegen's is 10m.
    expect(expectRefused({ ...codegenBase, 'poll-interval': '10m' }, 'poll-interval').message).toContain('(10m0s)')
    expect(readCodegen({ 'poll-interval': '29s', timeout: '30s' }).firstPollMs).toBe(29_000)
  })
})

describe('region', () => {
  it.each(['us-east-1', 'eu-west-2', 'ap-southeast-1', 'us-gov-west-1', 'eu-central-2', 'cn-north-1'])('accepts %j', region => {
    expect(readCodegen({ region }).region).toBe(region)
  })

  it('is undefined when not given', () => {
    expect(readCodegen({}).region).toBeUndefined()
  })

  it.each(['US-EAST-1', 'useast1', 'us-east', 'us_east_1', 'us-east-1a', 'eu-west-2 '])('refuses %j', region => {
    expectRefused({ ...codegenBase, region }, 'region', region)
  })
})

describe('client-token', () => {
  it('is read for codegen', () => {
    expect(readCodegen({ 'client-token': 'my-token_1' }).clientToken).toBe('my-token_1')
    expect(readCodegen({ 'client-token': 'x'.repeat(128) }).clientToken).toHaveLength(128)
    expect(readCodegen({}).clientToken).toBeUndefined()
  })

  it.each(['has space', 'x'.repeat(129), 'ünïcode'])('refuses %j', token => {
    expectRefused({ ...codegenBase, 'client-token': token }, 'client-token', token)
  })
})

describe('inputs a job type does not use', () => {
  it('warns about each one and ignores it', () => {
    const values = source({ ...codegenBase, branch: 'main', 'stop-on-cancel': 'false', 'commit-id': 'abc' })
    const inputs = readInputs(values, context())
    expect(values.warnings).toEqual([
      "Input 'branch' is not used by job-type 'codegen' and is ignored.",
      "Input 'commit-id' is not used by job-type 'codegen' and is ignored.",
      "Input 'stop-on-cancel' is not used by job-type 'codegen' and is ignored."
    ])
    expect(inputs).not.toHaveProperty('branch')
    expect(inputs).not.toHaveProperty('stopOnCancel')
  })

  it('ignores an invalid value of an input the job type does not use', () => {
    const values = source({ ...backendBase, 'output-path': '../outside', clean: 'maybe', 'render-config': 'x.json' })
    const inputs = readInputs(values, context())
    expect(inputs).not.toHaveProperty('output')
    expect(values.warnings).toHaveLength(3)
    expect(values.warnings.join('\n')).toContain("'output-path' is not used by job-type 'backend'")
  })

  it('does not warn about the inputs every job type uses', () => {
    const values = source({
      ...retryBase,
      wait: 'false',
      timeout: '5m',
      'poll-interval': '1s',
      region: 'us-east-1',
      'output-path': 'dist',
      clean: 'true',
      'stop-on-cancel': 'false'
    })
    readInputs(values, context())
    expect(values.warnings).toEqual([])
  })
})

describe('release defaults from the run', () => {
  const run = context({
    sha: '0123456789abcdef0123456789abcdef01234567',
    headCommit: { message: 'Add the pricing page', timestamp: '2024-05-01T10:20:30Z' },
    workflow: 'Deploy',
    runNumber: '42',
    repository: 'octo/app',
    runId: '987'
  })

  it('takes commit id, message, time and a reason naming the run', () => {
    const inputs = readHosting(releaseBase, run)
    expect(inputs.commitId).toBe('0123456789abcdef0123456789abcdef01234567')
    expect(inputs.commitMessage).toBe('Add the pricing page')
    expect(inputs.commitTime).toEqual(new Date('2024-05-01T10:20:30Z'))
    expect(inputs.jobReason).toBe('GitHub Actions: Deploy run #42 https://github.com/octo/app/actions/runs/987')
  })

  it('lets the inputs win', () => {
    const inputs = readHosting({ ...releaseBase, 'commit-id': run.sha!, 'commit-message': 'Manual', 'job-reason': 'Hotfix' }, run)
    expect(inputs).toMatchObject({ commitId: run.sha, commitMessage: 'Manual', jobReason: 'Hotfix' })
    expect(inputs.commitTime).toEqual(new Date('2024-05-01T10:20:30Z'))
  })

  it('does not describe another commit-id with the head commit message and time', () => {
    const inputs = readHosting({ ...releaseBase, 'commit-id': 'feedface' }, run)
    expect(inputs.commitId).toBe('feedface')
    expect(inputs.commitMessage).toBeUndefined()
    expect(inputs.commitTime).toBeUndefined()
  })

  it('leaves message and time out without a head commit, and ignores a bad timestamp', () => {
    expect(readHosting(releaseBase, context({ sha: 'abc' }))).toMatchObject({ commitId: 'abc', commitMessage: undefined, commitTime: undefined })
    expect(readHosting(releaseBase, context({ headCommit: { timestamp: 'yesterday' } })).commitTime).toBeUndefined()
  })

  it('names the workflow even without run details, and cuts long texts to the service limits', () => {
    expect(readHosting(releaseBase, context()).jobReason).toBe('GitHub Actions: workflow')
    const long = readHosting({ ...releaseBase, 'job-reason': 'r'.repeat(300), 'commit-message': 'm'.repeat(10_001) }, run)
    expect(long.jobReason).toHaveLength(255)
    expect(long.commitMessage).toHaveLength(10_000)
  })

  it('is not applied to retry', () => {
    const inputs = readHosting(retryBase, run)
    expect(inputs).toMatchObject({ jobType: 'retry', jobId: '12', branch: 'main' })
    expect(inputs.commitId).toBeUndefined()
    expect(inputs.jobReason).toBeUndefined()
  })
})

describe('the whole value', () => {
  it('reads a complete codegen configuration', () => {
    const inputs = readCodegen({
      wait: 'false',
      clean: 'true',
      'job-id': 'job-1',
      timeout: '15m',
      'poll-interval': '1s',
      region: 'eu-west-1',
      'client-token': 'tok'
    })
    expect(inputs).toMatchObject({
      jobType: 'codegen',
      appId: APP,
      environment: 'staging',
      wait: false,
      clean: true,
      jobId: 'job-1',
      timeoutMs: 900_000,
      firstPollMs: 1_000,
      maxPollMs: 2_000,
      region: 'eu-west-1',
      clientToken: 'tok',
      workspace,
      dependencySource: 'none'
    })
  })
})

describe('deploy and delete-branch', () => {
  const deployBase = { 'job-type': 'deploy', 'app-id': APP, branch: 'pr-7', source: 'dist' }

  beforeEach(() => {
    fs.mkdirSync(path.join(workspace, 'dist'))
  })

  it('deploy: the branch, the source folder, create-branch (default false) and stop-on-cancel (default true), 30 minutes', () => {
    expect(read(deployBase)).toEqual({
      jobType: 'deploy',
      appId: APP,
      branch: 'pr-7',
      source: { kind: 'folder', relative: 'dist', absolute: fs.realpathSync(path.join(workspace, 'dist')) },
      createBranch: false,
      forPullRequest: false,
      stopOnCancel: true,
      wait: true,
      timeoutMs: 1_800_000,
      firstPollMs: 2_000,
      maxPollMs: 10_000,
      region: undefined,
      workspace,
      prComment: false,
      githubToken: ''
    })
    expect(read({ ...deployBase, 'create-branch': 'true', 'stop-on-cancel': 'false' })).toMatchObject({ createBranch: true, stopOnCancel: false })
  })

  it('deploy: a run for a pull request (pull_request or pull_request_target) makes previews of stage PULL_REQUEST', () => {
    expect(read(deployBase, context({ eventName: 'pull_request' }))).toMatchObject({ forPullRequest: true })
    expect(read(deployBase, context({ eventName: 'pull_request_target' }))).toMatchObject({ forPullRequest: true })
    expect(read(deployBase, context({ eventName: 'push' }))).toMatchObject({ forPullRequest: false })
  })

  it('deploy needs a branch and a source, each refused with what to give', () => {
    expect(expectRefused({ ...deployBase, branch: '' }, 'branch').message).toBe(
      "Input 'branch': is required for job-type 'deploy': the Amplify branch to deploy to, e.g. 'main'."
    )
    expect(expectRefused({ ...deployBase, source: '' }, 'source').message).toMatch(
      /is required for job-type 'deploy': the folder your build wrote the site into/
    )
    expect(expectRefused({ ...deployBase, source: '../x' }, 'source', '../x').message).toMatch(/outside the workspace/)
    expectRefused({ ...deployBase, 'create-branch': 'yes' }, 'create-branch', 'yes')
  })

  it('delete-branch: the app and the branch, 5 minutes', () => {
    expect(read({ 'job-type': 'delete-branch', 'app-id': APP, branch: 'pr-7' })).toMatchObject({
      jobType: 'delete-branch',
      appId: APP,
      branch: 'pr-7',
      timeoutMs: 300_000
    })
    expect(expectRefused({ 'job-type': 'delete-branch', 'app-id': APP }, 'branch').message).toBe(
      "Input 'branch': is required for job-type 'delete-branch': the preview branch to delete, e.g. 'pr-42'."
    )
  })

  it('warns about inputs deploy and delete-branch do not use', () => {
    const values = source({ 'job-type': 'delete-branch', 'app-id': APP, branch: 'pr-7', source: 'dist', 'output-path': 'x' })
    readInputs(values, context())
    expect(values.warnings).toEqual([
      "Input 'output-path' is not used by job-type 'delete-branch' and is ignored.",
      "Input 'source' is not used by job-type 'delete-branch' and is ignored."
    ])
  })
})

describe('pr-comment and github-token', () => {
  it('every job type takes them, without a warning; pr-comment is false unless given', () => {
    for (const base of [codegenBase, releaseBase, retryBase, backendBase]) {
      const values = source({ ...base, 'pr-comment': 'true', 'github-token': 'ghs_token' })
      expect(readInputs(values, context())).toMatchObject({ prComment: true, githubToken: 'ghs_token' })
      expect(values.warnings).toEqual([])
      expect(read(base)).toMatchObject({ prComment: false })
    }
  })

  it('pr-comment must be a boolean', () => {
    expectRefused({ ...releaseBase, 'pr-comment': 'yes please' }, 'pr-comment', 'yes please')
  })
})
