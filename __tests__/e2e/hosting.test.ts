/**
 * Amplify Hosting release and retry jobs, end to end: the bundled action run as the runner runs it,
 * against the local emulator. Every JobStatus ends the way the contract's table says, a failing job
 * shows its failing step and log, a cancelled or timed-out run stops the job, a refused start says
 * why, and build artifacts land in output-path with the same safety rules as codegen files.
 */
import { describe, expect, it } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { HostileArtifact, Scenario } from '../../emulator/types.js'
import { distinctArtifactFile } from '../../emulator/hosting-artifacts.js'
import { type ActionRun, type Trigger, makeSandbox, makeWorkspace, runAction, signalWhen, snapshot, theError, treeOf, useEmulator } from './harness.js'

const APP_ID = 'd1a2b3c4d5e6f7'
const SHA = 'a'.repeat(40)
const STATE_FILE = '.amplify-job-action.json'
/**
 * The runner sends SIGTERM this long after SIGINT (then SIGKILL): the action must have exited by
 * then. This is the behaviour under test, a real bound, so it is not tightened to what the action
 * usually takes (well under a second; at most main.ts's 5 s StopJob budget when StopJob hangs):
 * everything between that and 7.5 s is slack for a busy machine, and only an action that the
 * runner would really kill fails.
 */
const GRACE_MS = 7_500
/** A job that is RUNNING from the first read on and never ends by itself. */
const RUNNING_FOREVER: Scenario = { neverEnds: true, statuses: [{ status: 'RUNNING' }] }

const emulator = useEmulator()

function hosting(
  workspace: string,
  scenario: Scenario,
  inputs: Record<string, string> = {},
  extra: { env?: Record<string, string>; onSpawn?: (child: ChildProcess) => void } = {}
): Promise<ActionRun> {
  emulator().setScenario(scenario)
  return runAction({
    workspace,
    inputs: { 'job-type': 'release', 'app-id': APP_ID, branch: 'main', 'poll-interval': '100ms', ...inputs },
    env: { ...emulator().env, ...extra.env },
    ...(extra.onSpawn ? { onSpawn: extra.onSpawn } : {})
  })
}

/** How often `text` occurs in `haystack`. */
function count(haystack: string, text: string): number {
  return haystack.split(text).length - 1
}

/** The action has read a RUNNING_FOREVER job twice: it is waiting for it. */
function seenRunning(): boolean {
  return emulator().callsOf('GetJob').length >= 2
}

/** The signal was sent, and the action exited within the runner's grace period after it. */
function expectExitWithinGrace(trigger: Trigger): void {
  expect(trigger.firedAt).toBeDefined()
  expect(trigger.exitedAt).toBeDefined()
  expect(trigger.exitedAt! - trigger.firedAt!).toBeLessThan(GRACE_MS)
}

