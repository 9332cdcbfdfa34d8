/**
 * AmplifyUIBuilder: StartCodegenJob and GetCodegenJob. A job's status follows the scenario that was
 * in force when it started (in_progress for `durationMs`, or for `inProgressReads` reads, then
 * succeeded or failed); the
 * succeeded job's asset is a presigned manifest (or zip) built once, with a fresh URL per read.
 */
import { randomUUID } from 'node:crypto'
import { AwsError, type RequestContext, sendJson } from './http.js'
import type { Route } from './router.js'
import { type SharedState, type ServiceModule, isObject } from './state.js'
import {
  type ApiKind,
  DEFAULT_COMPONENTS,
  DEFAULT_FORMS,
  type GenerationOptions,
  type Script,
  componentNames,
  generateFiles,
  modelOfForm,
  visibleModelFields
} from './generated-files.js'
import { type AssetLocation, assetObject, entryObject, manifestBody, planEntries, zipBody } from './codegen-asset.js'
import { READ_TICK_MS } from './timeline.js'
import type { CodegenDependency, Scenario } from './types.js'

const SCRIPTS = ['js', 'jsx', 'tsx']
const MODULES = ['es2020', 'esnext']
const TARGETS = ['es2015', 'es2020']
const API_CONFIGURATIONS = ['graphQLConfig', 'dataStoreConfig', 'noApiConfig']
const GRAPHQL_PATHS = ['typesFilePath', 'queriesFilePath', 'mutationsFilePath', 'subscriptionsFilePath', 'fragmentsFilePath']
const GENERIC_DATA_SCHEMA_KEYS = ['dataSourceType', 'models', 'enums', 'nonModels']
const DEFAULT_AMPLIFY_MAJOR = 6
const UI_REASON = 'Required package for UI components'

interface CodegenRequest {
  renderConfig: Record<string, unknown>
  genericDataSchema?: Record<string, unknown>
  autoGenerateForms?: boolean
  features?: Record<string, unknown>
  tags?: Record<string, string>
}

interface CodegenJobRecord {
  id: string
  appId: string
  environmentName: string
  createdAtMs: number
  request: CodegenRequest
  /** The scenario in force at start: later changes do not rewrite a running job. */
  scenario: Scenario
  /** GetCodegenJob answers so far (for inProgressReads). */
  reads: number
  /** Built at the first read after success, then reused (the manifest's own URLs stay fixed). */
  asset?: { format: 'manifest' | 'zip'; body: Buffer }
}

function invalid(message: string): AwsError {
  return new AwsError(400, 'InvalidParameterException', message)
}

/** Checks the request the way the service's model does; returns it typed. */
export function validateCodegenRequest(body: unknown): CodegenRequest {
  if (!isObject(body)) throw invalid('The request body (codegenJobToCreate) is required')
  const { renderConfig, genericDataSchema, autoGenerateForms, features, tags } = body
  if (!isObject(renderConfig)) throw invalid('renderConfig is required')
  const members = Object.keys(renderConfig)
  if (members.length !== 1 || !isObject(renderConfig.react)) {
    throw invalid('renderConfig must have exactly one member: react')
  }
  const react = renderConfig.react
  const enums: [string, string[]][] = [
    ['script', SCRIPTS],
    ['module', MODULES],
    ['target', TARGETS]
  ]
  for (const [key, allowed] of enums) {
    const value = react[key]
    if (value !== undefined && (typeof value !== 'string' || !allowed.includes(value))) {
      throw invalid(`renderConfig.react.${key} must be one of ${allowed.join(', ')}`)
    }
  }
  const api = react.apiConfiguration
  if (api !== undefined) {
    const chosen = isObject(api) ? Object.keys(api).filter(key => API_CONFIGURATIONS.includes(key)) : []
    if (!isObject(api) || chosen.length !== 1 || Object.keys(api).length !== 1) {
      throw invalid(`renderConfig.react.apiConfiguration must have exactly one of ${API_CONFIGURATIONS.join(', ')}`)
    }
    if (chosen[0] === 'graphQLConfig') {
      const graphQL = api.graphQLConfig
      const missing = GRAPHQL_PATHS.filter(key => !isObject(graphQL) || typeof graphQL[key] !== 'string')
      if (missing.length > 0) throw invalid(`apiConfiguration.graphQLConfig is missing ${missing.join(', ')}`)
    }
  }
  if (genericDataSchema !== undefined) {
    const missing = GENERIC_DATA_SCHEMA_KEYS.filter(key => !isObject(genericDataSchema) || genericDataSchema[key] === undefined)
    if (missing.length > 0) throw invalid(`genericDataSchema is missing ${missing.join(', ')}`)
  }
  if (autoGenerateForms !== undefined && typeof autoGenerateForms !== 'boolean') throw invalid('autoGenerateForms must be a boolean')
  if (features !== undefined && !isObject(features)) throw invalid('features must be an object')
  if (tags !== undefined && !isObject(tags)) throw invalid('tags must be an object')
  return {
    renderConfig,
    ...(isObject(genericDataSchema) ? { genericDataSchema } : {}),
    ...(typeof autoGenerateForms === 'boolean' ? { autoGenerateForms } : {}),
    ...(isObject(features) ? { features } : {}),
    ...(isObject(tags) ? { tags: tags as Record<string, string> } : {})
  }
}

