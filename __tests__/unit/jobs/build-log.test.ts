/**
 * Reading a failed build's log (src/jobs/build-log.ts): the line that explains the failure, and
 * the excerpt around it that the job summary shows.
 */
import { describe, expect, it } from '@jest/globals'
import { errorContext, lastErrorLine } from '../../../src/jobs/build-log.js'

describe('lastErrorLine', () => {
  it("prefers the line that explains the failure over Amplify's closing lines", () => {
    expect(lastErrorLine(["Module not found: Error: Can't resolve './x'", '!!! Build failed', '!!! Error: Command failed with exit code 1'])).toBe(
      "Module not found: Error: Can't resolve './x'"
    )
  })

  it.each([
    [
      'npm',
      ['npm ERR! Missing script: "build"', 'npm ERR! ', 'npm ERR! A complete log of this run can be found in: /root/.npm/_logs/x.log'],
      'npm ERR! Missing script: "build"'
    ],
    [
      'npm 10',
      [
        '[vite]: Rollup failed to resolve import "x" from "src/main.tsx".',
        'npm error code ELIFECYCLE',
        'npm error path /codebuild/output/src/app',
        'npm error command failed',
        'npm error command sh -c vite build'
      ],
      '[vite]: Rollup failed to resolve import "x" from "src/main.tsx".'
    ],
    [
      'yarn',
      ['error TS2304: Cannot find name "x".', 'error Command failed with exit code 2.', 'info Visit https://yarnpkg.com for documentation.'],
      'error TS2304: Cannot find name "x".'
    ],
    ['pnpm', ['Error: Build failed with 1 error:', ' ELIFECYCLE  Command failed with exit code 1.'], 'Error: Build failed with 1 error:'],
    ['tsc', ["src/a.ts(1,1): error TS1005: ';' expected.", 'Found 1 error in src/a.ts:1'], "src/a.ts(1,1): error TS1005: ';' expected."]
  ])('skips the %s trailer', (_tool, lines, expected) => {
    expect(lastErrorLine(lines)).toBe(expected)
  })

  it('knows error class names', () => {
    expect(lastErrorLine(['TypeError: x is undefined', 'done'])).toBe('TypeError: x is undefined')
    expect(lastErrorLine(['java.lang.NullPointerException', 'done'])).toBe('java.lang.NullPointerException')
    expect(lastErrorLine(['The terror of interrupted builds'])).toBeUndefined()
  })

  it("skips the line that repeats the step's statusReason", () => {
    expect(lastErrorLine(['TypeError: x is undefined', '!!! Could not build: failure'], 'Could not build: failure')).toBe('TypeError: x is undefined')
  })

  it("falls back to Amplify's closing line when nothing else looks like an error", () => {
    expect(lastErrorLine(['2024-05-01T10:00:00.000Z [INFO]: compiling', '2024-05-01T10:00:01.000Z [ERROR]: !!! Build failed', ''])).toBe('!!! Build failed')
  })

  it("strips Amplify's timestamp and level", () => {
    expect(lastErrorLine(['2024-05-01T10:00:00.123Z [ERROR]: Error: Cannot find module vite'])).toBe('Error: Cannot find module vite')
  })

  it('finds nothing in a log without errors', () => {
    expect(lastErrorLine(['all good', 'built in 3s'])).toBeUndefined()
  })
})

describe('errorContext', () => {
  const tail = Array.from({ length: 30 }, (_, i) => `2024-05-01T10:00:00.000Z [INFO]: line ${i + 1}`)

  it('shows ten lines before the error line and two after, without timestamps', () => {
    expect(errorContext(tail, 'line 20')).toEqual(Array.from({ length: 13 }, (_, i) => `line ${i + 10}`))
  })

  it('shows the last lines when no line looks like an error, or the error line is not in the tail', () => {
    const last = Array.from({ length: 13 }, (_, i) => `line ${i + 18}`)
    expect(errorContext(tail, undefined)).toEqual(last)
    expect(errorContext(tail, 'not there')).toEqual(last)
  })

  it('stays inside a short log', () => {
    expect(errorContext(['only error'], 'only error')).toEqual(['only error'])
    expect(errorContext([], undefined)).toEqual([])
  })
})
