/**
 * Properties of the file-name checks, over adversarial generated names (`..`, `.`, both separators,
 * drive letters, control and invisible characters, Unicode spellings that fold together, device
 * names, long segments): a name is accepted only if it resolves strictly inside the output folder on
 * every runner (posix and Windows path rules, and for real on this file system), and the names one
 * job may write never land on the same file of a case-insensitive or normalising file system.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { UnsafeContentError } from '../../../src/errors.js'
import { NameSet, safeRelativePath } from '../../../src/archives/names.js'
import { isReservedPath, safeSegments } from '../../../src/output-folder/common.js'

/** More runs on demand: NAMES_RUNS=20000 npm run test:unit -- names-property */
const RUNS = Number(process.env.NAMES_RUNS ?? 2_000)

/** Pieces that break path handling somewhere, and ordinary ones so that some names are accepted. */
const PIECES = [
  '..',
  '.',
  '',
  '...',
  'a',
  'B',
  'Button.jsx',
  'forms',
  '.git',
  '.GIT',
  'GIT~1',
  'git',
  '.gitignore',
  'CON',
  'con.txt',
  'lpt1',
  'COM\u00b9',
  'aux .js',
  'x ',
  'x.',
  ' x',
  '~',
  '%2e%2e',
  '%2f',
  'C:',
  'c:x',
  ':',
  'a:b',
  '*',
  '?',
  '<',
  '|',
  '"',
  '\\',
  '\\\\',
  '/',
  '//',
  '\u0000',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u200c',
  '\u200d',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\u00e9',
  'e\u0301',
  '\u00df',
  'SS',
  'ss',
  '\u212a',
  'K',
  'k',
  '\u0130',
  'i\u0307',
  '\u00c5',
  '\u212b',
  '\uff0e\uff0e',
  '\u2024\u2024',
  '\u2215',
  '\u29f8',
  '.amplify-job-action.json',
  '.amplify-job-action.work',
  'a'.repeat(255),
  '\u00e9'.repeat(128)
]

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) }
)
const separator = fc.constantFrom('/', '/', '/', '\\', '', '//')
/** A name: pieces joined by separators, sometimes starting with one. */
const names = fc
  .tuple(fc.constantFrom('', '', '', '/', '\\', 'C:\\', '//'), fc.array(fc.tuple(piece, separator), { minLength: 1, maxLength: 6 }))
  .map(([start, parts]) => start + parts.map(([text, sep], i) => (i === parts.length - 1 ? text : text + sep)).join(''))

function accepted(name: string): boolean {
  try {
    return safeRelativePath(name) === name
  } catch (error) {
    // Refusals are always UnsafeContentError: never a crash, never another kind of error.
    expect(error).toBeInstanceOf(UnsafeContentError)
    return false
  }
}

/** How APFS, HFS+ and NTFS see a name: case and Unicode normalisation folded (as names.ts does). */
function folded(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC')
}

const roots: string[] = []
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

describe('safeRelativePath', () => {
  it('accepts a name only if it resolves strictly inside the output folder, by posix and by Windows rules', () => {
    fc.assert(
      fc.property(names, name => {
        if (!accepted(name)) return
        const posixRoot = '/work/out'
        const posix = path.posix.resolve(posixRoot, name)
        expect(posix.startsWith(`${posixRoot}/`)).toBe(true)
        expect(path.posix.relative(posixRoot, posix)).toBe(name)
        const windowsRoot = 'C:\\work\\out'
        const windows = path.win32.resolve(windowsRoot, name)
        expect(windows.startsWith(`${windowsRoot}\\`)).toBe(true)
        expect(path.win32.relative(windowsRoot, windows)).toBe(name.replaceAll('/', '\\'))
        // What the later checks (staging, journal, STATE file) demand holds for every accepted name.
        expect(safeSegments(name)).toEqual(name.split('/'))
        expect(isReservedPath(name)).toBe(false)
        // Nothing that would hide, rewrite or redirect it on some runner.
        // eslint-disable-next-line no-control-regex -- finding control characters is the point
        expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\\:*?"<>|\p{Cf}\p{Cs}]/u)
        for (const segment of name.split('/')) {
          expect(segment).not.toMatch(/^\.{1,2}$|[. ]$/)
          expect(folded(segment)).not.toBe('.git')
        }
      }),
      { numRuns: RUNS }
    )
  })

  it('writes every accepted name, for real, to a file inside the output folder', () => {
    const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'names-property-')))
    roots.push(root)
    fc.assert(
      fc.property(names, name => {
        if (!accepted(name)) return
        const output = mkdtempSync(path.join(root, 'out-'))
        const target = path.join(output, ...name.split('/'))
        mkdirSync(path.dirname(target), { recursive: true })
        writeFileSync(target, 'x')
        expect(realpathSync(target).startsWith(`${output}${path.sep}`)).toBe(true)
      }),
      { numRuns: Math.ceil(RUNS / 4) }
    )
  })

  it('finds enough accepted and refused names to mean something', () => {
    const sample = fc.sample(names, { numRuns: 2_000, seed: 42 })
    const count = sample.filter(accepted).length
    expect(count).toBeGreaterThan(100)
    expect(count).toBeLessThan(1_900)
  })
})

describe('NameSet', () => {
  it('lets one job write only names that are distinct files on case-insensitive, normalising file systems', () => {
    fc.assert(
      fc.property(fc.array(names, { maxLength: 12 }), list => {
        const set = new NameSet()
        const claimed: string[] = []
        for (const name of list) {
          try {
            set.claim(name)
            claimed.push(name)
          } catch (error) {
            expect(error).toBeInstanceOf(UnsafeContentError)
          }
        }
        const files = claimed.map(folded)
        expect(new Set(files).size).toBe(files.length)
        // No accepted file is also a folder of another (a and a/b), in any case or spelling.
        const folders = new Set(
          claimed.flatMap(name =>
            name
              .split('/')
              .slice(0, -1)
              .map((_, i, all) => folded(all.slice(0, i + 1).join('/')))
          )
        )
        for (const file of files) expect(folders.has(file)).toBe(false)
      }),
      { numRuns: RUNS }
    )
  })

  it('refuses the second of two spellings of one name, whichever comes first', () => {
    const spellings = fc.constantFrom<[string, string]>(
      ['caf\u00e9.js', 'cafe\u0301.js'],
      ['Button.jsx', 'button.JSX'],
      ['stra\u00dfe.js', 'STRASSE.js'],
      ['\u212a.js', 'k.js'],
      ['\u00c5.js', '\u212b.js'],
      ['Forms/A.jsx', 'forms/a.jsx']
    )
    fc.assert(
      fc.property(spellings, fc.boolean(), ([a, b], swap) => {
        const [first, second] = swap ? [b, a] : [a, b]
        const set = new NameSet()
        set.claim(first)
        expect(() => set.claim(second)).toThrow(/same file as/)
      })
    )
  })
})
