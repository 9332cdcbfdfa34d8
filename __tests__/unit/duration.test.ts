import { describe, expect, it } from '@jest/globals'
import { formatDuration, parseDuration } from '../../src/duration.js'

describe('parseDuration', () => {
  it.each([
    ['600', 600_000],
    ['0', 0],
    ['2.5', 2_500],
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1h30m15s', 5_415_000],
    ['2m500ms', 120_500],
    ['500ms', 500],
    ['1.5s', 1_500],
    ['0.25s', 250],
    ['1H30M', 5_400_000],
    ['  15m  ', 900_000]
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each(['', '   ', 'abc', '10x', 'm', 's', 'ms', '-5', '-5s', '1m1h', '30s1m', '1h 30m', '1m30', '1.5m', '1.5ms', '5 s', 'h1', '1e3'])(
    'refuses %j',
    text => {
      expect(parseDuration(text)).toBeUndefined()
    }
  )
})

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [1, '1ms'],
    [999, '999ms'],
    [999.6, '1.0s'],
    [1_000, '1.0s'],
    [1_500, '1.5s'],
    [59_900, '59.9s'],
    [59_960, '1m0s'],
    [60_000, '1m0s'],
    [90_000, '1m30s'],
    [119_600, '2m0s'],
    [3_599_600, '1h0m0s'],
    [3_600_000, '1h0m0s'],
    [5_415_000, '1h30m15s'],
    [6 * 3_600_000, '6h0m0s']
  ])('formats %d ms as %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  it('never prints 60 seconds or 60 minutes', () => {
    for (let ms = 0; ms < 2 * 3_600_000; ms += 137) {
      const text = formatDuration(ms)
      expect(text).not.toMatch(/(^|[hm])60(\.\d)?s$/)
      expect(text).not.toMatch(/(^|h)60m/)
    }
  })

  it('round-trips through parseDuration to within rounding', () => {
    for (const ms of [1_500, 75_000, 5_415_000, 42_000]) {
      expect(Math.abs(parseDuration(formatDuration(ms))! - ms)).toBeLessThan(1_000)
    }
  })
})
