/**
 * Bad input fails the step before any AWS call: the message names the input, the bad value and
 * what is allowed, and the emulator receives no request at all.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { makeWorkspace, runAction, treeOf, useEmulator } from './harness.js'

const emulator = useEmulator()

const VALID = { 'app-id': 'd1a2b3c4d5e6f7', environment: 'staging' }

interface BadInputCase {
  name: string
  inputs: Record<string, string>
  files?: Record<string, string>
  /** The input the message must name. */
  input: string
  message: RegExp
}

const CASES: BadInputCase[] = [
  { name: 'app-id missing', inputs: { 'app-id': '' }, input: 'app-id', message: /is required/ },
  { name: 'app-id with capitals', inputs: { 'app-id': 'D1A2B3' }, input: 'app-id', message: /"D1A2B3" is not an Amplify app id/ },
  { name: 'app-id too long', inputs: { 'app-id': 'd' + '1'.repeat(20) }, input: 'app-id', message: /at most 20 characters/ },
  {
    name: 'unknown job-type',
    inputs: { 'job-type': 'publish' },
    input: 'job-type',
    message: /"publish".*codegen, release, retry, backend, deploy, delete-branch/
  },
  { name: 'environment missing', inputs: { environment: '' }, input: 'environment', message: /is required for job-type 'codegen'/ },
  { name: 'environment with a slash', inputs: { environment: 'a/b' }, input: 'environment', message: /"a\/b" is not a backend environment name/ },
  { name: 'render-config missing file', inputs: { 'render-config': 'nope.json' }, input: 'render-config', message: /'nope.json' does not exist/ },
  {
    name: 'render-config invalid JSON',
    inputs: { 'render-config': 'render.json' },
    files: { 'render.json': '{\n  "react": {\n    "script": "jsx",\n  }\n}' },
    input: 'render-config',
    message: /not valid JSON: .* at line 4, column 3/
  },
  {
    name: 'render-config unknown script',
    inputs: { 'render-config': 'render.json' },
    files: { 'render.json': '{"react": {"script": "coffee"}}' },
    input: 'render-config',
    message: /react\.script is "coffee"; allowed values are "js", "jsx", "tsx"/
  },
  {
    name: 'render-config unknown module',
    inputs: { 'render-config': 'render.json' },
    files: { 'render.json': '{"react": {"module": "commonjs"}}' },
    input: 'render-config',
    message: /react\.module is "commonjs"; allowed values are "es2020", "esnext"/
  },
  {
    name: 'render-config unknown target',
    inputs: { 'render-config': 'render.json' },
    files: { 'render.json': '{"react": {"target": "es5"}}' },
    input: 'render-config',
    message: /react\.target is "es5"; allowed values are "es2015", "es2020"/
  },
  {
    name: 'apiConfiguration with two members',
    inputs: { 'render-config': 'render.json' },
    files: { 'render.json': '{"react": {"apiConfiguration": {"dataStoreConfig": {}, "noApiConfig": {}}}}' },
    input: 'render-config',
    message: /exactly one of graphQLConfig, dataStoreConfig, noApiConfig; it has dataStoreConfig, noApiConfig/
  },
  {
    name: 'apiConfiguration with no member',
    inputs: { 'render-config': 'render.json' },
    files: { 'render.json': '{"react": {"apiConfiguration": {}}}' },
    input: 'render-config',
    message: /exactly one of .* it has none/
  },
  {
    name: 'graphQLConfig missing a path',
    inputs: { 'render-config': 'render.json' },
    files: {
      'render.json': JSON.stringify({
        react: { apiConfiguration: { graphQLConfig: { typesFilePath: 'a', queriesFilePath: 'b', mutationsFilePath: 'c', subscriptionsFilePath: 'd' } } }
      })
    },
    input: 'render-config',
    message: /graphQLConfig is missing fragmentsFilePath/
  },
  {
    name: 'generic-data-schema not an object',
    inputs: { 'generic-data-schema': 'schema.json' },
    files: { 'schema.json': '[1, 2]' },
    input: 'generic-data-schema',
    message: /must be a JSON object/
  },
  { name: 'auto-generate-forms not a boolean', inputs: { 'auto-generate-forms': 'yes' }, input: 'auto-generate-forms', message: /"yes" is not a boolean/ },
  { name: 'job-id with a slash', inputs: { 'job-id': '../x' }, input: 'job-id', message: /"..\/x" is not a job id/ },
  {
    name: 'output-path escaping the workspace',
    inputs: { 'output-path': '../elsewhere' },
    input: 'output-path',
    message: /not a folder below the workspace root/
  },
  { name: 'output-path the workspace root', inputs: { 'output-path': '.' }, input: 'output-path', message: /not a folder below the workspace root/ },
  { name: 'output-path inside .git', inputs: { 'output-path': '.git/hooks' }, input: 'output-path', message: /inside \.git/ },
  { name: 'clean not a boolean', inputs: { clean: 'always' }, input: 'clean', message: /"always" is not a boolean/ },
  { name: 'client-token with spaces', inputs: { 'client-token': 'a b' }, input: 'client-token', message: /printable ASCII/ },
  { name: 'wait not a boolean', inputs: { wait: 'maybe' }, input: 'wait', message: /"maybe" is not a boolean/ },
  { name: 'timeout not a duration', inputs: { timeout: '10 minutes' }, input: 'timeout', message: /"10 minutes" is not a duration/ },
  { name: 'poll-interval not a duration', inputs: { 'poll-interval': 'often' }, input: 'poll-interval', message: /"often" is not a duration/ },
  {
    name: 'poll-interval longer than timeout',
    inputs: { timeout: '30s', 'poll-interval': '1m' },
    input: 'poll-interval',
    message: /not shorter than the timeout/
  },
  { name: 'region not a region', inputs: { region: 'mars' }, input: 'region', message: /"mars" is not an AWS region/ }
]

