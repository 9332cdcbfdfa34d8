/**
 * job-type deploy and delete-branch, end to end: the bundled action against the emulator's
 * Hosting API and its S3-like upload endpoint. The deployed files are read back from the emulator
 * byte for byte; every refusal happens before any request reaches it.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildZip } from '../../emulator/raw-zip.js'
import type { Scenario } from '../../emulator/types.js'
import { type ActionRun, makeSandbox, runAction, scratchFolder, shownText, signalWhen, snapshot, theError, useEmulator } from './harness.js'

const APP_ID = 'd2e4f6a8b0c2d4'
/** A deployment that is seen PENDING, then RUNNING, then SUCCEED: three reads, however fast the machine. */
const QUICK_DEPLOYMENT: Scenario = { statuses: [{ status: 'PENDING', forReads: 1 }, { status: 'RUNNING', forReads: 1 }, { status: 'SUCCEED' }] }
const emulator = useEmulator()

beforeEach(() => {
  // The default for every app; a test's own scenario for APP_ID is laid over it key by key.
  emulator().setScenario(QUICK_DEPLOYMENT)
})

/** Bytes that do not compress, the same in every call of site(). */
const LOGO = randomBytes(4096)

/** A small built site: text that compresses and bytes that do not, in folders. */
function site(): Record<string, Buffer> {
  return {
    'index.html': Buffer.from('<!doctype html>\n<html><head><script src="/assets/app.js"></script></head><body><div id="root"></div></body></html>\n'),
    'assets/app.js': Buffer.from('export function render(root) { root.textContent = "hello" }\n'.repeat(200)),
    'assets/logo.png': LOGO,
    'about/index.html': Buffer.from('<!doctype html>\n<p>About</p>\n'),
    'robots.txt': Buffer.from('User-agent: *\n')
  }
}

function writeTree(root: string, files: Record<string, Buffer | string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true })
    writeFileSync(join(root, name), content)
  }
}

/** A workspace whose `dist` holds `files` (default: site()). */
function workspaceWithSite(files: Record<string, Buffer | string> = site()): string {
  const { workspace } = makeSandbox({ 'package.json': '{"name":"app"}\n' })
  writeTree(join(workspace, 'dist'), files)
  return workspace
}

interface DeployOptions {
  scenario?: Scenario
  env?: Record<string, string>
  onSpawn?: (child: ChildProcess) => void
}

function deploy(workspace: string, inputs: Record<string, string>, options: DeployOptions = {}): Promise<ActionRun> {
  if (options.scenario) emulator().setScenario(options.scenario, APP_ID)
  return runAction({
    workspace,
    inputs: { 'job-type': 'deploy', 'app-id': APP_ID, branch: 'main', source: 'dist', 'poll-interval': '100ms', ...inputs },
    env: { ...emulator().env, ...options.env },
    ...(options.onSpawn ? { onSpawn: options.onSpawn } : {})
  })
}

/** The AWS and upload operations the emulator was asked, in order. */
function operations(): string[] {
  return emulator()
    .requests.filter(request => request.service !== 'control')
    .map(request => request.operation)
}

/** What a run asked before it was refused: nothing at all. */
function expectNoRequest(): void {
  expect(operations()).toEqual([])
}

/** A pull_request event for the run's environment. */
function pullRequestEvent(number: number): Record<string, string> {
  const folder = scratchFolder('aja-event-')
  const path = join(folder, 'event.json')
  writeFileSync(path, JSON.stringify({ number, pull_request: { number, head: { sha: 'feedbeef' } } }))
  return { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path }
}

