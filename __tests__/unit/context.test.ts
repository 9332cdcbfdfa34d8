import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readRunContext, runUrl } from '../../src/context.js'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'context-test-'))
})
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

function eventFile(content: string): string {
  const file = path.join(dir, 'event.json')
  fs.writeFileSync(file, content)
  return file
}

const fullEnv = {
  GITHUB_WORKSPACE: '/home/runner/work/app/app',
  GITHUB_SERVER_URL: 'https://ghe.example.com',
  GITHUB_REPOSITORY: 'octo/app',
  GITHUB_RUN_ID: '123456',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_RUN_NUMBER: '42',
  GITHUB_WORKFLOW: 'Regenerate UI',
  GITHUB_JOB: 'codegen',
  GITHUB_ACTION: '__run_2',
  GITHUB_SHA: 'abc123def456'
}

describe('readRunContext', () => {
  it('reads every run variable from the environment it is given', () => {
    const context = readRunContext(fullEnv)
    expect(context).toEqual({
      workspace: '/home/runner/work/app/app',
      serverUrl: 'https://ghe.example.com',
      repository: 'octo/app',
      runId: '123456',
      runAttempt: '2',
      runNumber: '42',
      workflow: 'Regenerate UI',
      job: 'codegen',
      stepId: '__run_2',
      sha: 'abc123def456',
      headCommit: undefined
    })
  })

  it('falls back to the current folder and github.com, and treats empty variables as unset', () => {
    const context = readRunContext({ GITHUB_WORKSPACE: '', GITHUB_RUN_ID: '', GITHUB_SHA: '' })
    expect(context.workspace).toBe(process.cwd())
    expect(context.serverUrl).toBe('https://github.com')
    expect(context.runId).toBeUndefined()
    expect(context.sha).toBeUndefined()
    expect(context.stepId).toBeUndefined()
  })

  it('reads the head commit message and timestamp from the event file', () => {
    const file = eventFile(JSON.stringify({ head_commit: { id: 'abc', message: 'Fix the form\n\nLonger text', timestamp: '2024-05-01T10:20:30+02:00' } }))
    const context = readRunContext({ ...fullEnv, GITHUB_EVENT_PATH: file })
    expect(context.headCommit).toEqual({ message: 'Fix the form\n\nLonger text', timestamp: '2024-05-01T10:20:30+02:00' })
  })

  it('keeps only string fields of the head commit', () => {
    const file = eventFile(JSON.stringify({ head_commit: { message: 7, timestamp: 'T' } }))
    expect(readRunContext({ GITHUB_EVENT_PATH: file }).headCommit).toEqual({ message: undefined, timestamp: 'T' })
  })

  it('has no head commit when the event has none (pull_request, workflow_dispatch)', () => {
    const file = eventFile(JSON.stringify({ pull_request: { number: 1 } }))
    expect(readRunContext({ GITHUB_EVENT_PATH: file }).headCommit).toBeUndefined()
    const nullCommit = eventFile(JSON.stringify({ head_commit: null }))
    expect(readRunContext({ GITHUB_EVENT_PATH: nullCommit }).headCommit).toBeUndefined()
  })

  it.each([
    ['broken JSON', '{"head_commit": {'],
    ['JSON null', 'null'],
    ['an empty file', '']
  ])('ignores an event file holding %s', (_label, content) => {
    const context = readRunContext({ ...fullEnv, GITHUB_EVENT_PATH: eventFile(content) })
    expect(context.headCommit).toBeUndefined()
    expect(context.sha).toBe('abc123def456')
  })

  it('ignores a missing event file and a folder given as event file', () => {
    expect(readRunContext({ GITHUB_EVENT_PATH: path.join(dir, 'missing.json') }).headCommit).toBeUndefined()
    expect(readRunContext({ GITHUB_EVENT_PATH: dir }).headCommit).toBeUndefined()
  })
})

describe('readRunContext: the pull request', () => {
  const payload = JSON.stringify({ number: 7, pull_request: { number: 7, head: { sha: 'feedbeef' } } })

  it.each(['pull_request', 'pull_request_target'])('%s: its number and head commit, from the event payload', eventName => {
    const context = readRunContext({ GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: eventFile(payload) })
    expect(context.eventName).toBe(eventName)
    expect(context.pullRequest).toEqual({ number: 7, headSha: 'feedbeef' })
  })

  it.each(['push', 'workflow_dispatch', 'issue_comment'])('%s: none, even when the payload names one', eventName => {
    expect(readRunContext({ GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: eventFile(payload) }).pullRequest).toBeUndefined()
  })

  it.each([
    ['without a number', JSON.stringify({ pull_request: { head: { sha: 'x' } } })],
    ['with a number that is not one', JSON.stringify({ pull_request: { number: '7' } })],
    ['with a number below 1', JSON.stringify({ pull_request: { number: 0 } })],
    ['that is not JSON', '{']
  ])('a pull request payload %s: none', (_label, content) => {
    expect(readRunContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile(content) }).pullRequest).toBeUndefined()
  })

  it('the API address of the server, when the runner gives one', () => {
    expect(readRunContext({ GITHUB_API_URL: 'https://ghe.example.com/api/v3' }).apiUrl).toBe('https://ghe.example.com/api/v3')
    expect(readRunContext({}).apiUrl).toBeUndefined()
  })
})

describe('runUrl', () => {
  it('links to the run on the server', () => {
    expect(runUrl(readRunContext(fullEnv))).toBe('https://ghe.example.com/octo/app/actions/runs/123456')
  })

  it('is undefined without repository or run id', () => {
    expect(runUrl(readRunContext({ GITHUB_REPOSITORY: 'octo/app' }))).toBeUndefined()
    expect(runUrl(readRunContext({ GITHUB_RUN_ID: '1' }))).toBeUndefined()
  })
})