describe('release: the happy path', () => {
  it('starts a RELEASE job, waits for it, sets job-id, job-arn and status, and links the console', async () => {
    // The first read sees PENDING, however slow the machine: the job moves on by reads.
    const run = await hosting(makeWorkspace(), { statuses: [{ status: 'PENDING', forReads: 1 }, { status: 'RUNNING', forReads: 3 }, { status: 'SUCCEED' }] })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs['job-id']).toBe('1')
    expect(run.outputs['job-arn']).toBe(`arn:aws:amplify:us-east-1:123456789012:apps/${APP_ID}/branches/main/jobs/1`)
    expect(run.outputs.status).toBe('SUCCEED')
    // No output-path: no artifacts fetched, no file outputs.
    expect(run.outputs.files).toBeUndefined()
    expect(emulator().callsOf('ListArtifacts')).toHaveLength(0)
    expect(run.stdout).toContain(`Console: https://us-east-1.console.aws.amazon.com/amplify/apps/${APP_ID}/branches/main/deployments/1`)
    // job-id is set before the wait: its output line comes before the first status line.
    expect(run.stdout.indexOf('Console:')).toBeLessThan(run.stdout.indexOf('status: PENDING'))
    // Every job is PENDING for a moment: that is not worth a notice.
    expect(run.stdout).not.toContain('has been PENDING')
    expect(run.summary).toContain('Amplify Hosting job succeeded')
    expect(run.summary).not.toContain('Amplify Amplify')
    expect(run.summary).toContain('`SUCCEED`')
    expect(run.summary).toContain('deployments/1')
    expect(run.summary).toMatch(/Steps \|.*BUILD SUCCEED.*DEPLOY SUCCEED.*VERIFY SUCCEED/)
  })

  it('sends the workflow commit, a reason naming the run, and the pushed commit message and time', async () => {
    const workspace = makeWorkspace({
      'event.json': JSON.stringify({ head_commit: { id: SHA, message: 'Fix the header\n\nAnd the footer', timestamp: '2024-05-01T12:34:56+02:00' } })
    })
    const run = await hosting(workspace, {}, { wait: 'false' }, { env: { GITHUB_EVENT_PATH: join(workspace, 'event.json') } })
    expect(run.exitCode).toBe(0)
    const [start] = emulator().callsOf('StartJob')
    expect(start!.path).toBe(`/apps/${APP_ID}/branches/main/jobs`)
    expect(start!.body).toEqual({
      jobType: 'RELEASE',
      commitId: SHA,
      commitMessage: 'Fix the header\n\nAnd the footer',
      commitTime: Date.parse('2024-05-01T10:34:56Z') / 1000,
      jobReason: 'GitHub Actions: UI components run #7 https://github.com/octo/app/actions/runs/4242'
    })
  })

  it('commit-id, commit-message and job-reason inputs are sent as given', async () => {
    const run = await hosting(makeWorkspace(), {}, { wait: 'false', 'commit-id': 'b'.repeat(40), 'commit-message': 'Release 1.2', 'job-reason': 'nightly' })
    expect(run.exitCode).toBe(0)
    expect(emulator().callsOf('StartJob')[0]!.body).toEqual({
      jobType: 'RELEASE',
      commitId: 'b'.repeat(40),
      commitMessage: 'Release 1.2',
      jobReason: 'nightly'
    })
  })

  it('prints each step once as it starts and once as it ends, with its duration, before the final status', async () => {
    const run = await hosting(makeWorkspace(), {
      statuses: [{ status: 'PENDING', forReads: 1 }, { status: 'RUNNING', forReads: 6 }, { status: 'SUCCEED' }],
      steps: [
        { stepName: 'BUILD', forReads: 3 },
        { stepName: 'DEPLOY', forReads: 2 },
        { stepName: 'VERIFY', forReads: 1 }
      ]
    })
    expect(run.exitCode).toBe(0)
    // Several reads saw each step running (PENDING, 6 reads of RUNNING, SUCCEED), yet each line is printed once.
    expect(emulator().callsOf('GetJob')).toHaveLength(8)
    for (const step of ['BUILD', 'DEPLOY', 'VERIFY']) {
      expect(count(run.stdout, `▶ ${step} started`)).toBe(1)
      expect(count(run.stdout, `✔ ${step} SUCCEED after `)).toBe(1)
      expect(run.stdout).toMatch(new RegExp(`✔ ${step} SUCCEED after \\d+(\\.\\d+)?m?s\\n`))
    }
    // A read-clock job ages one second per read: the durations are the steps' reads.
    expect(run.stdout).toMatch(/✔ BUILD SUCCEED after 3\.0s\n/)
    expect(run.stdout).toMatch(/✔ DEPLOY SUCCEED after 2\.0s\n/)
    expect(run.stdout.indexOf('▶ BUILD started')).toBeLessThan(run.stdout.indexOf('▶ DEPLOY started'))
    // The last step's end is told before the job's final status.
    expect(run.stdout.indexOf('✔ VERIFY SUCCEED')).toBeLessThan(run.stdout.indexOf('status: SUCCEED'))
  })

  it('wait: false starts the job, sets job-id and its first status, and reads nothing more', async () => {
    const workspace = makeWorkspace()
    const run = await hosting(workspace, { neverEnds: true }, { wait: 'false', 'output-path': 'site' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['job-id']).toBe('1')
    expect(run.outputs['job-arn']).toMatch(/jobs\/1$/)
    expect(run.outputs.status).toBe('PENDING')
    expect(emulator().callsOf('GetJob')).toHaveLength(0)
    expect(emulator().callsOf('StopJob')).toHaveLength(0)
    expect(existsSync(join(workspace, 'site'))).toBe(false)
    expect(run.summary).toContain('started')
  })
})

