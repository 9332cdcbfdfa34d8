import { describe, expect, it } from '@jest/globals'
import type { DependencyCheck } from '../../src/dependencies.js'
import type { CommitResult } from '../../src/output-folder/types.js'
import { type FilesWritten, type Outcome, outputsOf, type Result, summaryMarkdown } from '../../src/report.js'

function commit(overrides: Partial<CommitResult> = {}): CommitResult {
  return { files: [], added: [], modified: [], removed: [], changed: false, ...overrides }
}

function files(overrides: Partial<CommitResult> = {}, kept: string[] = []): FilesWritten {
  return { path: 'src/ui-components', commit: commit(overrides), kept }
}

function outcome(overrides: Partial<Outcome> = {}): Outcome {
  return { jobType: 'codegen', noun: 'codegen job', result: 'succeeded', durationMs: 42_000, ...overrides }
}

const dependency = (overrides: Partial<DependencyCheck>): DependencyCheck => ({
  name: 'aws-amplify',
  supportedVersion: '^6.0.0',
  isSemVer: true,
  reason: '',
  state: 'ok',
  ...overrides
})

describe('outputsOf', () => {
  it('sets only what the outcome knows', () => {
    expect(outputsOf(outcome())).toEqual({})
    expect(outputsOf(outcome({ jobId: 'job-1', status: 'in_progress' }))).toEqual({ 'job-id': 'job-1', status: 'in_progress' })
  })

  it('sets the job ARN for hosting jobs', () => {
    const arn = 'arn:aws:amplify:us-east-1:123456789012:apps/d1/branches/main/jobs/0000000012'
    expect(outputsOf(outcome({ jobId: '12', arn, status: 'SUCCEED' }))).toEqual({ 'job-id': '12', 'job-arn': arn, status: 'SUCCEED' })
  })

  it('lists every produced file workspace-relative as JSON, and changed as a string', () => {
    const written = files({ files: ['Button.jsx', 'index.js', 'nested/Card.jsx'], added: ['Button.jsx'], changed: true })
    const outputs = outputsOf(outcome({ files: written }))
    expect(outputs['output-path']).toBe('src/ui-components')
    expect(JSON.parse(outputs.files!)).toEqual(['src/ui-components/Button.jsx', 'src/ui-components/index.js', 'src/ui-components/nested/Card.jsx'])
    expect(outputs.changed).toBe('true')
    expect(outputsOf(outcome({ files: files({ files: ['a.js'] }) })).changed).toBe('false')
    expect(outputsOf(outcome({ files: files() })).files).toBe('[]')
  })

  it("passes the job type's own outputs through", () => {
    const dependencies = JSON.stringify([{ name: 'aws-amplify', supportedVersion: '^6.0.0', isSemVer: true, reason: 'x' }])
    const outputs = outputsOf(outcome({ jobId: 'j', job: { details: [], outputs: { dependencies } } }))
    expect(outputs).toEqual({ 'job-id': 'j', dependencies })
  })
})

