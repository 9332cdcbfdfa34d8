import { afterAll, describe, expect, it } from '@jest/globals'
import { lstat, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UnsafeContentError } from '../../../src/errors.js'
import { commitStaging, createStaging, OutputFolderError, recoverOutputFolder, STATE_FILE_NAME, WORK_DIR_NAME } from '../../../src/output-folder/transaction.js'
import { parseState, renderState } from '../../../src/output-folder/state.js'
import { type CommitHooks, SimulatedCrash, TRANSIENT_RETRY_DELAYS_MS } from '../../../src/output-folder/common.js'
import { failAt, newWorkspace, removeWorkspaces, runAction, sha256, snapshot, stage, writeTree } from './helpers.js'

afterAll(removeWorkspaces)

const COMPONENTS = {
  'Button.jsx': 'export default function Button() {}\n',
  'Button.d.ts': 'export declare function Button(): JSX.Element\n',
  'index.js': "export { default as Button } from '../fetch/Button'\n",
  'studioTheme.js': 'export default {}\n'
}

function stateOf(files: Record<string, string>): string {
  return renderState(Object.entries(files).map(([file, content]) => ({ path: file, sha256: sha256(content) })))
}

/**
 * Inode and mtime of every entry, to prove a run touched nothing. The output folder's own time is put
 * back by the action (its working folder came and went), which Node can do to the microsecond only.
 */
async function identities(root: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {}
  for (const relative of ['', ...Object.keys(await snapshot(root))]) {
    const stats = await lstat(path.join(root, relative), { bigint: true })
    const time = relative === '' ? stats.mtimeNs / 1000n : stats.mtimeNs
    result[relative] = `${stats.ino}@${time}`
  }
  return result
}