describe('deploy a folder', () => {
  it('zips it, uploads it, starts the deployment, waits for SUCCEED and outputs the site URL; the site is the folder, byte for byte', async () => {
    const workspace = workspaceWithSite()
    const runnerTemp = scratchFolder('aja-runner-temp-')
    const run = await deploy(
      workspace,
      {},
      {
        scenario: { statuses: [{ status: 'PENDING', forReads: 1 }, { status: 'RUNNING', forReads: 1 }, { status: 'SUCCEED' }] },
        env: { RUNNER_TEMP: runnerTemp }
      }
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.url).toBe(`https://main.${APP_ID}.amplifyapp.com`)
    expect(run.outputs.status).toBe('SUCCEED')
    expect(run.outputs['job-id']).toBe('1')
    expect(run.outputs['job-arn']).toContain(`apps/${APP_ID}/branches/main/jobs/1`)
    expect(emulator().deployedFiles(APP_ID, 'main')).toEqual(site())
    expect(operations().slice(0, 6)).toEqual(['GetApp', 'GetBranch', 'ListDomainAssociations', 'CreateDeployment', 'Upload', 'StartDeployment'])
    const [upload] = emulator().callsOf('Upload')
    expect(upload!.headers['content-type']).toBe('application/zip')
    expect(Number(upload!.headers['content-length'])).toBe(emulator().deployments(APP_ID)[0]!.upload!.bytes)
    expect(upload!.headers['transfer-encoding']).toBeUndefined()
    expect(run.stdout).toMatch(
      /Zipped dist: 5 files, [\d.]+ KB into [\d.]+ KB in .* \(2 deflated, 3 stored: compressed formats, and files deflate would not shrink\); SHA-256 [0-9a-f]{64}\./
    )
    expect(run.stdout).toMatch(/Uploaded .* in /)
    expect(run.stdout).toContain(`The site of branch main is https://main.${APP_ID}.amplifyapp.com`)
    expect(run.summary).toContain(`[https://main.${APP_ID}.amplifyapp.com](https://main.${APP_ID}.amplifyapp.com)`)
    expect(run.summary).toMatch(/`dist`: 5 files, zip [\d.]+ KB, uploaded in /)
    // The temporary zip is gone; the workspace has nothing new.
    expect(readdirSync(runnerTemp)).toEqual([])
  })

  it('the same folder gives the same zip, byte for byte, on every run', async () => {
    const files = site()
    const first = await deploy(workspaceWithSite(files), {})
    const second = await deploy(workspaceWithSite(files), {})
    expect([first.exitCode, second.exitCode]).toEqual([0, 0])
    const [a, b] = emulator().deployments(APP_ID)
    expect(a!.upload!.md5).toBe(b!.upload!.md5)
    const sha = (run: ActionRun) => /SHA-256 ([0-9a-f]{64})/.exec(run.stdout)?.[1]
    expect(sha(first)).toBe(sha(second))
  })

  it("a folder an earlier step fetched into (output-path): the action's bookkeeping there is left out of the site", async () => {
    const workspace = workspaceWithSite({ ...site(), '.amplify-job-action.json': '{"files":{}}\n' })
    const run = await deploy(workspace, {})
    expect(run.errors).toEqual([])
    expect(Object.keys(emulator().deployedFiles(APP_ID, 'main')).sort()).toEqual(Object.keys(site()).sort())
    expect(run.stdout).toContain(
      "Left out .amplify-job-action.json: this action's record of the files an earlier step fetched into dist, not part of the site."
    )
  })

  it('warns when the site has no index.html at its root, naming the folder that has one', async () => {
    const workspace = workspaceWithSite({ 'build/index.html': '<p>hi</p>', 'build/app.js': 'x' })
    const run = await deploy(workspace, {})
    expect(run.exitCode).toBe(0)
    expect(run.warnings).toContain("No index.html at the root of dist; dist/build has one: set 'source: dist/build' if that folder is the site.")
  })

  it('a deploy job that fails names the failing step and shows its log', async () => {
    const run = await deploy(workspaceWithSite(), {}, { scenario: { failStep: { stepName: 'DEPLOY', statusReason: 'Access denied to the bucket' } } })
    expect(theError(run)).toMatch(/^Amplify Hosting job 1 FAILED in step DEPLOY; reason: Access denied to the bucket/)
    expect(run.outputs.status).toBe('FAILED')
    expect(run.outputs.url).toBe(`https://main.${APP_ID}.amplifyapp.com`)
  })
})