describe('summaryMarkdown', () => {
  it('starts with the result line and its duration, then a details table headed by the job', () => {
    const markdown = summaryMarkdown(outcome({ jobId: 'job-1', status: 'succeeded', durationMs: 75_000 }))
    const lines = markdown.split('\n')
    expect(lines[0]).toBe('## ✅ Amplify codegen job succeeded in 1m15s')
    // A table needs a head: the first row is it, so no empty row shows.
    expect(lines.slice(2, 5)).toEqual(['| Job | `job-1` |', '|:--|:--|', '| Status | `succeeded` |'])
    expect(markdown).not.toContain('| | |')
    expect(markdown).not.toContain('Duration')
  })

  it.each([
    ['failed', '❌', ' after 42.0s'],
    ['started', '🚀', ''],
    ['in progress', '⏳', ''],
    ['timed out', '⏱️', ' after 42.0s'],
    ['cancelled', '🛑', ' after 42.0s']
  ] as Array<[Result, string, string]>)('marks a %s job', (result, icon, took) => {
    // A noun that already names Amplify is not prefixed a second time.
    expect(summaryMarkdown(outcome({ result, noun: 'Amplify Hosting job' })).split('\n')[0]).toBe(`## ${icon} Amplify Hosting job ${result}${took}`)
    expect(summaryMarkdown(outcome({ result, noun: 'backend job' })).split('\n')[0]).toBe(`## ${icon} Amplify backend job ${result}${took}`)
  })

  it('gives the time in the table when the title does not (a job not waited for)', () => {
    expect(summaryMarkdown(outcome({ result: 'started', jobId: 'j' }))).toContain('| Duration | 42.0s |')
  })

  it('links the job to the Amplify console, or to Amplify Studio, when there is a link', () => {
    const hosting = 'https://us-east-1.console.aws.amazon.com/amplify/apps/d1/branches/main/deployments/12'
    const markdown = summaryMarkdown(outcome({ jobId: '12', consoleUrl: hosting }))
    expect(markdown).toContain(`| Job | [\`12\`](${hosting}) |`)
    expect(markdown).toContain(`🔗 [Open in the Amplify console](${hosting})`)
    const studio = 'https://us-east-1.admin.amplifyapp.com/admin/login?appId=d1&backendEnvironmentName=dev'
    expect(summaryMarkdown(outcome({ jobId: 'c', consoleUrl: studio }))).toContain(`🔗 [Open in Amplify Studio](${studio})`)
    expect(summaryMarkdown(outcome({ jobId: 'c' }))).not.toContain('🔗')
  })

  it('puts what the job type tells about a failure before the files', () => {
    const markdown = summaryMarkdown(outcome({ result: 'failed', failureSections: ['### Failing step: BUILD', ''], files: files({ files: ['a.js'] }) }))
    expect(markdown.indexOf('### Failing step: BUILD')).toBeLessThan(markdown.indexOf('### Files'))
  })

  it('shows the failure in a code block, every line of it as it is', () => {
    const markdown = summaryMarkdown(outcome({ result: 'failed', failure: 'Codegen job failed.\nFix the form.' }))
    expect(markdown).toContain('```text\nCodegen job failed.\nFix the form.\n```\n')
  })

  it("adds the job type's rows and escapes pipes and line breaks in cells", () => {
    const markdown = summaryMarkdown(
      outcome({
        job: {
          details: [
            ['App', '`d1`'],
            ['Reason', 'a|b\r\nc\rd\ne']
          ],
          outputs: {}
        }
      })
    )
    expect(markdown).toContain('| App | `d1` |')
    expect(markdown).toContain('| Reason | a\\|b c d e |')
  })

  it('describes the output folder and tabulates changed, added, removed and kept files, in that order', () => {
    const written = files(
      { files: ['A.jsx', 'B.jsx', 'index.js', 'utils.js'], added: ['A.jsx'], modified: ['index.js', 'utils.js'], removed: ['Old.jsx'], changed: true },
      ['Edited.jsx']
    )
    const lines = summaryMarkdown(outcome({ files: written })).split('\n')
    expect(lines).toContain('| Output | `src/ui-components`: 4 files, changed |')
    const heading = lines.indexOf('### Files in `src/ui-components`: 2 changed, 1 added, 1 removed, 1 kept, 1 unchanged')
    expect(heading).toBeGreaterThan(0)
    expect(lines.slice(heading + 2, heading + 8)).toEqual([
      '| Change | Files |',
      '|:--|:--|',
      '| ✏️ changed (2) | `index.js`, `utils.js` |',
      '| ➕ added (1) | `A.jsx` |',
      '| ➖ removed (1) | `Old.jsx` |',
      '| 📌 kept (1): edited by hand, no longer generated | `Edited.jsx` |'
    ])
  })

  it('says so when nothing changed', () => {
    const markdown = summaryMarkdown(outcome({ files: files({ files: ['A.jsx'] }) }))
    expect(markdown).toContain('| Output | `src/ui-components`: 1 file, unchanged |')
    expect(markdown).toContain('No files changed: the 1 file in `src/ui-components` is as before.')
    expect(markdown).not.toContain('| Change |')
  })

  it('folds the table when it names more than 20 files, and not at 20', () => {
    const many = Array.from({ length: 21 }, (_, i) => `Component${i}.jsx`)
    const folded = summaryMarkdown(outcome({ files: files({ files: many, added: many, changed: true }) }))
    expect(folded).toContain('### Files in `src/ui-components`: 21 added\n\n<details><summary>Show the 21 files</summary>\n\n| Change | Files |')
    expect(folded).toContain('`Component20.jsx` |\n\n</details>')

    const twenty = many.slice(0, 20)
    const open = summaryMarkdown(outcome({ files: files({ files: twenty, added: twenty, changed: true }) }))
    expect(open).toContain('| ➕ added (20) |')
    expect(open).not.toContain('<details>')
  })

  it('writes a file name with a backtick as code that stays code', () => {
    const markdown = summaryMarkdown(outcome({ files: files({ files: ['a`b.js'], added: ['a`b.js'], changed: true }) }))
    expect(markdown).toContain('| ➕ added (1) | `` a`b.js `` |')
  })

  it('has no file section when nothing was fetched', () => {
    const markdown = summaryMarkdown(outcome({ result: 'started', jobId: 'j' }))
    expect(markdown).not.toContain('Output')
    expect(markdown).not.toContain('Files')
  })

  it('tabulates the dependencies of the generated code', () => {
    const markdown = summaryMarkdown(
      outcome({
        dependencies: [
          dependency({ installed: '^6.2.0', state: 'ok', reason: 'Generated models' }),
          dependency({ name: '@aws-amplify/ui-react', supportedVersion: '^6.1.0', state: 'missing' }),
          dependency({ name: '@aws-amplify/ui-react-storage', supportedVersion: '>=3 || ^2.5', installed: '^1.0.0', state: 'out of range', reason: 'a | b' }),
          dependency({ installed: 'latest', state: 'not comparable' })
        ]
      })
    )
    const lines = markdown.split('\n')
    const header = lines.indexOf('### Dependencies of the generated code')
    expect(header).toBeGreaterThan(0)
    expect(lines.slice(header + 2, header + 8)).toEqual([
      '| Package | Needed | package.json | State | Why |',
      '|---|---|---|---|---|',
      '| `aws-amplify` | `^6.0.0` | `^6.2.0` | ✅ ok | Generated models |',
      '| `@aws-amplify/ui-react` | `^6.1.0` | — | ⚠️ missing |  |',
      '| `@aws-amplify/ui-react-storage` | `>=3 \\|\\| ^2.5` | `^1.0.0` | ⚠️ out of range | a \\| b |',
      '| `aws-amplify` | `^6.0.0` | `latest` | ℹ️ not comparable |  |'
    ])
  })

  it('has no dependency table without dependencies', () => {
    expect(summaryMarkdown(outcome({ dependencies: [] }))).not.toContain('Dependencies')
  })

  it('keeps every table row on one line', () => {
    const markdown = summaryMarkdown(
      outcome({
        jobId: 'j',
        job: { details: [['Note', 'line one\r\nline two']], outputs: {} },
        dependencies: [dependency({ reason: 'first\r\nsecond', name: 'odd|name' })]
      })
    )
    for (const line of markdown.split(/\r\n|\r|\n/).filter(l => l.startsWith('|'))) {
      expect(line.endsWith('|')).toBe(true)
      // Unescaped pipes only as column separators: 3 for the details table, 6 for dependencies.
      expect([3, 6]).toContain(line.replace(/\\\|/g, '').split('|').length - 1)
    }
  })
})