describe('commitStaging', () => {
  it('creates a missing output folder, lands the files and writes the STATE file', async () => {
    const workspace = await newWorkspace()
    await writeTree(workspace.root, { 'package.json': '{}' })
    const output = path.join(workspace.root, 'src', 'ui-components')

    const result = await runAction(output, COMPONENTS, false)

    expect(result).toEqual({
      files: ['Button.d.ts', 'Button.jsx', 'index.js', 'studioTheme.js'],
      added: ['Button.d.ts', 'Button.jsx', 'index.js', 'studioTheme.js'],
      modified: [],
      removed: [],
      kept: [],
      changed: true
    })
    const expected = Object.fromEntries(Object.entries(COMPONENTS).map(([file, content]) => [`src/ui-components/${file}`, `file:${content}`]))
    expect(await snapshot(workspace.root)).toEqual({
      'package.json': 'file:{}',
      src: 'folder',
      'src/ui-components': 'folder',
      ...expected,
      [`src/ui-components/${STATE_FILE_NAME}`]: `file:${stateOf(COMPONENTS)}`
    })
  })

  it('writes a deterministic STATE file: sorted by path, also for names that look like numbers', () => {
    const text = renderState([
      { path: 'b.js', sha256: 'b'.repeat(64) },
      { path: '404', sha256: 'c'.repeat(64) },
      { path: 'a/z.js', sha256: 'a'.repeat(64) }
    ])
    expect(text.indexOf('"404"')).toBeLessThan(text.indexOf('"a/z.js"'))
    expect(text.indexOf('"a/z.js"')).toBeLessThan(text.indexOf('"b.js"'))
    expect(text).not.toMatch(/\d{4}-\d\d-\d\d/)
    expect([...parseState(text, 'x').keys()]).toEqual(['404', 'a/z.js', 'b.js'])
    expect(renderState([])).toContain('"files": {}')
  })

  it('leaves an identical re-run untouched: changed false, same inodes and mtimes, output folder time too', async () => {
    const workspace = await newWorkspace()
    await runAction(workspace.output, COMPONENTS, false)
    const before = await snapshot(workspace.root)
    const ids = await identities(workspace.output)

    const result = await runAction(workspace.output, COMPONENTS, false)

    expect(result.changed).toBe(false)
    expect([result.added, result.modified, result.removed, result.kept]).toEqual([[], [], [], []])
    expect(await snapshot(workspace.root)).toEqual(before)
    expect(await identities(workspace.output)).toEqual(ids)
  })

  it('replaces a file whose content changed and leaves the others alone', async () => {
    const workspace = await newWorkspace()
    await runAction(workspace.output, COMPONENTS, false)
    const indexBefore = await stat(path.join(workspace.output, 'index.js'))
    const next = { ...COMPONENTS, 'Button.jsx': 'export default function Button() { return null }\n' }

    const result = await runAction(workspace.output, next, false)

    expect(result).toMatchObject({ added: [], modified: ['Button.jsx'], removed: [], changed: true })
    expect(await readFile(path.join(workspace.output, 'Button.jsx'), 'utf8')).toBe(next['Button.jsx'])
    expect(await readFile(path.join(workspace.output, STATE_FILE_NAME), 'utf8')).toBe(stateOf(next))
    const indexAfter = await stat(path.join(workspace.output, 'index.js'))
    expect([indexAfter.ino, indexAfter.mtimeMs]).toEqual([indexBefore.ino, indexBefore.mtimeMs])
  })

  it('treats a same-size file with other content as modified', async () => {
    const workspace = await newWorkspace()
    await runAction(workspace.output, { 'a.js': 'aaaa' }, false)
    const result = await runAction(workspace.output, { 'a.js': 'bbbb' }, false)
    expect(result.modified).toEqual(['a.js'])
    expect(await readFile(path.join(workspace.output, 'a.js'), 'utf8')).toBe('bbbb')
  })

  it('with clean false removes only unchanged files it wrote before, keeps edited ones and never touches others', async () => {
    const workspace = await newWorkspace()
    await runAction(workspace.output, { ...COMPONENTS, 'forms/Old.jsx': 'old form', 'Edited.jsx': 'generated' }, false)
    await writeTree(workspace.output, { 'Edited.jsx': 'generated, then edited by hand', 'notes.md': 'mine', 'forms/mine.txt': 'mine too' })

    const result = await runAction(workspace.output, COMPONENTS, false)

    expect(result).toMatchObject({ removed: ['forms/Old.jsx'], kept: ['Edited.jsx'], added: [], modified: [], changed: true })
    const tree = await snapshot(workspace.output)
    expect(tree['forms/Old.jsx']).toBeUndefined()
    expect(tree['Edited.jsx']).toBe('file:generated, then edited by hand')
    expect(tree['notes.md']).toBe('file:mine')
    expect(tree['forms/mine.txt']).toBe('file:mine too')
    expect(tree[STATE_FILE_NAME]).toBe(`file:${stateOf(COMPONENTS)}`)
  })

  it('removes folders left empty by removals, but not folders that were empty already', async () => {
    const workspace = await newWorkspace()
    await runAction(workspace.output, { 'a.js': 'a', 'forms/deep/F.jsx': 'f', 'forms/G.jsx': 'g' }, false)
    await writeTree(workspace.output, { 'empty/': { folder: true } })

    const result = await runAction(workspace.output, { 'a.js': 'a' }, false)

    expect(result.removed).toEqual(['forms/G.jsx', 'forms/deep/F.jsx'])
    expect(await snapshot(workspace.output)).toEqual({
      'a.js': 'file:a',
      empty: 'folder',
      [STATE_FILE_NAME]: `file:${stateOf({ 'a.js': 'a' })}`
    })
  })

  it('with clean true removes everything the job did not produce, links without following them', async () => {
    const workspace = await newWorkspace()
    await writeTree(workspace.root, { 'outside.txt': 'precious', 'elsewhere/secret.txt': 'secret' })
    await runAction(workspace.output, { 'a.js': 'a', 'Edited.jsx': 'generated' }, false)
    await writeTree(workspace.output, {
      'Edited.jsx': 'edited',
      'notes.md': 'mine',
      'misc/deep/x.txt': 'x',
      'link.txt': { link: '../outside.txt' },
      'linked-folder': { link: '../elsewhere' },
      'empty/': { folder: true }
    })

    const result = await runAction(workspace.output, { 'a.js': 'a', 'new/b.js': 'b' }, true)

    expect(result).toMatchObject({
      added: ['new/b.js'],
      removed: ['Edited.jsx', 'link.txt', 'linked-folder', 'misc/deep/x.txt', 'notes.md'],
      kept: []
    })
    expect(await snapshot(workspace.root)).toEqual({
      'outside.txt': 'file:precious',
      elsewhere: 'folder',
      'elsewhere/secret.txt': 'file:secret',
      out: 'folder',
      'out/a.js': 'file:a',
      'out/empty': 'folder',
      'out/new': 'folder',
      'out/new/b.js': 'file:b',
      [`out/${STATE_FILE_NAME}`]: `file:${stateOf({ 'a.js': 'a', 'new/b.js': 'b' })}`
    })
  })

  it('creates nested folders for new files and removes them when the files go', async () => {
    const workspace = await newWorkspace()
    await runAction(workspace.output, { 'a/b/c/d.jsx': 'd', 'top.js': 't' }, false)
    expect((await snapshot(workspace.output))['a/b/c/d.jsx']).toBe('file:d')

    const result = await runAction(workspace.output, { 'top.js': 't' }, false)

    expect(result.removed).toEqual(['a/b/c/d.jsx'])
    expect(Object.keys(await snapshot(workspace.output)).sort()).toEqual([STATE_FILE_NAME, 'top.js'])
  })

  it('replaces a link that sits where the job writes a file, without writing through it', async () => {
    const workspace = await newWorkspace()
    await writeTree(workspace.root, { 'outside.txt': 'precious' })
    await writeTree(workspace.output, { 'a.js': { link: '../outside.txt' } })

    const result = await runAction(workspace.output, { 'a.js': 'generated' }, false)

    expect(result.modified).toEqual(['a.js'])
    expect(await readFile(path.join(workspace.root, 'outside.txt'), 'utf8')).toBe('precious')
    expect((await lstat(path.join(workspace.output, 'a.js'))).isFile()).toBe(true)
  })

  it('reads a STATE file it cannot trust as an error with clean false, and replaces it with clean true', async () => {
    const workspace = await newWorkspace()
    await writeTree(workspace.output, { [STATE_FILE_NAME]: '<<<<<<< HEAD\n', 'a.js': 'a' })
    const before = await snapshot(workspace.root)

    await expect(runAction(workspace.output, { 'a.js': 'b' }, false)).rejects.toThrow(/is not valid JSON.*git checkout/)
    expect(await snapshot(workspace.root)).toEqual(before)

    await writeTree(workspace.output, { [STATE_FILE_NAME]: JSON.stringify({ version: 1, files: { '../../etc/passwd': 'a'.repeat(64) } }) })
    await expect(runAction(workspace.output, { 'a.js': 'b' }, false)).rejects.toThrow(/not a plain relative path/)

    const result = await runAction(workspace.output, { 'a.js': 'b' }, true)
    expect(result.modified).toEqual(['a.js'])
    expect(await readFile(path.join(workspace.output, STATE_FILE_NAME), 'utf8')).toBe(stateOf({ 'a.js': 'b' }))
  })

  // How long such a commit takes is the benchmark's business (bench/run.ts, fetch-bound), not a test's.
  it('commits 300 small files over 150 unchanged ones: 150 added, none modified or removed, all in place', async () => {
    const workspace = await newWorkspace()
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`c${index % 10}/Component${index}.jsx`, `// ${index}\n`.repeat(20)]))
    const first = Object.fromEntries(Object.entries(files).slice(0, 150))
    await runAction(workspace.output, first, false)
    await recoverOutputFolder(workspace.output)
    const staging = await createStaging(workspace.output)
    await stage(staging, files)

    const result = await commitStaging(staging, { clean: true })

    expect(result.added).toEqual(Object.keys(files).slice(150).sort())
    expect({ modified: result.modified, removed: result.removed, changed: result.changed }).toEqual({ modified: [], removed: [], changed: true })
    expect(result.files).toEqual(Object.keys(files).sort())
    for (const [name, content] of Object.entries(files)) expect(await readFile(path.join(workspace.output, name), 'utf8')).toBe(content)
  })
})

