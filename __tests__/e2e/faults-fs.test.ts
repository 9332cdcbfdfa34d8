/**
 * Fault matrix, the file system around output-path: symlinks that lead out of the workspace, links
 * inside output-path (symbolic and hard), a planted working folder, and no space left on device.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, statfsSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CODEGEN_INPUTS,
  expectCleanFailure,
  expectSuccess,
  fsFaults,
  makeSandbox,
  newAppId,
  populatedSandbox,
  requestsOf,
  runWith,
  type Sandbox,
  sharedEmulator,
  snapshot
} from './faults-helpers.js'
import { treeOf } from './harness.js'

const emulator = sharedEmulator()

/** A sandbox with `elsewhere/` beside the workspace: a place links can point to. */
function sandboxWithElsewhere(): Sandbox {
  const sandbox = populatedSandbox()
  mkdirSync(join(sandbox.parent, 'elsewhere'))
  writeFileSync(join(sandbox.parent, 'elsewhere/keep.txt'), 'not the action’s\n')
  return sandbox
}

describe('output-path through a symlink', () => {
  const LEAVING: Array<[string, (sandbox: Sandbox) => void, string]> = [
    ['a parent folder that links out of the workspace', sandbox => symlinkSync('../elsewhere', join(sandbox.workspace, 'linked')), 'linked/ui'],
    ['output-path itself a link out of the workspace', sandbox => symlinkSync('../elsewhere', join(sandbox.workspace, 'ui')), 'ui'],
    ['a link to an absolute path outside', sandbox => symlinkSync(join(sandbox.parent, 'elsewhere'), join(sandbox.workspace, 'ui')), 'ui'],
    ['a link to the workspace root', sandbox => symlinkSync('.', join(sandbox.workspace, 'ui')), 'ui'],
    [
      'a link into .git',
      sandbox => {
        mkdirSync(join(sandbox.workspace, '.git/hooks'), { recursive: true })
        symlinkSync('.git/hooks', join(sandbox.workspace, 'ui'))
      },
      'ui'
    ]
  ]

  it.concurrent.each(LEAVING)('%s is refused before any AWS call', async (_label, arrange, output) => {
    const appId = newAppId()
    const sandbox = sandboxWithElsewhere()
    arrange(sandbox)
    const before = snapshot(sandbox)
    const run = await runWith(emulator(), sandbox, { appId, scenario: {}, inputs: { ...CODEGEN_INPUTS, 'output-path': output } })
    expectCleanFailure(run, /^Input 'output-path': .*(outside the workspace|through a symlink|\.git)/, sandbox, before)
    expect(requestsOf(emulator(), appId)).toEqual([])
  })

  it.concurrent('a link that stays inside the workspace is followed, and the files land where it points', async () => {
    const appId = newAppId()
    const sandbox = makeSandbox()
    mkdirSync(join(sandbox.workspace, 'real/ui'), { recursive: true })
    symlinkSync('real/ui', join(sandbox.workspace, 'ui'))
    const run = await runWith(emulator(), sandbox, { appId, scenario: {}, inputs: { ...CODEGEN_INPUTS, 'output-path': 'ui' } })
    expectSuccess(run)
    expect(Object.keys(treeOf(join(sandbox.workspace, 'real/ui')))).toContain('Button.jsx')
    expect(treeOf(sandbox.workspace).ui).toBe('-> real/ui')
  })
})

