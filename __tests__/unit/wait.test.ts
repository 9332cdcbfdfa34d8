import { afterEach, describe, expect, it } from '@jest/globals'
import { CancelledError, DeadlineError } from '../../src/errors.js'
import { type Clock, type Phase, POLL_GROWTH, systemClock, type WaitOptions, WaitTimeoutError, waitForJob } from '../../src/wait.js'
import { errorOf } from '../helpers/errors.js'

const START = 1_700_000_000_000

interface State {
  status: string
}

type FakeClock = Clock & { sleeps: number[]; advance(ms: number): void; deadlineAt(at: number, fire: () => void): void }

/**
 * A clock whose sleep records the delay and moves `now` on by it, without waiting. A deadline set
 * on it fires when a sleep reaches it: that sleep ends there (and is recorded as cut short), as the
 * run's real deadline timer ends a real sleep. Time that passes inside a read fires nothing.
 */
function fakeClock(onSleep?: (ms: number, count: number) => void): FakeClock {
  let now = START
  const sleeps: number[] = []
  let deadline: { at: number; fire: () => void } | undefined
  return {
    sleeps,
    now: () => now,
    advance: ms => {
      now += ms
    },
    deadlineAt: (at, fire) => {
      deadline = { at, fire }
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason
      if (deadline !== undefined && deadline.at <= now + ms) {
        sleeps.push(Math.max(0, deadline.at - now))
        now = Math.max(now, deadline.at)
        deadline.fire()
        throw signal?.reason
      }
      sleeps.push(ms)
      onSleep?.(ms, sleeps.length)
      if (signal?.aborted) throw signal.reason
      now += ms
    }
  }
}

/** Real timers of the deadlines below, cleared after each test. */
const deadlineTimers: NodeJS.Timeout[] = []
afterEach(() => {
  for (const timer of deadlineTimers.splice(0)) clearTimeout(timer)
})

/**
 * The run's signal as main.ts makes it: aborts with `cancel`'s reason, or with a DeadlineError at
 * `deadline`: on the fake clock when a sleep reaches it, or after that long in real time when a
 * read holds the loop (the fake clock stands still while it waits).
 */
function runSignal(clock: FakeClock, deadline: number, cancel?: AbortSignal): AbortSignal {
  const atDeadline = new AbortController()
  const fire = (): void => atDeadline.abort(new DeadlineError('The timeout was reached.'))
  clock.deadlineAt(deadline, fire)
  deadlineTimers.push(setTimeout(fire, Math.max(0, deadline - clock.now())))
  return AbortSignal.any([atDeadline.signal, ...(cancel ? [cancel] : [])])
}

function recordingLog(): { info: string[]; warning: string[]; log: WaitOptions<State>['log'] } {
  const info: string[] = []
  const warning: string[] = []
  return { info, warning, log: { info: m => info.push(m), warning: m => warning.push(m) } }
}

const PHASES: Record<string, Phase> = { SUCCEED: 'succeeded', FAILED: 'failed', RUNNING: 'running', PENDING: 'running' }

/** Answers each read with the next script entry: a status, or an error to throw. */
function scriptedRead(script: Array<string | Error>, clock?: { advance(ms: number): void }, readMs = 0) {
  const signals: AbortSignal[] = []
  let index = 0
  const read = async (signal: AbortSignal): Promise<State> => {
    signals.push(signal)
    clock?.advance(readMs)
    const next = script[Math.min(index++, script.length - 1)]!
    if (next instanceof Error) throw next
    return { status: next }
  }
  return { read, signals, reads: () => index }
}

class ThrottlingException extends Error {
  override name = 'ThrottlingException'
}

interface TestOptions extends Partial<WaitOptions<State>> {
  read: WaitOptions<State>['read']
  clock: FakeClock
  /** When the run's signal fires its DeadlineError (default: an hour after START). */
  deadline?: number
  /** Aborted to cancel the run. */
  cancel?: AbortSignal
}