describe('deploy other sources', () => {
  it('a .zip file is uploaded as it is', async () => {
    const zip = buildZip([
      { name: 'index.html', data: Buffer.from('<p>zipped</p>'), deflate: true },
      { name: 'app.js', data: Buffer.from('console.log(1)'), deflate: false }
    ])
    const { workspace } = makeSandbox()
    writeFileSync(join(workspace, 'site.zip'), zip)
    const run = await deploy(workspace, { source: 'site.zip' })
    expect(run.errors).toEqual([])
    expect(emulator().deployments(APP_ID)[0]!.upload!.bytes).toBe(zip.length)
    expect(emulator().deployedFiles(APP_ID, 'main')).toEqual({ 'index.html': Buffer.from('<p>zipped</p>'), 'app.js': Buffer.from('console.log(1)') })
    expect(run.stdout).toContain('Deploying site.zip as it is: 2 files')
  })

  it('a .zip of the folder above the site: a warning names the folder inside it that has index.html', async () => {
    const { workspace } = makeSandbox()
    writeFileSync(join(workspace, 'site.zip'), buildZip([{ name: 'dist/index.html', data: Buffer.from('<p>one too high</p>'), deflate: true }]))
    const run = await deploy(workspace, { source: 'site.zip' })
    expect(run.errors).toEqual([])
    expect(run.warnings).toEqual([
      'No index.html at the root of site.zip; its folder dist has one, so the site would be served under /dist/. ' +
        "Zip the contents of dist, not the folder itself, or give the site's folder as 'source'."
    ])
    expect(run.stdout).toContain('Deploying site.zip as it is: 1 file, ')
  })

  it.each([
    ['s3://my-bucket/builds/42/', 'BUCKET_PREFIX'],
    ['s3://my-bucket/builds/42.zip', 'ZIP'],
    ['https://downloads.example.com/site.zip?version=3', 'ZIP']
  ])('%s: StartDeployment with the URL (%s), no upload', async (source, type) => {
    const run = await deploy(makeSandbox().workspace, { source })
    expect(run.errors).toEqual([])
    expect(run.outputs.status).toBe('SUCCEED')
    expect(emulator().callsOf('CreateDeployment')).toHaveLength(0)
    expect(emulator().callsOf('Upload')).toHaveLength(0)
    expect(emulator().callsOf('StartDeployment')[0]!.body).toEqual({ sourceUrl: source, sourceUrlType: type })
  })

  it('a presigned https URL is masked and printed without its query; Amplify is given all of it', async () => {
    const signature = randomBytes(32).toString('hex')
    const token = randomBytes(48).toString('base64')
    const source = `https://builds.s3.us-east-1.amazonaws.com/site.zip?X-Amz-Security-Token=${encodeURIComponent(token)}&X-Amz-Signature=${signature}`
    const run = await deploy(makeSandbox().workspace, { source })
    expect(run.errors).toEqual([])
    expect(emulator().callsOf('StartDeployment')[0]!.body).toEqual({ sourceUrl: source, sourceUrlType: 'ZIP' })
    // The runner reads % in a command as the start of an escape, so @actions/core writes it as %25.
    expect(run.stdout).toContain(`::add-mask::${source.replace(/%/g, '%25')}`)
    expect(run.stdout).toContain(`::add-mask::${signature}`)
    expect(run.stdout).toContain('Amplify will fetch the site from the zip at https://builds.s3.us-east-1.amazonaws.com/site.zip?….')
    for (const secret of [signature, token, encodeURIComponent(token)]) expect(shownText(run)).not.toContain(secret)
  })
})

