process.env.AWS_EC2_METADATA_DISABLED = 'true'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { AmplifyUIBuilderClient, GetCodegenJobCommand, StartCodegenJobCommand } from '@aws-sdk/client-amplifyuibuilder'
import type { StartCodegenJobData } from '@aws-sdk/client-amplifyuibuilder'
import ts from 'typescript'
import { startEmulator, type Emulator } from '../../../emulator/server.js'
import { STUDIO_BANNER } from '../../../emulator/generated-files.js'
import { httpGet, uiBuilder } from './clients.js'
import { centralDirectory, entryData } from './zip-reader.js'

const APP = 'd1a2b3c4'
const ENV = 'staging'
const JOB: StartCodegenJobData = {
  renderConfig: {
    react: {
      module: 'es2020',
      target: 'es2020',
      script: 'jsx',
      renderTypeDeclarations: true,
      apiConfiguration: { dataStoreConfig: {} }
    }
  },
  autoGenerateForms: true
}

interface ManifestEntry {
  fileName: string
  schemaName: string
  downloadUrl?: string
  error: string | null
}

let emulator: Emulator
let client: AmplifyUIBuilderClient

beforeAll(async () => {
  emulator = await startEmulator()
  client = uiBuilder(emulator.url)
})
afterAll(async () => {
  client.destroy()
  await emulator.close()
})
beforeEach(() => emulator.reset())

async function startJob(job: StartCodegenJobData = JOB, clientToken?: string, appId = APP) {
  return client.send(new StartCodegenJobCommand({ appId, environmentName: ENV, codegenJobToCreate: job, clientToken }))
}

async function getJob(id: string, appId = APP) {
  return client.send(new GetCodegenJobCommand({ appId, environmentName: ENV, id }))
}

async function finishedJob(job: StartCodegenJobData = JOB) {
  const started = await startJob(job)
  const got = await getJob(started.entity?.id as string)
  return got.job
}

async function manifestOf(downloadUrl: string): Promise<ManifestEntry[]> {
  const response = await httpGet(downloadUrl)
  expect(response.status).toBe(200)
  return (JSON.parse(response.body.toString('utf8')) as { Output: ManifestEntry[] }).Output
}

async function filesOf(downloadUrl: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of await manifestOf(downloadUrl)) {
    const response = await httpGet(entry.downloadUrl as string)
    expect(response.status).toBe(200)
    files.set(entry.fileName, response.body.toString('utf8'))
  }
  return files
}

