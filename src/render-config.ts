/**
 * Builds the StartCodegenJob request from the `render-config`, `generic-data-schema` and
 * `auto-generate-forms` inputs. Everything is validated here, before any AWS call, because the SDK
 * silently drops keys it does not know and the service answers a wrong value with a terse 400.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { InputError } from './errors.js'
import { type JsonFile, type JsonPath, locateInJson, readJsonFile, stripByteOrderMark } from './json-file.js'

/** What the Amplify CLI sends when a project has no render config of its own. */
export const CLI_DEFAULT_REACT_CONFIG = {
  module: 'es2020',
  target: 'es2020',
  script: 'jsx',
  renderTypeDeclarations: true,
  apiConfiguration: { dataStoreConfig: {} }
} as const

const ALLOWED_VALUES = {
  module: ['es2020', 'esnext'],
  target: ['es2015', 'es2020'],
  script: ['js', 'jsx', 'tsx']
} as const
const BOOLEAN_KEYS = ['renderTypeDeclarations', 'inlineSourceMap'] as const
const REACT_KEYS = [...Object.keys(ALLOWED_VALUES), ...BOOLEAN_KEYS, 'dependencies', 'apiConfiguration']
const JOB_KEYS = ['renderConfig', 'genericDataSchema', 'autoGenerateForms', 'features', 'tags']
const API_CONFIGURATIONS = ['graphQLConfig', 'dataStoreConfig', 'noApiConfig']
const GRAPHQL_PATHS = ['typesFilePath', 'queriesFilePath', 'mutationsFilePath', 'subscriptionsFilePath', 'fragmentsFilePath']
const FEATURE_KEYS = ['isRelationshipSupported', 'isNonModelSupported']
/** The packages whose versions change the generated code (amplify-js v5 and v6 differ). */
export const UI_DEPENDENCY_PACKAGES = ['aws-amplify', '@aws-amplify/ui-react', '@aws-amplify/ui-react-storage']

export type ReactRenderConfig = Record<string, unknown> & { dependencies?: Record<string, string> }

export interface CodegenJobRequest {
  renderConfig: { react: ReactRenderConfig }
  genericDataSchema?: Record<string, unknown>
  autoGenerateForms?: boolean
  features?: Record<string, boolean>
  tags?: Record<string, string>
}

export interface CodegenRequestSources {
  workspace: string
  renderConfigPath?: string
  genericDataSchemaPath?: string
  autoGenerateForms?: boolean
}

export interface BuiltCodegenRequest {
  request: CodegenJobRequest
  /** Where the `dependencies` came from, for the log. */
  dependencySource: 'render-config' | 'package.json' | 'none'
}

export function buildCodegenRequest(sources: CodegenRequestSources): BuiltCodegenRequest {
  const request: CodegenJobRequest = { renderConfig: { react: { ...CLI_DEFAULT_REACT_CONFIG } } }
  if (sources.renderConfigPath !== undefined) {
    const file = readJsonFile('render-config', join(sources.workspace, sources.renderConfigPath), sources.renderConfigPath)
    Object.assign(
      request,
      located(file, () => parseRenderConfigFile(file))
    )
  }
  if (sources.genericDataSchemaPath !== undefined) {
    const file = readJsonFile('generic-data-schema', join(sources.workspace, sources.genericDataSchemaPath), sources.genericDataSchemaPath)
    request.genericDataSchema = located(file, () => checkGenericDataSchema('generic-data-schema', file.path, file.value, []))
  }
  if (sources.autoGenerateForms !== undefined) request.autoGenerateForms = sources.autoGenerateForms

  const react = request.renderConfig.react
  if (react.dependencies !== undefined) return { request, dependencySource: 'render-config' }
  const fromPackageJson = readUiDependencies(sources.workspace)
  if (!fromPackageJson) return { request, dependencySource: 'none' }
  react.dependencies = fromPackageJson
  return { request, dependencySource: 'package.json' }
}