describe('every JobStatus ends as the table says', () => {
  it('CREATED, PENDING, PROVISIONING, RUNNING are waited through; SUCCEED succeeds', async () => {
    const run = await hosting(makeWorkspace(), {
      // Each phase is what one read sees, however slow the machine.
      statuses: [
        { status: 'CREATED', forReads: 1 },
        { status: 'PENDING', forReads: 1 },
        { status: 'PROVISIONING', forReads: 1 },
        { status: 'RUNNING', forReads: 1 },
        { status: 'SUCCEED' }
      ]
    })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    for (const status of ['CREATED', 'PENDING', 'PROVISIONING', 'RUNNING', 'SUCCEED']) {
      expect(run.stdout).toMatch(new RegExp(`\\] Amplify Hosting job status: ${status}\\n`))
    }
    expect(run.outputs.status).toBe('SUCCEED')
  })

  it('a job queued in PENDING behind another build says so, once', async () => {
    // The first 10 reads see PENDING. At poll-interval 100ms the action waits 0.1, 0.15, 0.225, ...
    // s between reads, 7.5 s from the 1st to the 10th: at least that, as a busy machine only makes
    // the waits longer, so the notice (after 5 s of PENDING) is due before the job moves on.
    const run = await hosting(makeWorkspace(), { statuses: [{ status: 'PENDING', forReads: 10 }, { status: 'RUNNING', forReads: 1 }, { status: 'SUCCEED' }] })
    expect(run.exitCode).toBe(0)
    expect(emulator().callsOf('GetJob')).toHaveLength(12)
    expect(count(run.stdout, 'The job has been PENDING for')).toBe(1)
    expect(run.stdout).toMatch(/queued behind another build of app d1a2b3c4d5e6f7/)
  })

  it('FAILED fails the step', async () => {
    const run = await hosting(makeWorkspace(), { statuses: [{ status: 'RUNNING', forMs: 300 }, { status: 'FAILED' }] })
    expect(theError(run)).toMatch(/Amplify Hosting job 1 FAILED/)
    expect(run.outputs.status).toBe('FAILED')
    expect(run.outputs['job-id']).toBe('1')
  })

  it('CANCELLED (by someone else) fails the step; CANCELLING is waited through', async () => {
    const run = await hosting(makeWorkspace(), {
      statuses: [{ status: 'RUNNING', forReads: 1 }, { status: 'CANCELLING', forReads: 1 }, { status: 'CANCELLED' }]
    })
    expect(run.stdout).toMatch(/status: CANCELLING\n/)
    expect(theError(run)).toMatch(/job 1 was CANCELLED .*before it finished/)
    expect(run.outputs.status).toBe('CANCELLED')
    // Nobody asked this action to stop it.
    expect(emulator().callsOf('StopJob')).toHaveLength(0)
  })
})