describe('the site URL', () => {
  it("is the branch's display name on the app's default domain (a name with / and _)", async () => {
    const run = await deploy(workspaceWithSite(), { branch: 'feature/Login_page' }, { scenario: { branches: [{ branchName: 'feature/Login_page' }] } })
    expect(run.errors).toEqual([])
    expect(run.outputs.url).toBe(`https://feature-login-page.${APP_ID}.amplifyapp.com`)
  })

  it("is the display name Amplify gives, on the app's own default domain, never one built from the branch name", async () => {
    const scenario: Scenario = { app: { defaultDomain: 'd9z.amplifyapp.cn' }, branches: [{ branchName: 'main', displayName: 'prod-site' }] }
    const run = await deploy(workspaceWithSite(), {}, { scenario })
    expect(run.outputs.url).toBe('https://prod-site.d9z.amplifyapp.cn')
  })

  it('is a custom domain whose verified sub-domain maps the branch (on a later page of domains; the apex when mapped)', async () => {
    const others = Array.from({ length: 55 }, (_, index) => ({ domainName: `other${index}.example.com`, subDomains: [{ prefix: 'www', branchName: 'dev' }] }))
    const scenario: Scenario = {
      domains: [
        ...others,
        { domainName: 'unverified.example.com', subDomains: [{ prefix: 'www', branchName: 'main', verified: false }] },
        {
          domainName: 'example.org',
          subDomains: [
            { prefix: 'www', branchName: 'main' },
            { prefix: '', branchName: 'main' }
          ]
        }
      ]
    }
    const run = await deploy(workspaceWithSite(), {}, { scenario })
    expect(run.outputs.url).toBe('https://example.org')
    expect(emulator().callsOf('ListDomainAssociations')).toHaveLength(2)
  })
})

describe('previews: create-branch and delete-branch', () => {
  it('create-branch: a missing branch is created for the pull request, tagged, with stage PULL_REQUEST', async () => {
    const run = await deploy(workspaceWithSite(), { branch: 'pr-7', 'create-branch': 'true' }, { env: pullRequestEvent(7) })
    expect(run.errors).toEqual([])
    const [create] = emulator().callsOf('CreateBranch')
    expect(create!.body).toMatchObject({ branchName: 'pr-7', stage: 'PULL_REQUEST', tags: { 'amplify-job-action': 'created' } })
    expect(run.outputs.url).toBe(`https://pr-7.${APP_ID}.amplifyapp.com`)
    expect(Object.keys(emulator().deployedFiles(APP_ID, 'pr-7'))).toContain('index.html')
  })

  it('without create-branch, a missing branch fails before anything is created, naming the branch and the input', async () => {
    const run = await deploy(workspaceWithSite(), { branch: 'pr-8' })
    expect(theError(run)).toBe(
      `App ${APP_ID} has no branch 'pr-8'. Create it in the Amplify console, or set 'create-branch: true' to have this step create it (as a pull request preview does).`
    )
    expect(operations()).toEqual(['GetApp', 'GetBranch'])
  })

  it('the 50-branch limit gets an error that says so and how to clean up', async () => {
    const run = await deploy(workspaceWithSite(), { branch: 'pr-9', 'create-branch': 'true' }, { scenario: { branchLimit: 1 } })
    expect(theError(run)).toMatch(/app d2e4f6a8b0c2d4 has reached its limit of 50 branches, which cannot be raised .*job-type: delete-branch/)
    expect(emulator().callsOf('CreateDeployment')).toHaveLength(0)
  })

  it('delete-branch deletes a branch this action created, and a re-run finds nothing (NOT_FOUND, success)', async () => {
    emulator().setScenario({ branches: [{ branchName: 'main' }, { branchName: 'pr-3', tags: { 'amplify-job-action': 'created' } }] }, APP_ID)
    const inputs = { 'job-type': 'delete-branch', 'app-id': APP_ID, branch: 'pr-3' }
    const first = await runAction({ workspace: makeSandbox().workspace, inputs, env: emulator().env })
    expect(first.errors).toEqual([])
    expect(first.outputs.status).toBe('DELETED')
    expect(first.outputs['job-id']).toBeUndefined()
    expect(emulator().callsOf('DeleteBranch')).toHaveLength(1)
    const again = await runAction({ workspace: makeSandbox().workspace, inputs, env: emulator().env })
    expect(again.exitCode).toBe(0)
    expect(again.outputs.status).toBe('NOT_FOUND')
    expect(emulator().callsOf('DeleteBranch')).toHaveLength(1)
  })

  it('delete-branch refuses a branch it did not create: a typo never deletes main', async () => {
    const run = await runAction({
      workspace: makeSandbox().workspace,
      inputs: { 'job-type': 'delete-branch', 'app-id': APP_ID, branch: 'main' },
      env: emulator().env
    })
    expect(theError(run)).toMatch(
      /^Branch main of app d2e4f6a8b0c2d4 was not created by this action \(it has no tag amplify-job-action=created\), so it is not deleted/
    )
    expect(emulator().callsOf('DeleteBranch')).toHaveLength(0)
  })
})

