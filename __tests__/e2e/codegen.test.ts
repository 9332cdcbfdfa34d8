/**
 * The bundled action, run as the runner runs it, against the local emulator: codegen jobs that
 * work, and what a user sees of them (files, outputs, summary, re-runs, pruning).
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { makeWorkspace, runAction, treeOf, V6_PACKAGE_JSON, useEmulator } from './harness.js'

const APP_ID = 'd1a2b3c4d5e6f7'
const BANNER = 'The contents of this file were generated with Amplify Studio.'
const STATE_FILE = '.amplify-job-action.json'

const emulator = useEmulator()

function codegen(workspace: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  return runAction({
    workspace,
    inputs: { 'app-id': APP_ID, environment: 'staging', 'poll-interval': '100ms', ...inputs },
    env: { ...emulator().env, ...env }
  })
}

describe('codegen: the happy path', () => {
  it('starts a job, waits, writes the generated components and reports them', async () => {
    // The first read sees in_progress, the second succeeded, however slow the machine.
    emulator().setScenario({ inProgressReads: 1, components: ['Button', 'Card'], forms: ['ContactForm'] })
    const workspace = makeWorkspace({ 'package.json': V6_PACKAGE_JSON })
    const run = await codegen(workspace)

    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    const files = JSON.parse(run.outputs.files!) as string[]
    expect(files).toEqual(
      expect.arrayContaining([
        'src/ui-components/Button.jsx',
        'src/ui-components/Button.d.ts',
        'src/ui-components/ContactForm.jsx',
        'src/ui-components/studioTheme.js',
        'src/ui-components/studioTheme.js.d.ts',
        'src/ui-components/index.js',
        'src/ui-components/utils.js'
      ])
    )
    for (const file of files) expect(readFileSync(join(workspace, file), 'utf8')).toContain(BANNER)
    expect(run.outputs['job-id']).toMatch(/\S/)
    expect(run.outputs.status).toBe('succeeded')
    expect(run.outputs['output-path']).toBe('src/ui-components')
    expect(run.outputs.changed).toBe('true')
    expect(JSON.parse(run.outputs.dependencies!)).toEqual(expect.arrayContaining([expect.objectContaining({ name: '@aws-amplify/ui-react' })]))
    expect(existsSync(join(workspace, 'src/ui-components', STATE_FILE))).toBe(true)
    // Status changes are printed with the elapsed time.
    expect(run.stdout).toMatch(/\[\d+(\.\d+)?m?s\] Codegen job status: in_progress/)
    expect(run.stdout).toMatch(/\[\d+(\.\d+)?m?s\] Codegen job status: succeeded/)
    expect(emulator().callsOf('GetCodegenJob')).toHaveLength(2)
    // The job summary names the job, its status, duration and the files added.
    expect(run.summary).toContain(run.outputs['job-id'])
    expect(run.summary).toContain('`succeeded`')
    expect(run.summary).toMatch(/^## ✅ Amplify codegen job succeeded in \d/)
    expect(run.summary).toContain('### Files in `src/ui-components`: ')
    expect(run.summary).toMatch(/\| ➕ added \(\d+\) \| .*`Button\.jsx`/)
  })

  it('sends the Amplify CLI defaults and the dependencies from package.json', async () => {
    const workspace = makeWorkspace({ 'package.json': V6_PACKAGE_JSON })
    const run = await codegen(workspace)
    expect(run.exitCode).toBe(0)
    const [start] = emulator().callsOf('StartCodegenJob')
    expect(start!.body).toEqual({
      renderConfig: {
        react: {
          module: 'es2020',
          target: 'es2020',
          script: 'jsx',
          renderTypeDeclarations: true,
          apiConfiguration: { dataStoreConfig: {} },
          dependencies: { 'aws-amplify': '^6.0.0', '@aws-amplify/ui-react': '^6.1.0' }
        }
      }
    })
    expect(start!.query.clientToken).toMatch(/^gha-[0-9a-f]{40}$/)
  })

  it('an identical re-run changes nothing and says so', async () => {
    const workspace = makeWorkspace({ 'package.json': V6_PACKAGE_JSON })
    const first = await codegen(workspace)
    expect(first.outputs.changed).toBe('true')
    const before = treeOf(workspace)
    const second = await codegen(workspace)
    expect(second.exitCode).toBe(0)
    expect(second.outputs.changed).toBe('false')
    expect(second.outputs.files).toBe(first.outputs.files)
    expect(treeOf(workspace)).toEqual(before)
    expect(second.summary).toContain('No files changed')
  })

  it('a step retried in the same run attempt reuses its job instead of starting a second one', async () => {
    const workspace = makeWorkspace()
    const step = { GITHUB_ACTION: 'regenerate-ui' }
    const first = await codegen(workspace, {}, step)
    const retried = await codegen(workspace, {}, step)
    const otherStep = await codegen(workspace, {}, { GITHUB_ACTION: 'another-step' })
    expect(retried.outputs['job-id']).toBe(first.outputs['job-id'])
    // The job it hands back has ended already: its files are still fetched, as the first run's were.
    expect(retried.outputs.status).toBe('succeeded')
    expect(JSON.parse(retried.outputs.files!)).toEqual(JSON.parse(first.outputs.files!))
    expect(retried.outputs.changed).toBe('false')
    expect(otherStep.outputs['job-id']).not.toBe(first.outputs['job-id'])
    const tokens = emulator()
      .callsOf('StartCodegenJob')
      .map(call => call.query.clientToken)
    expect(tokens[0]).toBe(tokens[1])
    expect(tokens[2]).not.toBe(tokens[0])
  })

  it('client-token overrides the derived token', async () => {
    const run = await codegen(makeWorkspace(), { 'client-token': 'my-token-1' })
    expect(run.exitCode).toBe(0)
    expect(emulator().callsOf('StartCodegenJob')[0]!.query.clientToken).toBe('my-token-1')
  })

  it('wait: false starts the job, sets job-id and finishes without fetching', async () => {
    emulator().setScenario({ durationMs: 60_000 })
    const workspace = makeWorkspace()
    const run = await codegen(workspace, { wait: 'false' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['job-id']).toMatch(/\S/)
    expect(run.outputs.status).toBe('in_progress')
    expect(emulator().callsOf('GetCodegenJob')).toHaveLength(0)
    expect(existsSync(join(workspace, 'src'))).toBe(false)
  })

  it('job-id waits for an existing job and fetches it without starting one', async () => {
    const workspace = makeWorkspace()
    const started = await codegen(workspace, { wait: 'false' })
    const jobId = started.outputs['job-id']!
    emulator().requests.length = 0
    const run = await codegen(workspace, { 'job-id': jobId })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['job-id']).toBe(jobId)
    expect(emulator().callsOf('StartCodegenJob')).toHaveLength(0)
    expect(JSON.parse(run.outputs.files!).length).toBeGreaterThan(0)
  })

  it('accepts the zip asset of older service versions', async () => {
    emulator().setScenario({ assetFormat: 'zip', components: ['Hero'] })
    const workspace = makeWorkspace()
    const run = await codegen(workspace)
    expect(run.errors).toEqual([])
    expect(readFileSync(join(workspace, 'src/ui-components/Hero.jsx'), 'utf8')).toContain(BANNER)
  })

  it('warns, as an annotation, about each dependency missing or out of range', async () => {
    const workspace = makeWorkspace({ 'package.json': JSON.stringify({ dependencies: { 'aws-amplify': '^5.3.0' } }) })
    emulator().setScenario({
      dependencies: [
        { name: 'aws-amplify', supportedVersion: '^6.0.0', isSemVer: true, reason: 'Required for UI components' },
        { name: '@aws-amplify/ui-react', supportedVersion: '^6.0.0', isSemVer: true, reason: 'Required for UI components' }
      ]
    })
    const run = await codegen(workspace)
    expect(run.exitCode).toBe(0)
    expect(run.warnings.some(w => w.includes('aws-amplify ^6.0.0') && w.includes('allows ^5.3.0'))).toBe(true)
    expect(run.warnings.some(w => w.includes('@aws-amplify/ui-react') && w.includes('does not list it'))).toBe(true)
    expect(run.summary).toContain('out of range')
  })
})

describe('codegen: render configs', () => {
  it('a partial render config is filled with the CLI defaults', async () => {
    const workspace = makeWorkspace({ 'amplify/render.json': JSON.stringify({ react: { script: 'tsx' } }) })
    const run = await codegen(workspace, { 'render-config': 'amplify/render.json' })
    expect(run.errors).toEqual([])
    const react = (emulator().callsOf('StartCodegenJob')[0]!.body as { renderConfig: { react: Record<string, unknown> } }).renderConfig.react
    expect(react).toMatchObject({ script: 'tsx', module: 'es2020', target: 'es2020', apiConfiguration: { dataStoreConfig: {} } })
    expect(JSON.parse(run.outputs.files!)).toEqual(expect.arrayContaining([expect.stringMatching(/\.tsx$/)]))
  })

  it('a whole-job file sends its schema and forms; inputs win over the file', async () => {
    const schema = { dataSourceType: 'DataStore', models: {}, enums: {}, nonModels: {} }
    const job = {
      renderConfig: { react: { module: 'esnext', apiConfiguration: { noApiConfig: {} }, dependencies: { 'aws-amplify': '^6.2.0' } } },
      genericDataSchema: { ...schema, models: { Old: {} } },
      autoGenerateForms: true,
      features: { isRelationshipSupported: true }
    }
    const workspace = makeWorkspace({ 'job.json': JSON.stringify(job), 'schema.json': JSON.stringify(schema) })
    const run = await codegen(workspace, { 'render-config': 'job.json', 'generic-data-schema': 'schema.json', 'auto-generate-forms': 'false' })
    expect(run.errors).toEqual([])
    const body = emulator().callsOf('StartCodegenJob')[0]!.body as Record<string, unknown>
    expect(body.genericDataSchema).toEqual(schema)
    expect(body.autoGenerateForms).toBe(false)
    expect(body.features).toEqual({ isRelationshipSupported: true })
    expect((body.renderConfig as { react: Record<string, unknown> }).react).toMatchObject({
      module: 'esnext',
      apiConfiguration: { noApiConfig: {} },
      dependencies: { 'aws-amplify': '^6.2.0' }
    })
  })
})

describe('codegen: pruning, clean and changed', () => {
  it('removes files it wrote that the job no longer produces, and never touches hand-written ones', async () => {
    const workspace = makeWorkspace({ 'src/ui-components/custom/MyWidget.jsx': 'hand-written' })
    emulator().setScenario({ components: ['Button', 'Card'] })
    expect((await codegen(workspace)).outputs.changed).toBe('true')
    emulator().setScenario({ components: ['Button'] })
    const run = await codegen(workspace)
    expect(run.outputs.changed).toBe('true')
    expect(existsSync(join(workspace, 'src/ui-components/Card.jsx'))).toBe(false)
    expect(existsSync(join(workspace, 'src/ui-components/Button.jsx'))).toBe(true)
    expect(readFileSync(join(workspace, 'src/ui-components/custom/MyWidget.jsx'), 'utf8')).toBe('hand-written')
    expect(run.summary).toMatch(/\| ➖ removed \(2\) \| `Card\.d\.ts`, `Card\.jsx` \|/)
  })

  it('keeps a no-longer-generated file that was edited by hand, with a warning', async () => {
    const workspace = makeWorkspace()
    emulator().setScenario({ components: ['Button', 'Card'] })
    await codegen(workspace)
    writeFileSync(join(workspace, 'src/ui-components/Card.jsx'), '// my changes\n')
    emulator().setScenario({ components: ['Button'] })
    const run = await codegen(workspace)
    expect(run.exitCode).toBe(0)
    expect(readFileSync(join(workspace, 'src/ui-components/Card.jsx'), 'utf8')).toBe('// my changes\n')
    expect(run.warnings.some(w => w.includes('src/ui-components/Card.jsx'))).toBe(true)
  })

  it('clean: true removes everything the job did not produce', async () => {
    const workspace = makeWorkspace({ 'src/ui-components/custom/MyWidget.jsx': 'hand-written', 'src/other.js': 'outside' })
    const run = await codegen(workspace, { clean: 'true' })
    expect(run.exitCode).toBe(0)
    expect(existsSync(join(workspace, 'src/ui-components/custom'))).toBe(false)
    expect(readFileSync(join(workspace, 'src/other.js'), 'utf8')).toBe('outside')
  })

  it('changed is true when regenerated content differs', async () => {
    const workspace = makeWorkspace()
    await codegen(workspace)
    emulator().setScenario({ contentVersion: 2 })
    const run = await codegen(workspace)
    expect(run.outputs.changed).toBe('true')
    expect(run.summary).toMatch(/\| ✏️ changed \(\d+\) \|/)
  })

  it('writes into a custom output-path, creating it', async () => {
    const workspace = makeWorkspace()
    mkdirSync(join(workspace, 'web'))
    const run = await codegen(workspace, { 'output-path': 'web/src/generated/ui' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['output-path']).toBe('web/src/generated/ui')
    expect(existsSync(join(workspace, 'web/src/generated/ui/index.js'))).toBe(true)
  })
})
