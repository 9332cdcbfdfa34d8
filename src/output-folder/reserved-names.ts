/**
 * The action's own bookkeeping in output-path, defined once: the output-folder code writes these,
 * and the archive name rules refuse a job's file that would overwrite them.
 */

/** Bookkeeping file in output-path listing the files the action wrote there, with their sha256. */
export const STATE_FILE_NAME = '.amplify-job-action.json'
/** Transient folder in output-path for staging, backups and the journal; removed by every run. */
export const WORK_DIR_NAME = '.amplify-job-action.work'

/** Top-level names of output-path that no file of a job may take. */
export const RESERVED_TOP_LEVEL_NAMES: readonly string[] = [STATE_FILE_NAME, WORK_DIR_NAME]
