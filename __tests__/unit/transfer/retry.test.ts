/**
 * The idle clock of one transfer attempt (src/transfer/retry.ts idleTimer), on jest's fake clock.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { idleTimer, RetryableFailure } from '../../../src/transfer/retry.js'

beforeEach(() => {
  jest.useFakeTimers()
})
afterEach(() => {
  jest.useRealTimers()
})

describe('idleTimer', () => {
  it('calls onIdle once, saying how long nothing moved, when touch() has not come for its time', () => {
    const failures: RetryableFailure[] = []
    const idle = idleTimer(1_000, failure => failures.push(failure), 'no data moved')
    idle.touch()
    jest.advanceTimersByTime(900)
    idle.touch()
    jest.advanceTimersByTime(900)
    expect(failures).toHaveLength(0)
    jest.advanceTimersByTime(100)
    expect(failures.map(failure => failure.message)).toEqual(['no data moved for 1 s'])
    idle.stop()
  })

  it('stays stopped: a touch() after stop(), from a write of an attempt already given up, arms nothing', () => {
    const onIdle = jest.fn()
    const idle = idleTimer(1_000, onIdle, 'no data moved')
    idle.touch()
    idle.stop()
    idle.touch()
    expect(jest.getTimerCount()).toBe(0)
    jest.advanceTimersByTime(5_000)
    expect(onIdle).not.toHaveBeenCalled()
  })
})
