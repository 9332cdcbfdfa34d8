/**
 * The runner's workflow commands (`::warning::`, `::add-mask::`, GITHUB_OUTPUT, the job summary)
 * through @actions/core, loaded after the first AWS request rather than at start-up.
 *
 * Why: @actions/core imports @actions/http-client, and with it undici, for OIDC tokens this action
 * never asks for; loading them took longer than node's own start-up and stood between the process
 * start and the first AWS request (docs/performance.md). Until `loadToolkit()` has run, calls are
 * queued in order and written when it loads; `main.ts` loads it right after the job starts, and
 * before the step ends in every case.
 */
type Toolkit = typeof import('@actions/core')

/** The exit codes of a step (core.ExitCode). */
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

let toolkit: Toolkit | undefined
let loading: Promise<Toolkit> | undefined
const queued: Array<(core: Toolkit) => void> = []

/** Loads @actions/core once and writes everything queued before it, in order. */
export async function loadToolkit(): Promise<Toolkit> {
  loading ??= import('@actions/core').then(core => {
    toolkit = core
    for (const write of queued.splice(0)) write(core)
    return core
  })
  return loading
}

function write(command: (core: Toolkit) => void): void {
  if (toolkit) command(toolkit)
  else queued.push(command)
}

/** The trimmed value of an input, '' when it is not set: what core.getInput reads, without loading it. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

export const info = (message: string): void => write(core => core.info(message))
export const debug = (message: string): void => write(core => core.debug(message))
export const warning = (message: string, properties: AnnotationProperties = {}): void => write(core => core.warning(message, properties))
export const error = (message: string, properties: AnnotationProperties = {}): void => write(core => core.error(message, properties))
export const setSecret = (secret: string): void => write(core => core.setSecret(secret))
export const startGroup = (name: string): void => write(core => core.startGroup(name))
export const endGroup = (): void => write(core => core.endGroup())
export const setOutput = (name: string, value: string): void => write(core => core.setOutput(name, value))

/** Fails the step: the exit code at once, the error annotation with the rest of the log. */
export function setFailed(message: string): void {
  process.exitCode = ExitCode.Failure
  error(message)
}

/** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY). */
export async function appendSummary(markdown: string): Promise<void> {
  const core = await loadToolkit()
  await core.summary.addRaw(markdown).write()
}
