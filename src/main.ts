/**
 * run(): the one place that wires inputs -> job -> wait -> fetch -> report, and turns errors into
 * a failed step. Everything it calls is injectable so the flow can be tested with fakes.
 */
import { randomUUID } from 'node:crypto'
import * as core from '@actions/core'
import type { DeploySource } from './archives/deploy-source.js'
import { isPassingAwsError, explainAwsError } from './aws.js'
import { readRunContext, type RunContext } from './context.js'
import type { DependencyCheck, RequiredDependency } from './dependencies.js'
import { formatDuration } from './duration.js'
import { ActionError, CancelledError, DeadlineError, InputError, JobFailedError } from './errors.js'
import { fetchFiles, recoverInterruptedRun, type StageFiles, stageFilesOnDemand } from './fetch-files.js'
import { type ActionInputs, readInputs } from './inputs.js'
import type { DeployDependencies } from './jobs/deploy.js'
import { openJob as openRealJob, type OpenJob } from './jobs/index.js'
import type { Job, JobLog } from './jobs/types.js'
import { commentOnPullRequest } from './pr-comment/comment.js'
import { readPackageJson } from './render-config.js'
import { type Outcome, outputsOf, summaryMarkdown } from './report.js'
import { stepSignal, stopReason, unlessAborted } from './stop-signal.js'
import { createDownloader } from './transfer/http.js'
import { maskPresignedUrl } from './transfer/mask.js'
import { describeProxySettings, type ProxySettings, proxySecrets, readProxySettings } from './transfer/proxy.js'
import { systemClock, type Clock, waitForJob, WaitTimeoutError } from './wait.js'

export type { StageFiles } from './fetch-files.js'

/** StopJob must answer well within the runner's 7.5 s between SIGINT and SIGTERM. */
const STOP_JOB_TIMEOUT_MS = 5_000
const CANCEL_SIGNALS = ['SIGINT', 'SIGTERM'] as const

const jobLog: JobLog = {
  info: message => core.info(message),
  warning: message => core.warning(message),
  group(title, lines) {
    // A build log is not ours: stop the runner from reading workflow commands (::set-output,
    // ::add-mask:: ...) that it may contain, for the length of the excerpt.
    const token = randomUUID()
    core.startGroup(title)
    core.info(`::stop-commands::${token}`)
    for (const line of lines) core.info(line)
    core.info(`::${token}::`)
    core.endGroup()
  }
}

/**
 * Presigned URLs share their credential and session token: each secret is handed to the runner
 * once, since every mask costs the runner a scan of every later log line.
 */
const maskedSecrets = new Set<string>()
function maskOnce(secret: string): void {
  if (maskedSecrets.has(secret)) return
  maskedSecrets.add(secret)
  core.setSecret(secret)
}

export interface RunDependencies {
  openJob: OpenJob
  stageFiles: StageFiles
  clock: Clock
  env: Record<string, string | undefined>
}

export async function run(overrides: Partial<RunDependencies> = {}): Promise<void> {
  const deps: RunDependencies = { openJob: openRealJob, stageFiles: stageFilesOnDemand, clock: systemClock, env: process.env, ...overrides }
  const startedAt = deps.clock.now()
  const cancel = new AbortController()
  const onSignal = (signal: string): void => {
    core.info(`Received ${signal}: the workflow is being cancelled.`)
    cancel.abort(new CancelledError(`The workflow was cancelled (${signal}).`))
  }
  for (const signal of CANCEL_SIGNALS) process.on(signal, onSignal)

  const outcome: Outcome = { jobType: 'codegen', noun: 'job', result: 'failed', durationMs: 0 }
  const closers: Closer[] = []
  const context = readRunContext(deps.env)
  let inputs: ActionInputs | undefined
  try {
    inputs = readInputs({ get: name => core.getInput(name), warn: message => core.warning(message) }, context)
    if (inputs.githubToken) core.setSecret(inputs.githubToken)
    // A deploy source URL may be presigned: messages print it without its query, and the runner
    // masks the whole of it wherever else it might appear (an AWS error quoting the request).
    if (inputs.jobType === 'deploy' && inputs.source.kind === 'url' && inputs.source.shown !== inputs.source.url) {
      maskPresignedUrl(inputs.source.url, maskOnce)
    }
    outcome.jobType = inputs.jobType
    const step = stepSignal(cancel.signal, startedAt + inputs.timeoutMs - deps.clock.now(), `The timeout of ${formatDuration(inputs.timeoutMs)} was reached.`)
    closers.push(step.dispose)
    await execute({ inputs, context, deps, outcome, signal: step.signal, closers, startedAt })
  } catch (error) {
    reportFailure(error, outcome)
  } finally {
    outcome.durationMs = deps.clock.now() - startedAt
    await closeAll(closers)
    for (const signal of CANCEL_SIGNALS) process.off(signal, onSignal)
    await publish(outcome)
    if (inputs?.prComment) await commentOnPullRequest(inputs, context, outcome)
  }
}