/** A file holds either `{"react": {...}}` or a whole job `{"renderConfig": ..., ...}`. */
function parseRenderConfigFile(file: JsonFile): Partial<CodegenJobRequest> {
  const where = `'${file.path}'`
  const root = expectObject(
    file.value,
    `${where} must hold a JSON object: a render config {"react": {...}} or a whole job {"renderConfig": {"react": {...}}, ...}`,
    []
  )
  if (!('renderConfig' in root)) {
    if (!('react' in root)) {
      throw configError(
        `${where} has neither "react" nor "renderConfig". Write a render config {"react": {...}} or a whole job {"renderConfig": {"react": {...}}, "genericDataSchema": ..., "autoGenerateForms": ...}.`,
        []
      )
    }
    return { renderConfig: { react: checkRenderConfig(root, where, []) } }
  }
  rejectUnknownKeys(root, JOB_KEYS, where, [])
  const job: Partial<CodegenJobRequest> = {
    renderConfig: { react: checkRenderConfig(root.renderConfig, `${where} renderConfig`, ['renderConfig']) }
  }
  if (root.genericDataSchema !== undefined)
    job.genericDataSchema = checkGenericDataSchema('render-config', `${file.path} genericDataSchema`, root.genericDataSchema, ['genericDataSchema'])
  if (root.autoGenerateForms !== undefined) {
    if (typeof root.autoGenerateForms !== 'boolean')
      throw configError(`${where} autoGenerateForms must be true or false, not ${JSON.stringify(root.autoGenerateForms)}.`, ['autoGenerateForms'])
    job.autoGenerateForms = root.autoGenerateForms
  }
  if (root.features !== undefined) job.features = checkBooleanMap(root.features, FEATURE_KEYS, `${where} features`, ['features'])
  if (root.tags !== undefined) job.tags = checkStringMap(root.tags, `${where} tags`, ['tags'])
  return job
}

/** Fills the keys missing from a partial render config with the CLI's defaults and checks every value. */
function checkRenderConfig(value: unknown, where: string, at: JsonPath): ReactRenderConfig {
  const outer = expectObject(value, `${where} must be an object {"react": {...}}.`, at)
  rejectUnknownKeys(outer, ['react'], where, at)
  const react = expectObject(outer.react, `${where} "react" must be an object with module, target, script, ... (see the action's README).`, [...at, 'react'])
  const reactAt = [...at, 'react']
  rejectUnknownKeys(react, REACT_KEYS, `${where} react`, reactAt)
  const config: ReactRenderConfig = { ...CLI_DEFAULT_REACT_CONFIG, ...react }
  for (const [key, allowed] of Object.entries(ALLOWED_VALUES)) {
    if (!(allowed as readonly unknown[]).includes(config[key])) {
      throw configError(`${where} react.${key} is ${JSON.stringify(config[key])}; allowed values are ${allowed.map(v => `"${v}"`).join(', ')}.`, [
        ...reactAt,
        key
      ])
    }
  }
  for (const key of BOOLEAN_KEYS) {
    if (config[key] !== undefined && typeof config[key] !== 'boolean') {
      throw configError(`${where} react.${key} must be true or false, not ${JSON.stringify(config[key])}.`, [...reactAt, key])
    }
  }
  if (config.dependencies !== undefined) config.dependencies = checkStringMap(config.dependencies, `${where} react.dependencies`, [...reactAt, 'dependencies'])
  config.apiConfiguration = checkApiConfiguration(config.apiConfiguration, `${where} react.apiConfiguration`, [...reactAt, 'apiConfiguration'])
  return config
}

function checkApiConfiguration(value: unknown, where: string, at: JsonPath): Record<string, unknown> {
  const api = expectObject(value, `${where} must be an object with exactly one of ${API_CONFIGURATIONS.join(', ')}.`, at)
  const members = Object.keys(api)
  if (members.length !== 1 || !API_CONFIGURATIONS.includes(members[0]!)) {
    const wrong = members.find(member => !API_CONFIGURATIONS.includes(member)) ?? members[1]
    throw configError(
      `${where} must have exactly one of ${API_CONFIGURATIONS.join(', ')}; it has ${members.length ? members.join(', ') : 'none'}.`,
      wrong === undefined ? at : [...at, wrong]
    )
  }
  const kind = members[0]!
  const settings = expectObject(api[kind], `${where}.${kind} must be an object.`, [...at, kind])
  if (kind === 'graphQLConfig') {
    const missing = GRAPHQL_PATHS.filter(key => typeof settings[key] !== 'string' || settings[key] === '')
    if (missing.length) {
      const present = missing.find(key => key in settings)
      throw configError(
        `${where}.graphQLConfig is missing ${missing.join(', ')}; all of ${GRAPHQL_PATHS.join(', ')} are required (paths of the generated GraphQL files, e.g. "../graphql/queries.js").`,
        present === undefined ? [...at, kind] : [...at, kind, present]
      )
    }
    rejectUnknownKeys(settings, GRAPHQL_PATHS, `${where}.graphQLConfig`, [...at, kind])
  } else {
    rejectUnknownKeys(settings, [], `${where}.${kind}`, [...at, kind])
  }
  return api
}