describe('refused before any request, naming what was found', () => {
  function sandboxWith(setup: (workspace: string, parent: string) => void): string {
    const sandbox = makeSandbox({ 'package.json': '{}' })
    setup(sandbox.workspace, sandbox.parent)
    return sandbox.workspace
  }

  it.each<[string, (workspace: string, parent: string) => void, string, RegExp]>([
    ['a missing folder', () => undefined, 'dist', /^Input 'source': "dist" does not exist in the workspace\. Build the site before this step/],
    ['the workspace root', () => undefined, '.', /^Input 'source': "\." is the workspace root, which would publish the whole repository/],
    ['a folder outside the workspace', () => undefined, '../', /^Input 'source': "\.\.\/" is outside the workspace/],
    [
      'a symlink to a folder outside',
      (workspace, parent) => symlinkSync(parent, join(workspace, 'dist')),
      'dist',
      /^Input 'source': "dist" leads outside the workspace through a symlink/
    ],
    [
      'a folder inside .git',
      workspace => writeTree(join(workspace, '.git/objects'), { x: 'y' }),
      '.git/objects',
      /^Input 'source': "\.git\/objects" is inside \.git/
    ],
    ['a file that is not a zip', workspace => writeTree(workspace, { 'dist.txt': 'x' }), 'dist.txt', /^Input 'source': "dist\.txt" is a file but not a \.zip/],
    ['a plain http URL', () => undefined, 'http://example.com/site.zip', /^Input 'source': "http:\/\/example\.com\/site\.zip" is a plain http URL/],
    ['an s3 URL without a key', () => undefined, 's3://my-bucket/', /^Input 'source': "s3:\/\/my-bucket\/" names a bucket but no prefix or key/]
  ])('%s', async (_label, setup, source, message) => {
    const run = await deploy(sandboxWith(setup), { source })
    expect(theError(run)).toMatch(message)
    expectNoRequest()
  })

  it.each<[string, (workspace: string, parent: string) => void, RegExp]>([
    ['an empty folder', workspace => mkdirSync(join(workspace, 'dist')), /dist.*no files/i],
    ['a folder holding .git', workspace => writeTree(join(workspace, 'dist'), { 'index.html': 'x', '.git/HEAD': 'ref: refs/heads/main' }), /\.git/],
    [
      'a symlink inside that resolves outside the folder',
      (workspace, parent) => {
        writeTree(join(workspace, 'dist'), { 'index.html': 'x' })
        symlinkSync(join(parent, 'outside.txt'), join(workspace, 'dist/secrets.txt'))
      },
      /secrets\.txt/
    ]
  ])('%s', async (_label, setup, message) => {
    const sandbox = makeSandbox({ 'package.json': '{}' })
    setup(sandbox.workspace, sandbox.parent)
    const before = snapshot(sandbox)
    const run = await deploy(sandbox.workspace, {})
    expect(theError(run)).toMatch(message)
    expectNoRequest()
    expect(snapshot(sandbox)).toEqual(before)
  })

  it('a zip with an unsafe name', async () => {
    const { workspace } = makeSandbox()
    writeFileSync(join(workspace, 'site.zip'), buildZip([{ name: '../escape.html', data: Buffer.from('x'), deflate: false }]))
    const run = await deploy(workspace, { source: 'site.zip' })
    expect(theError(run)).toBe(
      'Refusing the zip site.zip: it holds the name "../escape.html", which Amplify would unpack as it is (it has a ".." path segment). Nothing was uploaded. ' +
        "Make the zip from the site's folder with plain relative names, or give that folder as 'source'."
    )
    expectNoRequest()
  })

  it('a .zip larger than Amplify takes (a sparse 6 GB file: no disk is used)', async () => {
    const { workspace } = makeSandbox()
    writeFileSync(join(workspace, 'site.zip'), '')
    truncateSync(join(workspace, 'site.zip'), 6_000_000_000)
    const run = await deploy(workspace, { source: 'site.zip' })
    expect(theError(run)).toMatch(
      /^Refusing to deploy "site\.zip": it is 6\.00 GB, more than 5\.00 GB, the most Amplify Hosting accepts for a manual deployment\. Leave large media/
    )
    expectNoRequest()
  })

  it('a RUNNER_TEMP that is not there: says which folder and what it must be', async () => {
    const missing = join(scratchFolder('aja-runner-temp-'), 'gone')
    const run = await deploy(workspaceWithSite(), {}, { env: { RUNNER_TEMP: missing } })
    expect(theError(run)).toBe(
      `Could not make a folder for the site's zip in "${missing}" (ENOENT). RUNNER_TEMP, or the system's temporary folder outside a runner, must be a writable folder with room for the zip.`
    )
    expectNoRequest()
  })

  it('an SSR app (platform WEB_COMPUTE), before anything is created', async () => {
    const run = await deploy(workspaceWithSite(), {}, { scenario: { app: { platform: 'WEB_COMPUTE' } } })
    expect(theError(run)).toMatch(
      /^App d2e4f6a8b0c2d4 is a server-side rendered app \(platform WEB_COMPUTE\), and Amplify Hosting takes no manual deployments for those/
    )
    expect(operations()).toEqual(['GetApp'])
  })
})

