/**
 * Reads and validates every input into one typed value. No AWS here: a bad input must fail the
 * step before any request is sent, with a message that names the input, the bad value and what is
 * allowed.
 */
import { relative, resolve, sep } from 'node:path'
import { type DeploySource, resolveDeploySource } from './archives/deploy-source.js'
import { PULL_REQUEST_EVENTS, type RunContext } from './context.js'
import { formatDuration, parseDuration } from './duration.js'
import { InputError, quote } from './errors.js'
import { type OutputTarget, resolveOutputPath } from './output-folder/output-path.js'
import { buildCodegenRequest, type CodegenJobRequest } from './render-config.js'
import { isInside, realpathOrSelf, realpathOrSelfOfMaybeMissing } from './workspace-paths.js'

export type { OutputTarget }

export const JOB_TYPES = ['codegen', 'release', 'retry', 'backend', 'deploy', 'delete-branch'] as const
export type JobType = (typeof JOB_TYPES)[number]

/** Per job type: how long the step may take, and the polling schedule (first delay, then x1.5 up to the cap). */
export const JOB_TYPE_DEFAULTS: Record<JobType, { timeoutMs: number; firstPollMs: number; maxPollMs: number }> = {
  codegen: { timeoutMs: 10 * 60_000, firstPollMs: 500, maxPollMs: 2_000 },
  release: { timeoutMs: 60 * 60_000, firstPollMs: 2_000, maxPollMs: 10_000 },
  retry: { timeoutMs: 60 * 60_000, firstPollMs: 2_000, maxPollMs: 10_000 },
  backend: { timeoutMs: 30 * 60_000, firstPollMs: 2_000, maxPollMs: 10_000 },
  deploy: { timeoutMs: 30 * 60_000, firstPollMs: 2_000, maxPollMs: 10_000 },
  // One GetBranch and one DeleteBranch: nothing to poll.
  'delete-branch': { timeoutMs: 5 * 60_000, firstPollMs: 2_000, maxPollMs: 10_000 }
}
export const DEFAULT_CODEGEN_OUTPUT_PATH = 'src/ui-components'

/** A GitHub-hosted job may run 6 hours at most; a longer timeout is a typo. */
const MAX_TIMEOUT_MS = 6 * 3_600_000
const MIN_POLL_MS = 100
const MAX_POLL_MS = 10 * 60_000
const APP_ID = /^d[a-z0-9]+$/
const APP_ID_MAX_LENGTH = 20
const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/
const BRANCH_MAX_LENGTH = 255
const HOSTING_JOB_ID = /^\d{1,255}$/
const OTHER_JOB_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/
const CLIENT_TOKEN = /^[\x21-\x7e]{1,128}$/
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/
const TRUE_WORDS = ['true', 'True', 'TRUE']
const FALSE_WORDS = ['false', 'False', 'FALSE']
/** StartJob's documented limits. */
const COMMIT_MESSAGE_MAX_LENGTH = 10_000
const JOB_REASON_MAX_LENGTH = 255

/** Which inputs mean something for which job type; others given are warned about and ignored. */
const INPUTS_BY_JOB_TYPE: Record<JobType, string[]> = {
  codegen: ['environment', 'render-config', 'generic-data-schema', 'auto-generate-forms', 'job-id', 'output-path', 'clean', 'client-token'],
  release: ['branch', 'commit-id', 'commit-message', 'job-reason', 'output-path', 'clean', 'stop-on-cancel'],
  retry: ['branch', 'job-id', 'output-path', 'clean', 'stop-on-cancel'],
  backend: ['environment', 'job-id'],
  deploy: ['branch', 'source', 'create-branch', 'stop-on-cancel'],
  'delete-branch': ['branch']
}
const JOB_SPECIFIC_INPUTS = [...new Set(Object.values(INPUTS_BY_JOB_TYPE).flat())]

interface CommonInputs {
  appId: string
  wait: boolean
  timeoutMs: number
  firstPollMs: number
  maxPollMs: number
  region?: string
  workspace: string
  /** pr-comment: keep one comment on the pull request of the run (absent: false). */
  prComment?: boolean
  /** For the pull request comment; empty or absent when the workflow gives none. */
  githubToken?: string
}

