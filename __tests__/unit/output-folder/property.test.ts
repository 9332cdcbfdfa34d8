/**
 * Property: for random old trees (an earlier run plus hand edits, links included), random job
 * outputs, either clean mode and a random crash point (sometimes a second one inside recovery), the
 * workspace after recovery is exactly the old tree or exactly the new one, and nothing outside
 * output-path changes at any moment.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { OutputFolderError, recoverOutputFolder, SimulatedCrash, WORK_DIR_NAME } from '../../../src/output-folder/transaction.js'
import {
  commitScenario,
  type Entry,
  expectations,
  failAt,
  removeWorkspaces,
  type Scenario,
  setUp,
  type Snapshot,
  snapshot,
  withoutExtraEmptyFolders
} from './helpers.js'

afterAll(removeWorkspaces)

/** More runs on demand: OUTPUT_FOLDER_RUNS=2000 npm run test:unit -- ... */
const RUNS = Number(process.env.OUTPUT_FOLDER_RUNS ?? 120)
const TIMEOUT_MS = Math.max(120_000, RUNS * 200)

const OUTSIDE = { 'outside.txt': 'precious', 'elsewhere/secret.txt': 'secret' }
/** Names the job may produce; folders and files never share a name, except through hand edits. */
const GENERATED = ['a.jsx', 'b.jsx', 'c.d.ts', 'forms/F.jsx', 'forms/G.jsx', 'forms/deep/H.jsx', 'x/y/z.js']
const HAND_WRITTEN = ['notes.md', 'forms/notes.md', 'x/keep.txt', 'link.jsx']
/** Few contents, so that unchanged and same-size files come up often. */
const CONTENTS = ['one', 'two', 'six', '']
/** Root-level names only: a relative link must mean the same in every workspace. */
const ROOT_NAMES = ['a.jsx', 'b.jsx', 'link.jsx']

const files = (names: readonly string[]): fc.Arbitrary<Record<string, string>> =>
  fc.array(fc.tuple(fc.constantFrom(...names), fc.constantFrom(...CONTENTS)), { maxLength: 8 }).map(pairs => Object.fromEntries(pairs))

const edit = (name: string): fc.Arbitrary<Entry | null> =>
  ROOT_NAMES.includes(name)
    ? fc.oneof(fc.constantFrom(...CONTENTS), fc.constant(null), fc.constant({ link: '../outside.txt' }))
    : fc.oneof(fc.constantFrom(...CONTENTS), fc.constant(null))

const edits: fc.Arbitrary<Record<string, Entry | null>> = fc
  .tuple(
    fc
      .uniqueArray(fc.constantFrom(...GENERATED, ...HAND_WRITTEN), { maxLength: 5 })
      .chain(names => fc.tuple(...names.map(name => edit(name).map(entry => [name, entry] as const)))),
    // Now and then a folder the job writes into is replaced by a link: refused before any change.
    fc.integer({ min: 0, max: 4 }).map(draw => draw === 0)
  )
  .map(([pairs, linkForms]) => ({ ...Object.fromEntries(pairs), ...(linkForms ? { forms: { link: '../elsewhere' } } : {}) }))

const scenarios: fc.Arbitrary<Scenario> = fc.record({
  outside: fc.constant(OUTSIDE),
  output: fc.constantFrom('out', 'gen/out'),
  previous: fc.option(fc.record({ produced: files(GENERATED), clean: fc.boolean() }), { nil: undefined }),
  edits: fc.option(edits, { nil: undefined }),
  produced: files(GENERATED),
  clean: fc.boolean()
})

/**
 * The workspace without output-path and the folders above it (which createStaging may create): must
 * never change, not even between a crash and the recovery.
 */
function outsideOf(tree: Snapshot, output: string): Snapshot {
  const above = (relative: string): boolean => output.startsWith(`${relative}/`) && tree[relative] === 'folder'
  return Object.fromEntries(Object.entries(tree).filter(([relative]) => relative !== output && !relative.startsWith(`${output}/`) && !above(relative)))
}

