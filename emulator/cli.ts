/**
 * `npm run emulator -- [--port N] [--scenario file.json] [--app-id ID] [--env-out PATH] [--verbose]`
 *
 * Starts the local Amplify emulator on 127.0.0.1 and runs until SIGINT/SIGTERM. Prints the
 * `export AWS_...` lines that point the AWS SDK (and so the action) at it. The scenario file holds
 * either one Scenario (the default for all apps, or for --app-id) or
 * `{ "default": Scenario, "apps": { "<appId>": Scenario } }`. --env-out appends KEY=VALUE lines
 * (e.g. to $GITHUB_ENV, for a CI job that runs `uses: ./` against the emulator).
 */
import { appendFileSync, readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { applyScenarioFile } from './scenario-file.js'
import { startEmulator } from './server.js'
import type { RecordedRequest } from './types.js'

/** Not LocalStack's 4566, so both can run side by side. */
export const DEFAULT_PORT = 4577
const PORT_ENV = 'EMULATOR_PORT'

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port '${raw}': use 0 (any free port) to 65535`)
  return port
}

function describeRequest(record: RecordedRequest): string {
  const what = record.fileName ? `${record.operation} ${record.fileName}` : record.operation
  const bytes = record.bytes !== undefined ? ` (${record.bytes} bytes)` : ''
  return `${new Date(record.time).toISOString()} ${record.method} ${record.path} -> ${record.status} ${what}${bytes}${record.fault ? ` [${record.fault}]` : ''}`
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      scenario: { type: 'string' },
      'app-id': { type: 'string' },
      'env-out': { type: 'string' },
      verbose: { type: 'boolean', default: false }
    }
  })
  const port = parsePort(values.port ?? process.env[PORT_ENV])
  const emulator = await startEmulator({
    port,
    ...(values.verbose ? { onRequest: (record: RecordedRequest) => console.error(describeRequest(record)) } : {})
  })
  if (values.scenario) applyScenarioFile(emulator, readFileSync(values.scenario, 'utf8'), values['app-id'])

  const env = emulator.env
  console.log(`Amplify emulator listening on ${emulator.url}`)
  console.log('Point the AWS SDK (and the action) at it with:')
  for (const [name, value] of Object.entries(env)) console.log(`export ${name}='${value}'`)
  console.log(
    `Control API: PUT ${emulator.url}/__emulator/scenario[?appId=ID] (JSON Scenario), GET ${emulator.url}/__emulator/requests, POST ${emulator.url}/__emulator/reset`
  )
  if (values['env-out']) {
    appendFileSync(
      values['env-out'],
      Object.entries(env)
        .map(([name, value]) => `${name}=${value}\n`)
        .join('')
    )
  }
  console.log('Press Ctrl+C to stop.')

  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`emulator: ${(error as Error).message}`)
  process.exit(1)
})