describe('refusals before any change', () => {
  async function expectRefused(
    setUp: Record<string, Parameters<typeof writeTree>[1][string]>,
    produced: Record<string, string>,
    message: RegExp,
    clean = false
  ): Promise<void> {
    const workspace = await newWorkspace()
    await writeTree(workspace.root, { 'elsewhere/keep.txt': 'keep' })
    await runAction(workspace.output, { 'a.js': 'a', 'gone.js': 'gone' }, false)
    await writeTree(workspace.output, setUp)
    const before = await snapshot(workspace.root)

    const failure = runAction(workspace.output, { 'a.js': 'changed', ...produced }, clean)

    await expect(failure).rejects.toThrow(OutputFolderError)
    await expect(failure).rejects.toThrow(message)
    expect(await snapshot(workspace.root)).toEqual(before)
  }

  it('refuses a symlinked folder on the way to a target, naming it', async () => {
    await expectRefused({ forms: { link: '../elsewhere' } }, { 'forms/F.jsx': 'f' }, /out[/\\]forms is a symbolic link/)
  })

  it('refuses with clean true too, though the link itself would be removed', async () => {
    await expectRefused({ forms: { link: '../elsewhere' } }, { 'forms/F.jsx': 'f' }, /symbolic link/, true)
  })

  it('refuses a file where the job needs a folder', async () => {
    await expectRefused({ forms: 'a file' }, { 'forms/F.jsx': 'f' }, /out[/\\]forms is not a folder/)
  })

  it('refuses a folder where the job has a file', async () => {
    await expectRefused({ 'Button.jsx/x': 'x' }, { 'Button.jsx': 'b' }, /a folder of that name exists/)
  })

  it('refuses a STATE path that is not a regular file', async () => {
    await expectRefused({ [STATE_FILE_NAME]: null, [`${STATE_FILE_NAME}/x`]: 'x' }, {}, /not a regular file/)
  })

  it('refuses reserved and unsafe names when they are registered', async () => {
    const workspace = await newWorkspace()
    const staging = await createStaging(workspace.output)
    for (const name of [STATE_FILE_NAME, `${WORK_DIR_NAME}/x`, '../x', '/abs', 'a//b', 'a\\b', './a', '']) {
      expect(() => staging.add({ path: name, bytes: 0, sha256: sha256('') })).toThrow(UnsafeContentError)
    }
    staging.add({ path: 'a.js', bytes: 0, sha256: sha256('') })
    expect(() => staging.add({ path: 'a.js', bytes: 0, sha256: sha256('') })).toThrow(/twice/)
    await staging.discard()
  })

  it('refuses a job that registers both a file and a folder of the same name', async () => {
    const workspace = await newWorkspace()
    const before = await snapshot(workspace.root)
    const staging = await createStaging(workspace.output)
    await stage(staging, { 'a/b.js': 'inside' })
    staging.add({ path: 'a', bytes: 4, sha256: sha256('file') })
    await expect(commitStaging(staging, { clean: false })).rejects.toThrow(UnsafeContentError)
    expect(await snapshot(workspace.root)).toEqual(before)
  })
})

