/**
 * Fault matrix, the final move into output-path, on the bundled action: SIGKILL before every single
 * file-system operation of the move (and of the download before it), no space left on device at
 * every operation that can need space, and SIGINT/SIGTERM in the middle of it. The faults are
 * injected from outside the action by a preload (fixtures/fs-faults.mjs), which counts the action's
 * own file-system calls below output-path; the action has no test seam.
 *
 * After a kill, the next run of the action must first put output-path back to the old or the new
 * state: that run gets a job that fails, so what it leaves is exactly what its recovery made.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Scenario } from '../../emulator/types.js'
import {
  type ActionRun,
  CODEGEN_INPUTS,
  expectSuccess,
  fsFaults,
  makeSandbox,
  newAppId,
  populatedSandbox,
  runWith,
  type Sandbox,
  scratchFolder,
  sharedEmulator,
  snapshot
} from './faults-helpers.js'

const emulator = sharedEmulator()

const OUTPUT = 'src/ui-components'
/** The earlier run: three components. */
const OLD: Scenario = { components: ['Button', 'Card', 'NavBar'], forms: ['ContactForm'], contentVersion: 1 }
/** This run: Button changes, Card, NavBar and the form go, Hero arrives; index, theme and STATE change. */
const NEW: Scenario = { components: ['Button', 'Hero'], forms: [], contentVersion: 2 }
/** The run after a kill: recovers output-path first, then its job fails, so it writes nothing more. */
const FAILING: Scenario = { fail: 'the run after the crash stops here' }
/** Runs of the action at once in the loops (the machine has two cores; the runs mostly wait). */
const PARALLEL = 4

interface Prepared {
  appId: string
  sandbox: Sandbox
  output: string
}

/** A run of the action wrote OLD into it; every test sandbox is a copy. */
let template: Sandbox | undefined

/** A sandbox whose output-path holds OLD's files (and a hand-written one), and its app id. */
async function withOldOutput(): Promise<Prepared> {
  if (template === undefined) {
    template = populatedSandbox(OUTPUT)
    expectSuccess(await runWith(emulator(), template, { appId: newAppId(), scenario: OLD, inputs: CODEGEN_INPUTS }))
  }
  // A copy: the same bytes a run of the action writes, a run's time cheaper. The template stays as it is.
  const sandbox = makeSandbox()
  cpSync(template.workspace, sandbox.workspace, { recursive: true, verbatimSymlinks: true })
  return { appId: newAppId(), sandbox, output: join(sandbox.workspace, OUTPUT) }
}

function runNew(prepared: Prepared, faults: Record<string, string>): Promise<ActionRun> {
  return runWith(emulator(), prepared.sandbox, {
    appId: prepared.appId,
    scenario: NEW,
    inputs: CODEGEN_INPUTS,
    env: fsFaults({ AJA_FAULT_WATCH: prepared.output, ...faults })
  })
}

function runRecovery(prepared: Prepared): Promise<ActionRun> {
  return runWith(emulator(), prepared.sandbox, { appId: prepared.appId, scenario: FAILING, inputs: CODEGEN_INPUTS })
}

function equal(a: Record<string, string>, b: Record<string, string>): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Runs `task` for 1..count, at most PARALLEL at a time. */
async function forEachIndex(count: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 1
  const lane = async (): Promise<void> => {
    while (next <= count) await task(next++)
  }
  await Promise.all(Array.from({ length: PARALLEL }, lane))
}

interface Reference {
  before: Record<string, string>
  after: Record<string, string>
  /** Every counted operation of an undisturbed move, as the preload logs it: `<n> <op> <path>`. */
  ops: string[]
  /** The operation that commits (renames the journal to journal.committed.json). */
  commitOp: number
  /** The same run's operations below output-path counted from the first (AJA_FAULT_FROM=any). */
  opsFromStart: string[]
  /** How long the undisturbed run took, spawn to exit. */
  runMs: number
}

let reference: Reference
beforeAll(async () => {
  const prepared = await withOldOutput()
  const before = snapshot(prepared.sandbox)
  const log = join(scratchFolder('aja-ops-'), 'ops.log')
  const started = Date.now()
  expectSuccess(await runNew(prepared, { AJA_FAULT_LOG: log }))
  const runMs = Date.now() - started
  const ops = readFileSync(log, 'utf8').trim().split('\n')
  const commitOp = ops.findIndex(line => / renameSync \.amplify-job-action\.work\/txn\/journal\.json$/.test(line)) + 1
  const again = await withOldOutput()
  const fromStart = join(scratchFolder('aja-ops-'), 'ops.log')
  expectSuccess(await runNew(again, { AJA_FAULT_FROM: 'any', AJA_FAULT_LOG: fromStart }))
  const opsFromStart = readFileSync(fromStart, 'utf8').trim().split('\n')
  reference = { before, after: snapshot(prepared.sandbox), ops, commitOp, opsFromStart, runMs }
}, 60_000)

describe('the reference move', () => {
  it('changes output-path, keeps the hand-written file, and has a commit point among many operations', () => {
    expect(reference.after).not.toEqual(reference.before)
    expect(reference.after['repo/src/ui-components/custom/Mine.jsx']).toBe('mine\n')
    expect(reference.after['repo/src/ui-components/Hero.jsx']).toBeDefined()
    expect(reference.after['repo/src/ui-components/Card.jsx']).toBeUndefined()
    expect(reference.commitOp).toBeGreaterThan(10)
    // Cleanup follows the commit (fewer operations on Node 24, whose recursive rmSync is native).
    expect(reference.ops.length).toBeGreaterThan(reference.commitOp + 3)
  })
})