describe('StartCodegenJob / GetCodegenJob round trip', () => {
  it('starts in_progress and reads back succeeded with a manifest asset and dependencies', async () => {
    const started = await startJob(JOB, 'token-1')
    expect(started.$metadata.httpStatusCode).toBe(200)
    const entity = started.entity
    expect(entity?.status).toBe('in_progress')
    expect(entity?.appId).toBe(APP)
    expect(entity?.environmentName).toBe(ENV)
    expect(entity?.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(entity?.createdAt).toBeInstanceOf(Date)
    expect(entity?.modifiedAt).toBeInstanceOf(Date)
    expect(entity?.renderConfig).toEqual(JOB.renderConfig)
    expect(entity?.autoGenerateForms).toBe(true)

    const got = await getJob(entity?.id as string)
    expect(got.job?.status).toBe('succeeded')
    expect(got.job?.asset?.downloadUrl).toMatch(/X-Amz-Signature=[0-9a-f]{64}/)
    expect(got.job?.dependencies).toEqual([
      { name: '@aws-amplify/ui-react', supportedVersion: '^6.0.0', isSemVer: true, reason: 'Required package for UI components' },
      { name: 'aws-amplify', supportedVersion: '^6.0.0', isSemVer: true, reason: 'Required package for UI components' }
    ])
    expect(emulator.requests.map(r => [r.service, r.operation, r.status])).toEqual([
      ['uibuilder', 'StartCodegenJob', 200],
      ['uibuilder', 'GetCodegenJob', 200]
    ])
    expect(emulator.requests[0]?.query.clientToken).toBe('token-1')
    expect(emulator.requests[0]?.body).toEqual(JOB)
  })

  it('serves a manifest whose entries are the generated files, each behind its own URL', async () => {
    const job = await finishedJob()
    const files = await filesOf(job?.asset?.downloadUrl as string)
    expect([...files.keys()].sort()).toEqual(
      [
        'Button.jsx',
        'Button.d.ts',
        'Card.jsx',
        'Card.d.ts',
        'NavBar.jsx',
        'NavBar.d.ts',
        'HeroLayout.jsx',
        'HeroLayout.d.ts',
        'ContactForm.jsx',
        'ContactForm.d.ts',
        'studioTheme.js',
        'studioTheme.js.d.ts',
        'index.js',
        'utils.js'
      ].sort()
    )
    for (const content of files.values()) expect(content.startsWith(STUDIO_BANNER)).toBe(true)
    expect(files.get('Card.jsx')).toContain('from "@aws-amplify/ui-react"')
    expect(files.get('Card.jsx')).toContain('export default function Card(props)')
    expect(files.get('index.js')).toContain('export { default as Card } from "./Card";')
    const signatures = emulator.issuedSignatures
    expect(new Set(signatures).size).toBe(signatures.length)
    expect(signatures.length).toBe(files.size + 1)
  })

  it('hands out a fresh asset URL on every read', async () => {
    const started = await startJob()
    const first = await getJob(started.entity?.id as string)
    const second = await getJob(started.entity?.id as string)
    expect(first.job?.asset?.downloadUrl).not.toBe(second.job?.asset?.downloadUrl)
  })

  it('returns the same job for the same client token, a new one for another', async () => {
    const a = await startJob(JOB, 'same')
    const b = await startJob(JOB, 'same')
    const c = await startJob(JOB, 'other')
    expect(b.entity?.id).toBe(a.entity?.id)
    expect(c.entity?.id).not.toBe(a.entity?.id)
  })

  it('works through the AWS_ENDPOINT_URL_AMPLIFYUIBUILDER variable alone', async () => {
    const saved = { ...process.env }
    Object.assign(process.env, emulator.env)
    const plain = new AmplifyUIBuilderClient({})
    try {
      const started = await plain.send(new StartCodegenJobCommand({ appId: APP, environmentName: ENV, codegenJobToCreate: JOB }))
      expect(started.entity?.status).toBe('in_progress')
      expect(emulator.requests.at(-1)?.headers.authorization).toContain('Credential=AKIDEMULATOR/')
    } finally {
      plain.destroy()
      process.env = saved
    }
  })
})

describe('errors the SDK understands', () => {
  it('rejects a missing or malformed renderConfig with InvalidParameterException 400', async () => {
    const bad = [{} as StartCodegenJobData, { renderConfig: { react: { script: 'vue' } } } as unknown as StartCodegenJobData]
    for (const job of bad) {
      const error = (await startJob(job).catch((e: unknown) => e)) as { name: string; $metadata: { httpStatusCode: number }; message: string }
      expect(error.name).toBe('InvalidParameterException')
      expect(error.$metadata.httpStatusCode).toBe(400)
      expect(error.message).toMatch(/renderConfig/)
    }
  })

  it('answers an unknown job id with ResourceNotFoundException 404', async () => {
    const error = (await getJob('00000000-0000-0000-0000-000000000000').catch((e: unknown) => e)) as {
      name: string
      $metadata: { httpStatusCode: number }
    }
    expect(error.name).toBe('ResourceNotFoundException')
    expect(error.$metadata.httpStatusCode).toBe(404)
  })

  it('throttles the first N calls; the SDK retries through them', async () => {
    emulator.setScenario({ throttle: { times: 2, operations: ['StartCodegenJob'] } })
    const started = await startJob()
    expect(started.$metadata.attempts).toBe(3)
    expect(emulator.callsOf('StartCodegenJob').map(r => [r.status, r.fault])).toEqual([
      [429, 'throttle'],
      [429, 'throttle'],
      [200, undefined]
    ])
  })

  it('reports ThrottlingException 429 and InternalServerException 500 when retries run out', async () => {
    const once = uiBuilder(emulator.url, 1)
    try {
      emulator.setScenario({ throttle: { times: 1 } })
      const throttled = (await once.send(new GetCodegenJobCommand({ appId: APP, environmentName: ENV, id: 'x' })).catch((e: unknown) => e)) as {
        name: string
        $metadata: { httpStatusCode: number }
      }
      expect(throttled.name).toBe('ThrottlingException')
      expect(throttled.$metadata.httpStatusCode).toBe(429)

      emulator.setScenario({ serverErrors: { times: 1 } })
      const failed = (await once.send(new GetCodegenJobCommand({ appId: APP, environmentName: ENV, id: 'x' })).catch((e: unknown) => e)) as {
        name: string
        $metadata: { httpStatusCode: number }
      }
      expect(failed.name).toBe('InternalServerException')
      expect(failed.$metadata.httpStatusCode).toBe(500)

      emulator.setScenario({ unauthorized: { times: 1 } })
      const denied = (await once.send(new GetCodegenJobCommand({ appId: APP, environmentName: ENV, id: 'x' })).catch((e: unknown) => e)) as {
        name: string
        $metadata: { httpStatusCode: number }
      }
      expect(denied.name).toBe('UnrecognizedClientException')
      expect(denied.$metadata.httpStatusCode).toBe(403)
    } finally {
      once.destroy()
    }
  })

  it('throttles half of all calls with throttleRatio and every call still succeeds with retries', async () => {
    emulator.setScenario({ throttleRatio: 0.5, throttleForMs: 60_000 })
    const started = await startJob()
    for (let i = 0; i < 5; i++) expect((await getJob(started.entity?.id as string)).job?.status).toBe('succeeded')
    const statuses = emulator.requests.map(r => r.status)
    const throttled = statuses.filter(s => s === 429).length
    // Every second call is throttled; the first call of the pattern is not.
    expect(throttled).toBeGreaterThanOrEqual(5)
    expect(statuses.filter(s => s === 200).length).toBe(throttled + 1)
  })

  it('keeps faults per app: another app is unaffected', async () => {
    emulator.setScenario({ throttle: { times: 10 } }, 'dthrottled')
    const started = await startJob(JOB, undefined, 'dother')
    expect(started.$metadata.attempts).toBe(1)
  })
})

describe('job lifecycle scenarios', () => {
  it('stays in_progress for durationMs, then succeeds with modifiedAt at the end', async () => {
    emulator.setScenario({ durationMs: 60_000 })
    const long = await startJob()
    expect((await getJob(long.entity?.id as string)).job?.status).toBe('in_progress')

    emulator.setScenario({ durationMs: 300 })
    const started = await startJob()
    // A wait of at least the duration (a busy machine only makes it longer).
    await new Promise(resolve => setTimeout(resolve, 350))
    const done = await getJob(started.entity?.id as string)
    expect(done.job?.status).toBe('succeeded')
    expect((done.job?.modifiedAt as Date).getTime() - (done.job?.createdAt as Date).getTime()).toBe(300)
  })

  it('stays in_progress for inProgressReads reads, however long they take, then succeeds', async () => {
    emulator.setScenario({ inProgressReads: 2 })
    const started = await startJob()
    const id = started.entity?.id as string
    const statuses = []
    for (let read = 0; read < 3; read++) {
      statuses.push((await getJob(id)).job?.status)
      if (read === 0) await new Promise(resolve => setTimeout(resolve, 200))
    }
    expect(statuses).toEqual(['in_progress', 'in_progress', 'succeeded'])
    const done = await getJob(id)
    // modifiedAt as if read once a second.
    expect((done.job?.modifiedAt as Date).getTime() - (done.job?.createdAt as Date).getTime()).toBe(2000)
  })

  it('never ends with neverEnds', async () => {
    emulator.setScenario({ neverEnds: true })
    const started = await startJob()
    expect((await getJob(started.entity?.id as string)).job?.status).toBe('in_progress')
  })

  it('fails with the scenario statusMessage', async () => {
    emulator.setScenario({ fail: 'Codegen failed: invalid component schema' })
    const job = await finishedJob()
    expect(job?.status).toBe('failed')
    expect(job?.statusMessage).toBe('Codegen failed: invalid component schema')
    expect(job?.asset).toBeUndefined()
  })

  it('reports per-component codegenErrors in statusMessage and in the manifest', async () => {
    const codegenErrors = [{ schemaName: 'Card', error: 'Unsupported property binding' }]
    emulator.setScenario({ codegenErrors })
    const job = await finishedJob()
    expect(job?.status).toBe('succeeded')
    expect(JSON.parse(job?.statusMessage as string)).toEqual({ codegenErrors })
    const cards = (await manifestOf(job?.asset?.downloadUrl as string)).filter(e => e.schemaName === 'Card')
    expect(cards.length).toBeGreaterThan(0)
    for (const entry of cards) {
      expect(entry.error).toBe('Unsupported property binding')
      expect(entry.downloadUrl).toBeUndefined()
    }
  })

  it('uses the scenario scenario captured at start, not a later one', async () => {
    emulator.setScenario({ durationMs: 200 })
    const started = await startJob()
    emulator.setScenario({ fail: 'later' })
    await new Promise(resolve => setTimeout(resolve, 250))
    expect((await getJob(started.entity?.id as string)).job?.status).toBe('succeeded')
  })
})

describe('generated content', () => {
  it('is identical for identical inputs and changes with contentVersion', async () => {
    const first = await filesOf((await finishedJob())?.asset?.downloadUrl as string)
    const second = await filesOf((await finishedJob())?.asset?.downloadUrl as string)
    expect(second).toEqual(first)
    emulator.setScenario({ contentVersion: 2 })
    const third = await filesOf((await finishedJob())?.asset?.downloadUrl as string)
    expect(third.get('Card.jsx')).not.toBe(first.get('Card.jsx'))
    expect(third.get('utils.js')).toBe(first.get('utils.js'))
  })

  it('follows the script: tsx yields .tsx/.ts without declarations, js yields .js + .d.ts', async () => {
    emulator.setScenario({ components: ['Card'], forms: [] })
    const tsx = await filesOf((await finishedJob({ renderConfig: { react: { script: 'tsx' } } }))?.asset?.downloadUrl as string)
    expect([...tsx.keys()].sort()).toEqual(['Card.tsx', 'index.ts', 'studioTheme.ts', 'utils.ts'])
    expect(tsx.get('Card.tsx')).toContain('export default function Card(props: CardProps): React.ReactElement {')
    const js = await filesOf((await finishedJob({ renderConfig: { react: { script: 'js', renderTypeDeclarations: true } } }))?.asset?.downloadUrl as string)
    expect([...js.keys()].sort()).toEqual(['Card.d.ts', 'Card.js', 'index.js', 'studioTheme.js', 'studioTheme.js.d.ts', 'utils.js'])
    expect(js.get('Card.js')).toContain('React.createElement(')
  })

  it('derives model forms from the generic data schema and code from the amplify-js major', async () => {
    const job: StartCodegenJobData = {
      renderConfig: {
        react: {
          script: 'jsx',
          dependencies: { 'aws-amplify': '^5.3.0' },
          apiConfiguration: {
            graphQLConfig: {
              typesFilePath: '../API.ts',
              queriesFilePath: '../graphql/queries.js',
              mutationsFilePath: '../graphql/mutations.js',
              subscriptionsFilePath: '../graphql/subscriptions.js',
              fragmentsFilePath: '../graphql/fragments.js'
            }
          }
        }
      },
      genericDataSchema: {
        dataSourceType: 'DataStore',
        models: {
          Todo: {
            fields: {
              id: { dataType: 'ID', dataTypeValue: 'ID', required: true, readOnly: false, isArray: false },
              title: { dataType: 'String', dataTypeValue: 'String', required: true, readOnly: false, isArray: false }
            },
            primaryKeys: ['id']
          }
        },
        enums: {},
        nonModels: {}
      },
      autoGenerateForms: true
    }
    const done = await finishedJob(job)
    expect(done?.dependencies?.find(d => d.name === 'aws-amplify')?.supportedVersion).toBe('^5.0.0')
    const files = await filesOf(done?.asset?.downloadUrl as string)
    const form = files.get('TodoCreateForm.jsx') as string
    expect(form).toContain('import { API } from "aws-amplify";')
    expect(form).toContain('const [title, setTitle]')
    expect(form).not.toContain('const [id, setId]')
    expect(files.has('TodoUpdateForm.jsx')).toBe(true)
  })

  it('is syntactically valid JavaScript/TypeScript', async () => {
    emulator.setScenario({ forms: ['ContactForm', 'PostCreateForm'] })
    for (const script of ['js', 'jsx', 'tsx'] as const) {
      const files = await filesOf((await finishedJob({ renderConfig: { react: { script, renderTypeDeclarations: true } } }))?.asset?.downloadUrl as string)
      for (const [name, content] of files) {
        const out = ts.transpileModule(content, {
          // A declaration file emits nothing; parse it as a module to see its syntax errors.
          fileName: name.replace(/\.d\.ts$/, '.ts'),
          reportDiagnostics: true,
          compilerOptions: { jsx: ts.JsxEmit.Preserve, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext }
        })
        expect({ name, diagnostics: (out.diagnostics ?? []).map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n')) }).toEqual({ name, diagnostics: [] })
      }
    }
  })
})

describe('asset scenarios', () => {
  it('takes component names or a count', async () => {
    emulator.setScenario({ componentCount: 7, forms: [] })
    const manifest = await manifestOf((await finishedJob())?.asset?.downloadUrl as string)
    expect(manifest.filter(e => e.fileName.endsWith('.jsx')).length).toBe(7)
  })

  it('adds hostile names, duplicates and failed entries to the manifest', async () => {
    const hostileNames = ['../evil.js', '/etc/x', 'a\\b.js', 'C:x.js', 'a\u0000b', 'bell\u0007.js']
    emulator.setScenario({
      components: ['Card'],
      forms: [],
      hostileNames,
      duplicateEntries: true,
      manifestEntryErrors: [
        { schemaName: 'Ghost', noUrl: true },
        { schemaName: 'Card', fileName: 'Card.d.ts', error: 'boom' }
      ]
    })
    const manifest = await manifestOf((await finishedJob())?.asset?.downloadUrl as string)
    for (const name of hostileNames) {
      const entry = manifest.find(e => e.fileName === name)
      expect(entry?.downloadUrl).toBeDefined()
      expect((await httpGet(entry?.downloadUrl as string)).status).toBe(200)
    }
    const cards = manifest.filter(e => e.fileName === 'Card.jsx')
    expect(cards.length).toBe(2)
    const [a, b] = await Promise.all(cards.map(e => httpGet(e.downloadUrl as string)))
    expect(a?.body.equals(b?.body as Buffer)).toBe(false)
    expect(manifest.find(e => e.schemaName === 'Ghost')).toEqual({ fileName: 'Ghost.jsx', schemaName: 'Ghost', error: null })
    expect(manifest.find(e => e.fileName === 'Card.d.ts')?.error).toBe('boom')
  })

  it('serves a raw manifestBody as is', async () => {
    emulator.setScenario({ manifestBody: '<html>not json' })
    const response = await httpGet((await finishedJob())?.asset?.downloadUrl as string)
    expect(response.body.toString('utf8')).toBe('<html>not json')
  })

  it('delivers a zip of the files with assetFormat zip, hostile names verbatim', async () => {
    emulator.setScenario({ assetFormat: 'zip', components: ['Card'], forms: [], hostileNames: ['../evil.js'] })
    const response = await httpGet((await finishedJob())?.asset?.downloadUrl as string)
    expect(response.body.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))).toBe(true)
    const entries = centralDirectory(response.body)
    expect(entries.map(e => e.name)).toEqual(['Card.jsx', 'Card.d.ts', 'studioTheme.js', 'studioTheme.js.d.ts', 'index.js', 'utils.js', '../evil.js'])
    expect(
      entryData(response.body, entries[0] as (typeof entries)[0])
        .toString('utf8')
        .startsWith(STUDIO_BANNER)
    ).toBe(true)
  })
})
