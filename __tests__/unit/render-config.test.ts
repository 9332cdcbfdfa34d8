import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { InputError } from '../../src/errors.js'
import { buildCodegenRequest, CLI_DEFAULT_REACT_CONFIG, type CodegenRequestSources, readPackageJson, readUiDependencies } from '../../src/render-config.js'

let workspace: string
beforeEach(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'render-config-test-'))
})
afterEach(() => {
  fs.rmSync(workspace, { recursive: true, force: true })
})

function write(relative: string, content: unknown): string {
  const file = path.join(workspace, relative)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  return relative
}

function build(sources: Partial<CodegenRequestSources> = {}): ReturnType<typeof buildCodegenRequest> {
  return buildCodegenRequest({ workspace, ...sources })
}

/** Writes `config` as the render-config file and returns the error building the request throws. */
function configError(config: unknown, input: Partial<CodegenRequestSources> = {}): InputError {
  const renderConfigPath = write('render-config.json', config)
  try {
    build({ renderConfigPath, ...input })
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('buildCodegenRequest did not throw')
}

const schema = { dataSourceType: 'DataStore', models: { Post: { name: 'Post' } }, enums: {}, nonModels: {} }
const otherSchema = { dataSourceType: 'DataStore', models: { Todo: { name: 'Todo' } }, enums: {}, nonModels: {} }
const graphQLConfig = {
  typesFilePath: '../API.ts',
  queriesFilePath: '../graphql/queries.ts',
  mutationsFilePath: '../graphql/mutations.ts',
  subscriptionsFilePath: '../graphql/subscriptions.ts',
  fragmentsFilePath: '../graphql/fragments.ts'
}

describe('buildCodegenRequest without a render-config', () => {
  it('sends the Amplify CLI defaults and nothing else', () => {
    const built = build()
    expect(built.request).toEqual({
      renderConfig: {
        react: { module: 'es2020', target: 'es2020', script: 'jsx', renderTypeDeclarations: true, apiConfiguration: { dataStoreConfig: {} } }
      }
    })
    expect(built.dependencySource).toBe('none')
  })
})

describe('buildCodegenRequest with a render config {"react": ...}', () => {
  it('fills the keys a partial config leaves out with the CLI defaults', () => {
    const built = build({ renderConfigPath: write('rc.json', { react: { script: 'tsx', inlineSourceMap: true } }) })
    expect(built.request.renderConfig.react).toEqual({
      module: 'es2020',
      target: 'es2020',
      script: 'tsx',
      renderTypeDeclarations: true,
      inlineSourceMap: true,
      apiConfiguration: { dataStoreConfig: {} }
    })
    expect(built.request.genericDataSchema).toBeUndefined()
    expect(built.request.autoGenerateForms).toBeUndefined()
  })

  it('takes every value a complete config gives', () => {
    const react = {
      module: 'esnext',
      target: 'es2015',
      script: 'js',
      renderTypeDeclarations: false,
      inlineSourceMap: false,
      apiConfiguration: { graphQLConfig },
      dependencies: { 'aws-amplify': '^6.0.0' }
    }
    const built = build({ renderConfigPath: write('rc.json', { react }) })
    expect(built.request.renderConfig.react).toEqual(react)
    expect(built.dependencySource).toBe('render-config')
  })

  it.each(['noApiConfig', 'dataStoreConfig'])('accepts apiConfiguration %s {}', kind => {
    const built = build({ renderConfigPath: write('rc.json', { react: { apiConfiguration: { [kind]: {} } } }) })
    expect(built.request.renderConfig.react.apiConfiguration).toEqual({ [kind]: {} })
  })

  it('does not change the shared CLI defaults', () => {
    build({ renderConfigPath: write('rc.json', { react: { script: 'tsx' } }) })
    expect(CLI_DEFAULT_REACT_CONFIG.script).toBe('jsx')
    expect(build().request.renderConfig.react.script).toBe('jsx')
  })
})

describe('buildCodegenRequest with a whole job {"renderConfig": ...}', () => {
  it('takes the render config, schema, forms, features and tags', () => {
    const job = {
      renderConfig: { react: { script: 'tsx' } },
      genericDataSchema: schema,
      autoGenerateForms: true,
      features: { isRelationshipSupported: true, isNonModelSupported: false },
      tags: { team: 'ui' }
    }
    const built = build({ renderConfigPath: write('job.json', job) })
    expect(built.request).toEqual({
      renderConfig: { react: { ...CLI_DEFAULT_REACT_CONFIG, script: 'tsx' } },
      genericDataSchema: schema,
      autoGenerateForms: true,
      features: { isRelationshipSupported: true, isNonModelSupported: false },
      tags: { team: 'ui' }
    })
  })

  it('lets the generic-data-schema input override the schema in the file', () => {
    const renderConfigPath = write('job.json', { renderConfig: { react: {} }, genericDataSchema: schema })
    const genericDataSchemaPath = write('schema/other.json', otherSchema)
    expect(build({ renderConfigPath, genericDataSchemaPath }).request.genericDataSchema).toEqual(otherSchema)
  })

  it('lets the auto-generate-forms input override the file, both ways', () => {
    const renderConfigPath = write('job.json', { renderConfig: { react: {} }, autoGenerateForms: true })
    expect(build({ renderConfigPath, autoGenerateForms: false }).request.autoGenerateForms).toBe(false)
    expect(build({ renderConfigPath }).request.autoGenerateForms).toBe(true)
    const without = write('job2.json', { renderConfig: { react: {} }, autoGenerateForms: false })
    expect(build({ renderConfigPath: without, autoGenerateForms: true }).request.autoGenerateForms).toBe(true)
  })

  it('takes generic-data-schema and auto-generate-forms inputs without a render-config', () => {
    const genericDataSchemaPath = write('schema.json', schema)
    const built = build({ genericDataSchemaPath, autoGenerateForms: false })
    expect(built.request.genericDataSchema).toEqual(schema)
    expect(built.request.autoGenerateForms).toBe(false)
    expect(built.request.renderConfig.react).toEqual(CLI_DEFAULT_REACT_CONFIG)
  })
})

describe('render-config file problems', () => {
  it('names the input and the path of a missing file', () => {
    let error: unknown
    try {
      build({ renderConfigPath: 'amplify/missing.json' })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('render-config')
    expect((error as Error).message).toContain("'amplify/missing.json' does not exist")
  })

  it('refuses a folder', () => {
    fs.mkdirSync(path.join(workspace, 'configs'))
    expect(() => build({ renderConfigPath: 'configs' })).toThrow("Input 'render-config': 'configs' is not a file")
  })

  it('reports invalid JSON with line and column', () => {
    const error = configError('{\n  "react": {\n    "script": "tsx",\n  }\n}')
    expect(error.message).toContain("'render-config.json' is not valid JSON")
    expect(error.location).toEqual({ file: 'render-config.json', line: 4, column: 3 })
  })

  it.each([
    ['an array', [1]],
    ['a string', '"react"'],
    ['null', 'null']
  ])('refuses %s at the root', (_label, value) => {
    expect(configError(value).message).toContain('must hold a JSON object')
  })

  it('refuses an object that is neither a render config nor a job', () => {
    expect(configError({ script: 'tsx' }).message).toContain('has neither "react" nor "renderConfig"')
  })

  it.each([
    ['module', 'commonjs', '"es2020", "esnext"'],
    ['target', 'es5', '"es2015", "es2020"'],
    ['script', 'ts', '"js", "jsx", "tsx"'],
    ['script', 'TSX', '"js", "jsx", "tsx"'],
    ['module', null, '"es2020", "esnext"'],
    ['target', 2020, '"es2015", "es2020"']
  ])('refuses react.%s %j and lists the allowed values', (key, value, allowed) => {
    const error = configError({ react: { [key]: value } })
    expect(error.input).toBe('render-config')
    expect(error.message).toContain(`react.${key} is ${JSON.stringify(value)}; allowed values are ${allowed}.`)
  })

  it('checks the values of a whole job render config too', () => {
    expect(configError({ renderConfig: { react: { script: 'ts' } } }).message).toContain('\'render-config.json\' renderConfig react.script is "ts"')
  })

  it.each(['renderTypeDeclarations', 'inlineSourceMap'])('refuses a non-boolean %s', key => {
    expect(configError({ react: { [key]: 'true' } }).message).toContain(`react.${key} must be true or false, not "true"`)
  })

  it('refuses apiConfiguration with no member', () => {
    expect(configError({ react: { apiConfiguration: {} } }).message).toContain(
      'react.apiConfiguration must have exactly one of graphQLConfig, dataStoreConfig, noApiConfig; it has none.'
    )
  })

  it('refuses apiConfiguration with two members and names both', () => {
    expect(configError({ react: { apiConfiguration: { dataStoreConfig: {}, noApiConfig: {} } } }).message).toContain('it has dataStoreConfig, noApiConfig.')
  })

  it('refuses an unknown apiConfiguration and one that is not an object', () => {
    expect(configError({ react: { apiConfiguration: { restConfig: {} } } }).message).toContain('it has restConfig.')
    expect(configError({ react: { apiConfiguration: 'dataStoreConfig' } }).message).toContain('must be an object with exactly one of')
    expect(configError({ react: { apiConfiguration: { noApiConfig: true } } }).message).toContain('apiConfiguration.noApiConfig must be an object')
  })

  it('refuses settings inside dataStoreConfig', () => {
    expect(configError({ react: { apiConfiguration: { dataStoreConfig: { sync: true } } } }).message).toContain(
      'apiConfiguration.dataStoreConfig has unknown key "sync"; it must be empty {}.'
    )
  })

  it.each(Object.keys(graphQLConfig))('names %s when graphQLConfig lacks it', missing => {
    const partial: Record<string, string> = { ...graphQLConfig }
    delete partial[missing]
    const message = configError({ react: { apiConfiguration: { graphQLConfig: partial } } }).message
    expect(message).toContain(`graphQLConfig is missing ${missing};`)
  })

  it('names every graphQLConfig path that is missing or empty', () => {
    const message = configError({
      react: { apiConfiguration: { graphQLConfig: { ...graphQLConfig, typesFilePath: '', fragmentsFilePath: undefined } } }
    }).message
    expect(message).toContain('graphQLConfig is missing typesFilePath, fragmentsFilePath;')
  })

  it('refuses unknown keys in graphQLConfig', () => {
    expect(configError({ react: { apiConfiguration: { graphQLConfig: { ...graphQLConfig, schemaPath: 'x' } } } }).message).toContain(
      'graphQLConfig has unknown key "schemaPath"'
    )
  })

  it('refuses unknown keys at every level and lists the allowed ones', () => {
    expect(configError({ react: {}, angular: {} }).message).toContain('has unknown key "angular"; allowed keys are react.')
    expect(configError({ react: { scripts: 'tsx', modules: 'esnext' } }).message).toContain(
      'react has unknown keys "scripts", "modules"; allowed keys are module, target, script, renderTypeDeclarations, inlineSourceMap, dependencies, apiConfiguration.'
    )
    expect(configError({ renderConfig: { react: {} }, autoGenerateForm: true }).message).toContain(
      'has unknown key "autoGenerateForm"; allowed keys are renderConfig, genericDataSchema, autoGenerateForms, features, tags.'
    )
    expect(configError({ renderConfig: { react: {}, vue: {} } }).message).toContain('renderConfig has unknown key "vue"')
    expect(configError({ renderConfig: { react: {} }, features: { isFancy: true } }).message).toContain('features has unknown key "isFancy"')
  })

  it('refuses a whole job whose values have the wrong type', () => {
    expect(configError({ renderConfig: { react: {} }, autoGenerateForms: 'yes' }).message).toContain('autoGenerateForms must be true or false, not "yes"')
    expect(configError({ renderConfig: { react: {} }, features: { isNonModelSupported: 1 } }).message).toContain(
      'features.isNonModelSupported must be true or false, not 1'
    )
    expect(configError({ renderConfig: { react: {} }, tags: { team: 5 } }).message).toContain('tags.team must be a string, not 5')
    expect(configError({ renderConfig: 'react' }).message).toContain('renderConfig must be an object')
    expect(configError({ renderConfig: { react: [] } }).message).toContain('"react" must be an object')
  })

  it('refuses dependencies that are not strings', () => {
    expect(configError({ react: { dependencies: { 'aws-amplify': 6 } } }).message).toContain('react.dependencies.aws-amplify must be a string, not 6')
    expect(configError({ react: { dependencies: ['aws-amplify'] } }).message).toContain('react.dependencies must be an object of strings')
  })

  it('checks the generic data schema in the file and in the input, naming the right input', () => {
    const inFile = configError({ renderConfig: { react: {} }, genericDataSchema: { ...schema, dataSourceType: 'GraphQL' } })
    expect(inFile.input).toBe('render-config')
    expect(inFile.message).toContain('dataSourceType is "GraphQL"; the only allowed value is "DataStore".')

    const genericDataSchemaPath = write('schema.json', { dataSourceType: 'DataStore', models: {}, enums: {} })
    let error: unknown
    try {
      build({ genericDataSchemaPath })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('generic-data-schema')
    expect((error as Error).message).toContain('\'schema.json\' must have an object "nonModels"')
  })

  it('names generic-data-schema for a schema file that is not an object', () => {
    const genericDataSchemaPath = write('schema.json', [schema])
    expect(() => build({ genericDataSchemaPath })).toThrow("Input 'generic-data-schema': 'schema.json' must be a JSON object")
  })
})

describe('dependencies from package.json', () => {
  it('sends the three UI packages from dependencies as written, ignoring others', () => {
    write('package.json', {
      dependencies: { 'aws-amplify': '^5.3.12', '@aws-amplify/ui-react': '~5.3.0', react: '^18.2.0', '@aws-amplify/ui-react-storage': '2.x' },
      devDependencies: { typescript: '^5.0.0' }
    })
    const built = build()
    expect(built.request.renderConfig.react.dependencies).toEqual({
      'aws-amplify': '^5.3.12',
      '@aws-amplify/ui-react': '~5.3.0',
      '@aws-amplify/ui-react-storage': '2.x'
    })
    expect(built.dependencySource).toBe('package.json')
  })

  it('takes dependencies before devDependencies', () => {
    write('package.json', {
      dependencies: { 'aws-amplify': '^6.0.0' },
      devDependencies: { 'aws-amplify': '^5.0.0', '@aws-amplify/ui-react': '^6.1.0' }
    })
    expect(build().request.renderConfig.react.dependencies).toEqual({ 'aws-amplify': '^6.0.0', '@aws-amplify/ui-react': '^6.1.0' })
  })

  it('fills the dependencies of a partial render config', () => {
    write('package.json', { dependencies: { 'aws-amplify': 'latest' } })
    const built = build({ renderConfigPath: write('rc.json', { react: { script: 'tsx' } }) })
    expect(built.request.renderConfig.react.dependencies).toEqual({ 'aws-amplify': 'latest' })
    expect(built.request.renderConfig.react.script).toBe('tsx')
  })

  it('lets explicit dependencies in the render config win, even an empty map', () => {
    write('package.json', { dependencies: { 'aws-amplify': '^6.0.0' } })
    const explicit = build({ renderConfigPath: write('rc.json', { react: { dependencies: { 'aws-amplify': '^5.0.0' } } }) })
    expect(explicit.request.renderConfig.react.dependencies).toEqual({ 'aws-amplify': '^5.0.0' })
    expect(explicit.dependencySource).toBe('render-config')
    const empty = build({ renderConfigPath: write('rc2.json', { renderConfig: { react: { dependencies: {} } } }) })
    expect(empty.request.renderConfig.react.dependencies).toEqual({})
    expect(empty.dependencySource).toBe('render-config')
  })

  it.each([
    ['no package.json', undefined],
    ['a broken package.json', '{"dependencies": {'],
    ['a package.json without the UI packages', { dependencies: { react: '^18.0.0' } }],
    ['a package.json that is not an object', '"aws-amplify"'],
    ['non-string versions', { dependencies: { 'aws-amplify': 6 } }]
  ])('sends no dependencies with %s', (_label, content) => {
    if (content !== undefined) write('package.json', content)
    const built = build()
    expect(built.request.renderConfig.react.dependencies).toBeUndefined()
    expect(built.dependencySource).toBe('none')
  })

  it('reads a package.json saved with a byte order mark', () => {
    write('package.json', '\uFEFF' + JSON.stringify({ dependencies: { 'aws-amplify': '^6.0.0' } }))
    expect(readUiDependencies(workspace)).toEqual({ 'aws-amplify': '^6.0.0' })
  })

  it('readPackageJson returns the parsed manifest or undefined', () => {
    expect(readPackageJson(workspace)).toBeUndefined()
    write('package.json', { name: 'app', devDependencies: { a: '1' } })
    expect(readPackageJson(workspace)).toEqual({ name: 'app', devDependencies: { a: '1' } })
  })
})

describe('render-config problems point at the line of the offending key', () => {
  it.each([
    ['an unknown react key', { react: { script: 'tsx', scripts: 'tsx' } }, 4, 5, 'react has unknown key "scripts"'],
    ['a value that is not allowed', { react: { module: 'es2020', script: 'ts' } }, 4, 5, 'react.script is "ts"'],
    ['a boolean that is not one', { react: { renderTypeDeclarations: 'yes' } }, 3, 5, 'react.renderTypeDeclarations must be true or false'],
    ['an unknown job key', { renderConfig: { react: {} }, autoGenerateform: true }, 5, 3, 'has unknown key "autoGenerateform"'],
    ['two API configurations', { react: { apiConfiguration: { dataStoreConfig: {}, noApiConfig: {} } } }, 5, 7, 'must have exactly one of'],
    ['a dependency that is not a string', { react: { dependencies: { 'aws-amplify': 6 } } }, 4, 7, 'react.dependencies.aws-amplify must be a string'],
    ['a file without react', { reactt: {} }, 1, 1, 'has neither "react" nor "renderConfig"']
  ])('%s', (_label, config, line, column, problem) => {
    const error = configError(config)
    expect(error.message).toContain(problem)
    expect(error.message).toMatch(new RegExp(`See line ${line}, column ${column}\\.$`))
    expect(error.location).toEqual({ file: 'render-config.json', line, column })
  })

  it('in a generic-data-schema file too, naming that file', () => {
    const genericDataSchemaPath = write('amplify/schema.json', { dataSourceType: 'DynamoDB', models: {}, enums: {}, nonModels: {} })
    let error: InputError | undefined
    try {
      build({ genericDataSchemaPath })
    } catch (caught) {
      error = caught as InputError
    }
    expect(error?.input).toBe('generic-data-schema')
    expect(error?.location).toEqual({ file: 'amplify/schema.json', line: 2, column: 3 })
  })
})
