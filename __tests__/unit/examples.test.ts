/**
 * Every workflow a user may copy (examples/*.yml and the complete workflows in the README) is
 * checked against action.yml and against the action's own input validation: each `with:` key is an
 * input, the required ones are given, the values pass readInputs (with `${{ }}` expressions
 * replaced by sample values), and `steps.<id>.outputs.<name>` names an output that exists.
 * Those and this repository's own workflows (.github/workflows/) are also parsed as strict YAML
 * and checked against the published workflow schema (SchemaStore's github-workflow, as
 * @action-validator/core bundles it): GitHub refuses a workflow file that fails either, whole.
 * (Not action.yml: that schema does not know `runs.using: node24` yet.)
 * The deploy, preview and Gen 2 examples are also checked for what they are there to show.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { validateWorkflow } from '@action-validator/core'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse, parseDocument } from 'yaml'
import { readRunContext } from '../../src/context.js'
import { readInputs } from '../../src/inputs.js'

interface ActionYaml {
  inputs: Record<string, { required?: boolean }>
  outputs: Record<string, unknown>
}
interface Step {
  id?: string
  uses?: string
  run?: string
  env?: Record<string, unknown>
  with?: Record<string, unknown>
}
interface Concurrency {
  group?: string
  'cancel-in-progress'?: boolean
}
interface Job {
  if?: string
  needs?: string | string[]
  concurrency?: Concurrency
  environment?: string | { name?: string; url?: string }
  env?: Record<string, unknown>
  permissions?: Record<string, string>
  steps?: Step[]
}
interface Workflow {
  on?: unknown
  concurrency?: Concurrency
  permissions?: Record<string, string>
  jobs?: Record<string, Job>
}

const action = parse(readFileSync('action.yml', 'utf8')) as ActionYaml
const knownInputs = new Set(Object.keys(action.inputs))
const THIS_ACTION = /^amplify-job-action\/amplify-job-action@v\d+$/
/** The folder the deploy examples publish: their `source` must exist when the inputs are read. */
const SITE_FOLDER = 'dist'
/** What each job type cannot do without, beyond app-id (action.yml says it in prose). */
const REQUIRED_BY_JOB_TYPE: Record<string, string[]> = {
  codegen: ['environment'],
  release: ['branch'],
  retry: ['branch', 'job-id'],
  backend: ['environment', 'job-id'],
  deploy: ['branch', 'source'],
  'delete-branch': ['branch']
}
/** Values that stand in for `${{ ... }}` expressions, per input. */
function sampleValue(input: string, jobType: string): string | undefined {
  const samples: Record<string, string> = {
    'app-id': 'd1a2b3c4d5e6f7',
    environment: 'staging',
    branch: 'main',
    'job-id': jobType === 'retry' ? '42' : 'a1b2c3d4',
    'output-path': 'src/ui-components',
    'commit-id': 'a'.repeat(40),
    'commit-message': 'A commit',
    'job-reason': 'A reason',
    'client-token': 'token-1',
    source: SITE_FOLDER
  }
  return samples[input]
}

const workspace = mkdtempSync(join(tmpdir(), 'examples-test-'))
mkdirSync(join(workspace, SITE_FOLDER))
writeFileSync(join(workspace, SITE_FOLDER, 'index.html'), '<!doctype html>\n')
afterAll(() => rmSync(workspace, { recursive: true, force: true }))

/** The complete workflows: examples/*.yml and the README's yaml blocks that have `jobs:`. */
function workflows(): Array<[string, string]> {
  const found: Array<[string, string]> = readdirSync('examples')
    .filter(name => /\.ya?ml$/.test(name))
    .sort()
    .map(name => [`examples/${name}`, readFileSync(join('examples', name), 'utf8')])
  const readme = readFileSync('README.md', 'utf8')
  let index = 0
  for (const match of readme.matchAll(/```ya?ml\n([\s\S]*?)```/g)) {
    index++
    if (/^jobs:/m.test(match[1]!)) found.push([`README.md yaml block ${index}`, match[1]!])
  }
  return found
}