export interface CodegenInputs extends CommonInputs {
  jobType: 'codegen'
  environment: string
  request: CodegenJobRequest
  dependencySource: 'render-config' | 'package.json' | 'none'
  jobId?: string
  output: OutputTarget
  clean: boolean
  clientToken?: string
}

export interface HostingInputs extends CommonInputs {
  jobType: 'release' | 'retry'
  branch: string
  /** RETRY: the job to retry. */
  jobId?: string
  commitId?: string
  commitMessage?: string
  commitTime?: Date
  jobReason?: string
  output?: OutputTarget
  clean: boolean
  stopOnCancel: boolean
}

export interface BackendInputs extends CommonInputs {
  jobType: 'backend'
  environment: string
  jobId: string
}

export interface DeployInputs extends CommonInputs {
  jobType: 'deploy'
  branch: string
  source: DeploySource
  /** Create the branch when the app has none of that name (a preview). */
  createBranch: boolean
  /** The run is for a pull request: a branch it creates gets the stage PULL_REQUEST. */
  forPullRequest: boolean
  stopOnCancel: boolean
}

export interface DeleteBranchInputs extends CommonInputs {
  jobType: 'delete-branch'
  branch: string
}

export type ActionInputs = CodegenInputs | HostingInputs | BackendInputs | DeployInputs | DeleteBranchInputs

export interface InputSource {
  /** Trimmed value of an input, '' when not given (core.getInput). */
  get(name: string): string
  warn(message: string): void
}

export function readInputs(source: InputSource, context: RunContext): ActionInputs {
  const jobType = readJobType(source)
  warnAboutIgnoredInputs(source, jobType)
  const timing = readTiming(source, jobType)
  const common: CommonInputs = {
    appId: readAppId(source),
    wait: readBoolean(source, 'wait', true),
    ...timing,
    region: readRegion(source),
    workspace: context.workspace,
    prComment: readBoolean(source, 'pr-comment', false),
    githubToken: source.get('github-token')
  }
  switch (jobType) {
    case 'codegen':
      return readCodegenInputs(source, common)
    case 'release':
    case 'retry':
      return readHostingInputs(source, common, jobType, context)
    case 'backend':
      return {
        ...common,
        jobType,
        environment: readEnvironment(source, jobType),
        jobId: readJobId(source, jobType, true)!
      }
    case 'deploy':
      return {
        ...common,
        jobType,
        branch: readBranch(source, jobType),
        source: resolveDeploySource(source.get('source'), common.workspace),
        createBranch: readBoolean(source, 'create-branch', false),
        forPullRequest: context.eventName !== undefined && PULL_REQUEST_EVENTS.includes(context.eventName),
        stopOnCancel: readBoolean(source, 'stop-on-cancel', true)
      }
    case 'delete-branch':
      return { ...common, jobType, branch: readBranch(source, jobType) }
  }
}

/** What `branch` is for, per job type, for the message when it is missing. */
const BRANCH_PURPOSE: Partial<Record<JobType, string>> = {
  release: 'the Amplify branch to release',
  retry: 'the Amplify branch to retry the job on',
  deploy: 'the Amplify branch to deploy to',
  'delete-branch': 'the preview branch to delete'
}

function readBranch(source: InputSource, jobType: JobType): string {
  const branch = source.get('branch')
  if (!branch)
    throw new InputError(
      'branch',
      `is required for job-type '${jobType}': ${BRANCH_PURPOSE[jobType] ?? 'the Amplify branch'}, e.g. '${jobType === 'delete-branch' ? 'pr-42' : 'main'}'.`
    )
  if (branch.length > BRANCH_MAX_LENGTH || CONTROL_CHARACTERS.test(branch)) {
    throw new InputError('branch', `${quote(branch)} is not a valid Amplify branch name: use 1 to ${BRANCH_MAX_LENGTH} characters without control characters.`)
  }
  return branch
}

