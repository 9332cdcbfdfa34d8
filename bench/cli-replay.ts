/**
 * A replay of what the Amplify CLI does for UI Builder codegen (`amplify pull`, package
 * amplify-util-uibuilder: codegenResources.ts `waitForSucceededJob` and `extractUIComponents`),
 * so the benchmark can run it side by side with the action against the same emulator:
 *
 * - StartCodegenJob with the AWS SDK v3 client (as the CLI does), the CLI's default render config;
 * - GetCodegenJob at once, then every 2000 ms (fixed), until succeeded or failed, for at most
 *   2 minutes (the CLI's default; UI_BUILDER_CODEGENJOB_TIMEOUT overrides it, as in the CLI);
 * - the manifest fetched and parsed;
 * - the files fetched 5 at a time (tiny-async-pool) with node-fetch v2, which sends
 *   `Connection: close` when given no agent: a new TCP (and, on S3, TLS) connection per file;
 *   each failed fetch retried up to 3 times, 300 ms apart;
 * - each body buffered whole in memory (`response.text()`), then written with writeFileSync into
 *   the output folder as each download completes (no staging, no checks).
 *
 * Run by bench/run.ts as a child process on the same Node as the action, bundled with ncc like the
 * action, with the emulator's AWS_* variables and: node cli-replay.js <appId> <environment> <outDir>
 */
import { mkdirSync, existsSync, writeFileSync } from 'node:fs'
import * as http from 'node:http'
import * as https from 'node:https'
import * as path from 'node:path'
import { AmplifyUIBuilderClient, GetCodegenJobCommand, StartCodegenJobCommand, type CodegenJob } from '@aws-sdk/client-amplifyuibuilder'

const POLL_INTERVAL_MS = 2000
const DEFAULT_TIMEOUT_MS = 2 * 60_000
const PARALLEL_DOWNLOADS = 5
const FETCH_TRIES = 3
const FETCH_RETRY_DELAY_MS = 300

interface ManifestEntry {
  fileName: string
  schemaName?: string
  downloadUrl?: string
  error?: string | null
}

const delay = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** node-fetch v2 without an agent: `Connection: close`, so every request opens a new connection. */
const noKeepAlive = { 'http:': new http.Agent({ keepAlive: false }), 'https:': new https.Agent({ keepAlive: false }) }

interface FetchedText {
  ok: boolean
  status: number
  text: string
}

function fetchText(url: string): Promise<FetchedText> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    const get = target.protocol === 'https:' ? https.get : http.get
    const agent = target.protocol === 'https:' ? noKeepAlive['https:'] : noKeepAlive['http:']
    const request = get(target, { agent, headers: { connection: 'close', accept: '*/*' } }, response => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        const status = response.statusCode ?? 0
        resolve({ ok: status >= 200 && status < 300, status, text: Buffer.concat(chunks).toString('utf8') })
      })
      response.on('error', reject)
    })
    request.on('error', reject)
  })
}

/** The CLI's fetchWithRetries: retries thrown errors only (not HTTP error statuses). */
async function fetchWithRetries(url: string): Promise<FetchedText> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchText(url)
    } catch (error) {
      if (attempt >= FETCH_TRIES) throw error
      await delay(FETCH_RETRY_DELAY_MS)
    }
  }
}

/** tiny-async-pool 2.x: at most `limit` calls in flight, results yielded as they complete. */
async function* asyncPool<T, R>(limit: number, items: readonly T[], call: (item: T) => Promise<R>): AsyncGenerator<R> {
  const running = new Map<number, Promise<[number, R]>>()
  let next = 0
  for (const item of items) {
    const id = next++
    running.set(
      id,
      call(item).then(value => [id, value])
    )
    if (running.size >= limit) {
      const [done, value] = await Promise.race(running.values())
      running.delete(done)
      yield value
    }
  }
  while (running.size > 0) {
    const [done, value] = await Promise.race(running.values())
    running.delete(done)
    yield value
  }
}

async function waitForSucceededJob(getJob: () => Promise<CodegenJob>): Promise<CodegenJob> {
  const timeout = process.env.UI_BUILDER_CODEGENJOB_TIMEOUT ? parseInt(process.env.UI_BUILDER_CODEGENJOB_TIMEOUT, 10) : DEFAULT_TIMEOUT_MS
  const end = performance.now() + timeout
  while (performance.now() < end) {
    const job = await getJob()
    if (job.status === 'failed') throw new Error(job.statusMessage)
    if (job.status === 'succeeded') return job
    await delay(POLL_INTERVAL_MS)
  }
  throw new Error('Codegen job never succeeded before timeout')
}

async function extractUIComponents(url: string, folder: string): Promise<number> {
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true })
  const response = await fetchWithRetries(url)
  if (!response.ok) throw new Error('Failed to download component manifest file')
  const manifest = JSON.parse(response.text) as { Output: ManifestEntry[] }
  const download = async (entry: ManifestEntry): Promise<{ fileName: string; content?: string }> => {
    if (!entry.downloadUrl || entry.error) return { fileName: entry.fileName }
    try {
      const file = await fetchWithRetries(entry.downloadUrl)
      if (!file.ok) throw new Error(`Failed to download ${entry.fileName}`)
      return { fileName: entry.fileName, content: file.text }
    } catch {
      return { fileName: entry.fileName }
    }
  }
  let written = 0
  for await (const downloaded of asyncPool(PARALLEL_DOWNLOADS, manifest.Output, download)) {
    if (downloaded.content) {
      writeFileSync(path.join(folder, downloaded.fileName), downloaded.content)
      written++
    }
  }
  return written
}

async function main(): Promise<void> {
  const [appId, environmentName, outDir] = process.argv.slice(2)
  if (!appId || !environmentName || !outDir) throw new Error('usage: cli-replay <appId> <environment> <outDir>')
  const client = new AmplifyUIBuilderClient({})
  const started = await client.send(
    new StartCodegenJobCommand({
      appId,
      environmentName,
      codegenJobToCreate: {
        renderConfig: {
          react: { module: 'es2020', target: 'es2020', script: 'jsx', renderTypeDeclarations: true, apiConfiguration: { dataStoreConfig: {} } }
        },
        autoGenerateForms: true
      }
    })
  )
  const jobId = started.entity?.id
  if (!jobId) throw new TypeError('job id is null')
  const job = await waitForSucceededJob(async () => {
    const { job } = await client.send(new GetCodegenJobCommand({ appId, environmentName, id: jobId }))
    if (!job) throw new Error('Codegen job not found')
    return job
  })
  if (!job.asset?.downloadUrl) throw new Error('did not get download url')
  const written = await extractUIComponents(job.asset.downloadUrl, outDir)
  client.destroy()
  console.log(`wrote ${written} files`)
}

await main()