function amplifyMajorOf(react: Record<string, unknown>): number {
  const dependencies = react.dependencies
  const range = isObject(dependencies) ? dependencies['aws-amplify'] : undefined
  const major = typeof range === 'string' ? /(\d+)/.exec(range)?.[1] : undefined
  return major ? Number(major) : DEFAULT_AMPLIFY_MAJOR
}

function apiKindOf(react: Record<string, unknown>): ApiKind {
  const api = react.apiConfiguration
  if (isObject(api) && api.graphQLConfig !== undefined) return 'graphQL'
  if (isObject(api) && api.noApiConfig !== undefined) return 'noApi'
  return 'dataStore'
}

/** Model name -> field names, from a generic data schema. */
function modelFields(schema: Record<string, unknown> | undefined): Map<string, string[]> {
  const models = new Map<string, string[]>()
  if (!schema || !isObject(schema.models)) return models
  for (const [name, model] of Object.entries(schema.models)) {
    const fields = isObject(model) && isObject(model.fields) ? Object.keys(model.fields) : []
    models.set(name, visibleModelFields(fields))
  }
  return models
}

export function generationOptions(request: CodegenRequest, scenario: Scenario): GenerationOptions {
  const react = request.renderConfig.react as Record<string, unknown>
  const models = modelFields(request.genericDataSchema)
  const modelForms = request.autoGenerateForms === false ? [] : [...models.keys()].flatMap(model => [`${model}CreateForm`, `${model}UpdateForm`])
  const forms = scenario.forms ?? [...DEFAULT_FORMS, ...modelForms]
  const formFields: Record<string, string[]> = {}
  for (const form of forms) {
    const model = modelOfForm(form)
    const fields = model ? models.get(model.model) : undefined
    if (fields && fields.length > 0) formFields[form] = fields
  }
  return {
    components: scenario.components ?? (scenario.componentCount !== undefined ? componentNames(scenario.componentCount) : DEFAULT_COMPONENTS),
    forms,
    script: (typeof react.script === 'string' ? react.script : 'jsx') as Script,
    renderTypeDeclarations: react.renderTypeDeclarations !== false,
    amplifyMajor: amplifyMajorOf(react),
    api: apiKindOf(react),
    contentVersion: scenario.contentVersion ?? 1,
    formFields
  }
}

export function defaultDependencies(amplifyMajor: number): CodegenDependency[] {
  const v5 = amplifyMajor < 6
  return [
    { name: '@aws-amplify/ui-react', supportedVersion: v5 ? '^5.0.0' : '^6.0.0', isSemVer: true, reason: UI_REASON },
    { name: 'aws-amplify', supportedVersion: v5 ? '^5.0.0' : '^6.0.0', isSemVer: true, reason: UI_REASON }
  ]
}

export class UiBuilderService implements ServiceModule {
  private readonly jobs = new Map<string, CodegenJobRecord>()
  private readonly byClientToken = new Map<string, string>()

  constructor(private readonly state: SharedState) {}

  reset(): void {
    this.jobs.clear()
    this.byClientToken.clear()
  }

  routes(): Route[] {
    return [
      {
        service: 'uibuilder',
        operation: 'StartCodegenJob',
        method: 'POST',
        pattern: '/app/{appId}/environment/{environmentName}/codegen-jobs',
        handler: ctx => this.start(ctx)
      },
      {
        service: 'uibuilder',
        operation: 'GetCodegenJob',
        method: 'GET',
        pattern: '/app/{appId}/environment/{environmentName}/codegen-jobs/{id}',
        handler: ctx => this.get(ctx)
      }
    ]
  }

