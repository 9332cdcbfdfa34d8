/**
 * The run's ways of stopping (src/stop-signal.ts): the sleep every retry and poll uses, the run's
 * signal (cancel or deadline), a race against work that ignores its signal, and the grace period.
 */
import { getEventListeners } from 'node:events'
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { CancelledError, DeadlineError } from '../../src/errors.js'
import { afterGrace, creatingJobSignal, sleep, START_GRACE_AFTER_CANCEL_MS, stepSignal, unlessAborted } from '../../src/stop-signal.js'
import { errorOf } from '../helpers/errors.js'

/** A wait the tests below would never end: only an abort can. */
const AN_HOUR_MS = 3_600_000

afterEach(() => {
  jest.useRealTimers()
})

describe('sleep', () => {
  it('resolves after its time', async () => {
    await expect(sleep(1)).resolves.toBeUndefined()
  })

  it("rejects with the signal's own reason when it aborts, also when it already had", async () => {
    const controller = new AbortController()
    const reason = new CancelledError('cancelled')
    const pending = sleep(AN_HOUR_MS, controller.signal)
    controller.abort(reason)
    expect(await errorOf(pending)).toBe(reason)
    expect(await errorOf(sleep(AN_HOUR_MS, AbortSignal.abort(reason)))).toBe(reason)
  })

  it('adds no listener to the signal, however many sleep at once (no MaxListenersExceededWarning)', async () => {
    const controller = new AbortController()
    const reason = new CancelledError('cancelled')
    const backOffs = Array.from({ length: 20 }, () => sleep(AN_HOUR_MS, controller.signal))
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
    controller.abort(reason)
    for (const backOff of backOffs) expect(await errorOf(backOff)).toBe(reason)
  })
})

describe('stepSignal', () => {
  it('aborts with a DeadlineError saying the message when the time is up', async () => {
    jest.useFakeTimers()
    const step = stepSignal(new AbortController().signal, 5_000, 'The timeout of 5.0s was reached.')
    jest.advanceTimersByTime(4_999)
    expect(step.signal.aborted).toBe(false)
    jest.advanceTimersByTime(1)
    expect(step.signal.reason).toBeInstanceOf(DeadlineError)
    expect((step.signal.reason as Error).message).toBe('The timeout of 5.0s was reached.')
  })

  it("aborts with the cancel's reason on cancel, and dispose() stops the deadline", () => {
    jest.useFakeTimers()
    const cancel = new AbortController()
    const step = stepSignal(cancel.signal, 5_000, 'late')
    step.dispose()
    jest.advanceTimersByTime(10_000)
    expect(step.signal.aborted).toBe(false)
    const reason = new CancelledError('The workflow was cancelled (SIGINT).')
    cancel.abort(reason)
    expect(step.signal.reason).toBe(reason)
  })

  it('is aborted at once when no time is left', async () => {
    const step = stepSignal(new AbortController().signal, -1, 'none left')
    await new Promise(resolve => step.signal.addEventListener('abort', resolve, { once: true }))
    expect(step.signal.reason).toBeInstanceOf(DeadlineError)
  })
})

describe('unlessAborted', () => {
  it('gives the work its result when it ends first, and leaves no listener', async () => {
    const controller = new AbortController()
    const listeners = jest.spyOn(controller.signal, 'removeEventListener')
    await expect(unlessAborted(Promise.resolve(42), controller.signal)).resolves.toBe(42)
    expect(listeners).toHaveBeenCalledTimes(1)
  })

  it("ends with the signal's reason even when the work never honours it", async () => {
    const controller = new AbortController()
    const reason = new DeadlineError('deadline')
    const pending = unlessAborted(new Promise(() => undefined), controller.signal)
    controller.abort(reason)
    expect(await errorOf(pending)).toBe(reason)
    expect(await errorOf(unlessAborted(Promise.resolve(1), controller.signal))).toBe(reason)
  })
})

describe('afterGrace', () => {
  it('aborts the given time after the signal, with its reason; also when it had aborted already', () => {
    jest.useFakeTimers()
    const controller = new AbortController()
    const grace = afterGrace(controller.signal, 2_000)
    const reason = new CancelledError('cancelled')
    controller.abort(reason)
    jest.advanceTimersByTime(1_999)
    expect(grace.aborted).toBe(false)
    jest.advanceTimersByTime(1)
    expect(grace.reason).toBe(reason)
    const late = afterGrace(controller.signal, 2_000)
    expect(late.aborted).toBe(false)
    jest.advanceTimersByTime(2_000)
    expect(late.reason).toBe(reason)
  })
})

describe('creatingJobSignal', () => {
  it('refuses to send after a cancel, and lets a request in flight at one answer for the grace period', () => {
    jest.useFakeTimers()
    const reason = new CancelledError('cancelled')
    expect(() => creatingJobSignal(AbortSignal.abort(reason))).toThrow(reason)
    const controller = new AbortController()
    const request = creatingJobSignal(controller.signal)
    controller.abort(reason)
    jest.advanceTimersByTime(START_GRACE_AFTER_CANCEL_MS - 1)
    expect(request.aborted).toBe(false)
    jest.advanceTimersByTime(1)
    expect(request.reason).toBe(reason)
  })
})