describe('upload faults', () => {
  it('5xx and a reset connection are retried with the whole body, and the deploy goes through', async () => {
    // The emulator counts its upload faults together: the 1st PUT is reset, the 2nd answered 503.
    const run = await deploy(workspaceWithSite(), {}, { scenario: { upload: { resetTimes: 1, failStatus: 503, failTimes: 2 } } })
    expect(run.errors).toEqual([])
    const uploads = emulator().callsOf('Upload')
    expect(uploads.map(upload => upload.status)).toEqual([0, 503, 200])
    expect(emulator().deployedFiles(APP_ID, 'main')).toEqual(site())
  })

  it('403 fails at once, saying the URL expired or was refused; nothing is started and the created deployment is stopped', async () => {
    const run = await deploy(workspaceWithSite(), {}, { scenario: { upload: { failStatus: 403 } } })
    expect(theError(run)).toMatch(/403/)
    expect(theError(run)).toMatch(/expired|refused/)
    expect(emulator().callsOf('Upload')).toHaveLength(1)
    expect(emulator().callsOf('StartDeployment')).toHaveLength(0)
    expect(emulator().callsOf('StopJob')).toHaveLength(1)
    expect(emulator().deployments(APP_ID)[0]!.state).toBe('cancelled')
  })
})

describe('a branch whose last deployment has not finished', () => {
  /** What an interrupted run leaves: a deployment created and never started. */
  async function leaveCreatedDeployment(): Promise<void> {
    const { AmplifyClient, CreateDeploymentCommand } = await import('@aws-sdk/client-amplify')
    const client = new AmplifyClient({ region: 'us-east-1', endpoint: emulator().url, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } })
    await client.send(new CreateDeploymentCommand({ appId: APP_ID, branchName: 'main' }))
    client.destroy()
  }

  it('a deployment left PENDING by an interrupted run is stopped, and this one goes ahead', async () => {
    emulator().setScenario({}, APP_ID)
    await leaveCreatedDeployment()
    const run = await deploy(workspaceWithSite(), {})
    expect(run.errors).toEqual([])
    expect(run.stdout).toContain('Job 1 on branch main was created and never started (left by an interrupted deploy): stopping it')
    expect(
      emulator()
        .deployments(APP_ID)
        .map(record => record.state)
    ).toEqual(['cancelled', 'started'])
    expect(run.outputs['job-id']).toBe('2')
  })

  it('a running job is waited for, then the deployment is created', async () => {
    emulator().setScenario({ statuses: [{ status: 'RUNNING', forReads: 2 }, { status: 'SUCCEED' }] }, APP_ID)
    const { AmplifyClient, StartJobCommand } = await import('@aws-sdk/client-amplify')
    const client = new AmplifyClient({ region: 'us-east-1', endpoint: emulator().url, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } })
    await client.send(new StartJobCommand({ appId: APP_ID, branchName: 'main', jobType: 'RELEASE' }))
    client.destroy()
    const run = await deploy(workspaceWithSite(), {}, { scenario: {} })
    expect(run.errors).toEqual([])
    expect(run.stdout).toMatch(/The deploy waits behind job 1 on branch main \(RUNNING\)/)
    expect(emulator().callsOf('CreateDeployment')).toHaveLength(2)
    expect(run.outputs['job-id']).toBe('2')
  })
})