describe('a failing job shows why', () => {
  it('names the failing step, its reason and the last error line, with the log tail in a group and in the summary', async () => {
    const run = await hosting(makeWorkspace(), { failStep: { stepName: 'BUILD', statusReason: 'Build failed: npm run build exited with 1' } })
    const error = theError(run)
    expect(error).toMatch(/Amplify Hosting job 1 FAILED in step BUILD/)
    expect(error).toContain('reason: Build failed: npm run build exited with 1')
    expect(error).toContain("last error line: src/pages/Home.tsx(12,8): error TS2305: Module '\"./ui-components\"' has no exported member 'HeroLayout'.")
    expect(run.outputs.status).toBe('FAILED')
    expect(count(run.stdout, '✖ BUILD FAILED after ')).toBe(1)

    // The log's last 200 lines, in a collapsible group, with workflow commands switched off.
    const lines = run.stdout.split('\n')
    const start = lines.indexOf('::group::Last 200 lines of the BUILD log')
    expect(start).toBeGreaterThan(0)
    const token = /^::stop-commands::(.+)$/.exec(lines[start + 1]!)![1]!
    const end = lines.indexOf(`::${token}::`)
    expect(end - (start + 2)).toBe(200)
    expect(lines[end + 1]).toBe('::endgroup::')
    expect(lines[end - 1]).toMatch(/\[ERROR\]: !!! Error: Command failed with exit code 2$/)
    expect(lines.slice(start + 2, end).some(line => line.includes('error TS2307'))).toBe(true)

    // The same in the job summary.
    expect(run.summary).toContain('Failing step: BUILD: Build failed: npm run build exited with 1')
    expect(run.summary).toContain("has no exported member 'HeroLayout'")
    expect(run.summary).toMatch(/<details><summary>Last 200 lines of the BUILD log<\/summary>/)
    expect(run.summary).toContain('Command failed with exit code 2')
    // The log's presigned URL was masked before it was fetched (the harness checks none is shown).
    const logDownload = emulator().requests.find(r => r.operation === 'Download' && r.fileName === 'BUILD.log')
    expect(logDownload).toBeDefined()
    expect(run.stdout).toContain(`::add-mask::${logDownload!.query['X-Amz-Signature']}`)
  })

  it('a short log is shown whole; workflow commands in it stay inert', async () => {
    const log = [
      '> app@1.0.0 build',
      '::set-output name=status::SUCCEED',
      '::error::not from the action',
      'npm ERR! Missing script: "build"',
      'npm ERR! A complete log of this run can be found in: /root/.npm/_logs/debug.log',
      ''
    ].join('\n')
    const run = await hosting(makeWorkspace(), { failStep: { stepName: 'BUILD', statusReason: 'npm ERR!', log } })
    expect(run.exitCode).toBe(1)
    // The log's own "::error::" line is inside the stop-commands block: not one of the action's errors.
    const lines = run.stdout.split('\n')
    const start = lines.indexOf('::group::Last 5 lines of the BUILD log')
    const token = /^::stop-commands::(.+)$/.exec(lines[start + 1]!)![1]!
    const end = lines.indexOf(`::${token}::`)
    expect(lines.slice(start + 2, end)).toEqual(log.split('\n').slice(0, 5))
    const actionErrors = run.errors.filter(e => e !== 'not from the action')
    expect(actionErrors).toHaveLength(1)
    // npm's closing lines say that it failed; the line before them says why.
    expect(actionErrors[0]).toContain('last error line: npm ERR! Missing script: "build"')
    expect(run.outputs.status).toBe('FAILED')
  })

  it('a failing DEPLOY step after a good BUILD is the one named', async () => {
    const run = await hosting(makeWorkspace(), { failStep: { stepName: 'DEPLOY', statusReason: 'Deployment failed: access denied to the bucket' } })
    const error = theError(run)
    expect(error).toMatch(/FAILED in step DEPLOY; reason: Deployment failed: access denied to the bucket/)
    expect(run.stdout).toContain('✔ BUILD SUCCEED')
    expect(run.stdout).toContain('✖ DEPLOY FAILED')
    expect(run.summary).toContain('Failing step: DEPLOY')
  })
})

describe('retry', () => {
  it('starts a RETRY job of job-id on the branch', async () => {
    const workspace = makeWorkspace()
    const first = await hosting(workspace, { failStep: { stepName: 'BUILD' } })
    expect(first.outputs['job-id']).toBe('1')
    emulator().requests.length = 0
    emulator().setScenario({})
    const run = await hosting(workspace, {}, { 'job-type': 'retry', 'job-id': '1' })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(emulator().callsOf('StartJob')[0]!.body).toEqual({ jobType: 'RETRY', jobId: '1' })
    expect(run.outputs['job-id']).toBe('2')
    expect(run.outputs.status).toBe('SUCCEED')
    expect(run.stdout).toContain('Retrying job 1 as job 2 on branch main')
  })

  it('RETRY of a job that does not exist says so', async () => {
    const run = await hosting(makeWorkspace(), {}, { 'job-type': 'retry', 'job-id': '41' })
    expect(theError(run)).toMatch(/refused to retry job 41 on branch main .*Check that the job exists/)
  })

  it.each([
    ['missing', '', /Input 'job-id': is required for job-type 'retry'/],
    ['not digits', 'abc', /Input 'job-id': "abc" is not a job id: Amplify Hosting job ids are digits only/],
    ['negative', '-1', /Input 'job-id': "-1" is not a job id/]
  ])('job-id %s fails before any AWS call', async (_label, jobId, message) => {
    const run = await hosting(makeWorkspace(), {}, { 'job-type': 'retry', 'job-id': jobId })
    expect(theError(run)).toMatch(message)
    expect(emulator().requests).toHaveLength(0)
  })

  it('branch missing fails before any AWS call', async () => {
    const run = await hosting(makeWorkspace(), {}, { branch: '' })
    expect(theError(run)).toMatch(/Input 'branch': is required for job-type 'release'/)
    expect(emulator().requests).toHaveLength(0)
  })
})

