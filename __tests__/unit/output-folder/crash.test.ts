/**
 * Crash safety of the final move: a SimulatedCrash (SIGKILL) at every step of a commit, then
 * recovery, must leave exactly the old or exactly the new tree; so must a crash during that recovery
 * followed by another one. An ordinary error at every step must roll back at once.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { OutputFolderError, recoverOutputFolder, SimulatedCrash, WORK_DIR_NAME } from '../../../src/output-folder/transaction.js'
import { commitScenario, countingHooks, expectations, failAt, removeWorkspaces, type Scenario, setUp, snapshot, withoutExtraEmptyFolders } from './helpers.js'

afterAll(removeWorkspaces)

/** The loops replay a scenario a few hundred times. */
const LOOP_TIMEOUT_MS = 120_000

const OUTSIDE = { 'outside.txt': 'precious', 'elsewhere/secret.txt': 'secret' }

/** Adds, modifies, removes (with a folder emptied), keeps an edited file and a hand-written one. */
const KEEPING: Scenario = {
  outside: OUTSIDE,
  output: 'src/ui',
  previous: {
    produced: { 'a.jsx': 'a1', 'b.jsx': 'b1', 'forms/Old.jsx': 'old', 'forms/deep/D.jsx': 'd1', 'Edited.jsx': 'e1', 'gone.jsx': 'g' },
    clean: false
  },
  edits: { 'Edited.jsx': 'edited by hand', 'notes.md': 'mine', 'gone.jsx': null },
  produced: { 'a.jsx': 'a1', 'b.jsx': 'b2', 'new/deeper/N.jsx': 'n', 'c.jsx': 'c' },
  clean: false
}

/** clean: true over hand-written files, a link and nested folders. */
const CLEANING: Scenario = {
  outside: OUTSIDE,
  output: 'out',
  previous: { produced: { 'a.jsx': 'a1', 'b.jsx': 'b1', 'x/y/z.jsx': 'z' }, clean: false },
  edits: { 'notes.md': 'mine', 'misc/m.txt': 'm', 'link.txt': { link: '../outside.txt' } },
  produced: { 'b.jsx': 'b2', 'x/y/z.jsx': 'z', 'x/w.jsx': 'w' },
  clean: true
}

/** output-path and its parent do not exist yet. */
const FRESH: Scenario = {
  outside: OUTSIDE,
  output: 'generated/ui',
  produced: { 'a.jsx': 'a', 'forms/F.jsx': 'f' },
  clean: false
}

const SCENARIOS = { KEEPING, CLEANING, FRESH }

describe.each(Object.entries(SCENARIOS))('scenario %s', (_name, scenario) => {
  it('has a commit worth crashing: it changes the tree and passes a commit point', async () => {
    const expected = await expectations(scenario)
    expect(expected.refused).toBe(false)
    expect(expected.after).not.toEqual(expected.before)
    expect(expected.commitStep).toBeGreaterThan(5)
    expect(expected.steps.length).toBeGreaterThan(expected.commitStep)
  })

  it(
    'recovers to the old tree before the commit point and the new one after, for a crash at every step',
    async () => {
      const expected = await expectations(scenario)
      for (let step = 1; step <= expected.steps.length; step++) {
        const workspace = await setUp(scenario)
        await expect(commitScenario(workspace, scenario, failAt(step, 'crash'))).rejects.toThrow(SimulatedCrash)

        const outcome = await recoverOutputFolder(workspace.output)

        const rolledBack = step <= expected.commitStep
        expect({ step, tree: await snapshot(workspace.root) }).toEqual({ step, tree: rolledBack ? expected.before : expected.after })
        // Past the commit point, once the committed journal itself is deleted only leftovers remain.
        expect(outcome).toMatch(rolledBack ? /^(rolled-back|discarded-staging)$/ : /^(rolled-forward|discarded-staging)$/)
        expect(await recoverOutputFolder(workspace.output)).toBe('clean')
      }
    },
    LOOP_TIMEOUT_MS
  )

  it(
    'still ends in the old or the new tree when recovery itself is killed at any step and run again',
    async () => {
      const expected = await expectations(scenario)
      for (let step = 1; step <= expected.steps.length; step++) {
        const counting = countingHooks()
        const probe = await setUp(scenario)
        await expect(commitScenario(probe, scenario, failAt(step, 'crash'))).rejects.toThrow(SimulatedCrash)
        await recoverOutputFolder(probe.output, { hooks: counting })
        const target = step <= expected.commitStep ? expected.before : expected.after

        for (let recoveryStep = 1; recoveryStep <= counting.descriptions.length; recoveryStep++) {
          const workspace = await setUp(scenario)
          await expect(commitScenario(workspace, scenario, failAt(step, 'crash'))).rejects.toThrow(SimulatedCrash)
          await expect(recoverOutputFolder(workspace.output, { hooks: failAt(recoveryStep, 'crash') })).rejects.toThrow(SimulatedCrash)

          await recoverOutputFolder(workspace.output)

          const tree = await snapshot(workspace.root)
          // The one leftover allowed: when the killed step is the last removal of the working folder of
          // a run that created output-path, the empty folders it created stay (nothing records them any more).
          const lastSteps = counting.descriptions.slice(recoveryStep - 1).every(description => /^remove the (working|created) folder/.test(description))
          const comparable = lastSteps ? withoutExtraEmptyFolders(tree, target) : tree
          expect({ step, recoveryStep, tree: comparable }).toEqual({ step, recoveryStep, tree: target })
        }
      }
    },
    LOOP_TIMEOUT_MS
  )

  it('rolls back at once when an ordinary error happens at any step before the commit point', async () => {
    const expected = await expectations(scenario)
    for (let step = 1; step <= expected.commitStep; step++) {
      const workspace = await setUp(scenario)
      const hooks = failAt(step, 'error')

      await expect(commitScenario(workspace, scenario, hooks)).rejects.toBe(hooks.error)

      expect({ step, tree: await snapshot(workspace.root) }).toEqual({ step, tree: expected.before })
    }
  })

  it('keeps the new files and says so when cleaning up after the commit point fails', async () => {
    const expected = await expectations(scenario)
    for (let step = expected.commitStep + 1; step <= expected.steps.length; step++) {
      const workspace = await setUp(scenario)

      const failure = commitScenario(workspace, scenario, failAt(step, 'error'))

      await expect(failure).rejects.toThrow(OutputFolderError)
      await expect(failure).rejects.toThrow(/are in .* Do not commit it/)
      const tree = await snapshot(workspace.root)
      const withoutWork = Object.fromEntries(Object.entries(tree).filter(([relative]) => !relative.includes(WORK_DIR_NAME)))
      expect({ step, tree: withoutWork }).toEqual({ step, tree: expected.after })
      await recoverOutputFolder(workspace.output)
      expect(await snapshot(workspace.root)).toEqual(expected.after)
    }
  })
})