function options({ deadline = START + 3_600_000, cancel, ...overrides }: TestOptions): WaitOptions<State> {
  const startedAt = overrides.startedAt ?? START
  return {
    phase: state => PHASES[state.status] ?? 'running',
    status: state => state.status,
    isPassing: error => error instanceof ThrottlingException,
    startedAt,
    timeoutMs: deadline - startedAt,
    signal: runSignal(overrides.clock, deadline, cancel),
    firstDelayMs: 1_000,
    maxDelayMs: 10_000,
    readFirst: true,
    log: recordingLog().log,
    noun: 'codegen job',
    ...overrides
  }
}

describe('waitForJob', () => {
  it('returns at once when the first read is final', async () => {
    const clock = fakeClock()
    const { read } = scriptedRead(['SUCCEED'])
    const logs = recordingLog()
    const result = await waitForJob(options({ read, clock, log: logs.log }))
    expect(result).toEqual({ state: { status: 'SUCCEED' }, reads: 1 })
    expect(clock.sleeps).toEqual([])
    expect(logs.info).toEqual(['[0ms] Codegen job status: SUCCEED'])
    expect(logs.warning).toEqual([])
  })

  it('returns a failed state instead of throwing', async () => {
    const clock = fakeClock()
    const { read } = scriptedRead(['RUNNING', 'FAILED'])
    const result = await waitForJob(options({ read, clock }))
    expect(result.state.status).toBe('FAILED')
    expect(result.reads).toBe(2)
  })

  it('waits the first delay before the first read unless readFirst', async () => {
    const clock = fakeClock()
    const { read } = scriptedRead(['SUCCEED'])
    await waitForJob(options({ read, clock, readFirst: false }))
    expect(clock.sleeps).toEqual([1_000])
  })

  it('logs each status change once, with the time since the job started', async () => {
    const clock = fakeClock()
    const { read } = scriptedRead(['PENDING', 'PENDING', 'RUNNING', 'RUNNING', 'SUCCEED'])
    const logs = recordingLog()
    await waitForJob(options({ read, clock, log: logs.log, startedAt: START - 2_000 }))
    // Reads at 0, 1000, 2500, 4750 and 8125 ms after the first one; the job started 2 s earlier.
    expect(logs.info).toEqual(['[2.0s] Codegen job status: PENDING', '[4.5s] Codegen job status: RUNNING', '[10.1s] Codegen job status: SUCCEED'])
  })

  it('grows each delay by 1.5 up to the cap', async () => {
    const clock = fakeClock()
    const { read } = scriptedRead([...Array<string>(9).fill('RUNNING'), 'SUCCEED'])
    const result = await waitForJob(options({ read, clock, firstDelayMs: 1_000, maxDelayMs: 10_000 }))
    expect(POLL_GROWTH).toBe(1.5)
    expect(clock.sleeps).toEqual([1_000, 1_500, 2_250, 3_375, 5_062.5, 7_593.75, 10_000, 10_000, 10_000])
    expect(result.reads).toBe(10)
  })

  it('passes every successful read to observe with the elapsed time', async () => {
    const clock = fakeClock()
    const { read } = scriptedRead(['RUNNING', new ThrottlingException('slow down'), 'RUNNING', 'SUCCEED'])
    const seen: Array<[string, number]> = []
    await waitForJob(options({ read, clock, observe: (state, elapsedMs) => seen.push([state.status, elapsedMs]) }))
    expect(seen).toEqual([
      ['RUNNING', 0],
      ['RUNNING', 4_000],
      ['SUCCEED', 5_500]
    ])
  })

  it('waits through passing errors with one warning and a growing backoff', async () => {
    const clock = fakeClock()
    const throttled = new ThrottlingException('Rate exceeded')
    const { read } = scriptedRead(['RUNNING', throttled, throttled, throttled, 'RUNNING', 'SUCCEED'])
    const logs = recordingLog()
    const result = await waitForJob(options({ read, clock, log: logs.log }))
    expect(result.state.status).toBe('SUCCEED')
    expect(clock.sleeps).toEqual([1_000, 3_000, 6_000, 12_000, 1_500])
    expect(logs.warning).toHaveLength(1)
    expect(logs.warning[0]).toBe(
      "[1.0s] Could not read the codegen job's status (ThrottlingException: Rate exceeded); the job keeps running, so the action keeps trying until the timeout."
    )
    expect(logs.info).toContain("[22.0s] Reading the codegen job's status works again.")
  })

  it('caps the error backoff at four times the longest delay', async () => {
    const clock = fakeClock()
    const { read } = scriptedRead([...Array<Error>(6).fill(new ThrottlingException('x')), 'SUCCEED'])
    await waitForJob(options({ read, clock, firstDelayMs: 1_000, maxDelayMs: 2_000 }))
    expect(clock.sleeps).toEqual([2_000, 4_000, 8_000, 8_000, 8_000, 8_000])
  })

  it('warns again for a new spell of errors after reads worked', async () => {
    const clock = fakeClock()
    const { read } = scriptedRead(['RUNNING', new ThrottlingException('a'), 'RUNNING', new ThrottlingException('b'), 'SUCCEED'])
    const logs = recordingLog()
    await waitForJob(options({ read, clock, log: logs.log }))
    expect(logs.warning).toHaveLength(2)
  })

  it('rethrows an error that is not passing, unchanged', async () => {
    const clock = fakeClock()
    const denied = Object.assign(new Error('not allowed'), { name: 'AccessDeniedException' })
    const { read, reads } = scriptedRead(['RUNNING', denied])
    const error = await errorOf(waitForJob(options({ read, clock })))
    expect(error).toBe(denied)
    expect(reads()).toBe(2)
    expect(clock.sleeps).toEqual([1_000])
  })

  it('fails at the deadline with the last state and status', async () => {
    const clock = fakeClock()
    const { read } = scriptedRead(['PENDING', 'RUNNING'])
    const error = await errorOf(waitForJob(options({ read, clock, deadline: START + 10_000 })))
    expect(error).toBeInstanceOf(WaitTimeoutError)
    expect(error).toBeInstanceOf(DeadlineError)
    expect((error as WaitTimeoutError<State>).lastState).toEqual({ status: 'RUNNING' })
    expect(error.message).toBe(
      "The codegen job did not end within the timeout of 10.0s (its last status was RUNNING). Raise the 'timeout' input if the job normally takes longer."
    )
    // The last sleep is cut so that the loop ends at the deadline, not after it.
    expect(clock.sleeps).toEqual([1_000, 1_500, 2_250, 3_375, 1_875])
    expect(clock.now()).toBe(START + 10_000)
  })

  it('measures the timeout from the start of the job', async () => {
    const clock = fakeClock()
    const { read } = scriptedRead(['RUNNING'])
    const error = await errorOf(waitForJob(options({ read, clock, startedAt: START - 60_000, deadline: START + 30_000 })))
    expect(error.message).toContain('within the timeout of 1m30s')
  })

  it('says so when the status never could be read before the deadline', async () => {
    const clock = fakeClock()
    const { read } = scriptedRead([new ThrottlingException('Rate exceeded')])
    const error = await errorOf(waitForJob(options({ read, clock, deadline: START + 60_000 })))
    expect(error).toBeInstanceOf(WaitTimeoutError)
    expect((error as WaitTimeoutError<State>).lastState).toBeUndefined()
    expect(error.message).toContain('(its status could not be read)')
  })

  it('waits through a status it does not know until the deadline', async () => {
    const clock = fakeClock()
    const { read, reads } = scriptedRead(['PENDING', 'SOMETHING_NEW'])
    const logs = recordingLog()
    const error = await errorOf(waitForJob(options({ read, clock, log: logs.log, deadline: START + 120_000 })))
    expect(error).toBeInstanceOf(WaitTimeoutError)
    expect(error.message).toContain('its last status was SOMETHING_NEW')
    expect(reads()).toBeGreaterThan(10)
    expect(logs.info.filter(line => line.includes('SOMETHING_NEW'))).toHaveLength(1)
  })

  it('is cancelled before the first read when the signal has already aborted', async () => {
    const clock = fakeClock()
    const cancel = new AbortController()
    cancel.abort()
    const { read, reads } = scriptedRead(['RUNNING'])
    const error = await errorOf(waitForJob(options({ read, clock, cancel: cancel.signal })))
    expect(error).toBeInstanceOf(CancelledError)
    expect(reads()).toBe(0)
  })

  it('is cancelled while sleeping', async () => {
    const cancel = new AbortController()
    const clock = fakeClock((_ms, count) => {
      if (count === 2) cancel.abort(new Error('SIGINT'))
    })
    const { read, reads } = scriptedRead(['RUNNING'])
    const error = await errorOf(waitForJob(options({ read, clock, cancel: cancel.signal })))
    expect(error).toBeInstanceOf(CancelledError)
    expect(error.message).toContain('cancelled')
    expect(reads()).toBe(2)
  })

  it('aborts the read in flight when the run is cancelled', async () => {
    const clock = fakeClock()
    const cancel = new AbortController()
    let seen: AbortSignal | undefined
    const read = (signal: AbortSignal): Promise<State> => {
      seen = signal
      const answer = new Promise<State>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted by signal'))))
      setImmediate(() => cancel.abort(new Error('SIGTERM')))
      return answer
    }
    const error = await errorOf(waitForJob(options({ read, clock, cancel: cancel.signal })))
    expect(error).toBeInstanceOf(CancelledError)
    expect(seen?.aborted).toBe(true)
  })

  it('gives the read a signal that aborts at the deadline', async () => {
    // The fake clock stands still during the read, so only the signal can end it.
    const clock = fakeClock()
    let seen: AbortSignal | undefined
    const read = (signal: AbortSignal): Promise<State> => {
      seen = signal
      expect(signal.aborted).toBe(false)
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' }))))
    }
    const error = await errorOf(waitForJob(options({ read, clock, deadline: START + 20, isPassing: () => false })))
    expect(seen?.aborted).toBe(true)
    expect(error).toBeInstanceOf(WaitTimeoutError)
    expect(error.message).toContain('its status could not be read')
  })

  it('stops waiting at the deadline even for a read that ignores its signal', async () => {
    const clock = fakeClock()
    const read = (): Promise<State> => new Promise(() => undefined)
    const error = await errorOf(waitForJob(options({ read, clock, deadline: START + 20 })))
    expect(error).toBeInstanceOf(WaitTimeoutError)
  })

  it('does not abort a read that ends before the deadline', async () => {
    const clock = fakeClock()
    const { read, signals } = scriptedRead(['RUNNING', 'SUCCEED'])
    await waitForJob(options({ read, clock }))
    expect(signals).toHaveLength(2)
    expect(signals.every(signal => !signal.aborted)).toBe(true)
  })

  it('returns a final state read after the deadline passed during the read', async () => {
    const clock = fakeClock()
    const { read } = scriptedRead(['RUNNING', 'SUCCEED'], clock, 600)
    const result = await waitForJob(options({ read, clock, deadline: START + 2_000 }))
    expect(clock.now()).toBe(START + 2_200)
    expect(result.state.status).toBe('SUCCEED')
  })
})

describe('systemClock', () => {
  it('tells the time', () => {
    const before = Date.now()
    const now = systemClock.now()
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })

  it('sleeps and resolves', async () => {
    await expect(systemClock.sleep(1)).resolves.toBeUndefined()
  })

  it('rejects with the reason when the signal aborts, also when it already has', async () => {
    const controller = new AbortController()
    const sleeping = systemClock.sleep(60_000, controller.signal)
    const reason = new Error('stop')
    controller.abort(reason)
    await expect(sleeping).rejects.toBe(reason)
    await expect(systemClock.sleep(60_000, controller.signal)).rejects.toBe(reason)
  })
})