describe('StartJob refused', () => {
  const REFUSALS: Array<[NonNullable<Scenario['startError']>, RegExp]> = [
    ['limit', /LimitExceededException.*Too many jobs are running or queued for app d1a2b3c4d5e6f7: wait for them to end, or stop one/],
    ['alreadyRunning', /a job is already running there .*Wait for it to end, or stop it in the Amplify console/],
    ['notFoundApp', /could not find app d1a2b3c4d5e6f7 .*Check 'app-id', 'branch' and 'region'/],
    ['notFoundBranch', /could not find branch 'main' of app d1a2b3c4d5e6f7 .*Check 'app-id', 'branch' and 'region'/]
  ]

  it.each(REFUSALS)('%s gets an error that says so and how to proceed', async (startError, message) => {
    const run = await hosting(makeWorkspace(), { startError })
    expect(theError(run)).toMatch(message)
    expect(run.outputs['job-id']).toBeUndefined()
    expect(emulator().callsOf('GetJob')).toHaveLength(0)
    expect(emulator().callsOf('StopJob')).toHaveLength(0)
  })
})

describe('cancel and timeout stop the job', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s stops the running job once and exits non-zero within the grace period', async signal => {
    const trigger = signalWhen(seenRunning, signal)
    const run = await hosting(makeWorkspace(), RUNNING_FOREVER, {}, { onSpawn: trigger.onSpawn })
    expectExitWithinGrace(trigger)
    expect(run.exitCode).toBe(1)
    expect(run.signal).toBeNull()
    const stops = emulator().callsOf('StopJob')
    expect(stops).toHaveLength(1)
    expect(stops[0]!.path).toBe(`/apps/${APP_ID}/branches/main/jobs/1/stop`)
    expect(stops[0]!.status).toBe(200)
    expect(run.stdout).toContain(`Received ${signal}`)
    expect(run.stdout).toMatch(/Stopped Amplify Hosting job 1 \(StopJob\): it is now CANCELLING/)
    expect(theError(run)).toMatch(/cancelled.*job 1 was stopped/i)
    expect(run.summary).toContain('cancelled')
    expect(run.summary).toMatch(/was stopped/)
  })

  it('a cancel while StartJob is in flight lets it answer, then stops the job it created', async () => {
    // The first StartJob is throttled: the SDK retries it after a delay, during which SIGINT arrives.
    const trigger = signalWhen(() => emulator().callsOf('StartJob').length >= 1, 'SIGINT')
    const run = await hosting(makeWorkspace(), { ...RUNNING_FOREVER, throttle: { times: 1, operations: ['StartJob'] } }, {}, { onSpawn: trigger.onSpawn })
    expectExitWithinGrace(trigger)
    expect(
      emulator()
        .callsOf('StartJob')
        .map(call => call.status)
    ).toEqual([429, 200])
    expect(run.outputs['job-id']).toBe('1')
    expect(emulator().callsOf('StopJob')).toHaveLength(1)
    expect(theError(run)).toMatch(/cancelled.*job 1 was stopped/i)
  })

  it('a StopJob that keeps failing is reported, and the step still ends within the grace period', async () => {
    const trigger = signalWhen(seenRunning, 'SIGINT')
    const run = await hosting(makeWorkspace(), { ...RUNNING_FOREVER, serverErrors: { times: 100, operations: ['StopJob'] } }, {}, { onSpawn: trigger.onSpawn })
    expectExitWithinGrace(trigger)
    expect(emulator().callsOf('StopJob').length).toBeGreaterThanOrEqual(1)
    expect(run.warnings.some(w => w.startsWith('Could not stop the Amplify Hosting job'))).toBe(true)
    expect(theError(run)).toMatch(/cancelled.*could not be stopped and may still be running: stop it in the Amplify console/i)
  })

  it('stop-on-cancel: false leaves the job running and says so', async () => {
    const trigger = signalWhen(seenRunning, 'SIGINT')
    const run = await hosting(makeWorkspace(), RUNNING_FOREVER, { 'stop-on-cancel': 'false' }, { onSpawn: trigger.onSpawn })
    expectExitWithinGrace(trigger)
    expect(run.exitCode).toBe(1)
    expect(emulator().callsOf('StopJob')).toHaveLength(0)
    expect(theError(run)).toMatch(/keeps running .*stop-on-cancel/)
  })

  it('the timeout stops the job once and fails with the last status', async () => {
    const run = await hosting(makeWorkspace(), RUNNING_FOREVER, { timeout: '2s' })
    expect(theError(run)).toMatch(/did not end within the timeout of 2\.0s \(its last status was RUNNING\).*job 1 was stopped/)
    expect(emulator().callsOf('StopJob')).toHaveLength(1)
    expect(run.outputs.status).toBe('RUNNING')
    expect(run.summary).toContain('timed out')
  })

  it('a job that already ended is not stopped (cancelled while fetching its artifacts)', async () => {
    const workspace = makeWorkspace({ 'site/keep.txt': 'mine' })
    const before = treeOf(workspace)
    // The 2 MB zip comes at 64 KiB/s (half a minute): the signal comes while it downloads.
    const trigger = signalWhen(() => emulator().requests.some(r => r.fileName === 'artifacts.zip'), 'SIGINT')
    const run = await hosting(
      workspace,
      { artifacts: { sizeMb: 2 }, download: { bytesPerSecond: 64 * 1024, failFiles: ['artifacts.zip'] } },
      { 'output-path': 'site' },
      { onSpawn: trigger.onSpawn }
    )
    expectExitWithinGrace(trigger)
    expect(run.outputs.status).toBe('SUCCEED')
    expect(theError(run)).toMatch(/cancelled/i)
    expect(emulator().callsOf('StopJob')).toHaveLength(0)
    expect(treeOf(workspace)).toEqual(before)
  })

  it('a timeout while fetching the artifacts of an ended job stops nothing and writes nothing', async () => {
    const workspace = makeWorkspace({ 'site/keep.txt': 'mine' })
    const before = treeOf(workspace)
    // The job ends at the second read; the artifact download then stalls until the deadline, which
    // leaves a busy machine seconds to get the job read twice and the download begun.
    const run = await hosting(
      workspace,
      { statuses: [{ status: 'RUNNING', forReads: 1 }, { status: 'SUCCEED' }], artifacts: {}, download: { stallAfterBytes: 10, failFiles: ['artifacts.zip'] } },
      { 'output-path': 'site', timeout: '8s' }
    )
    expect(run.outputs.status).toBe('SUCCEED')
    expect(theError(run)).toMatch(/timeout .* reached while fetching/)
    expect(emulator().callsOf('StopJob')).toHaveLength(0)
    expect(treeOf(workspace)).toEqual(before)
  })
})