function checkGenericDataSchema(input: string, where: string, value: unknown, at: JsonPath): Record<string, unknown> {
  const schema = expectObject(
    value,
    `'${where}' must be a JSON object {"dataSourceType": "DataStore", "models": {...}, "enums": {...}, "nonModels": {...}}.`,
    at,
    input
  )
  if (schema.dataSourceType !== 'DataStore') {
    throw new ConfigProblem(input, `'${where}' dataSourceType is ${JSON.stringify(schema.dataSourceType)}; the only allowed value is "DataStore".`, [
      ...at,
      'dataSourceType'
    ])
  }
  for (const key of ['models', 'enums', 'nonModels']) {
    expectObject(schema[key], `'${where}' must have an object "${key}" (use {} when there are none).`, [...at, key], input)
  }
  return schema
}

/**
 * The Amplify CLI sends the versions of the Amplify UI packages from the app's package.json: the
 * generated code differs between amplify-js major versions. The range strings are sent as written.
 */
export function readUiDependencies(workspace: string): Record<string, string> | undefined {
  const manifest = readPackageJson(workspace)
  if (!manifest) return undefined
  const found: Record<string, string> = {}
  for (const name of UI_DEPENDENCY_PACKAGES) {
    const range = manifest.dependencies?.[name] ?? manifest.devDependencies?.[name]
    if (typeof range === 'string') found[name] = range
  }
  return Object.keys(found).length ? found : undefined
}

export interface PackageJson {
  dependencies?: Record<string, unknown>
  devDependencies?: Record<string, unknown>
}

/** The workspace's package.json, or undefined when there is none or it cannot be parsed. */
export function readPackageJson(workspace: string): PackageJson | undefined {
  try {
    const value = JSON.parse(stripByteOrderMark(readFileSync(join(workspace, 'package.json'), 'utf8'))) as unknown
    return value && typeof value === 'object' ? (value as PackageJson) : undefined
  } catch {
    return undefined
  }
}

function checkStringMap(value: unknown, where: string, at: JsonPath): Record<string, string> {
  const map = expectObject(value, `${where} must be an object of strings.`, at)
  for (const [key, entry] of Object.entries(map)) {
    if (typeof entry !== 'string') throw configError(`${where}.${key} must be a string, not ${JSON.stringify(entry)}.`, [...at, key])
  }
  return map as Record<string, string>
}

function checkBooleanMap(value: unknown, keys: string[], where: string, at: JsonPath): Record<string, boolean> {
  const map = expectObject(value, `${where} must be an object.`, at)
  rejectUnknownKeys(map, keys, where, at)
  for (const [key, entry] of Object.entries(map)) {
    if (typeof entry !== 'boolean') throw configError(`${where}.${key} must be true or false, not ${JSON.stringify(entry)}.`, [...at, key])
  }
  return map as Record<string, boolean>
}

function expectObject(value: unknown, problem: string, at: JsonPath, input = 'render-config'): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ConfigProblem(input, problem, at)
  return value as Record<string, unknown>
}

function rejectUnknownKeys(object: Record<string, unknown>, allowed: string[], where: string, at: JsonPath): void {
  const unknown = Object.keys(object).filter(key => !allowed.includes(key))
  if (unknown.length) {
    const expected = allowed.length ? `allowed keys are ${allowed.join(', ')}` : 'it must be empty {}'
    throw configError(`${where} has unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map(k => `"${k}"`).join(', ')}; ${expected}.`, [...at, unknown[0]!])
  }
}

/** A problem in a JSON file, with the path of the offending key; `located` turns it into an InputError. */
class ConfigProblem extends Error {
  constructor(
    readonly input: string,
    readonly problem: string,
    readonly at: JsonPath
  ) {
    super(problem)
  }
}

function configError(problem: string, at: JsonPath): ConfigProblem {
  return new ConfigProblem('render-config', problem, at)
}

/**
 * Runs the checks of one file; a problem they find becomes an InputError that names the line and
 * column of the offending key, so the runner annotates that line of the file.
 */
function located<T>(file: JsonFile, check: () => T): T {
  try {
    return check()
  } catch (error) {
    if (!(error instanceof ConfigProblem)) throw error
    const { line, column } = locateInJson(file.text, error.at)
    throw new InputError(error.input, `${error.problem} See line ${line}, column ${column}.`, { file: file.path, line, column })
  }
}