type Closer = () => void | Promise<void>

/** Runs every closer, last opened first; one that fails does not keep the others from running. */
async function closeAll(closers: Closer[]): Promise<void> {
  for (const close of closers.splice(0).reverse()) {
    try {
      await close()
    } catch (error) {
      core.debug(`Cleaning up failed: ${(error as Error).message}`)
    }
  }
}

/** One run of the step: what every phase needs. */
interface Flow {
  inputs: ActionInputs
  context: RunContext
  deps: RunDependencies
  outcome: Outcome
  /**
   * The run's signal (stop-signal.ts): a CancelledError on SIGINT/SIGTERM, a DeadlineError once the
   * `timeout` has passed, which covers the start, the wait and the fetch. Every AWS call and
   * download of the step takes it.
   */
  signal: AbortSignal
  /** Called at the end, whatever happened (clients, sockets, timers, the temporary zip). */
  closers: Closer[]
  startedAt: number
}

async function execute(flow: Flow): Promise<void> {
  const { inputs, context, deps, outcome, signal, closers, startedAt } = flow
  const output = 'output' in inputs ? inputs.output : undefined
  if (output) await recoverInterruptedRun(output)

  const proxy = readProxySettings(deps.env)
  if (proxy) {
    for (const secret of proxySecrets(proxy)) maskOnce(secret)
    core.info(describeProxySettings(proxy))
  }
  // The one place presigned URLs are masked: the transport, before it uses each one.
  const downloader = createDownloader({ log: message => core.debug(message), proxy, mask: maskOnce })
  closers.push(() => downloader.close())
  // deploy: the source is checked and zipped before anything is asked of AWS.
  const uploadZip = inputs.jobType === 'deploy' ? await prepareDeploy(flow, inputs.source, proxy) : undefined
  // The SDK's requests go through the proxy too, on the transport's agents (loaded only then).
  const requestHandler = proxy ? (await import('./transfer/sdk-handler.js')).proxyingRequestHandler(proxy) : undefined
  const opened = await deps.openJob(inputs, {
    context,
    log: jobLog,
    downloader,
    requestHandler,
    onSiteUrl: url => {
      outcome.siteUrl = url
      core.setOutput('url', url)
    },
    uploadZip
  })
  closers.push(() => opened.close())
  const job = opened.job
  outcome.noun = job.noun

  // A start abandoned because of the cancel is a cancelled step, not a failed one; a job created
  // before it (a deployment waiting for its upload) is stopped like a running one.
  const started = await callAwsBeforeDeadline(flow, () => job.start(signal), `starting the ${job.noun}`).catch(async (error: unknown) => {
    const fate = await stopIfAsked(inputs, job, error)
    if (fate && error instanceof Error) error.message = `${error.message} ${fate}`
    throw error
  })
  outcome.jobId = started.jobId
  outcome.arn = started.arn
  outcome.consoleUrl = started.consoleUrl
  if (started.jobId) core.setOutput('job-id', started.jobId)
  if (started.arn) core.setOutput('job-arn', started.arn)
  if (started.consoleUrl) core.info(`Console: ${started.consoleUrl}`)
  await job.lookUpSiteUrl?.(signal)

  if (!inputs.wait) {
    const state = started.state ?? (await callAwsBeforeDeadline(flow, () => job.read(signal), `reading the ${job.noun}`))
    outcome.status = job.status(state)
    outcome.job = job.report(state)
    // A job read rather than started (backend) may have ended already: a failed one fails the step.
    const phase = job.phase(state)
    await failIfJobFailed(flow, job, state)
    outcome.result = phase === 'succeeded' ? 'succeeded' : started.state === undefined ? 'in progress' : 'started'
    core.info(`Not waiting (wait: false). The ${job.noun}${started.jobId ? ` ${started.jobId}` : ''} is ${outcome.status}.`)
    return
  }

  let lastState: unknown
  // Credentials that worked and then stop working have most likely expired (see explainAwsError).
  let awsAnswered = started.state !== undefined
  try {
    const { state } = await waitForJob({
      read: async signal => {
        const state = await job.read(signal)
        awsAnswered = true
        return state
      },
      phase: state => job.phase(state),
      status: state => job.status(state),
      observe: (state, elapsedMs) => job.observe?.(state, elapsedMs),
      isPassing: isPassingAwsError,
      startedAt,
      timeoutMs: inputs.timeoutMs,
      firstDelayMs: inputs.firstPollMs,
      maxDelayMs: inputs.maxPollMs,
      signal,
      readFirst: true,
      clock: deps.clock,
      log: { info: core.info, warning: core.warning },
      noun: job.noun
    })
    lastState = state
  } catch (error) {
    if (error instanceof WaitTimeoutError && error.lastState !== undefined) outcome.status = job.status(error.lastState)
    const fate = await stopIfAsked(inputs, job, error)
    const explained = explainAwsError(error, `waiting for the ${job.noun}`, { afterSuccess: awsAnswered })
    // The error says what became of the job: stopped, already ended, or left running.
    if (fate && explained instanceof Error) explained.message = `${explained.message} ${fate}`
    throw explained
  }

  outcome.status = job.status(lastState)
  outcome.job = job.report(lastState)
  await failIfJobFailed(flow, job, lastState)
  job.verifySuccess?.(lastState)

  if (output && job.filesOf) {
    const clean = 'clean' in inputs && inputs.clean
    outcome.files = await fetchFiles(job, lastState, {
      output,
      clean,
      downloader,
      stageFiles: deps.stageFiles,
      signal,
      timeoutMs: inputs.timeoutMs,
      clock: deps.clock
    })
  }
  if (inputs.jobType === 'codegen') outcome.dependencies = await warnAboutDependencies(outcome.job.outputs.dependencies, inputs.workspace)
  outcome.result = 'succeeded'
}