describe('discard', () => {
  it('removes the staging area and the output folder it created, leaving the workspace as before', async () => {
    const workspace = await newWorkspace()
    await writeTree(workspace.root, { 'src/app.js': 'app' })
    const before = await snapshot(workspace.root)
    const output = path.join(workspace.root, 'src', 'generated', 'ui')

    const staging = await createStaging(output)
    await stage(staging, COMPONENTS)
    await writeFile(path.join(staging.scratch, 'download.zip'), 'PK')
    expect((await snapshot(workspace.root))['src/generated/ui']).toBe('folder')
    await staging.discard()

    expect(await snapshot(workspace.root)).toEqual(before)
  })

  it('leaves an existing output folder exactly as it was, times included', async () => {
    const workspace = await newWorkspace()
    await runAction(workspace.output, COMPONENTS, false)
    const before = await snapshot(workspace.root)
    const ids = await identities(workspace.output)

    const staging = await createStaging(workspace.output)
    await stage(staging, { 'Other.jsx': 'other' })
    await staging.discard()
    await staging.discard()

    expect(await snapshot(workspace.root)).toEqual(before)
    expect(await identities(workspace.output)).toEqual(ids)
  })

  it('is a no-op after a commit', async () => {
    const workspace = await newWorkspace()
    const staging = await createStaging(workspace.output)
    await stage(staging, COMPONENTS)
    await commitStaging(staging, { clean: false })
    const after = await snapshot(workspace.root)
    await staging.discard()
    expect(await snapshot(workspace.root)).toEqual(after)
    await expect(commitStaging(staging, { clean: false })).rejects.toThrow(/already committed or discarded/)
  })
})

describe('recoverOutputFolder', () => {
  it('reports clean for a missing folder and for one without a working folder', async () => {
    const workspace = await newWorkspace()
    expect(await recoverOutputFolder(workspace.output)).toBe('clean')
    await mkdir(workspace.output)
    expect(await recoverOutputFolder(workspace.output)).toBe('clean')
  })

  it('discards a staging area that a killed run left, and the output folder it created', async () => {
    const workspace = await newWorkspace()
    const before = await snapshot(workspace.root)
    const staging = await createStaging(path.join(workspace.root, 'a', 'b'))
    await stage(staging, COMPONENTS)

    expect(await recoverOutputFolder(path.join(workspace.root, 'a', 'b'))).toBe('discarded-staging')
    expect(await snapshot(workspace.root)).toEqual(before)
  })

  it('refuses a working folder that is a link, and a journal it did not write', async () => {
    const workspace = await newWorkspace()
    await writeTree(workspace.root, { 'elsewhere/x': 'x' })
    await mkdir(workspace.output)
    await symlink('../elsewhere', path.join(workspace.output, WORK_DIR_NAME))
    await expect(recoverOutputFolder(workspace.output)).rejects.toThrow(/reserves that name/)

    const other = await newWorkspace()
    await writeTree(other.output, {
      [`${WORK_DIR_NAME}/txn/journal.json`]: JSON.stringify({ version: 1, staging: '../../x', entries: [], createDirs: [], removeDirs: [] })
    })
    await expect(recoverOutputFolder(other.output)).rejects.toThrow(/delete .* by hand/)
  })

  it('refuses to restore through a link a tampered journal points at', async () => {
    const workspace = await newWorkspace()
    await writeTree(workspace.root, { 'elsewhere/x': 'x' })
    const journal = { version: 1, staging: 'staging-00000000', entries: [{ path: 'sub/x', action: 'remove', backup: 0 }], createDirs: [], removeDirs: [] }
    await writeTree(workspace.output, {
      sub: { link: '../elsewhere' },
      [`${WORK_DIR_NAME}/txn/journal.json`]: JSON.stringify(journal),
      [`${WORK_DIR_NAME}/txn/backup/0`]: 'evil'
    })
    await expect(recoverOutputFolder(workspace.output)).rejects.toThrow(OutputFolderError)
    expect(await readFile(path.join(workspace.root, 'elsewhere', 'x'), 'utf8')).toBe('x')
  })
})