  private start(ctx: RequestContext): void {
    const appId = ctx.params.appId as string
    const environmentName = ctx.params.environmentName as string
    const request = validateCodegenRequest(ctx.body)
    const clientToken = ctx.url.searchParams.get('clientToken')
    const tokenKey = clientToken ? JSON.stringify([appId, environmentName, clientToken]) : undefined
    const existing = tokenKey ? this.jobs.get(this.byClientToken.get(tokenKey) ?? '') : undefined
    if (existing) {
      // Same client token: the same job, never a second one.
      sendJson(ctx, 200, this.view(existing, Date.now(), true))
      return
    }
    const job: CodegenJobRecord = {
      id: randomUUID(),
      appId,
      environmentName,
      createdAtMs: Date.now(),
      request,
      scenario: this.state.scenarios.get(appId),
      reads: 0
    }
    this.jobs.set(job.id, job)
    if (tokenKey) this.byClientToken.set(tokenKey, job.id)
    sendJson(ctx, 200, this.view(job, job.createdAtMs, true))
  }

  private get(ctx: RequestContext): void {
    const { appId, environmentName, id } = ctx.params as Record<string, string>
    const job = this.jobs.get(id as string)
    if (!job || job.appId !== appId || job.environmentName !== environmentName) {
      throw new AwsError(404, 'ResourceNotFoundException', `Codegen job ${id} not found in app ${appId}, environment ${environmentName}`)
    }
    sendJson(ctx, 200, this.view(job, Date.now(), false))
    job.reads++
  }

  /** The CodegenJob as the service returns it at `nowMs`. */
  private view(job: CodegenJobRecord, nowMs: number, justStarted: boolean): Record<string, unknown> {
    const { scenario } = job
    const byReads = scenario.inProgressReads !== undefined
    // On the read clock, modifiedAt is as if the job had been read once a second.
    const durationMs = byReads ? (scenario.inProgressReads as number) * READ_TICK_MS : Math.max(0, scenario.durationMs ?? 0)
    const over = byReads ? job.reads >= (scenario.inProgressReads as number) : nowMs - job.createdAtMs >= durationMs
    const done = !justStarted && !scenario.neverEnds && over
    const common = {
      id: job.id,
      appId: job.appId,
      environmentName: job.environmentName,
      renderConfig: job.request.renderConfig,
      genericDataSchema: job.request.genericDataSchema,
      autoGenerateForms: job.request.autoGenerateForms,
      features: job.request.features,
      tags: job.request.tags,
      createdAt: new Date(job.createdAtMs).toISOString()
    }
    if (!done) return { ...common, status: 'in_progress', modifiedAt: common.createdAt }
    const modifiedAt = new Date(job.createdAtMs + durationMs).toISOString()
    if (scenario.fail !== undefined) return { ...common, status: 'failed', statusMessage: scenario.fail, modifiedAt }
    const options = generationOptions(job.request, scenario)
    return {
      ...common,
      status: 'succeeded',
      ...(scenario.codegenErrors?.length ? { statusMessage: JSON.stringify({ codegenErrors: scenario.codegenErrors }) } : {}),
      asset: { downloadUrl: this.assetUrl(job, options) },
      dependencies: scenario.dependencies ?? defaultDependencies(options.amplifyMajor),
      modifiedAt
    }
  }

  private assetUrl(job: CodegenJobRecord, options: GenerationOptions): string {
    const location: AssetLocation = { appId: job.appId, environmentName: job.environmentName, jobId: job.id }
    const expires = this.state.scenarios.get(job.appId).download?.expiresSeconds
    if (!job.asset) {
      const format = job.scenario.assetFormat ?? 'manifest'
      const entries = planEntries(generateFiles(options), job.scenario)
      const body =
        job.scenario.manifestBody !== undefined
          ? Buffer.from(job.scenario.manifestBody, 'utf8')
          : format === 'zip'
            ? zipBody(entries)
            : manifestBody(entries, (entry, index) => this.state.presign.issue(entryObject(location, entry, index), expires))
      job.asset = { format, body }
    }
    return this.state.presign.issue(assetObject(location, job.asset.format, job.asset.body), expires)
  }
}