function stepsOfThisAction(workflow: Workflow): Array<{ job: string; step: Step; before: Step[] }> {
  const found: Array<{ job: string; step: Step; before: Step[] }> = []
  for (const [job, definition] of Object.entries(workflow.jobs ?? {})) {
    const steps = definition.steps ?? []
    steps.forEach((step, i) => {
      if (step.uses && THIS_ACTION.test(step.uses)) found.push({ job, step, before: steps.slice(0, i) })
    })
  }
  return found
}

const all = workflows()

/** Files with `.yml`/`.yaml` in a folder, as [path, text], sorted. */
function yamlFiles(folder: string): Array<[string, string]> {
  return readdirSync(folder)
    .filter(name => /\.ya?ml$/.test(name))
    .sort()
    .map(name => [`${folder}/${name}`, readFileSync(join(folder, name), 'utf8')])
}

/** This repository's own workflows. */
const ownWorkflows = yamlFiles('.github/workflows')
/** Workflows broken on purpose, to show that the checks below can fail. */
const brokenWorkflows = yamlFiles('__tests__/unit/fixtures/broken-workflows')

/** What stops GitHub from running a workflow file: YAML errors and warnings, then schema errors. */
function workflowProblems(text: string): string[] {
  const document = parseDocument(text, { prettyErrors: false })
  const yamlProblems = [...document.errors, ...document.warnings].map(problem => `YAML: ${problem.message}`)
  if (yamlProblems.length > 0) return yamlProblems
  return validateWorkflow(text).errors.map(
    error => `schema: ${error.title}${'path' in error && error.path ? ` at ${error.path}` : ''}${error.detail ? `: ${error.detail}` : ''}`
  )
}

describe('every workflow file is one GitHub runs: strict YAML, and valid against the workflow schema', () => {
  it('there are workflows of this repository to check, among them CI', () => {
    expect(ownWorkflows.map(([name]) => name)).toContain('.github/workflows/ci.yml')
  })

  it.each([...ownWorkflows, ...all])('%s', (_name, text) => {
    expect(workflowProblems(text)).toEqual([])
  })

  it('CI runs the unit tests and a codegen run on Windows as well', () => {
    const ci = parse(ownWorkflows.find(([name]) => name.endsWith('/ci.yml'))![1]) as { jobs: Record<string, { 'runs-on': string; steps: Step[] }> }
    const windows = Object.values(ci.jobs).find(job => job['runs-on'] === 'windows-latest')
    expect(windows).toBeDefined()
    const runs = windows!.steps.map(step => step.run ?? '')
    expect(runs.some(run => /^npx jest$/.test(run))).toBe(true)
    expect(runs.some(run => run.includes('__tests__/e2e/codegen.test.ts'))).toBe(true)
  })

  it.each(brokenWorkflows)('the checks refuse %s, broken on purpose', (name, text) => {
    const problems = workflowProblems(text)
    if (name.endsWith('colon-in-plain-scalar.yml'))
      expect(problems).toEqual([expect.stringMatching(/^YAML: Nested mappings are not allowed in compact mappings/)])
    else expect(problems).toEqual([expect.stringMatching(/^schema: .* at \/jobs\/build/)])
  })

  it('has both kinds of broken workflow to refuse', () => {
    expect(brokenWorkflows.map(([name]) => name.split('/').pop())).toEqual(['colon-in-plain-scalar.yml', 'not-the-schema.yml'])
  })
})