describe('bad inputs fail before any AWS call', () => {
  it.each(CASES)('$name', async ({ inputs, files, input, message }) => {
    const workspace = makeWorkspace(files)
    const before = treeOf(workspace)
    const run = await runAction({ workspace, inputs: { ...VALID, ...inputs }, env: emulator().env })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(`Input '${input}'`)
    expect(run.errors[0]).toMatch(message)
    expect(emulator().requests).toEqual([])
    expect(treeOf(workspace)).toEqual(before)
  })

  it('output-path through a symlink that leaves the workspace', async () => {
    const workspace = makeWorkspace()
    const outside = makeWorkspace()
    symlinkSync(outside, join(workspace, 'generated'))
    const run = await runAction({ workspace, inputs: { ...VALID, 'output-path': 'generated/ui' }, env: emulator().env })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toMatch(/Input 'output-path': "generated\/ui" leads outside the workspace/)
    expect(emulator().requests).toEqual([])
    expect(treeOf(outside)).toEqual({})
  })

  it('an invalid render config is annotated on its file and line', async () => {
    const workspace = makeWorkspace({ 'render.json': '{\n  "react": {\n    "script": jsx\n  }\n}' })
    const run = await runAction({ workspace, inputs: { ...VALID, 'render-config': 'render.json' }, env: emulator().env })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error file=render\.json,line=3,col=15::/)
    expect(emulator().requests).toEqual([])
  })

  it('a render config value that is not allowed is annotated on the line of its key', async () => {
    const workspace = makeWorkspace({ 'amplify/render.json': '{\n  "react": {\n    "module": "es2020",\n    "script": "ts"\n  }\n}' })
    const run = await runAction({ workspace, inputs: { ...VALID, 'render-config': 'amplify/render.json' }, env: emulator().env })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      `::error file=amplify/render.json,line=4,col=5::Input 'render-config': 'amplify/render.json' react.script is "ts"; allowed values are "js", "jsx", "tsx". See line 4, column 5.`
    )
    expect(emulator().requests).toEqual([])
  })

  it('retry without job-id fails before any AWS call', async () => {
    const run = await runAction({ workspace: makeWorkspace(), inputs: { 'app-id': VALID['app-id'], 'job-type': 'retry', branch: 'main' }, env: emulator().env })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toMatch(/Input 'job-id': is required for job-type 'retry'/)
    expect(emulator().requests).toEqual([])
  })
})

describe('missing AWS setup', () => {
  const withoutCredentials = (env: Record<string, string>): Record<string, string> => {
    const { AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _secret, ...rest } = env
    return rest
  }

  it('no credentials: points to configure-aws-credentials, sends nothing', async () => {
    const run = await runAction({ workspace: makeWorkspace(), inputs: VALID, env: withoutCredentials(emulator().env) })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toMatch(/No AWS credentials were found.*aws-actions\/configure-aws-credentials/)
    expect(emulator().requests).toEqual([])
  })

  it('no region: points to the region input and configure-aws-credentials, sends nothing', async () => {
    const { AWS_REGION: _region, ...env } = emulator().env
    const run = await runAction({ workspace: makeWorkspace(), inputs: VALID, env })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toMatch(/No AWS region is set.*'region' input.*configure-aws-credentials/)
    expect(emulator().requests).toEqual([])
  })

  it('AWS_DEFAULT_REGION is used when nothing else names a region', async () => {
    const { AWS_REGION: _region, ...env } = emulator().env
    const run = await runAction({ workspace: makeWorkspace(), inputs: VALID, env: { ...env, AWS_DEFAULT_REGION: 'eu-west-1' } })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
  })
})

describe('output-path inside the workspace through a symlink', () => {
  it('is allowed when the link stays inside the workspace', async () => {
    const workspace = makeWorkspace()
    mkdirSync(join(workspace, 'real'))
    symlinkSync(join(workspace, 'real'), join(workspace, 'link'))
    const run = await runAction({ workspace, inputs: { ...VALID, 'output-path': 'link/ui' }, env: emulator().env })
    expect(run.errors).toEqual([])
    expect(Object.keys(treeOf(join(workspace, 'real/ui')))).toContain('index.js')
  })
})