describe('links inside output-path', () => {
  it.concurrent('a folder of output-path that links outside, which the job writes into, is refused before any change', async () => {
    const appId = newAppId()
    const sandbox = sandboxWithElsewhere()
    mkdirSync(join(sandbox.workspace, 'src/ui-components'), { recursive: true })
    symlinkSync('../../../elsewhere', join(sandbox.workspace, 'src/ui-components/forms'))
    const before = snapshot(sandbox)
    const run = await runWith(emulator(), sandbox, { appId, scenario: { hostileNames: ['forms/Extra.jsx'] }, inputs: CODEGEN_INPUTS })
    expectCleanFailure(run, /forms is a symbolic link, and the action does not write through links/, sandbox, before)
  })

  it.concurrent('a generated file that is a symlink to a file outside is replaced by the file, never written through', async () => {
    const appId = newAppId()
    const sandbox = sandboxWithElsewhere()
    mkdirSync(join(sandbox.workspace, 'src/ui-components'), { recursive: true })
    symlinkSync('../../../outside.txt', join(sandbox.workspace, 'src/ui-components/Button.jsx'))
    const run = await runWith(emulator(), sandbox, { appId, scenario: {}, inputs: CODEGEN_INPUTS })
    expectSuccess(run)
    expect(readFileSync(join(sandbox.parent, 'outside.txt'), 'utf8')).toBe('next to the workspace\n')
    expect(treeOf(join(sandbox.workspace, 'src/ui-components'))['Button.jsx']).toMatch(/^\/\*{10}/)
  })

  it.concurrent('a generated file that is a hard link to a file outside is replaced, and the other name keeps its content', async () => {
    // Zip archives have no hard-link entries; this is the hard link a repository can already hold.
    const appId = newAppId()
    const sandbox = sandboxWithElsewhere()
    mkdirSync(join(sandbox.workspace, 'src/ui-components'), { recursive: true })
    linkSync(join(sandbox.parent, 'elsewhere/keep.txt'), join(sandbox.workspace, 'src/ui-components/Button.jsx'))
    const run = await runWith(emulator(), sandbox, { appId, scenario: {}, inputs: CODEGEN_INPUTS })
    expectSuccess(run)
    expect(readFileSync(join(sandbox.parent, 'elsewhere/keep.txt'), 'utf8')).toBe('not the action’s\n')
    expect(statSync(join(sandbox.parent, 'elsewhere/keep.txt')).nlink).toBe(1)
    expect(statSync(join(sandbox.workspace, 'src/ui-components/Button.jsx')).nlink).toBe(1)
  })

  it.concurrent('a working folder planted as a link to outside is refused, and what it points to is left alone', async () => {
    const appId = newAppId()
    const sandbox = sandboxWithElsewhere()
    mkdirSync(join(sandbox.workspace, 'src/ui-components'), { recursive: true })
    symlinkSync('../../../elsewhere', join(sandbox.workspace, 'src/ui-components/.amplify-job-action.work'))
    const before = snapshot(sandbox)
    const run = await runWith(emulator(), sandbox, { appId, scenario: {}, inputs: CODEGEN_INPUTS })
    expectCleanFailure(run, /\.amplify-job-action\.work is not a folder \(a file or a symbolic link\)/, sandbox, before)
  })
})

/**
 * A real full disk: a 1 MiB tmpfs, when this process may mount one (root on Linux, as in the CI
 * container). Elsewhere the same ENOSPC is injected into the action's writes by the preload.
 */
const mounted: string[] = []
afterAll(() => {
  for (const folder of mounted) {
    spawnSync('umount', [folder])
    rmdirSync(folder)
  }
})

function tinyFileSystem(): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined
  const folder = mkdtempSync(join(tmpdir(), 'aja-tmpfs-'))
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', folder])
  if (mount.status !== 0) {
    rmdirSync(folder)
    return undefined
  }
  mounted.push(folder)
  return folder
}

describe('no space left on device', () => {
  it.concurrent('while the files are written into staging: the step fails saying so, and output-path is exactly as before', async () => {
    const appId = newAppId()
    const disk = tinyFileSystem()
    const sandbox = disk === undefined ? populatedSandbox() : { parent: disk, workspace: join(disk, 'repo') }
    if (disk !== undefined) {
      mkdirSync(join(sandbox.workspace, 'src/ui-components/custom'), { recursive: true })
      writeFileSync(join(sandbox.workspace, 'src/ui-components/custom/Mine.jsx'), 'mine\n')
    }
    expectSuccess(await runWith(emulator(), sandbox, { appId, scenario: { components: ['Button'] }, inputs: CODEGEN_INPUTS }))
    let env: Record<string, string> = {}
    if (disk === undefined) {
      env = fsFaults({ AJA_FAULT_ENOSPC: '\\.amplify-job-action\\.work/staging-[^/]+/files/' })
    } else {
      // Leave 48 KiB: room for the job's manifest (about 25 KiB), not for its 34 files (a 4 KiB page each at least).
      const { bavail, bsize } = statfsSync(disk)
      writeFileSync(join(disk, 'filler.bin'), Buffer.alloc(Math.max(0, bavail * bsize - 48 * 1024)))
    }
    const before = snapshot(sandbox)
    const run = await runWith(emulator(), sandbox, { appId, scenario: { componentCount: 15, contentVersion: 2 }, inputs: CODEGEN_INPUTS, env })
    expectCleanFailure(run, /Could not write the generated file ".*" to disk \(ENOSPC: no space left on device.*\)\. Check the free space/, sandbox, before)
  })
})