function readCodegenInputs(source: InputSource, common: CommonInputs): CodegenInputs {
  const environment = readEnvironment(source, 'codegen')
  const clean = readBoolean(source, 'clean', false)
  const output = readOutputPath(source, common.workspace, DEFAULT_CODEGEN_OUTPUT_PATH)!
  const clientToken = source.get('client-token') || undefined
  if (clientToken !== undefined && !CLIENT_TOKEN.test(clientToken)) {
    throw new InputError(
      'client-token',
      `${quote(clientToken)} is not allowed: use 1 to 128 printable ASCII characters without spaces, or leave it out to derive one from the run.`
    )
  }
  const built = buildCodegenRequest({
    workspace: common.workspace,
    renderConfigPath: readWorkspaceFile(source, 'render-config', common.workspace),
    genericDataSchemaPath: readWorkspaceFile(source, 'generic-data-schema', common.workspace),
    autoGenerateForms: readOptionalBoolean(source, 'auto-generate-forms')
  })
  return {
    ...common,
    jobType: 'codegen',
    environment,
    request: built.request,
    dependencySource: built.dependencySource,
    jobId: readJobId(source, 'codegen', false),
    output,
    clean,
    clientToken
  }
}

function readHostingInputs(source: InputSource, common: CommonInputs, jobType: 'release' | 'retry', context: RunContext): HostingInputs {
  const branch = readBranch(source, jobType)
  const inputs: HostingInputs = {
    ...common,
    jobType,
    branch,
    // Release warns that job-id is ignored (warnAboutIgnoredInputs), so it is neither checked nor sent.
    jobId: jobType === 'retry' ? readJobId(source, jobType, true) : undefined,
    output: source.get('output-path') ? readOutputPath(source, common.workspace, undefined) : undefined,
    clean: readBoolean(source, 'clean', false),
    stopOnCancel: readBoolean(source, 'stop-on-cancel', true)
  }
  if (jobType === 'release') {
    const commitInput = source.get('commit-id')
    inputs.commitId = commitInput || context.sha
    // The event's head commit is the workflow's commit: its message and time describe another
    // commit-id given as input wrongly, so they are defaults only for the workflow's own commit.
    const headCommit = !commitInput || (context.sha !== undefined && context.sha.startsWith(commitInput)) ? context.headCommit : undefined
    const commitMessage = source.get('commit-message') || headCommit?.message
    inputs.commitMessage = commitMessage?.slice(0, COMMIT_MESSAGE_MAX_LENGTH)
    const commitTime = headCommit?.timestamp ? new Date(headCommit.timestamp) : undefined
    inputs.commitTime = commitTime && !Number.isNaN(commitTime.getTime()) ? commitTime : undefined
    inputs.jobReason = (source.get('job-reason') || defaultJobReason(context)).slice(0, JOB_REASON_MAX_LENGTH)
  }
  return inputs
}

function defaultJobReason(context: RunContext): string {
  const run = context.runNumber ? ` run #${context.runNumber}` : ''
  const url = context.repository && context.runId ? ` ${context.serverUrl}/${context.repository}/actions/runs/${context.runId}` : ''
  return `GitHub Actions: ${context.workflow ?? 'workflow'}${run}${url}`
}

function readJobType(source: InputSource): JobType {
  const raw = source.get('job-type') || 'codegen'
  const jobType = raw.toLowerCase()
  if (!(JOB_TYPES as readonly string[]).includes(jobType)) {
    throw new InputError('job-type', `${quote(raw)} is not a job type; use one of ${JOB_TYPES.join(', ')}.`)
  }
  return jobType as JobType
}

function warnAboutIgnoredInputs(source: InputSource, jobType: JobType): void {
  for (const name of JOB_SPECIFIC_INPUTS) {
    if (source.get(name) && !INPUTS_BY_JOB_TYPE[jobType].includes(name)) {
      source.warn(`Input '${name}' is not used by job-type '${jobType}' and is ignored.`)
    }
  }
}

function readAppId(source: InputSource): string {
  const appId = source.get('app-id')
  if (!appId) throw new InputError('app-id', 'is required: the Amplify app id, e.g. d1a2b3c4d5e6f7 (Amplify console > App settings > General).')
  if (!APP_ID.test(appId) || appId.length > APP_ID_MAX_LENGTH) {
    throw new InputError(
      'app-id',
      `${quote(appId)} is not an Amplify app id: it is 'd' followed by lowercase letters or digits, at most ${APP_ID_MAX_LENGTH} characters in all (e.g. d1a2b3c4d5e6f7).`
    )
  }
  return appId
}

function readEnvironment(source: InputSource, jobType: JobType): string {
  const environment = source.get('environment')
  if (!environment) throw new InputError('environment', `is required for job-type '${jobType}': the Amplify backend environment name, e.g. 'staging'.`)
  if (!ENVIRONMENT_NAME.test(environment)) {
    throw new InputError('environment', `${quote(environment)} is not a backend environment name: use letters, digits, '-' and '_' (at most 255 characters).`)
  }
  return environment
}