describe('examples and README workflows', () => {
  it('are there: seven examples at least, and a complete workflow per job type in the README', () => {
    expect(all.filter(([name]) => name.startsWith('examples/')).length).toBeGreaterThanOrEqual(7)
    const readmeTypes = new Set(
      all
        .filter(([name]) => name.startsWith('README'))
        .flatMap(([, text]) => stepsOfThisAction(parse(text) as Workflow).map(({ step }) => String(step.with?.['job-type'] ?? 'codegen')))
    )
    expect([...readmeTypes].sort()).toEqual(['backend', 'codegen', 'delete-branch', 'deploy', 'release', 'retry'])
  })

  describe.each(all)('%s', (_name, text) => {
    const workflow = parse(text) as Workflow
    const uses = stepsOfThisAction(workflow)

    it('is a workflow that uses this action', () => {
      expect(workflow.on).toBeDefined()
      expect(uses.length).toBeGreaterThan(0)
    })

    it('gives only inputs of action.yml, and every required one', () => {
      for (const { step } of uses) {
        const given = Object.keys(step.with ?? {})
        expect(given.filter(name => !knownInputs.has(name))).toEqual([])
        const required = Object.entries(action.inputs)
          .filter(([, input]) => input.required)
          .map(([name]) => name)
        expect(required.filter(name => !given.includes(name))).toEqual([])
        const jobType = String(step.with?.['job-type'] ?? 'codegen')
        expect(Object.keys(REQUIRED_BY_JOB_TYPE)).toContain(jobType)
        expect(REQUIRED_BY_JOB_TYPE[jobType]!.filter(name => !given.includes(name))).toEqual([])
      }
    })

    it("passes the action's own input checks, with no input ignored for its job type", () => {
      for (const { step } of uses) {
        const jobType = String(step.with?.['job-type'] ?? 'codegen')
        const values: Record<string, string> = {}
        for (const [name, raw] of Object.entries(step.with ?? {})) {
          const value = String(raw)
          if (!value.includes('${{')) values[name] = value
          else {
            const sample = sampleValue(name, jobType)
            if (sample === undefined) throw new Error(`no sample value for an expression in '${name}': add one to sampleValue()`)
            values[name] = sample
          }
        }
        const warnings: string[] = []
        readInputs({ get: name => values[name] ?? '', warn: message => warnings.push(message) }, readRunContext({ GITHUB_WORKSPACE: workspace }))
        expect(warnings).toEqual([])
      }
    })

    it('reads only outputs of action.yml from its steps', () => {
      const ids = new Set(uses.map(({ step }) => step.id).filter((id): id is string => id !== undefined))
      for (const [, id, output] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        if (ids.has(id!)) expect(Object.keys(action.outputs)).toContain(output)
      }
    })

    it('gets AWS credentials with OIDC before the step', () => {
      for (const { job, before } of uses) {
        expect(before.some(step => step.uses?.startsWith('aws-actions/configure-aws-credentials@'))).toBe(true)
        const permissions = { ...workflow.permissions, ...workflow.jobs![job]!.permissions }
        expect(permissions['id-token']).toBe('write')
      }
    })

    it('pins every other action to a version', () => {
      for (const definition of Object.values(workflow.jobs ?? {})) {
        for (const step of definition.steps ?? []) {
          if (step.uses) expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+)*|[0-9a-f]{40})$/)
        }
      }
    })
  })

  it('the checks catch a key that is not an input, and a job type without what it requires', () => {
    const bad = parse(
      'on: push\njobs:\n  a:\n    steps:\n      - uses: amplify-job-action/amplify-job-action@v1\n        with:\n          app-id: d1\n          job-type: retry\n          branch: main\n          brnach: main\n'
    ) as Workflow
    const { step } = stepsOfThisAction(bad)[0]!
    expect(Object.keys(step.with!).filter(name => !(name in action.inputs))).toEqual(['brnach'])
    expect(REQUIRED_BY_JOB_TYPE.retry!.filter(name => !(name in step.with!))).toEqual(['job-id'])
  })
})

