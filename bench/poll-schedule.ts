/**
 * The polling schedule in figures: for jobs that end after 5 s, 60 s and 10 minutes, how many status
 * reads each schedule spends and how long after the job's end the read that sees it comes (the lag).
 * Runs the action's own wait loop (src/wait.ts) on a virtual clock with the defaults of
 * src/inputs.ts, so the figures are those of the code, beside the Amplify CLI's fixed 2 s and a few
 * alternatives. No network, no waiting: `npx tsx bench/poll-schedule.ts` (docs/performance.md).
 *
 * A job "of 60 s" ends anywhere around 60 s, so besides the lag for exactly that length the table
 * gives the mean and the worst lag over jobs ending uniformly within ±10 % of it (2,000 of them),
 * which no lucky phase of the schedule can flatter.
 */
import { JOB_TYPE_DEFAULTS } from '../src/inputs.js'
import { POLL_GROWTH, waitForJob, type Clock } from '../src/wait.js'

export interface Schedule {
  name: string
  firstDelayMs: number
  maxDelayMs: number
  /** Fixed-interval schedules (the CLI) do not grow. */
  growth: number
  /** The CLI gives up after 2 minutes by default (UI_BUILDER_CODEGENJOB_TIMEOUT). */
  timeoutMs?: number
}

export interface Outcome {
  reads: number
  lagMs: number
}

/** Runs the action's wait loop against a job that ends at `jobMs`, on a virtual clock. */
export async function simulate(schedule: Schedule, jobMs: number): Promise<Outcome | undefined> {
  if (schedule.growth !== POLL_GROWTH) return simulateFixed(schedule, jobMs)
  let now = 0
  const clock: Clock = {
    now: () => now,
    sleep: async ms => {
      now += ms
    }
  }
  let reads = 0
  const { state } = await waitForJob<number>({
    read: async () => {
      reads++
      return now
    },
    phase: at => (at >= jobMs ? 'succeeded' : 'running'),
    status: at => (at >= jobMs ? 'done' : 'running'),
    isPassing: () => false,
    startedAt: 0,
    // Never aborted: every job here ends.
    timeoutMs: 86_400_000,
    signal: new AbortController().signal,
    firstDelayMs: schedule.firstDelayMs,
    maxDelayMs: schedule.maxDelayMs,
    readFirst: true,
    clock,
    log: { info: () => undefined, warning: () => undefined },
    noun: 'job'
  })
  return { reads, lagMs: state - jobMs }
}

/** A read at once, then one every `firstDelayMs` (the Amplify CLI's loop). */
function simulateFixed(schedule: Schedule, jobMs: number): Outcome | undefined {
  let at = 0
  let reads = 0
  for (;;) {
    if (schedule.timeoutMs !== undefined && at >= schedule.timeoutMs) return undefined
    reads++
    if (at >= jobMs) return { reads, lagMs: at - jobMs }
    at += schedule.firstDelayMs
  }
}

export interface Row {
  schedule: string
  jobMs: number
  exact?: Outcome
  meanLagMs: number
  worstLagMs: number
  meanReads: number
}

export async function evaluate(schedule: Schedule, jobMs: number): Promise<Row> {
  const exact = await simulate(schedule, jobMs)
  let lagSum = 0
  let readSum = 0
  let worst = 0
  let count = 0
  const step = Math.max(10, Math.round(jobMs / 2000))
  for (let end = Math.round(jobMs * 0.9); end <= jobMs * 1.1; end += step) {
    const outcome = await simulate(schedule, end)
    if (!outcome) return { schedule: schedule.name, jobMs, meanLagMs: NaN, worstLagMs: NaN, meanReads: NaN }
    lagSum += outcome.lagMs
    readSum += outcome.reads
    worst = Math.max(worst, outcome.lagMs)
    count++
  }
  return { schedule: schedule.name, jobMs, exact, meanLagMs: lagSum / count, worstLagMs: worst, meanReads: readSum / count }
}

const seconds = (ms: number): string => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1)

export const ACTION_SCHEDULES: Schedule[] = [
  { name: 'codegen (action default)', ...pick('codegen'), growth: POLL_GROWTH },
  { name: 'release, retry (action default)', ...pick('release'), growth: POLL_GROWTH },
  { name: 'backend (action default)', ...pick('backend'), growth: POLL_GROWTH }
]

export const OTHER_SCHEDULES: Schedule[] = [
  { name: 'Amplify CLI: fixed 2 s, gives up at 2 min', firstDelayMs: 2000, maxDelayMs: 2000, growth: 1, timeoutMs: 120_000 },
  { name: 'alternative: fixed 1 s', firstDelayMs: 1000, maxDelayMs: 1000, growth: 1 },
  { name: 'alternative: fixed 5 s', firstDelayMs: 5000, maxDelayMs: 5000, growth: 1 },
  { name: 'alternative: 500 ms growing to 5 s', firstDelayMs: 500, maxDelayMs: 5000, growth: POLL_GROWTH },
  { name: 'alternative: 2 s growing to 2 s (no ramp)', firstDelayMs: 2000, maxDelayMs: 2000, growth: POLL_GROWTH }
]

function pick(jobType: keyof typeof JOB_TYPE_DEFAULTS): { firstDelayMs: number; maxDelayMs: number } {
  const defaults = JOB_TYPE_DEFAULTS[jobType]
  return { firstDelayMs: defaults.firstPollMs, maxDelayMs: defaults.maxPollMs }
}

export async function scheduleTable(jobLengthsMs: readonly number[] = [2_000, 5_000, 60_000, 600_000]): Promise<string> {
  const lines = [
    '| Schedule | Job | Reads | Lag (job of exactly this length) | Mean lag (±10 %) | Worst lag (±10 %) | Mean reads (±10 %) |',
    '|---|---|---|---|---|---|---|'
  ]
  for (const schedule of [...ACTION_SCHEDULES, ...OTHER_SCHEDULES]) {
    for (const jobMs of jobLengthsMs) {
      const row = await evaluate(schedule, jobMs)
      const job = jobMs >= 60_000 ? `${jobMs / 60_000} min` : `${jobMs / 1000} s`
      if (!row.exact || Number.isNaN(row.meanLagMs)) {
        lines.push(`| ${schedule.name} | ${job} | gives up | | | | |`)
        continue
      }
      lines.push(
        `| ${schedule.name} | ${job} | ${row.exact.reads} | ${seconds(row.exact.lagMs)} s | ${seconds(row.meanLagMs)} s | ${seconds(row.worstLagMs)} s | ${row.meanReads.toFixed(1)} |`
      )
    }
  }
  return lines.join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`Growth per read: x${POLL_GROWTH}. Defaults from src/inputs.ts (JOB_TYPE_DEFAULTS).\n`)
  console.log(await scheduleTable())
}
