import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { renderTables, updateReadme } from '../../scripts/readme-tables.js'

const actionYaml = readFileSync('action.yml', 'utf8')
const readme = readFileSync('README.md', 'utf8')

describe('README and action.yml', () => {
  it('the README tables are generated from action.yml (run npm run readme)', () => {
    expect(updateReadme(readme, actionYaml)).toBe(readme)
  })

  it('every input and output of action.yml appears in the tables', () => {
    const action = parse(actionYaml) as { inputs: object; outputs: object }
    const { inputs, outputs } = renderTables(actionYaml)
    for (const name of Object.keys(action.inputs)) expect(inputs).toContain(`| \`${name}\` |`)
    for (const name of Object.keys(action.outputs)) expect(outputs).toContain(`| \`${name}\` |`)
  })

  it('a README whose tables are stale is detected', () => {
    const stale = readme.replace('| `app-id` |', '| `application-id` |')
    expect(updateReadme(stale, actionYaml)).not.toBe(stale)
  })

  it('runs on node24 from the committed bundle', () => {
    const action = parse(actionYaml) as { runs: { using: string; main: string } }
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })
})
