/**
 * Fault matrix, hostile archives and names: build artifact zips with symlinks, other unix file types,
 * `..` and absolute names, sizes that lie, bombs, and names that collide on case-insensitive or
 * Unicode-normalising file systems; codegen manifests and (older service versions) zips with such
 * names. Each is refused before anything reaches output-path, and nothing is written anywhere else.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import type { HostileArtifact } from '../../emulator/types.js'
import {
  CODEGEN_INPUTS,
  expectCleanFailure,
  newAppId,
  populatedSandbox,
  QUICK_HOSTING,
  RELEASE_INPUTS,
  requestsOf,
  runWith,
  sharedEmulator,
  snapshot
} from './faults-helpers.js'

const emulator = sharedEmulator()

/** Where the emulator's `absolute` artifact entry would land if it were honoured. */
const ABSOLUTE_TARGET = '/tmp/amplify-emulator-absolute.txt'

const ARCHIVES: Array<[HostileArtifact, string, RegExp]> = [
  ['symlink', 'a symbolic link entry', /"assets\/escape-link" .*symbolic link, which could point outside the output folder/],
  [
    'fifo',
    'a named-pipe entry (a unix file type other than file or folder)',
    /"assets\/pipe" .*neither a regular file nor a folder \(unix file type 0o10000\)/
  ],
  ['dotdot', 'a ".." entry name', /Refusing the file name "\.\.\/outside\.txt": it has a "\.\." path segment/],
  ['absolute', 'an absolute entry name', /Refusing the file name "\/tmp\/amplify-emulator-absolute\.txt": it is an absolute path/],
  ['lyingSize', 'an entry that inflates past the size it declares', /"assets\/big\.js" .*(more bytes than it declares|does not match its header)/],
  [
    'bomb',
    'a zip bomb: 1 GiB of zeros in 4.5 MB (within the 4 GiB size limit, refused on its ratio)',
    /unpack to more than 100 times the archive's own \d+ bytes \(a zip bomb/
  ],
  [
    'bombs',
    'a zip bomb declaring 5 GiB (over the 4 GiB limit)',
    /(unpack to more than the 4294967296 bytes allowed|unpack to more than 100 times the archive's own \d+ bytes) \(a zip bomb/
  ],
  ['caseCollision', 'README.md and readme.md', /"readme\.md": it is the same file as "README\.md" on case-insensitive or Unicode-normalising file systems/]
]

describe('hostile build artifact zips are refused, and nothing is written', () => {
  it.concurrent.each(ARCHIVES)(
    '%s: %s',
    async (hostile, _label, message) => {
      const appId = newAppId()
      const sandbox = populatedSandbox('site')
      const before = snapshot(sandbox)
      const run = await runWith(emulator(), sandbox, {
        appId,
        scenario: { ...QUICK_HOSTING, artifacts: { hostile } },
        inputs: { ...RELEASE_INPUTS, 'output-path': 'site' },
        timeoutMs: 120_000
      })
      expectCleanFailure(run, message, sandbox, before)
      expect(run.outputs.status).toBe('SUCCEED')
      expect(requestsOf(emulator(), appId, 'Download')).toHaveLength(1)
      if (hostile === 'absolute') expect(existsSync(ABSOLUTE_TARGET)).toBe(false)
    },
    120_000
  )
})

/** Pairs of names that are one file on macOS (APFS/HFS+) or Windows (NTFS) runners. */
const COLLISIONS: Array<[string, string, string]> = [
  ['NFC and NFD spellings', 'caf\u00e9.js', 'cafe\u0301.js'],
  ['sharp s and SS', 'stra\u00dfe.js', 'STRASSE.js'],
  ['Kelvin sign and K', '\u212aelvin.js', 'kelvin.js'],
  ['case of a folder', 'Forms/A.jsx', 'forms/A.jsx'],
  ['a generated file in another case', 'button.jsx', 'Button.jsx']
]

/** Names that mean something else, or somewhere else, on some runner. */
const TRICKY: Array<[string, string, RegExp]> = [
  ['zero-width joiner hiding .git (HFS+ ignores it)', '.g\u200cit/config', /invisible formatting character/],
  ['right-to-left override disguising the extension', 'x\u202egpj.js', /invisible formatting character/],
  ['Windows device name', 'aux.js', /reserved device name on Windows/],
  ['trailing dot (Windows drops it)', 'Button.jsx.', /ends with a dot or a space/],
  ['NTFS alternate data stream', 'Button.jsx:evil', /Windows cannot store/],
  ['.git in another case', '.GIT/hooks/pre-commit', /would write into a \.git folder/],
  ['Windows short name of .git', 'GIT~1/config', /would write into a \.git folder/],
  ['C1 control character', 'a\u0085b.js', /control character/]
]

describe('names that collide or deceive are refused, from a manifest and from a zip', () => {
  it.concurrent.each(COLLISIONS.flatMap(([label, a, b]) => (['manifest', 'zip'] as const).map(format => [label, format, a, b] as const)))(
    '%s (%s)',
    async (_label, format, first, second) => {
      const appId = newAppId()
      const sandbox = populatedSandbox()
      const before = snapshot(sandbox)
      const run = await runWith(emulator(), sandbox, {
        appId,
        scenario: { components: ['Button'], assetFormat: format, hostileNames: first === 'button.jsx' ? [first] : [first, second] },
        inputs: CODEGEN_INPUTS
      })
      expectCleanFailure(run, /same file as .* on case-insensitive or Unicode-normalising file systems|also used as a folder|is also a file/, sandbox, before)
    }
  )

  it.concurrent.each(TRICKY.flatMap(([label, name, why]) => (['manifest', 'zip'] as const).map(format => [label, format, name, why] as const)))(
    '%s (%s)',
    async (_label, format, name, why) => {
      const appId = newAppId()
      const sandbox = populatedSandbox()
      const before = snapshot(sandbox)
      const run = await runWith(emulator(), sandbox, { appId, scenario: { assetFormat: format, hostileNames: [name] }, inputs: CODEGEN_INPUTS })
      expectCleanFailure(run, new RegExp(`Refusing the file name .*${why.source}`), sandbox, before)
      // Refused while reading the list: no generated file was downloaded.
      expect(requestsOf(emulator(), appId, 'Download')).toHaveLength(1)
    }
  )
})
