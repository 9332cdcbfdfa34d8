/**
 * Helpers for the output-folder tests: throw-away workspaces, tree snapshots (paths, bytes, links),
 * and scenarios that can be replayed in a fresh workspace as often as a crash loop needs.
 */
import { createHash } from 'node:crypto'
import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  type CommitHooks,
  type CommitOutcome,
  commitStaging,
  createStaging,
  recoverOutputFolder,
  SimulatedCrash,
  type StagingArea
} from '../../../src/output-folder/transaction.js'

/** What to put at a path: file content, a symbolic link (target as written), or an empty folder. */
export type Entry = string | { link: string } | { folder: true }
export type TreeSpec = Record<string, Entry>

/** path -> `folder`, `file:<text>`, `bytes:<base64>` or `link:<target>`, sorted by path. */
export type Snapshot = Record<string, string>

export interface Scenario {
  /** Files of the workspace outside output-path; must stay byte-identical. */
  outside?: TreeSpec
  /** output-path, relative to the workspace. */
  output: string
  /** A complete earlier run of the action (its files and STATE), before `edits`. */
  previous?: { produced: Record<string, string>; clean: boolean }
  /** Applied after `previous`: hand edits, hand-written files, links. `null` deletes. */
  edits?: Record<string, Entry | null>
  /** The run under test. */
  produced: Record<string, string>
  clean: boolean
}

export interface Workspace {
  root: string
  output: string
}

const temporaryFolders: string[] = []

export async function newWorkspace(): Promise<Workspace> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'output-folder-'))
  temporaryFolders.push(root)
  return { root, output: path.join(root, 'out') }
}

export async function removeWorkspaces(): Promise<void> {
  await Promise.all(temporaryFolders.splice(0).map(folder => rm(folder, { recursive: true, force: true })))
}

export async function writeTree(root: string, tree: Record<string, Entry | null>): Promise<void> {
  for (const [relative, entry] of Object.entries(tree)) {
    const target = path.join(root, relative)
    await rm(target, { recursive: true, force: true })
    if (entry === null) continue
    await mkdir(path.dirname(target), { recursive: true })
    if (typeof entry === 'string') await writeFile(target, entry)
    else if ('link' in entry) await symlink(entry.link, target)
    else await mkdir(target, { recursive: true })
  }
}

/** Walks `root` without following links. A missing root is an empty snapshot. */
export async function snapshot(root: string): Promise<Snapshot> {
  const result: Snapshot = {}
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const name of (await readdir(folder)).sort()) {
      const absolute = path.join(folder, name)
      const relative = prefix === '' ? name : `${prefix}/${name}`
      const stats = await lstat(absolute)
      if (stats.isSymbolicLink()) result[relative] = `link:${await readlink(absolute)}`
      else if (stats.isDirectory()) {
        result[relative] = 'folder'
        await walk(absolute, relative)
      } else result[relative] = describeBytes(await readFile(absolute))
    }
  }
  if (await lstat(root).catch(() => undefined)) await walk(root, '')
  return result
}

function describeBytes(bytes: Buffer): string {
  const text = bytes.toString('utf8')
  return Buffer.from(text, 'utf8').equals(bytes) ? `file:${text}` : `bytes:${bytes.toString('base64')}`
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Writes files into a staging area the way a source does, and registers them. */
export async function stage(staging: StagingArea, files: Record<string, string>): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(staging.root, relative)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, content)
    staging.add({ path: relative, bytes: Buffer.byteLength(content), sha256: sha256(content) })
  }
}

/** One full run of the action's output side: recover, stage, commit. */
export async function runAction(output: string, produced: Record<string, string>, clean: boolean, hooks?: CommitHooks): Promise<CommitOutcome> {
  await recoverOutputFolder(output)
  const staging = await createStaging(output)
  await stage(staging, produced)
  return commitStaging(staging, { clean, hooks })
}

/** Builds the scenario's "before" state in a fresh workspace. */
export async function setUp(scenario: Scenario): Promise<Workspace> {
  const workspace = await newWorkspace()
  workspace.output = path.join(workspace.root, scenario.output)
  await writeTree(workspace.root, scenario.outside ?? {})
  if (scenario.previous !== undefined) await runAction(workspace.output, scenario.previous.produced, scenario.previous.clean)
  if (scenario.edits !== undefined) await writeTree(workspace.output, scenario.edits)
  return workspace
}

/** Stages the run under test in a set-up workspace and commits it. */
export async function commitScenario(workspace: Workspace, scenario: Scenario, hooks?: CommitHooks): Promise<CommitOutcome> {
  return runAction(workspace.output, scenario.produced, scenario.clean, hooks)
}

export interface Expectations {
  before: Snapshot
  after: Snapshot
  /** Every step description of an uninterrupted commit, in order (index 0 is step 1). */
  steps: string[]
  /** The step that makes the commit durable: crashes before it roll back, after it roll forward. */
  commitStep: number
  /** The commit was refused (before any change). */
  refused: boolean
}

/** Runs the scenario once without interruption, recording the trees and the steps. */
export async function expectations(scenario: Scenario): Promise<Expectations> {
  const workspace = await setUp(scenario)
  const before = await snapshot(workspace.root)
  const steps: string[] = []
  let refused = false
  try {
    await commitScenario(workspace, scenario, { beforeStep: (_step, description) => void steps.push(description) })
  } catch {
    refused = true
  }
  const after = await snapshot(workspace.root)
  return { before, after, steps, commitStep: steps.indexOf('mark the journal committed') + 1, refused }
}

/** A hook that throws at step `at`: a SimulatedCrash, or an ordinary error. */
export function failAt(at: number, kind: 'crash' | 'error'): CommitHooks & { error: Error } {
  const error = kind === 'crash' ? new SimulatedCrash(`killed at step ${at}`) : new Error(`disk trouble at step ${at}`)
  return {
    error,
    beforeStep(step) {
      if (step === at) throw error
    }
  }
}

/** A hook that records the description of every step. */
export function countingHooks(): CommitHooks & { descriptions: string[] } {
  const descriptions: string[] = []
  return { descriptions, beforeStep: (_step, description) => void descriptions.push(description) }
}

/**
 * Drops folders that `expected` does not have and that hold no files: what a crash inside the last
 * steps of a rollback can leave of output-path's created folders (see the note in journal.ts).
 */
export function withoutExtraEmptyFolders(actual: Snapshot, expected: Snapshot): Snapshot {
  const isExtraFolder = (relative: string): boolean => actual[relative] === 'folder' && !(relative in expected)
  const result: Snapshot = {}
  for (const [relative, value] of Object.entries(actual)) {
    const inside = Object.keys(actual).filter(other => other.startsWith(`${relative}/`))
    if (!(isExtraFolder(relative) && inside.every(isExtraFolder))) result[relative] = value
  }
  return result
}