/**
 * deploy: lists and zips the source (or checks a .zip), removed again at the end; returns the
 * upload of that zip for the job, none for a URL source. Loaded only for a deploy: the zip writer
 * and the uploader are not needed before any other job type's first request.
 */
async function prepareDeploy(flow: Flow, source: DeploySource, proxy: ProxySettings | undefined): Promise<DeployDependencies['uploadZip']> {
  const [{ prepareSite, zipUpload }, { createUploader }] = await Promise.all([import('./deploy-site.js'), import('./transfer/upload.js')])
  const site = await prepareSite(source, { tempRoot: flow.deps.env.RUNNER_TEMP, signal: flow.signal, log: jobLog })
  flow.closers.push(site.remove)
  flow.outcome.site = site
  if (!site.zipPath) return undefined
  const uploader = createUploader({ log: message => core.debug(message), proxy, mask: maskOnce })
  flow.closers.push(() => uploader.close())
  return zipUpload(site, uploader, jobLog)
}

/** A job that ended failed fails the step, with the job's own explanation (and, for hosting, its log). */
async function failIfJobFailed(flow: Flow, job: Job<unknown>, state: unknown): Promise<void> {
  if (job.phase(state) !== 'failed') return
  // Explaining may download the failing step's log: the run's signal ends that too (it explains without it).
  const { message, sections } = await job.explainFailure(state, flow.signal)
  flow.outcome.failureSections = sections
  throw new JobFailedError(message)
}

