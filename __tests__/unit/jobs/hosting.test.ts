/**
 * The Amplify Hosting job module with a fake Amplify client: what StartJob, GetJob, StopJob,
 * ListArtifacts and GetArtifactUrl are sent, what each status means, what is printed while waiting,
 * and how a failure is explained.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import {
  GetArtifactUrlCommand,
  GetJobCommand,
  type Job as AmplifyJob,
  ListArtifactsCommand,
  StartJobCommand,
  type Step,
  StopJobCommand
} from '@aws-sdk/client-amplify'
import { ActionError } from '../../../src/errors.js'
import type { Downloader } from '../../../src/transfer/types.js'
import type { HostingInputs } from '../../../src/inputs.js'

import { LOG_TAIL_LINES } from '../../../src/jobs/build-log.js'
import { createHostingJob, hostingPhase, QUEUED_NOTICE_AFTER_MS } from '../../../src/jobs/hosting.js'

const APP = 'd1a2b3c4d5e6f7'
const SIGNATURE = '0123456789abcdef'.repeat(4)
const presigned = (name: string): string =>
  `https://bucket.s3.us-east-1.amazonaws.com/${name}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Security-Token=SECRETTOKEN${name.length}&X-Amz-Signature=${SIGNATURE}`

function inputs(overrides: Partial<HostingInputs> = {}): HostingInputs {
  return {
    jobType: 'release',
    appId: APP,
    branch: 'main',
    wait: true,
    timeoutMs: 3_600_000,
    firstPollMs: 2_000,
    maxPollMs: 10_000,
    workspace: '/work',
    commitId: 'c0ffee'.repeat(6) + 'c0ff',
    commitMessage: 'Fix the header',
    commitTime: new Date('2024-05-01T10:00:00Z'),
    jobReason: 'GitHub Actions: CI run #7',
    clean: false,
    stopOnCancel: true,
    ...overrides
  }
}

function job(status: string, steps: Step[] = []): AmplifyJob {
  return {
    summary: {
      jobArn: `arn:aws:amplify:us-east-1:123456789012:apps/${APP}/branches/main/jobs/12`,
      jobId: '12',
      commitId: 'c0ffee'.repeat(6) + 'c0ff',
      commitMessage: 'Fix the header',
      commitTime: new Date(0),
      startTime: new Date(0),
      status: status as never,
      jobType: 'RELEASE'
    },
    steps
  }
}

function step(stepName: string, status: string, extra: Partial<Step> = {}): Step {
  return {
    stepName,
    status: status as never,
    startTime: new Date(1_000),
    endTime: status === 'RUNNING' ? undefined : new Date(1_000 + 83_000),
    ...extra
  }
}

interface Answers {
  start?: (command: StartJobCommand) => unknown
  get?: () => unknown
  stop?: () => unknown
  list?: () => unknown
  artifactUrl?: (command: GetArtifactUrlCommand) => unknown
}

function setup(options: { inputs?: Partial<HostingInputs>; answers?: Answers; log?: string } = {}) {
  const answers = options.answers ?? {}
  const sent: Array<{ command: unknown; signal?: AbortSignal }> = []
  const client = {
    send: jest.fn(async (command: unknown, sendOptions?: { abortSignal?: AbortSignal }) => {
      sent.push({ command, signal: sendOptions?.abortSignal })
      if (command instanceof StartJobCommand) {
        return answers.start
          ? answers.start(command)
          : { jobSummary: { jobId: '12', jobArn: 'arn:aws:amplify:us-east-1:123456789012:apps/d/branches/main/jobs/12', status: 'PENDING' } }
      }
      if (command instanceof GetJobCommand) return answers.get ? answers.get() : { job: job('RUNNING') }
      if (command instanceof StopJobCommand) return answers.stop ? answers.stop() : { jobSummary: { jobId: '12', status: 'CANCELLING' } }
      if (command instanceof ListArtifactsCommand) return answers.list ? answers.list() : { artifacts: [] }
      if (command instanceof GetArtifactUrlCommand) return answers.artifactUrl ? answers.artifactUrl(command) : { artifactUrl: presigned('artifact.zip') }
      throw new Error(`unexpected command ${String(command)}`)
    })
  }
  const events: string[] = []
  const downloaded: string[] = []
  const downloader: Downloader = {
    toFile: async () => {
      throw new Error('not used')
    },
    toBuffer: async url => {
      events.push(`download ${url}`)
      downloaded.push(url)
      if (options.log === undefined) throw new ActionError('The presigned URL for the BUILD log was refused with 403 Forbidden.')
      return Buffer.from(options.log, 'utf8')
    }
  }
  const log = {
    info: (message: string) => events.push(`info ${message}`),
    warning: (message: string) => events.push(`warning ${message}`),
    group: (title: string, lines: string[]) => events.push(`group ${title} (${lines.length})`, ...lines.map(line => `  | ${line}`))
  }
  const hosting = createHostingJob(inputs(options.inputs), {
    client: client as unknown as Parameters<typeof createHostingJob>[1]['client'],
    region: 'eu-west-1',
    log,
    downloader
  })
  const infos = () => events.filter(e => e.startsWith('info ')).map(e => e.slice(5))
  const warnings = () => events.filter(e => e.startsWith('warning ')).map(e => e.slice(8))
  return { hosting, client, sent, events, infos, warnings, downloaded }
}

const signal = new AbortController().signal

afterEach(() => {
  jest.useRealTimers()
})

describe('start', () => {
  it('sends a RELEASE with the commit and reason, and returns the job, its ARN and console link', async () => {
    const { hosting, sent, infos } = setup()
    const started = await hosting.start(signal)
    const command = sent[0]!.command as StartJobCommand
    expect(command).toBeInstanceOf(StartJobCommand)
    expect(command.input).toEqual({
      appId: APP,
      branchName: 'main',
      jobType: 'RELEASE',
      jobId: undefined,
      jobReason: 'GitHub Actions: CI run #7',
      commitId: 'c0ffee'.repeat(6) + 'c0ff',
      commitMessage: 'Fix the header',
      commitTime: new Date('2024-05-01T10:00:00Z')
    })
    expect(started.jobId).toBe('12')
    expect(started.arn).toMatch(/jobs\/12$/)
    expect(started.consoleUrl).toBe(`https://eu-west-1.console.aws.amazon.com/amplify/apps/${APP}/branches/main/deployments/12`)
    expect(hosting.status(started.state!)).toBe('PENDING')
    expect(infos()).toEqual([`Started release job 12 on branch main of app ${APP} (commit c0ffeec0ffee).`])
  })

  it('sends a RETRY with the job id', async () => {
    const { hosting, sent, infos } = setup({
      inputs: { jobType: 'retry', jobId: '7', commitId: undefined, commitMessage: undefined, commitTime: undefined, jobReason: undefined }
    })
    await hosting.start(signal)
    expect((sent[0]!.command as StartJobCommand).input).toMatchObject({ jobType: 'RETRY', jobId: '7' })
    expect(infos()[0]).toBe(`Retrying job 7 as job 12 on branch main of app ${APP}.`)
  })

  it('encodes the branch in the console link', async () => {
    const { hosting } = setup({ inputs: { branch: 'feature/new header' } })
    expect((await hosting.start(signal)).consoleUrl).toContain('/branches/feature%2Fnew%20header/deployments/12')
  })

  it('refuses an answer without a job id', async () => {
    const { hosting } = setup({ answers: { start: () => ({ jobSummary: {} }) } })
    await expect(hosting.start(signal)).rejects.toThrow(/without a job id/)
  })

  const awsError = (name: string, message: string): Error => Object.assign(new Error(message), { name })

  const START_ERRORS: Array<[string, string, Partial<HostingInputs>, RegExp]> = [
    [
      'LimitExceededException',
      'Too many jobs',
      {},
      /LimitExceededException: Too many jobs\). Too many jobs are running or queued for app d1a2b3c4d5e6f7: wait for them to end, or stop one/
    ],
    [
      'BadRequestException',
      'A job is already running on this branch',
      {},
      /a job is already running there .*Wait for it to end, or stop it in the Amplify console/
    ],
    ['NotFoundException', 'App d1a2b3c4d5e6f7 not found', {}, /could not find app d1a2b3c4d5e6f7 \(App .* not found\)\. Check 'app-id', 'branch' and 'region'/],
    ['NotFoundException', 'Branch main not found', {}, /could not find branch 'main' of app d1a2b3c4d5e6f7/],
    [
      'BadRequestException',
      'Job 7 does not exist',
      { jobType: 'retry', jobId: '7' },
      /refused to retry job 7 on branch main \(Job 7 does not exist\)\. Check that the job exists/
    ]
  ]

  it.each(START_ERRORS)('explains %s (%s)', async (name, message, overrides, expected) => {
    const { hosting } = setup({
      inputs: overrides,
      answers: {
        start: () => {
          throw awsError(name, message)
        }
      }
    })
    const error = await hosting.start(signal).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toMatch(expected)
  })

  it('passes other errors on unchanged', async () => {
    const original = awsError('InternalFailureException', 'boom')
    const { hosting } = setup({
      answers: {
        start: () => {
          throw original
        }
      }
    })
    await expect(hosting.start(signal)).rejects.toBe(original)
  })

  it('starts nothing when the cancel came before the start', async () => {
    const cancel = new AbortController()
    const reason = new Error('cancelled before the start')
    cancel.abort(reason)
    const { hosting, sent } = setup()
    await expect(hosting.start(cancel.signal)).rejects.toBe(reason)
    expect(sent).toEqual([])
  })

  it('gives a StartJob in flight two seconds after a cancel before abandoning it', async () => {
    jest.useFakeTimers()
    const cancel = new AbortController()
    let release: (value: unknown) => void = () => undefined
    const { hosting, sent } = setup({ answers: { start: () => new Promise(resolve => (release = resolve)) } })
    const starting = hosting.start(cancel.signal)
    await Promise.resolve()
    const sentSignal = sent[0]!.signal!
    cancel.abort(new Error('cancelled'))
    jest.advanceTimersByTime(1_999)
    expect(sentSignal.aborted).toBe(false)
    jest.advanceTimersByTime(1)
    expect(sentSignal.aborted).toBe(true)
    expect((sentSignal.reason as Error).message).toBe('cancelled')
    release({ jobSummary: { jobId: '12' } })
    await starting
  })
})

describe('statuses', () => {
  it.each([
    ['CREATED', 'running'],
    ['PENDING', 'running'],
    ['PROVISIONING', 'running'],
    ['RUNNING', 'running'],
    ['CANCELLING', 'running'],
    ['SUCCEED', 'succeeded'],
    ['FAILED', 'failed'],
    ['CANCELLED', 'failed'],
    ['SUCCEEDED', 'running'],
    ['DEPLOYED', 'running'],
    ['', 'running']
  ])('%s is %s', (status, phase) => {
    expect(hostingPhase(job(status))).toBe(phase)
  })

  it('a job without a summary is running, never succeeded', () => {
    expect(hostingPhase({} as AmplifyJob)).toBe('running')
  })
})

describe('read and observe', () => {
  it('reads GetJob for the started job, and refuses an answer without a job', async () => {
    let answer: unknown = { job: job('RUNNING') }
    const { hosting, sent } = setup({ answers: { get: () => answer } })
    await hosting.start(signal)
    expect(hosting.status(await hosting.read(signal))).toBe('RUNNING')
    expect((sent[1]!.command as GetJobCommand).input).toEqual({ appId: APP, branchName: 'main', jobId: '12' })
    answer = {}
    await expect(hosting.read(signal)).rejects.toThrow(/without a job/)
  })

  it('says once that a job still PENDING after a while is queued behind another build', () => {
    const { hosting, infos } = setup()
    hosting.observe!(job('CREATED'), 0)
    hosting.observe!(job('PENDING'), 1_000)
    hosting.observe!(job('PENDING'), 1_000 + QUEUED_NOTICE_AFTER_MS - 1)
    expect(infos()).toEqual([])
    for (const at of [1_000 + QUEUED_NOTICE_AFTER_MS, 9_000, 30_000]) hosting.observe!(job('PENDING'), at)
    hosting.observe!(job('RUNNING'), 31_000)
    expect(infos()).toEqual([
      `The job has been PENDING for 5.0s: it is queued behind another build of app ${APP} (Amplify runs a limited number of builds per app at once) and starts when that one ends.`
    ])
  })

  it('a brief PENDING, as every job has, says nothing', () => {
    const { hosting, infos } = setup()
    hosting.observe!(job('PENDING'), 0)
    hosting.observe!(job('PROVISIONING'), QUEUED_NOTICE_AFTER_MS - 1)
    hosting.observe!(job('PENDING'), QUEUED_NOTICE_AFTER_MS + 1)
    expect(infos()).toEqual([])
  })

  it('warns once per unknown status, and not for known ones', () => {
    const { hosting, warnings } = setup()
    for (const status of ['CREATED', 'PROVISIONING', 'DEPLOYED', 'DEPLOYED', 'CANCELLING', 'ARCHIVED']) hosting.observe!(job(status), 0)
    expect(warnings()).toEqual([
      'Amplify reported a status this action does not know: DEPLOYED. It is treated as still running until the timeout.',
      'Amplify reported a status this action does not know: ARCHIVED. It is treated as still running until the timeout.'
    ])
  })

  it('prints each step once as it starts and once as it ends, with its duration', () => {
    const { hosting, infos } = setup()
    const polls: Step[][] = [
      [step('BUILD', 'RUNNING')],
      [step('BUILD', 'RUNNING')],
      [step('BUILD', 'SUCCEED'), step('DEPLOY', 'RUNNING')],
      [step('BUILD', 'SUCCEED'), step('DEPLOY', 'SUCCEED'), step('VERIFY', 'FAILED')],
      [step('BUILD', 'SUCCEED'), step('DEPLOY', 'SUCCEED'), step('VERIFY', 'FAILED')]
    ]
    for (const steps of polls) hosting.observe!(job('RUNNING', steps), 0)
    expect(infos()).toEqual([
      '  ▶ BUILD started',
      '  ✔ BUILD SUCCEED after 1m23s',
      '  ▶ DEPLOY started',
      '  ✔ DEPLOY SUCCEED after 1m23s',
      '  ▶ VERIFY started',
      '  ✖ VERIFY FAILED after 1m23s'
    ])
  })

  it('a step first seen ended, without times, is printed once, "after an unknown time"', () => {
    const { hosting, infos } = setup()
    hosting.observe!(job('RUNNING', [{ stepName: 'BUILD', status: 'CANCELLED' } as Step]), 0)
    hosting.observe!(job('RUNNING', [{ stepName: 'BUILD', status: 'CANCELLED' } as Step]), 0)
    expect(infos()).toEqual(['  ✖ BUILD CANCELLED after an unknown time'])
  })
})

describe('a failed job', () => {
  const buildLog = (lines: number): string =>
    [
      ...Array.from({ length: lines }, (_, i) => `2024-05-01T10:00:${String(i % 60).padStart(2, '0')}.000Z [INFO]: line ${i + 1}`),
      "2024-05-01T10:01:00.000Z [INFO]: src/App.tsx(4,30): error TS2307: Cannot find module './ui-components'.",
      '2024-05-01T10:01:00.100Z [INFO]: Found 1 error in 1 file.',
      '2024-05-01T10:01:00.200Z [WARNING]: !!! Build failed',
      '2024-05-01T10:01:00.300Z [WARNING]: !!! npm run build exited with 2',
      '2024-05-01T10:01:00.400Z [ERROR]: !!! Error: Command failed with exit code 2',
      ''
    ].join('\r\n')

  async function failed(options: { log?: string; steps?: Step[] } = {}) {
    const logUrl = presigned('BUILD.log')
    const steps = options.steps ?? [step('BUILD', 'FAILED', { logUrl, statusReason: 'npm run build exited with 2' })]
    const context = setup({ log: options.log, answers: { get: () => ({ job: job('FAILED', steps) }) } })
    await context.hosting.start(signal)
    const state = await context.hosting.read(signal)
    const { message, sections } = await context.hosting.explainFailure(state, signal)
    return { ...context, message, sections, logUrl, state }
  }

  it('names the step, its reason and the line that explains it, and shows the last 200 lines', async () => {
    const { message, events, logUrl, downloaded } = await failed({ log: buildLog(300) })
    expect(message).toBe(
      "Amplify Hosting job 12 FAILED in step BUILD; reason: npm run build exited with 2; last error line: src/App.tsx(4,30): error TS2307: Cannot find module './ui-components'. See the BUILD log this step printed, or the job in the Amplify console."
    )
    expect(downloaded).toEqual([logUrl])
    const group = events.indexOf(`group Last ${LOG_TAIL_LINES} lines of the BUILD log (${LOG_TAIL_LINES})`)
    expect(group).toBeGreaterThan(0)
    // The tail ends with the log's last line; CRLF is gone.
    expect(events[group + LOG_TAIL_LINES]).toBe('  | 2024-05-01T10:01:00.400Z [ERROR]: !!! Error: Command failed with exit code 2')
    expect(events[group + 1]).toBe('  | 2024-05-01T10:00:45.000Z [INFO]: line 106')
  })

  it('puts the same into the job summary', async () => {
    const { hosting, state, sections } = await failed({ log: buildLog(10) })
    const report = hosting.report(state)
    const markdown = sections!.join('\n')
    expect(markdown).toContain('### Failing step: BUILD: npm run build exited with 2')
    // The lines up to the error line and two after it, open and without timestamps; the whole tail folded.
    const open = markdown.slice(markdown.indexOf('The BUILD log around the last error line:'), markdown.indexOf('<details>'))
    expect(open).toContain('```text\nline 1\n')
    expect(open).toContain("src/App.tsx(4,30): error TS2307: Cannot find module './ui-components'.\n")
    expect(open).not.toMatch(/\d{4}-\d\d-\d\dT/)
    expect(markdown).toContain('<details><summary>Last 15 lines of the BUILD log</summary>')
    expect(markdown).toContain('```text\n2024-05-01T10:00:00.000Z [INFO]: line 1\n')
    expect(report.details).toEqual(
      expect.arrayContaining([
        ['Branch', '`main`'],
        ['Steps', '❌ BUILD FAILED 1m23s']
      ])
    )
  })

  it('a log line cannot close the summary code block, and is shown as it is', async () => {
    const { sections } = await failed({ log: 'before\n```\n## injected\nnpm ERR! broke\n' })
    const lines = sections!.join('\n').split('\n')
    // Two code blocks (the lines around the error, open; the whole tail, folded), each fenced by
    // four backticks, one more than the log's own run of three.
    expect(lines.filter(line => line === '````text')).toHaveLength(2)
    expect(lines.filter(line => line === '````')).toHaveLength(2)
    expect(lines.filter(line => line === '```')).toHaveLength(2)
  })

  it('an unreadable log still names the step and reason, with a warning', async () => {
    const { message, warnings, sections } = await failed({ log: undefined })
    expect(message).toBe('Amplify Hosting job 12 FAILED in step BUILD; reason: npm run build exited with 2. See the job in the Amplify console.')
    expect(warnings()).toEqual([expect.stringMatching(/^Could not read the BUILD log: .*403 Forbidden/)])
    expect(sections!.join('\n')).toContain('### Failing step: BUILD: npm run build exited with 2')
  })

  it('without steps, says only that the job failed', async () => {
    const { message } = await failed({ steps: [] })
    expect(message).toBe('Amplify Hosting job 12 FAILED. See the job in the Amplify console.')
  })

  it('a step that did not succeed is taken when none says FAILED', async () => {
    const { message } = await failed({ steps: [step('BUILD', 'SUCCEED'), step('DEPLOY', 'CANCELLED', { statusReason: 'Timed out' })] })
    expect(message).toMatch(/FAILED in step DEPLOY; reason: Timed out/)
  })

  it('a CANCELLED job says it was cancelled, without fetching a log', async () => {
    const context = setup({ answers: { get: () => ({ job: job('CANCELLED', [step('BUILD', 'CANCELLED', { logUrl: presigned('log') })]) }) } })
    await context.hosting.start(signal)
    const { message } = await context.hosting.explainFailure(await context.hosting.read(signal), signal)
    expect(message).toMatch(/^Amplify Hosting job 12 was CANCELLED .* before it finished\. Start a new release to deploy\.$/)
    expect(context.downloaded).toEqual([])
  })

  it('a cancel while fetching the log still explains the failure, without the log or a warning', async () => {
    const controller = new AbortController()
    const context = setup({ answers: { get: () => ({ job: job('FAILED', [step('BUILD', 'FAILED', { logUrl: presigned('log'), statusReason: 'exit 1' })]) }) } })
    await context.hosting.start(signal)
    const state = await context.hosting.read(signal)
    controller.abort(new Error('cancelled'))
    expect((await context.hosting.explainFailure(state, controller.signal)).message).toBe(
      'Amplify Hosting job 12 FAILED in step BUILD; reason: exit 1. See the job in the Amplify console.'
    )
    expect(context.warnings()).toEqual([])
  })
})

describe('stop', () => {
  it('stops a running job once asked, and says so', async () => {
    const { hosting, sent, infos } = setup()
    await hosting.start(signal)
    await hosting.read(signal)
    const fate = await hosting.stop!(signal)
    const stops = sent.filter(s => s.command instanceof StopJobCommand)
    expect(stops).toHaveLength(1)
    expect((stops[0]!.command as StopJobCommand).input).toEqual({ appId: APP, branchName: 'main', jobId: '12' })
    expect(infos()).toContain('Stopped Amplify Hosting job 12 (StopJob): it is now CANCELLING.')
    expect(fate).toBe('Amplify Hosting job 12 was stopped (StopJob).')
  })

  it('stops a job started but not read yet', async () => {
    const { hosting, sent } = setup()
    await hosting.start(signal)
    expect(await hosting.stop!(signal)).toMatch(/was stopped/)
    expect(sent.filter(s => s.command instanceof StopJobCommand)).toHaveLength(1)
  })

  it('does not stop a job whose last read showed it ended', async () => {
    const { hosting, sent } = setup({ answers: { get: () => ({ job: job('SUCCEED') }) } })
    await hosting.start(signal)
    await hosting.read(signal)
    expect(await hosting.stop!(signal)).toBe('Amplify Hosting job 12 had already ended (SUCCEED).')
    expect(sent.filter(s => s.command instanceof StopJobCommand)).toHaveLength(0)
  })

  it('a job that ended since the last read is reported as ended, not as an error', async () => {
    const { hosting, infos } = setup({
      answers: {
        stop: () => {
          throw Object.assign(new Error('Job 12 has already ended'), { name: 'BadRequestException' })
        }
      }
    })
    await hosting.start(signal)
    await hosting.read(signal)
    expect(await hosting.stop!(signal)).toBe('Amplify Hosting job 12 had already ended, so it was not stopped.')
    expect(infos()).toContain('Amplify Hosting job 12 was not stopped: Job 12 has already ended')
  })

  it('other StopJob errors reach the caller', async () => {
    const boom = Object.assign(new Error('denied'), { name: 'UnauthorizedException' })
    const { hosting } = setup({
      answers: {
        stop: () => {
          throw boom
        }
      }
    })
    await hosting.start(signal)
    await expect(hosting.stop!(signal)).rejects.toBe(boom)
  })

  it('before a job exists there is nothing to stop', async () => {
    const { hosting, sent } = setup()
    expect(await hosting.stop!(signal)).toBeUndefined()
    expect(sent).toHaveLength(0)
  })
})

describe('artifacts', () => {
  /** The zips a job's filesOf names, each as [how messages name it, its URL], URLs asked for in turn. */
  async function zipsOf(hosting: ReturnType<typeof setup>['hosting'], state: AmplifyJob): Promise<Array<[string, string]>> {
    const files = await hosting.filesOf!(state, signal)
    if (files.kind !== 'artifact-zips') throw new Error(`expected artifact zips, got ${files.kind}`)
    const zips: Array<[string, string]> = []
    for (const zip of files.zips) zips.push([zip.what, await zip.url(signal)])
    return zips
  }

  it("unpacks the step's artifactsUrl", async () => {
    const artifactsUrl = presigned('artifacts.zip')
    const { hosting, sent } = setup()
    await hosting.start(signal)
    const zips = await zipsOf(hosting, job('SUCCEED', [step('BUILD', 'SUCCEED', { artifactsUrl }), step('DEPLOY', 'SUCCEED')]))
    expect(zips).toEqual([['the build artifacts of job 12', artifactsUrl]])
    expect(sent.some(s => s.command instanceof ListArtifactsCommand)).toBe(false)
  })

  it('otherwise lists the artifacts and unpacks each by its URL', async () => {
    const { hosting, sent } = setup({
      answers: {
        list: () => ({
          artifacts: [
            { artifactFileName: 'site.zip', artifactId: 'a1' },
            { artifactFileName: 'server.zip', artifactId: 'a2' }
          ]
        }),
        artifactUrl: command => ({ artifactId: command.input.artifactId, artifactUrl: presigned(`${command.input.artifactId}.zip`) })
      }
    })
    await hosting.start(signal)
    const zips = await zipsOf(hosting, job('SUCCEED', [step('BUILD', 'SUCCEED')]))
    const list = sent.find(s => s.command instanceof ListArtifactsCommand)!.command as ListArtifactsCommand
    expect(list.input).toEqual({ appId: APP, branchName: 'main', jobId: '12', maxResults: 50 })
    expect(sent.filter(s => s.command instanceof GetArtifactUrlCommand).map(s => (s.command as GetArtifactUrlCommand).input.artifactId)).toEqual(['a1', 'a2'])
    expect(zips).toEqual([
      ['artifact site.zip', presigned('a1.zip')],
      ['artifact server.zip', presigned('a2.zip')]
    ])
  })

  it('pages through every artifact with nextToken, asking for the largest page', async () => {
    const pages: Record<string, { artifacts: Array<{ artifactFileName: string; artifactId: string }>; nextToken?: string }> = {
      first: { artifacts: [{ artifactFileName: 'a.zip', artifactId: 'a1' }], nextToken: 'page-2' },
      'page-2': { artifacts: [{ artifactFileName: 'b.zip', artifactId: 'a2' }], nextToken: 'page-3' },
      'page-3': { artifacts: [{ artifactFileName: 'c.zip', artifactId: 'a3' }] }
    }
    const tokens: Array<string | undefined> = []
    const { hosting, sent } = setup({
      answers: {
        list: () => {
          const input = (sent.at(-1)!.command as ListArtifactsCommand).input
          tokens.push(input.nextToken)
          expect(input.maxResults).toBe(50)
          return pages[input.nextToken ?? 'first']
        },
        artifactUrl: command => ({ artifactId: command.input.artifactId, artifactUrl: presigned(`${command.input.artifactId}.zip`) })
      }
    })
    await hosting.start(signal)
    const zips = await zipsOf(hosting, job('SUCCEED', [step('BUILD', 'SUCCEED')]))
    expect(tokens).toEqual([undefined, 'page-2', 'page-3'])
    expect(zips.map(([, url]) => url)).toEqual([presigned('a1.zip'), presigned('a2.zip'), presigned('a3.zip')])
  })

  it('a job without artifacts fails with advice', async () => {
    const { hosting } = setup()
    await hosting.start(signal)
    await expect(hosting.filesOf!(job('SUCCEED', [step('BUILD', 'SUCCEED')]), signal)).rejects.toThrow(
      "Job 12 succeeded but has no build artifacts to fetch. Remove 'output-path' if the build produces none."
    )
  })

  it('an artifact without a URL fails', async () => {
    const { hosting } = setup({ answers: { list: () => ({ artifacts: [{ artifactFileName: 'site.zip', artifactId: 'a1' }] }), artifactUrl: () => ({}) } })
    await hosting.start(signal)
    await expect(zipsOf(hosting, job('SUCCEED', []))).rejects.toThrow(/no URL for artifact site.zip/)
  })
})

describe('report', () => {
  it('names the app, branch, commit and steps', () => {
    const { hosting } = setup()
    const report = hosting.report(job('SUCCEED', [step('BUILD', 'SUCCEED'), step('DEPLOY', 'SUCCEED')]))
    expect(report.details).toEqual([
      ['App', `\`${APP}\``],
      ['Branch', '`main`'],
      ['Commit', '`c0ffeec0ffee`'],
      ['Steps', '✅ BUILD SUCCEED 1m23s, ✅ DEPLOY SUCCEED 1m23s']
    ])
  })

  it('works before any state is known', () => {
    const { hosting } = setup()
    expect(hosting.report(undefined).details).toEqual([
      ['App', `\`${APP}\``],
      ['Branch', '`main`']
    ])
  })
})
