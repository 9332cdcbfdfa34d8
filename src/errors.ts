/**
 * Errors the user sees. Every message says what went wrong and how to fix it; main.ts prints it as
 * one `::error::` line. Anything that is not an ActionError is a bug or an unexpected AWS answer and
 * is reported with its own message.
 */
export class ActionError extends Error {
  override name = 'ActionError'
}

/** Where in a file a problem is, so the runner can annotate that line. */
export interface FileLocation {
  file: string
  line?: number
  column?: number
}

/** A bad input, found before any AWS call. */
export class InputError extends ActionError {
  override name = 'InputError'
  constructor(
    readonly input: string,
    problem: string,
    readonly location?: FileLocation
  ) {
    super(`Input '${input}': ${problem}`)
  }
}

/** The job ended in a failed state, or reported per-component errors. */
export class JobFailedError extends ActionError {
  override name = 'JobFailedError'
}

/** The `timeout` was reached while waiting or fetching. */
export class DeadlineError extends ActionError {
  override name = 'DeadlineError'
}

/** The workflow was cancelled (SIGINT/SIGTERM). */
export class CancelledError extends ActionError {
  override name = 'CancelledError'
}

/** A download was refused or could not complete; nothing was written. */
export class DownloadError extends ActionError {
  override name = 'DownloadError'
}

/** An upload was refused or could not complete; the caller has nothing to start a deployment from. */
export class UploadError extends ActionError {
  override name = 'UploadError'
}

/** A file name or archive entry that could write outside the output folder, or breaks a limit. */
export class UnsafeContentError extends ActionError {
  override name = 'UnsafeContentError'
}

/** A value as an error message shows it: quoted, with control characters escaped. */
export function quote(value: string): string {
  return JSON.stringify(value)
}