describe('output folder property', () => {
  it(
    'ends in exactly the old or the new tree after a crash anywhere, and never writes outside output-path',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarios, fc.nat(), fc.option(fc.nat(), { nil: undefined }), async (scenario, crashSeed, recoverySeed) => {
          const expected = await expectations(scenario)
          const step = 1 + (crashSeed % Math.max(1, expected.steps.length))
          const workspace = await setUp(scenario)

          const commit = await commitScenario(workspace, scenario, failAt(step, 'crash')).then(
            () => 'finished',
            (error: unknown) => (error instanceof SimulatedCrash ? 'crashed' : 'refused')
          )
          expect(outsideOf(await snapshot(workspace.root), scenario.output)).toEqual(outsideOf(expected.before, scenario.output))

          let crashedRecoveryStep: string | undefined
          if (recoverySeed !== undefined) {
            const crashAt = 1 + (recoverySeed % 25)
            await recoverOutputFolder(workspace.output, {
              hooks: {
                beforeStep(current, description) {
                  if (current !== crashAt) return
                  crashedRecoveryStep = description
                  throw new SimulatedCrash(`killed during recovery at step ${current}`)
                }
              }
            }).catch((error: unknown) => {
              if (!(error instanceof SimulatedCrash)) throw error
            })
          }
          await recoverOutputFolder(workspace.output)

          const target = expected.refused || (commit === 'crashed' && step <= expected.commitStep) ? expected.before : expected.after
          const tree = await snapshot(workspace.root)
          // See the crash tests: killed while removing the last working folder of a run that created
          // output-path, the empty folders it created are all that can stay.
          const lenient = crashedRecoveryStep !== undefined && /^remove the (working|created) folder/.test(crashedRecoveryStep)
          expect(lenient ? withoutExtraEmptyFolders(tree, target) : tree).toEqual(target)
          // Every commit, even a refused one (its undo), has steps, so the crash always hits one.
          expect(commit).toBe('crashed')
        }),
        { numRuns: RUNS }
      )
    },
    TIMEOUT_MS
  )

  it(
    'puts back the old tree at once when an ordinary error (a full disk) hits any step before the commit point, and keeps the new one after it',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenarios, fc.nat(), async (scenario, errorSeed) => {
          const expected = await expectations(scenario)
          const step = 1 + (errorSeed % Math.max(1, expected.steps.length))
          const workspace = await setUp(scenario)
          const hooks = failAt(step, 'error')
          Object.assign(hooks.error, { code: 'ENOSPC' })

          const failure = await commitScenario(workspace, scenario, hooks).then(
            () => undefined,
            (error: unknown) => error
          )
          const tree = await snapshot(workspace.root)
          expect(outsideOf(tree, scenario.output)).toEqual(outsideOf(expected.before, scenario.output))
          if (expected.refused) {
            // Refused while planning; the error hit the undo of nothing, or passed unnoticed.
            expect(failure).toBeDefined()
            await recoverOutputFolder(workspace.output)
            expect(await snapshot(workspace.root)).toEqual(expected.before)
          } else if (expected.steps[step - 1] === 'restore the times of the output folder') {
            // Cosmetic and best effort (a run that changes nothing puts back the folder's times): no failure.
            expect({ step, failure, tree }).toEqual({ step, failure: undefined, tree: expected.after })
          } else if (step <= expected.commitStep) {
            // No recovery needed: the commit itself put everything back before it failed.
            expect({ step, failure, tree }).toEqual({ step, failure: hooks.error, tree: expected.before })
          } else {
            // Past the commit point only cleanup is left: the new files stay, the next run removes the rest.
            expect(failure).toBeInstanceOf(OutputFolderError)
            const withoutWork = Object.fromEntries(Object.entries(tree).filter(([relative]) => !relative.includes(WORK_DIR_NAME)))
            expect({ step, tree: withoutWork }).toEqual({ step, tree: expected.after })
            await recoverOutputFolder(workspace.output)
            expect(await snapshot(workspace.root)).toEqual(expected.after)
          }
        }),
        { numRuns: RUNS }
      )
    },
    TIMEOUT_MS
  )
})
