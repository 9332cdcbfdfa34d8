/**
 * The one small interface every job type implements, so that main.ts, the wait loop, the fetch and
 * the report serve codegen, hosting and backend jobs alike.
 */
import type { JobFiles } from '../archives/types.js'
import type { Phase } from '../wait.js'

export interface JobStart<S> {
  /** Every job type has one but delete-branch, which deletes a branch rather than running a job. */
  jobId?: string
  /** Hosting jobs: the job's ARN. */
  arn?: string
  /** A link to the job in the AWS console, when there is one. */
  consoleUrl?: string
  /** The state the start answer already carried (used for `wait: false`). */
  state?: S
}

/** Where job modules print: the runner's log, through @actions/core in production. */
export interface JobLog {
  info(message: string): void
  warning(message: string): void
  /** A collapsible group of lines (a build log excerpt). */
  group(title: string, lines: string[]): void
}

/** Extra lines for the job summary and outputs, from a job type's own knowledge. */
export interface JobReport {
  /** Rows for the summary's details table (label, Markdown value). */
  details: Array<[string, string]>
  /** Outputs only this job type sets (e.g. dependencies). */
  outputs: Record<string, string>
}

/** Why a job ended failed: the step's error message, and Markdown for the job summary. */
export interface FailureExplanation {
  message: string
  /** Sections for the summary (a failing step and its log excerpt). */
  sections?: string[]
}

export interface Job<S> {
  /** How logs and errors name the job: "codegen job", "Amplify Hosting job", "backend job". */
  readonly noun: string
  /** Starts the job, or attaches to the one given by the job-id input. */
  start(signal: AbortSignal): Promise<JobStart<S>>
  /**
   * Finds the address of the site the job publishes, when the start did not (release, retry), and
   * tells it through the job's onSiteUrl. Called once the job has started.
   */
  lookUpSiteUrl?(signal: AbortSignal): Promise<void>
  /** Reads the job's current state (the job id is known after start). */
  read(signal: AbortSignal): Promise<S>
  phase(state: S): Phase
  /** The status exactly as the service spells it. */
  status(state: S): string
  /** Called after every read: print progress such as steps starting and ending. */
  observe?(state: S, elapsedMs: number): void
  /** Throws when a job the service calls successful is not (per-component codegen errors). */
  verifySuccess?(state: S): void
  /** Why a job that ended failed did so; may download its log (the signal ends that). */
  explainFailure(state: S, signal: AbortSignal): Promise<FailureExplanation>
  /**
   * What the job's files are (it may ask AWS where they are); the fetch side downloads and stages
   * them. Absent when the job type has none.
   */
  filesOf?(state: S, signal: AbortSignal): Promise<JobFiles>
  /**
   * Stops the job where the service can (hosting); the signal bounds the request. May return a sentence for the failure message
   * saying what became of the job ("Job 12 was stopped (StopJob).").
   */
  stop?(signal: AbortSignal): Promise<string | void>
  report(state: S | undefined): JobReport
}