function readJobId(source: InputSource, jobType: JobType, required: boolean): string | undefined {
  const jobId = source.get('job-id')
  const hosting = jobType === 'release' || jobType === 'retry'
  if (!jobId) {
    if (!required) return undefined
    const what = jobType === 'retry' ? 'the id of the Amplify job to retry (digits, e.g. 12)' : 'the id of the backend job to wait for'
    throw new InputError('job-id', `is required for job-type '${jobType}': ${what}.`)
  }
  if (hosting ? !HOSTING_JOB_ID.test(jobId) : !OTHER_JOB_ID.test(jobId)) {
    const allowed = hosting ? 'Amplify Hosting job ids are digits only (e.g. 12)' : 'use letters, digits, ".", "_" and "-" (at most 128 characters)'
    throw new InputError('job-id', `${quote(jobId)} is not a job id: ${allowed}.`)
  }
  return jobId
}

function readTiming(source: InputSource, jobType: JobType): Pick<CommonInputs, 'timeoutMs' | 'firstPollMs' | 'maxPollMs'> {
  const defaults = JOB_TYPE_DEFAULTS[jobType]
  const timeoutMs = readDuration(source, 'timeout', 1_000, MAX_TIMEOUT_MS) ?? defaults.timeoutMs
  const pollMs = readDuration(source, 'poll-interval', MIN_POLL_MS, MAX_POLL_MS)
  if (pollMs !== undefined && pollMs >= timeoutMs) {
    throw new InputError(
      'poll-interval',
      `${formatDuration(pollMs)} is not shorter than the timeout (${formatDuration(timeoutMs)}); make it shorter or raise 'timeout'.`
    )
  }
  return {
    timeoutMs,
    firstPollMs: pollMs ?? defaults.firstPollMs,
    maxPollMs: Math.max(pollMs ?? 0, defaults.maxPollMs)
  }
}

function readDuration(source: InputSource, name: string, minMs: number, maxMs: number): number | undefined {
  const raw = source.get(name)
  if (!raw) return undefined
  const ms = parseDuration(raw)
  if (ms === undefined) {
    throw new InputError(name, `${quote(raw)} is not a duration: write seconds (600) or a duration such as 90s, 15m, 1h30m.`)
  }
  if (ms < minMs || ms > maxMs) {
    throw new InputError(name, `${quote(raw)} is out of range: use from ${formatDuration(minMs)} to ${formatDuration(maxMs)}.`)
  }
  return ms
}

function readRegion(source: InputSource): string | undefined {
  const region = source.get('region')
  if (!region) return undefined
  if (!REGION.test(region)) {
    throw new InputError('region', `${quote(region)} is not an AWS region name such as us-east-1 or eu-west-2.`)
  }
  return region
}

function readBoolean(source: InputSource, name: string, fallback: boolean): boolean {
  return readOptionalBoolean(source, name) ?? fallback
}

function readOptionalBoolean(source: InputSource, name: string): boolean | undefined {
  const raw = source.get(name)
  if (!raw) return undefined
  if (TRUE_WORDS.includes(raw)) return true
  if (FALSE_WORDS.includes(raw)) return false
  throw new InputError(name, `${quote(raw)} is not a boolean: use true or false.`)
}

/** A file input: must be inside the workspace, so a workflow cannot read files of the runner. */
function readWorkspaceFile(source: InputSource, name: string, workspace: string): string | undefined {
  const raw = source.get(name)
  if (!raw) return undefined
  const absolute = resolve(workspace, raw)
  if (!isInside(realpathOrSelf(workspace), realpathOrSelfOfMaybeMissing(absolute))) {
    throw new InputError(name, `${quote(raw)} is outside the workspace; give a path relative to the workspace (GITHUB_WORKSPACE).`)
  }
  return relative(workspace, absolute).split(sep).join('/')
}

/** output-path, or the job type's default folder; the rules are output-folder/output-path.ts's. */
export function readOutputPath(source: InputSource, workspace: string, fallback: string | undefined): OutputTarget | undefined {
  const raw = source.get('output-path') || fallback
  return raw === undefined ? undefined : resolveOutputPath(raw, workspace)
}