describe('the deploy, preview and Gen 2 examples show what they are for', () => {
  function example(name: string): Workflow {
    return parse(readFileSync(join('examples', name), 'utf8')) as Workflow
  }
  /** The one step of this action with that job type, its job's name and definition, and the steps before it. */
  function stepOfType(workflow: Workflow, jobType: string): { job: string; definition: Job; step: Step; before: Step[] } {
    const found = stepsOfThisAction(workflow).filter(({ step }) => step.with?.['job-type'] === jobType)
    expect(found).toHaveLength(1)
    const { job, step, before } = found[0]!
    return { job, definition: workflow.jobs![job]!, step, before }
  }

  it('deploy-on-push: on a push to main, builds, deploys dist, names the url output as the environment url, one deploy at a time', () => {
    const workflow = example('deploy-on-push.yml')
    expect((workflow.on as { push?: { branches?: string[] } }).push?.branches).toEqual(['main'])
    const { definition, step, before } = stepOfType(workflow, 'deploy')
    expect(step.with).toMatchObject({ branch: 'main', source: SITE_FOLDER })
    expect(before.some(earlier => /npm ci && npm run build/.test(earlier.run ?? ''))).toBe(true)
    expect(before.some(earlier => earlier.uses?.startsWith('actions/setup-node@'))).toBe(true)
    expect(step.id).toBeDefined()
    expect(definition.environment).toEqual({ name: 'production', url: `\${{ steps.${step.id}.outputs.url }}` })
    expect(workflow.concurrency?.group ?? definition.concurrency?.group).toBeDefined()
  })

  it('pr-preview: deploys pr-<number> with create-branch and pr-comment except on closed, and deletes that branch on closed', () => {
    const workflow = example('pr-preview.yml')
    expect((workflow.on as { pull_request?: { types?: string[] } }).pull_request?.types).toEqual(['opened', 'synchronize', 'reopened', 'closed'])
    expect(workflow.permissions).toEqual({ 'id-token': 'write', contents: 'read', 'pull-requests': 'write' })
    const deploy = stepOfType(workflow, 'deploy')
    const cleanup = stepOfType(workflow, 'delete-branch')
    expect(deploy.step.with).toMatchObject({ branch: 'pr-${{ github.event.number }}', source: SITE_FOLDER, 'create-branch': true, 'pr-comment': true })
    expect(cleanup.step.with).toMatchObject({ branch: deploy.step.with!.branch, 'pr-comment': true })
    expect(deploy.definition.if).toMatch(/github\.event\.action != 'closed'/)
    // The cleanup runs after a job that only closed pull requests run.
    const needs = [cleanup.definition.needs ?? []].flat()
    expect(needs).toHaveLength(1)
    expect(workflow.jobs![needs[0]!]!.if).toMatch(/github\.event\.action == 'closed'/)
  })

  it("pr-preview: a newer push cancels the older deploy of its pull request, and nothing of the deploy's group can cancel the cleanup", () => {
    const workflow = example('pr-preview.yml')
    const deploy = stepOfType(workflow, 'deploy')
    const cleanup = stepOfType(workflow, 'delete-branch')
    expect(workflow.concurrency).toBeUndefined()
    expect(deploy.definition.concurrency).toEqual({ group: 'pr-preview-${{ github.event.number }}', 'cancel-in-progress': true })
    expect(cleanup.definition.concurrency?.group).not.toBe(deploy.definition.concurrency!.group)
    expect(cleanup.definition.concurrency?.['cancel-in-progress']).not.toBe(true)
    // The job the cleanup waits for takes the deploy's group on close, so a deploy still running is stopped first.
    const stopper = workflow.jobs![[cleanup.definition.needs].flat()[0]!]!
    expect(stopper.concurrency).toEqual(deploy.definition.concurrency)
  })

  it('pr-preview: forks, whose pull_request runs get neither AWS credentials nor a write token, are skipped rather than failed', () => {
    const workflow = example('pr-preview.yml')
    const sameRepository = /github\.event\.pull_request\.head\.repo\.full_name == github\.repository/
    expect(stepOfType(workflow, 'deploy').definition.if).toMatch(sameRepository)
    const cleanup = stepOfType(workflow, 'delete-branch').definition
    expect(workflow.jobs![[cleanup.needs].flat()[0]!]!.if).toMatch(sameRepository)
    // The header comment warns against the trigger that would hand a fork's code the secrets.
    const comments = readFileSync('examples/pr-preview.yml', 'utf8').replace(/\n#\s*/g, ' ')
    expect(comments).toMatch(/Never use pull_request_target with a checkout of the fork's code/)
  })

  it('gen2-pipeline: ampx pipeline-deploy of the branch, then a release of the same branch that is waited for', () => {
    const workflow = example('gen2-pipeline.yml')
    const { definition, step, before } = stepOfType(workflow, 'release')
    const backend = before.find(earlier => /\bnpx ampx pipeline-deploy\b/.test(earlier.run ?? ''))
    expect(backend?.run).toBe('npx ampx pipeline-deploy --branch "$BRANCH" --app-id "$AMPLIFY_APP_ID"')
    expect(definition.env).toEqual({ BRANCH: '${{ github.ref_name }}', AMPLIFY_APP_ID: '${{ vars.AMPLIFY_APP_ID }}' })
    expect(step.with).toMatchObject({ branch: definition.env!.BRANCH, 'app-id': definition.env!.AMPLIFY_APP_ID })
    expect(step.with?.wait).toBeUndefined()
  })
})