describe('file operations a Windows scanner holds for a moment', () => {
  const BEFORE = { 'Button.jsx': 'old\n', 'Old.jsx': 'gone soon\n' }
  const AFTER = { 'Button.jsx': 'new\n', 'Card.jsx': 'added\n' }

  /** Fails every try of the steps matching `which` with `code`, `times` times in all (Infinity: for good). */
  function locked(code: string, which: RegExp, times: number, platform: NodeJS.Platform): CommitHooks & { pauses: number[]; failed: string[] } {
    const pauses: number[] = []
    const failed: string[] = []
    return {
      pauses,
      failed,
      platform,
      sleep: async ms => void pauses.push(ms),
      beforeStep(_step, description) {
        if (!which.test(description) || failed.length >= times) return
        failed.push(description)
        throw Object.assign(new Error(`${code}: operation not permitted, rename '${description}'`), { code })
      }
    }
  }

  async function prepared() {
    const workspace = await newWorkspace()
    await runAction(workspace.output, BEFORE, false)
    return workspace
  }

  it.each(['EPERM', 'EBUSY', 'EACCES'])('on Windows, %s for a moment is waited through with short growing pauses, and the move completes', async code => {
    const workspace = await prepared()
    const hooks = locked(code, /^(put|back up) /, 3, 'win32')
    const result = await runAction(workspace.output, AFTER, false, hooks)
    expect(result.added).toEqual(['Card.jsx'])
    expect(hooks.failed).toHaveLength(3)
    expect(hooks.pauses).toEqual(TRANSIENT_RETRY_DELAYS_MS.slice(0, 3))
    expect(await snapshot(workspace.output)).toMatchObject({ 'Button.jsx': 'file:new\n', 'Card.jsx': 'file:added\n' })
  })

  it('on Windows, a file locked for good fails after a bounded number of tries, and what was there is back', async () => {
    const workspace = await prepared()
    const before = await snapshot(workspace.output)
    const hooks = locked('EPERM', /^put /, Infinity, 'win32')
    await expect(runAction(workspace.output, AFTER, false, hooks)).rejects.toMatchObject({ code: 'EPERM' })
    expect(hooks.pauses).toEqual(TRANSIENT_RETRY_DELAYS_MS)
    // The first `put` was tried once and then once per pause; the rollback's own steps succeeded.
    expect(hooks.failed).toHaveLength(TRANSIENT_RETRY_DELAYS_MS.length + 1)
    expect(await snapshot(workspace.output)).toEqual(before)
  })

  it('elsewhere EPERM is a real permission problem: reported at once, rolled back, no pause', async () => {
    const workspace = await prepared()
    const before = await snapshot(workspace.output)
    const hooks = locked('EPERM', /^put /, Infinity, 'linux')
    await expect(runAction(workspace.output, AFTER, false, hooks)).rejects.toMatchObject({ code: 'EPERM' })
    expect(hooks.pauses).toEqual([])
    expect(hooks.failed).toHaveLength(1)
    expect(await snapshot(workspace.output)).toEqual(before)
  })

  it('recovery after a crash waits through a locked file too', async () => {
    const workspace = await prepared()
    await expect(runAction(workspace.output, AFTER, false, failAt(6, 'crash'))).rejects.toThrow(SimulatedCrash)
    const hooks = locked('EBUSY', /./, 2, 'win32')
    await expect(recoverOutputFolder(workspace.output, { hooks })).resolves.not.toBe('clean')
    expect(hooks.pauses).toEqual(TRANSIENT_RETRY_DELAYS_MS.slice(0, 2))
    expect(await recoverOutputFolder(workspace.output)).toBe('clean')
  })
})
