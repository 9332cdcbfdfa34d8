/**
 * Writes the README's inputs and outputs tables from action.yml, between the markers
 * `<!-- inputs:start -->` / `<!-- inputs:end -->` (and outputs). `--check` exits 1 when the README
 * is out of date (a unit test runs the same check).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

interface ActionYaml {
  inputs: Record<string, { description: string; required?: boolean }>
  outputs: Record<string, { description: string }>
}

export function renderTables(actionYaml: string): { inputs: string; outputs: string } {
  const action = parse(actionYaml) as ActionYaml
  const cell = (text: string): string => text.trim().replace(/\|/g, '\\|').replace(/\n/g, ' ')
  const inputs = [
    '| Input | Required | Description |',
    '|---|---|---|',
    ...Object.entries(action.inputs).map(([name, input]) => `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${cell(input.description)} |`)
  ].join('\n')
  const outputs = [
    '| Output | Description |',
    '|---|---|',
    ...Object.entries(action.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`)
  ].join('\n')
  return { inputs, outputs }
}

export function updateReadme(readme: string, actionYaml: string): string {
  const tables = renderTables(actionYaml)
  let updated = readme
  for (const kind of ['inputs', 'outputs'] as const) {
    const start = `<!-- ${kind}:start -->`
    const end = `<!-- ${kind}:end -->`
    const from = updated.indexOf(start)
    const to = updated.indexOf(end)
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} ... ${end} markers`)
    updated = `${updated.slice(0, from + start.length)}\n${tables[kind]}\n${updated.slice(to)}`
  }
  return updated
}

if (process.argv[1]?.endsWith('readme-tables.ts')) {
  const readme = readFileSync('README.md', 'utf8')
  const updated = updateReadme(readme, readFileSync('action.yml', 'utf8'))
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README.md tables differ from action.yml: run npm run readme')
      process.exit(1)
    }
  } else {
    writeFileSync('README.md', updated)
  }
}
