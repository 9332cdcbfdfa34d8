import { describe, expect, it } from '@jest/globals'
import { PROGRESS_MIN_BYTES, progressReporter } from '../../../src/transfer/progress.js'

/** A count of bytes done, or a move of the fake clock. */
type Step = number | { waitMs: number }

/** The lines a reporter on a fake clock prints for these steps. */
function linesOf(total: number, steps: Step[]): string[] {
  let clock = 1_000_000
  const lines: string[] = []
  const report = progressReporter(total, line => lines.push(line), { now: () => clock })
  for (const step of steps) {
    if (typeof step === 'number') report(step)
    else clock += step.waitMs
  }
  return lines
}

const MB = 1_000_000

describe('progressReporter', () => {
  it('prints a line each time another 10 % have gone, up to 100 %', () => {
    const steps = Array.from({ length: 41 }, (_, i) => i * 2.5 * MB)
    expect(linesOf(100 * MB, steps)).toEqual(Array.from({ length: 10 }, (_, i) => `${(i + 1) * 10}.0 MB of 100.0 MB (${(i + 1) * 10} %)`))
  })

  it.each<[string, number, Step[], string[]]>([
    [
      'one line for a jump over several marks, the next at the mark after it',
      200 * MB,
      [70 * MB, 75 * MB, 80 * MB],
      ['70.0 MB of 200.0 MB (35 %)', '80.0 MB of 200.0 MB (40 %)']
    ],
    [
      'a line after 5 s without one, however little moved',
      1000 * MB,
      [1 * MB, { waitMs: 4_999 }, 2 * MB, { waitMs: 1 }, 3 * MB, { waitMs: 4_000 }, 4 * MB, { waitMs: 1_000 }, 5 * MB],
      ['3.0 MB of 1000.0 MB (0 %)', '5.0 MB of 1000.0 MB (0 %)']
    ],
    ['the 5 s counted again from a mark', 100 * MB, [{ waitMs: 3_000 }, 10 * MB, { waitMs: 3_000 }, 11 * MB], ['10.0 MB of 100.0 MB (10 %)']],
    [
      'from where a count that goes back (a retry) starts again',
      100 * MB,
      [55 * MB, 0, 5 * MB, 10 * MB],
      ['55.0 MB of 100.0 MB (55 %)', '10.0 MB of 100.0 MB (10 %)']
    ],
    ['nothing for a transfer under the minimum size', PROGRESS_MIN_BYTES - 1, [PROGRESS_MIN_BYTES / 2, { waitMs: 60_000 }, PROGRESS_MIN_BYTES - 1], []],
    ['lines for a transfer of exactly the minimum size', PROGRESS_MIN_BYTES, [PROGRESS_MIN_BYTES], ['10.0 MB of 10.0 MB (100 %)']]
  ])('prints %s', (_label, total, steps, expected) => {
    expect(linesOf(total, steps)).toEqual(expected)
  })

  it('honours its own thresholds', () => {
    const lines: string[] = []
    const report = progressReporter(4 * MB, line => lines.push(line), { everyPercent: 50, everyMs: 1_000_000, minBytes: MB, now: () => 0 })
    for (const done of [0.4, 1.6, 2, 3.6, 4]) report(done * MB)
    expect(lines).toEqual(['2.0 MB of 4.0 MB (50 %)', '4.0 MB of 4.0 MB (100 %)'])
  })
})
