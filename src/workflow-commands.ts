/**
 * The runner's workflow commands (`::warning::`, `::add-mask::`, ...) and file commands
 * (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) this action uses, written exactly as @actions/core writes them
 * (__tests__/unit/workflow-commands.test.ts compares the two byte for byte).
 *
 * @actions/core itself is not loaded: it imports @actions/http-client, and with it undici, for the
 * OIDC tokens this action never asks for. Loading those took longer than node's own start-up and
 * stood between the process start and the first AWS request (docs/performance.md).
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync, constants, existsSync } from 'node:fs'
import { access, appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'

/** The exit codes of a step. */
export const ExitCode = { Success: 0, Failure: 1 } as const

/** Where an annotation points (core.AnnotationProperties). */
export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

type CommandProperties = Record<string, unknown>

function toCommandValue(input: unknown): string {
  if (input === null || input === undefined) return ''
  if (typeof input === 'string' || input instanceof String) return String(input)
  return JSON.stringify(input)
}

function escapeData(value: unknown): string {
  return toCommandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(value: unknown): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** `::command key=value,...::message`, one line on stdout. Properties with a falsy value are left out. */
function issueCommand(command: string, properties: CommandProperties, message: unknown): void {
  let text = `::${command}`
  const keys = Object.keys(properties)
  if (keys.length > 0) {
    text += ' '
    text += keys
      .filter(key => properties[key])
      .map(key => `${key}=${escapeProperty(properties[key])}`)
      .join(',')
  }
  text += `::${escapeData(message)}`
  process.stdout.write(text + EOL)
}

function toCommandProperties(properties: AnnotationProperties): CommandProperties {
  if (Object.keys(properties).length === 0) return {}
  return {
    title: properties.title,
    file: properties.file,
    line: properties.startLine,
    endLine: properties.endLine,
    col: properties.startColumn,
    endColumn: properties.endColumn
  }
}

/** The trimmed value of an input, '' when it is not set. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

export function warning(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message)
}

export function error(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message)
}

/** Fails the step: exit code 1 and an error annotation. */
export function setFailed(message: string | Error): void {
  process.exitCode = ExitCode.Failure
  error(message)
}

/** Registers a secret with the runner, which then masks it in every later log line. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

export function startGroup(name: string): void {
  issueCommand('group', {}, name)
}

export function endGroup(): void {
  issueCommand('endgroup', {}, '')
}

/** Appends `name<<delimiter` lines to GITHUB_OUTPUT (or the old set-output command without it). */
export function setOutput(name: string, value: unknown): void {
  const file = process.env.GITHUB_OUTPUT || ''
  if (!file) {
    process.stdout.write(EOL)
    issueCommand('set-output', { name }, toCommandValue(value))
    return
  }
  const delimiter = `ghadelimiter_${randomUUID()}`
  const text = toCommandValue(value)
  if (name.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  if (text.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`)
  appendFileSync(file, `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' })
}

/** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY), as core.summary.addRaw(text).write(). */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) {
    throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.')
  }
  try {
    await access(file, constants.R_OK | constants.W_OK)
  } catch {
    throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`)
  }
  await appendFile(file, markdown, { encoding: 'utf8' })
}