describe('SIGKILL at every operation of the final move', () => {
  it('the next run restores the old tree (killed before the commit point) or the new one (after)', async () => {
    const results: Array<{ op: number; killedBefore: string; signal: string | null; recovery: string; tree: string }> = []
    await forEachIndex(reference.ops.length, async op => {
      const prepared = await withOldOutput()
      const killed = await runNew(prepared, { AJA_FAULT_AT: String(op), AJA_FAULT_ACTION: 'SIGKILL' })
      const recovery = await runRecovery(prepared)
      const tree = snapshot(prepared.sandbox)
      results.push({
        op,
        killedBefore: reference.ops[op - 1]!.replace(/^\d+ /, ''),
        signal: killed.signal,
        recovery: recovery.errors.some(error => /the run after the crash stops here/.test(error))
          ? (/Found what an interrupted earlier run left in src\/ui-components: (\S+)\./.exec(recovery.stdout)?.[1] ?? 'nothing to recover')
          : `unexpected: ${recovery.errors.join(' ')}`,
        tree: equal(tree, reference.before) ? 'old' : equal(tree, reference.after) ? 'new' : 'neither'
      })
    })
    results.sort((a, b) => a.op - b.op)
    const expected = results.map(({ op, killedBefore }) => ({
      op,
      killedBefore,
      signal: 'SIGKILL',
      recovery: expect.stringMatching(op <= reference.commitOp ? /^(rolled-back|discarded-staging)$/ : /^(rolled-forward|discarded-staging)$/),
      tree: op <= reference.commitOp ? 'old' : 'new'
    }))
    expect(results).toEqual(expected)
    expect(new Set(results.map(result => result.recovery))).toEqual(new Set(['rolled-back', 'rolled-forward', 'discarded-staging']))
  }, 300_000)

  it('a kill while the files are being written into staging leaves the old tree, and the next run removes the staging', async () => {
    const downloads = reference.opsFromStart
      .filter(line => / open \.amplify-job-action\.work\/staging-[^/]+\/files\//.test(line))
      .map(line => Number(line.split(' ')[0]))
    expect(downloads.length).toBeGreaterThan(3)
    // The first, a middle and the last file download.
    const ops = [downloads[0]!, downloads[Math.floor(downloads.length / 2)]!, downloads[downloads.length - 1]!]
    await forEachIndex(ops.length, async index => {
      const prepared = await withOldOutput()
      const killed = await runNew(prepared, { AJA_FAULT_FROM: 'any', AJA_FAULT_AT: String(ops[index - 1]), AJA_FAULT_ACTION: 'SIGKILL' })
      expect(killed.signal).toBe('SIGKILL')
      expect((await runRecovery(prepared)).stdout).toMatch(/interrupted earlier run left in src\/ui-components: discarded-staging/)
      expect(snapshot(prepared.sandbox)).toEqual(reference.before)
    })
  }, 120_000)
})

describe('no space left on device during the final move', () => {
  it('at every operation up to the commit point: the step fails saying so, and output-path is exactly the old one', async () => {
    await forEachIndex(reference.commitOp, async op => {
      const prepared = await withOldOutput()
      const run = await runNew(prepared, { AJA_FAULT_AT: String(op), AJA_FAULT_ACTION: 'ENOSPC' })
      expect({ op, exitCode: run.exitCode, errors: run.errors }).toEqual({
        op,
        exitCode: 1,
        errors: [
          expect.stringMatching(
            /^Could not move the job's files into src\/ui-components \(ENOSPC: no space left on device, .*\); what was there before is back in place\. Check the free space/
          )
        ]
      })
      expect({ op, tree: snapshot(prepared.sandbox) }).toEqual({ op, tree: reference.before })
    })
  }, 300_000)
})

describe('SIGINT and SIGTERM during the final move', () => {
  it.each(['SIGINT', 'SIGTERM'])('%s: the move, once begun, runs to its end, and the tree is exactly the new one', async signal => {
    const prepared = await withOldOutput()
    // Sent at the first backup rename: the move is under way.
    const op = reference.ops.findIndex(line => / renameSync Button\.jsx$/.test(line)) + 1
    expect(op).toBeGreaterThan(0)
    const log = join(scratchFolder('aja-ops-'), 'ops.log')
    const run = await runNew(prepared, { AJA_FAULT_AT: String(op), AJA_FAULT_ACTION: signal, AJA_FAULT_LOG: log })
    expect(readFileSync(log, 'utf8')).toContain(`${op} ${signal} before renameSync Button.jsx`)
    expectSuccess(run)
    expect(snapshot(prepared.sandbox)).toEqual(reference.after)
  })
})

describe('SIGKILL at a random moment of a whole run', () => {
  it('whenever the kill comes, the next run leaves exactly the old or the new tree', async () => {
    // A fixed seed: a failure names the delay, and the same delays come again on the next run.
    let seed = 20_240_601
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed / 2 ** 31
    }
    const KILLS = 12
    const delays = Array.from({ length: KILLS }, () => Math.round(random() * reference.runMs))
    const results: Array<{ delayMs: number; tree: string }> = []
    await forEachIndex(KILLS, async index => {
      const prepared = await withOldOutput()
      const delayMs = delays[index - 1]!
      await runWith(emulator(), prepared.sandbox, {
        appId: prepared.appId,
        scenario: NEW,
        inputs: CODEGEN_INPUTS,
        onSpawn: child => void setTimeout(() => child.kill('SIGKILL'), delayMs)
      })
      await runRecovery(prepared)
      const tree = snapshot(prepared.sandbox)
      results.push({ delayMs, tree: equal(tree, reference.before) ? 'old' : equal(tree, reference.after) ? 'new' : 'neither' })
    })
    expect(results.filter(result => result.tree === 'neither')).toEqual([])
  }, 120_000)
})