/** semver is loaded here, after the job, not before the first AWS request (docs/performance.md). */
async function warnAboutDependencies(json: string | undefined, workspace: string): Promise<DependencyCheck[]> {
  const { checkDependencies, dependencyWarning } = await import('./dependencies.js')
  const required = JSON.parse(json ?? '[]') as RequiredDependency[]
  const checks = checkDependencies(required, readPackageJson(workspace))
  for (const check of checks) {
    const warning = dependencyWarning(check)
    if (warning) core.warning(warning, { title: 'Generated UI code dependency' })
  }
  return checks
}

/**
 * On cancel or timeout, stops a job that can be stopped, unless the user said not to. Returns a
 * sentence saying what became of the job, for the failure message.
 */
async function stopIfAsked(inputs: ActionInputs, job: Job<unknown>, reason: unknown): Promise<string | undefined> {
  if (!(reason instanceof CancelledError || reason instanceof DeadlineError)) return undefined
  if (!job.stop || !('stopOnCancel' in inputs)) return undefined
  if (!inputs.stopOnCancel) return `The ${job.noun} keeps running (stop-on-cancel: false); stop it in the Amplify console if it should not.`
  // Not the run's signal, which has aborted: a bound of its own, well inside the runner's grace.
  const inTime = AbortSignal.timeout(STOP_JOB_TIMEOUT_MS)
  try {
    return (await unlessAborted(job.stop(inTime), inTime)) || undefined
  } catch (error) {
    const why = inTime.aborted ? 'StopJob did not answer in time' : (error as Error).message
    core.warning(`Could not stop the ${job.noun}: ${why}. Stop it in the Amplify console.`)
    return `The ${job.noun} could not be stopped and may still be running: stop it in the Amplify console.`
  }
}

/**
 * An AWS call made with the run's signal: the timeout or a cancel ends it, and that is what is
 * thrown rather than the SDK's abort error. Calls made through a patient client (jobs/patient.ts)
 * keep retrying throttling until then.
 */
async function callAwsBeforeDeadline<T>(flow: Flow, call: () => Promise<T>, what: string): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (flow.signal.aborted) {
      throw stopReason(
        flow.signal,
        `The timeout of ${formatDuration(flow.inputs.timeoutMs)} was reached while ${what} (see the warnings above). Raise 'timeout', or re-run the step later.`
      )
    }
    const explained = explainAwsError(error, what)
    if (explained === error && isPassingAwsError(error)) {
      const sdk = error as { name?: string; message?: string }
      throw new ActionError(
        `AWS kept failing while ${what} (${sdk.name ?? 'error'}: ${sdk.message ?? 'no message'}), also on every retry. ` +
          'This is a problem on the AWS side: re-run the step later, and check the Amplify console for a job this attempt may have started.'
      )
    }
    throw explained
  }
}

function reportFailure(error: unknown, outcome: Outcome): void {
  outcome.result = error instanceof CancelledError ? 'cancelled' : error instanceof DeadlineError ? 'timed out' : 'failed'
  const message = error instanceof Error ? error.message : String(error)
  outcome.failure = message
  if (error instanceof InputError && error.location) {
    core.error(message, { file: error.location.file, startLine: error.location.line, startColumn: error.location.column })
    process.exitCode = core.ExitCode.Failure
  } else {
    core.setFailed(message)
  }
  if (!(error instanceof ActionError) && error instanceof Error && error.stack) core.debug(error.stack)
}

/**
 * Outputs and summary, whatever happened. Nothing here may throw out of run(): an outputs file the
 * runner cannot take (gone, full, not writable) fails the step with a message, not a crash.
 */
async function publish(outcome: Outcome): Promise<void> {
  try {
    for (const [name, value] of Object.entries(outputsOf(outcome))) core.setOutput(name, value)
  } catch (error) {
    core.setFailed(
      `Could not write the step's outputs to the runner's outputs file (GITHUB_OUTPUT): ${(error as Error).message}. ` +
        'This is a problem of the runner or its disk, not of the job; check the free space and re-run.'
    )
  }
  if (outcome.result !== 'failed' || outcome.jobId) {
    try {
      await core.summary.addRaw(summaryMarkdown(outcome)).write()
    } catch (error) {
      // Outside GitHub there is no summary file; the step's result does not depend on it.
      core.debug(`No job summary written: ${(error as Error).message}`)
    }
  }
}