describe('cancel', () => {
  it('a deployment cancelled elsewhere (the console, another workflow) fails the step, saying to deploy again; the summary shows it as a code block', async () => {
    const run = await deploy(workspaceWithSite(), {}, { scenario: { statuses: [{ status: 'PENDING', forReads: 1 }, { status: 'CANCELLED' }] } })
    const message =
      /^Amplify Hosting job 1 was CANCELLED \(stopped in the console, by another workflow or by this one\) before it finished\. Run the deploy again to deploy\.$/
    expect(theError(run)).toMatch(message)
    expect(run.outputs.status).toBe('CANCELLED')
    expect(run.summary).toContain(`\`\`\`text\n${theError(run)}\n\`\`\`\n`)
  })

  it('during the upload: the created deployment is stopped, and the step says so', async () => {
    const started = signalWhen(() => emulator().callsOf('Upload').length > 0, 'SIGINT')
    const run = await deploy(workspaceWithSite(), {}, { scenario: { upload: { latencyMs: 30_000 } }, onSpawn: started.onSpawn })
    expect(theError(run)).toMatch(/cancelled/i)
    expect(emulator().callsOf('StopJob')).toHaveLength(1)
    expect(emulator().callsOf('StartDeployment')).toHaveLength(0)
    expect(emulator().deployments(APP_ID)[0]!.state).toBe('cancelled')
  })

  it('while waiting: the deployment job is stopped', async () => {
    const reading = signalWhen(() => emulator().callsOf('GetJob').length >= 2, 'SIGTERM')
    const run = await deploy(workspaceWithSite(), {}, { scenario: { neverEnds: true, statuses: [{ status: 'RUNNING' }] }, onSpawn: reading.onSpawn })
    expect(theError(run)).toMatch(/cancelled.*was stopped \(StopJob\)/i)
    expect(emulator().callsOf('StopJob')).toHaveLength(1)
  })
})