describe('build artifacts with output-path', () => {
  const SITE_FILES = ['site/assets/index-3f2a1b9c.css', 'site/assets/index-9c8d7e6f.js', 'site/index.html', 'site/robots.txt']

  it("unpacks the BUILD step's artifacts after SUCCEED and reports them", async () => {
    const workspace = makeWorkspace()
    const run = await hosting(workspace, { artifacts: { via: 'step' } }, { 'output-path': 'site' })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs.files!)).toEqual(SITE_FILES)
    expect(run.outputs['output-path']).toBe('site')
    expect(run.outputs.changed).toBe('true')
    expect(readFileSync(join(workspace, 'site/index.html'), 'utf8')).toContain('<div id="root"></div>')
    expect(existsSync(join(workspace, 'site', STATE_FILE))).toBe(true)
    expect(emulator().callsOf('ListArtifacts')).toHaveLength(0)
    expect(run.summary).toContain('index.html')
  })

  it('falls back to ListArtifacts and GetArtifactUrl', async () => {
    const workspace = makeWorkspace()
    const run = await hosting(workspace, { artifacts: { via: 'list' } }, { 'output-path': 'site' })
    expect(run.errors).toEqual([])
    expect(JSON.parse(run.outputs.files!)).toEqual(SITE_FILES)
    expect(emulator().callsOf('ListArtifacts')).toHaveLength(1)
    expect(emulator().callsOf('GetArtifactUrl')).toHaveLength(1)
  })

  it('pages through ListArtifacts: all 60 artifacts of a job (two pages of at most 50) are fetched', async () => {
    const workspace = makeWorkspace()
    const run = await hosting(workspace, { artifacts: { via: 'list', listed: 60, distinct: true } }, { 'output-path': 'site' })
    expect(run.errors).toEqual([])
    const lists = emulator().callsOf('ListArtifacts')
    expect(lists.map(call => call.query.nextToken)).toEqual([undefined, expect.any(String)])
    expect(emulator().callsOf('GetArtifactUrl')).toHaveLength(60)
    const extra = Array.from({ length: 59 }, (_, index) => `site/${distinctArtifactFile(index + 2)}`)
    expect(JSON.parse(run.outputs.files!)).toEqual([...extra, ...SITE_FILES].sort())
  })

  it('two listed artifacts holding the same files: refused by name, and what was in output-path stays', async () => {
    const workspace = makeWorkspace({ 'site/index.html': 'the site as it was' })
    const run = await hosting(workspace, { artifacts: { via: 'list', listed: 2 } }, { 'output-path': 'site' })
    expect(run.exitCode).toBe(1)
    expect(emulator().callsOf('GetArtifactUrl')).toHaveLength(2)
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^Refusing artifact artifacts-2\.zip: it holds "index\.html", and an earlier archive of this job holds the same file; .*Make the build's artifacts hold each file once, or leave 'output-path' unset/
      )
    ])
    expect(treeOf(join(workspace, 'site'))).toEqual({ 'index.html': 'the site as it was' })
  })

  it('a failed job fetches no artifacts', async () => {
    const workspace = makeWorkspace()
    const run = await hosting(workspace, { failStep: { stepName: 'DEPLOY' } }, { 'output-path': 'site' })
    expect(run.exitCode).toBe(1)
    expect(emulator().requests.filter(r => r.fileName === 'artifacts.zip')).toHaveLength(0)
    expect(existsSync(join(workspace, 'site'))).toBe(false)
  })

  it('prunes what it wrote before, keeps hand-written files, and reports changed', async () => {
    const workspace = makeWorkspace({ 'site/custom/mine.html': 'hand-written' })
    expect((await hosting(workspace, { artifacts: {} }, { 'output-path': 'site' })).outputs.changed).toBe('true')

    const same = await hosting(workspace, { artifacts: {} }, { 'output-path': 'site' })
    expect(same.outputs.changed).toBe('false')

    const run = await hosting(workspace, { artifacts: { files: 2 } }, { 'output-path': 'site' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.changed).toBe('true')
    expect(JSON.parse(run.outputs.files!)).toEqual(['site/assets/chunk-0001.js', 'site/assets/chunk-0002.js'])
    expect(existsSync(join(workspace, 'site/index.html'))).toBe(false)
    expect(readFileSync(join(workspace, 'site/custom/mine.html'), 'utf8')).toBe('hand-written')
    expect(run.summary).toMatch(/removed/i)
    expect(run.summary).toContain('robots.txt')
  })

  it('clean: true removes everything the job did not produce, and nothing outside output-path', async () => {
    const workspace = makeWorkspace({ 'site/custom/mine.html': 'hand-written', 'other.txt': 'outside' })
    const run = await hosting(workspace, { artifacts: {} }, { 'output-path': 'site', clean: 'true' })
    expect(run.exitCode).toBe(0)
    expect(existsSync(join(workspace, 'site/custom'))).toBe(false)
    expect(readFileSync(join(workspace, 'other.txt'), 'utf8')).toBe('outside')
  })

  it('a job without artifacts fails with advice', async () => {
    // Artifacts are offered only on a BUILD step, which this job does not have.
    const run = await hosting(makeWorkspace(), { steps: [{ stepName: 'DEPLOY' }], artifacts: { via: 'step' } }, { 'output-path': 'site' })
    expect(theError(run)).toMatch(/no build artifacts .*Remove 'output-path'/)
  })

  const HOSTILE: Array<[HostileArtifact, RegExp]> = [
    ['symlink', /symbolic link/],
    ['dotdot', /\.\./],
    ['absolute', /absolute/i],
    ['lyingSize', /declares|does not match/],
    ['bomb', /bomb|unpack to more/],
    ['caseCollision', /collide|clash|same file/i]
  ]

  it.each(HOSTILE)('a hostile artifact zip (%s) is refused and writes nothing anywhere', async (hostile, message) => {
    const absoluteTarget = '/tmp/amplify-emulator-absolute.txt'
    rmSync(absoluteTarget, { force: true })
    const sandbox = makeSandbox({ 'site/keep.html': 'kept' })
    const before = snapshot(sandbox)
    const run = await hosting(sandbox.workspace, { artifacts: { hostile } }, { 'output-path': 'site' })
    expect(theError(run)).toMatch(/Refusing/)
    expect(run.errors[0]).toMatch(message)
    expect(run.outputs.files).toBeUndefined()
    expect(snapshot(sandbox)).toEqual(before)
    expect(existsSync(absoluteTarget)).toBe(false)
  })
})
