/**
 * What the community's deploy scripts do for a manual deployment to Amplify Hosting, so the
 * benchmark can run it side by side with the action's `job-type: deploy` against the same emulator:
 *
 *   cd site && zip -qr site.zip .
 *   aws amplify create-deployment --app-id ... --branch-name ...     -> jobId, zipUploadUrl
 *   curl -sS -T site.zip "$zipUploadUrl"
 *   aws amplify start-deployment --app-id ... --branch-name ... --job-id ...
 *   until the job ends: aws amplify get-job ...; sleep N
 *
 * The AWS calls go through the SDK (one AmplifyClient), not the AWS CLI, so that both sides pay the
 * same start-up; `zip` and `curl` are spawned as the scripts run them (Info-ZIP 3.0 at level 6, one
 * thread; curl's -T sends no Content-Type, which S3 and the emulator take). The zip is written
 * outside the site folder, where a second run would not pick it up. The job is read at once after
 * StartDeployment, then every `pollMs`, as the action reads it with the same `poll-interval`.
 *
 * Run by bench/run.ts, bundled with ncc like the action, on the same Node, with the emulator's AWS_*
 * variables: node deploy-baseline.js <siteFolder> <appId> <branch> <pollMs> <zipPath>
 * Exits 0 when the job SUCCEEDed, 1 otherwise.
 */
import { spawn } from 'node:child_process'
import { AmplifyClient, CreateDeploymentCommand, GetJobCommand, StartDeploymentCommand } from '@aws-sdk/client-amplify'

const ZIP = 'zip'
const CURL = 'curl'
const ENDED = new Set(['SUCCEED', 'FAILED', 'CANCELLED'])

const delay = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** Runs a command with the script's stdout and stderr, as a shell script would; rejects unless it exits 0. */
function run(command: string, args: string[], cwd?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] })
    child.once('error', reject)
    child.once('close', code => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))))
  })
}

async function main(): Promise<void> {
  const [site, appId, branchName, poll, zipPath] = process.argv.slice(2)
  if (!site || !appId || !branchName || !poll || !zipPath) throw new Error('usage: deploy-baseline <siteFolder> <appId> <branch> <pollMs> <zipPath>')
  const pollMs = Number(poll)
  await run(ZIP, ['-qr', zipPath, '.'], site)
  const client = new AmplifyClient({})
  try {
    const created = await client.send(new CreateDeploymentCommand({ appId, branchName }))
    if (!created.jobId || !created.zipUploadUrl) throw new Error('CreateDeployment answered no jobId or zipUploadUrl')
    await run(CURL, ['-sS', '-T', zipPath, created.zipUploadUrl])
    await client.send(new StartDeploymentCommand({ appId, branchName, jobId: created.jobId }))
    for (;;) {
      const { job } = await client.send(new GetJobCommand({ appId, branchName, jobId: created.jobId }))
      const status = job?.summary?.status ?? ''
      if (ENDED.has(status)) {
        console.log(`job ${created.jobId} ${status}`)
        if (status !== 'SUCCEED') process.exitCode = 1
        return
      }
      await delay(pollMs)
    }
  } finally {
    client.destroy()
  }
}

await main()
