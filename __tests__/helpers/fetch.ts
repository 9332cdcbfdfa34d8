/** Test doubles for the fetch side: a loopback HTTP server, a Staging backed by a temp dir. */
import { afterEach, beforeEach } from '@jest/globals'
import { mkdtemp, mkdir, readdir, rm } from 'node:fs/promises'
import * as http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { StagedFile, Staging } from '../../src/output-folder/types.js'

export { errorOf } from './errors.js'

export interface TestServer {
  /** URL of `path` on the server, with a fake credential-looking query so tests can look for leaks. */
  url(path: string): string
  /** Requests received so far, by path (without query). */
  readonly requests: string[]
  /** TCP connections accepted so far. */
  readonly connections: () => number
  close(): Promise<void>
}

export const SECRET_QUERY = 'X-Amz-Signature=0123456789abcdef0123456789abcdef&X-Amz-Security-Token=SECRETTOKEN'

export async function startServer(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<TestServer> {
  const requests: string[] = []
  const sockets = new Set<Socket>()
  let connections = 0
  const server = http.createServer((req, res) => {
    requests.push((req.url ?? '').split('?')[0] ?? '')
    handler(req, res)
  })
  server.on('connection', socket => {
    connections++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: p => `http://127.0.0.1:${port}${p}?${SECRET_QUERY}`,
    requests,
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}

export interface PerTest {
  /** A fresh temporary folder for the running test, removed after it. */
  readonly dir: string
  /** Runs `cleanup` after the running test (the last deferred first), before its folder is removed. */
  defer(cleanup: () => Promise<void> | void): void
  /** startServer, closed after the running test. */
  server(handler: Parameters<typeof startServer>[0]): Promise<TestServer>
}

/** Per test of the enclosing describe (or file): a temporary folder named `prefix`..., and what to undo after it. */
export function perTest(prefix: string): PerTest {
  const cleanups: (() => Promise<void> | void)[] = []
  let dir = ''
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), prefix))
  })
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    await rm(dir, { recursive: true, force: true })
  })
  return {
    get dir() {
      return dir
    },
    defer: cleanup => void cleanups.push(cleanup),
    async server(handler) {
      const s = await startServer(handler)
      cleanups.push(() => s.close())
      return s
    }
  }
}

export class FakeStaging implements Staging {
  readonly files: StagedFile[] = []
  private constructor(
    readonly base: string,
    readonly root: string,
    readonly scratch: string
  ) {}

  static async create(): Promise<FakeStaging> {
    const base = await mkdtemp(path.join(tmpdir(), 'fetch-test-'))
    const staging = new FakeStaging(base, path.join(base, 'root'), path.join(base, 'scratch'))
    await mkdir(staging.root)
    await mkdir(staging.scratch)
    return staging
  }

  add(file: StagedFile): void {
    this.files.push(file)
    this.afterAdd?.()
  }

  private afterAdd?: () => void

  /** A cancel between two files: `controller` aborts with `reason` as soon as a file is registered. */
  abortOnAdd(controller: AbortController, reason: unknown): void {
    this.afterAdd = () => controller.abort(reason)
  }

  /** Every file below root, relative, with "/", sorted. */
  async written(): Promise<string[]> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true })
    return entries
      .filter(e => e.isFile())
      .map(e => path.relative(this.root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .sort()
  }

  async remove(): Promise<void> {
    await rm(this.base, { recursive: true, force: true })
  }
}

/** A sleep that returns at once and remembers what it was asked to wait. */
export function recordingSleep(): { sleep: (ms: number, signal?: AbortSignal) => Promise<void>; waits: number[] } {
  const waits: number[] = []
  return {
    waits,
    sleep: async (ms, signal) => {
      waits.push(ms)
      signal?.throwIfAborted()
    }
  }
}
