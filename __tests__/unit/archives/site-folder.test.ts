import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import * as net from 'node:net'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { InputError, UnsafeContentError } from '../../../src/errors.js'
import { listSiteFolder, type SiteListing } from '../../../src/archives/site-folder.js'
import { missingIndexWarning } from '../../../src/archives/site-index.js'
import { errorOf } from '../../helpers/errors.js'

let base: string
let site: string

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'site-folder-test-'))
  site = path.join(base, 'dist')
  await mkdir(site)
})

afterEach(async () => {
  await rm(base, { recursive: true, force: true })
})

/** Writes files below `root` (default: the site), creating their folders. */
async function files(entries: Record<string, string | Buffer>, root = site): Promise<void> {
  for (const [name, content] of Object.entries(entries)) {
    const file = path.join(root, ...name.split('/'))
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  }
}

const list = (options: { label?: string; signal?: AbortSignal } = {}): Promise<SiteListing> => listSiteFolder(site, { label: 'dist', ...options })

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The listing is refused with `type`, and its message matches every pattern. */
async function expectRefused(type: typeof UnsafeContentError | typeof InputError, ...patterns: RegExp[]): Promise<string> {
  const error = await errorOf(list())
  expect(error).toBeInstanceOf(type)
  for (const pattern of patterns) expect(error.message).toMatch(pattern)
  return error.message
}

describe('listSiteFolder: what it lists', () => {
  it('lists every file with its relative name, absolute path and size, sorted bytewise by UTF-8 name', async () => {
    // JavaScript's sort puts "😀" (a surrogate pair, 0xD83D...) before "ﬀ" (0xFB00); in UTF-8 it is after.
    const names = ['index.html', 'a/b.js', 'a-b.js', 'a.b.js', 'B.css', 'ﬀ.txt', '😀.txt', 'é/x.html', '.well-known/security.txt']
    await files(Object.fromEntries(names.map((name, index) => [name, 'x'.repeat(index + 1)])))
    const listing = await list()
    expect(listing.files.map(file => file.name)).toEqual([
      '.well-known/security.txt',
      'B.css',
      'a-b.js',
      'a.b.js',
      'a/b.js',
      'index.html',
      'é/x.html',
      'ﬀ.txt',
      '😀.txt'
    ])
    for (const file of listing.files) {
      expect(file.path).toBe(path.join(site, ...file.name.split('/')))
      expect(file.size).toBe(names.indexOf(file.name) + 1)
    }
    expect(listing.files.reduce((sum, file) => sum + file.size, 0)).toBe((names.length * (names.length + 1)) / 2)
    expect(listing.hasRootIndex).toBe(true)
    expect(listing.indexFolder).toBeUndefined()
    expect(missingIndexWarning(listing, 'dist')).toBeUndefined()
  })

  it('leaves out empty folders, and lists empty files', async () => {
    await mkdir(path.join(site, 'empty', 'deeper'), { recursive: true })
    await files({ 'index.html': '<p>', 'assets/blank.css': '' })
    const listing = await list()
    expect(listing.files.map(file => [file.name, file.size])).toEqual([
      ['assets/blank.css', 0],
      ['index.html', 3]
    ])
  })

  it('keeps names that differ only in case or Unicode normalisation (S3 serves both)', async () => {
    await files({ 'Logo.png': 'upper', 'logo.png': 'lower', 'caf\u00e9.html': 'nfc', 'cafe\u0301.html': 'nfd' })
    const listing = await list()
    expect(listing.files.map(file => file.name)).toEqual(['Logo.png', 'cafe\u0301.html', 'caf\u00e9.html', 'logo.png'])
  })

  it('lists thousands of files in many folders, and a folder 150 levels deep', async () => {
    const many: Record<string, string> = {}
    for (let folder = 0; folder < 40; folder++) for (let file = 0; file < 75; file++) many[`f${folder}/${file}.js`] = `${folder}/${file}`
    await files(many)
    const deep = Array.from({ length: 150 }, () => 'd').join('/')
    await files({ [`${deep}/index.html`]: 'deep' })
    const listing = await list()
    expect(listing.files).toHaveLength(40 * 75 + 1)
    expect(listing.files.map(file => file.name)).toContain(`${deep}/index.html`)
    expect(new Set(listing.files.map(file => file.name)).size).toBe(listing.files.length)
  })

  it('follows a file symlink inside the folder: the link name, the target content', async () => {
    await files({ 'index.html': 'home', 'assets/app.3f2a.js': 'code' })
    await symlink('assets/app.3f2a.js', path.join(site, 'app.js'))
    const listing = await list()
    expect(listing.files).toEqual([
      { name: 'app.js', path: path.join(site, 'assets', 'app.3f2a.js'), size: 4 },
      { name: 'assets/app.3f2a.js', path: path.join(site, 'assets', 'app.3f2a.js'), size: 4 },
      { name: 'index.html', path: path.join(site, 'index.html'), size: 4 }
    ])
  })

  it('walks a folder symlink inside the folder under the link name', async () => {
    await files({ 'index.html': 'home', 'v2/docs/a.html': 'a', 'v2/docs/img/b.svg': 'b' })
    await symlink('v2/docs', path.join(site, 'latest'))
    const listing = await list()
    expect(listing.files.map(file => file.name)).toEqual(['index.html', 'latest/a.html', 'latest/img/b.svg', 'v2/docs/a.html', 'v2/docs/img/b.svg'])
    expect(listing.files.find(file => file.name === 'latest/img/b.svg')?.path).toBe(path.join(site, 'v2', 'docs', 'img', 'b.svg'))
  })

  it('takes a site folder reached through a symlink', async () => {
    await files({ 'index.html': 'home' })
    const link = path.join(base, 'link-to-dist')
    await symlink(site, link)
    const listing = await listSiteFolder(link)
    expect(listing.files).toEqual([{ name: 'index.html', path: path.join(site, 'index.html'), size: 4 }])
  })
})

describe('listSiteFolder: index.html', () => {
  it('without a root index.html, names the shallowest folder that has one (the first in order at equal depth)', async () => {
    await files({ 'assets/app.js': 'x', 'docs/index.html': 'd', 'build/site/index.html': 's', 'b/index.html': 'b', 'zz/index.html': 'z' })
    const listing = await list()
    expect(listing.hasRootIndex).toBe(false)
    expect(listing.indexFolder).toBe('b')
    expect(missingIndexWarning(listing, 'dist/')).toBe("No index.html at the root of dist; dist/b has one: set 'source: dist/b' if that folder is the site.")
  })

  it('without any index.html, says so', async () => {
    await files({ 'app.js': 'x', 'Index.html': 'not the same name on S3' })
    const listing = await list()
    expect(listing.hasRootIndex).toBe(false)
    expect(listing.indexFolder).toBeUndefined()
    expect(missingIndexWarning(listing, 'dist')).toMatch(
      /^No index\.html in dist or any folder below it: .*'source' is the folder the build writes the site into/
    )
  })
})

describe('listSiteFolder: refusals', () => {
  it('refuses a missing folder, a file, and a folder without files', async () => {
    await rm(site, { recursive: true })
    await expectRefused(InputError, /^Input 'source': the folder "dist" does not exist\. Build the site before this step/)
    await writeFile(site, 'not a folder')
    await expectRefused(InputError, /^Input 'source': "dist" is not a folder\./)
    await rm(site)
    await mkdir(path.join(site, 'empty', 'sub'), { recursive: true })
    const message = await expectRefused(
      InputError,
      /^Input 'source': "dist" holds no files \(empty folders are not deployed\)\. Build the site before this step/
    )
    expect(message).toMatch(/set 'source' to the folder the build writes it into/)
  })

  it('refuses a .git folder at the root or deeper, and a .git file', async () => {
    await files({ 'index.html': 'x', '.git/HEAD': 'ref: refs/heads/main' })
    await expectRefused(
      UnsafeContentError,
      /^Refusing to deploy "dist": it holds a \.git folder, "dist\/\.git", and deploying it would publish the repository/,
      /Point 'source' at the folder/
    )
    await rm(path.join(site, '.git'), { recursive: true })
    await files({ 'vendor/lib/.GIT/config': '[core]' })
    await expectRefused(UnsafeContentError, /it holds a \.git folder, "dist\/vendor\/lib\/\.GIT"/)
    await rm(path.join(site, 'vendor'), { recursive: true })
    await files({ 'sub/.git': 'gitdir: ../../.git/modules/sub' })
    await expectRefused(UnsafeContentError, /it holds "dist\/sub\/\.git", a \.git entry/, /Remove it from the folder/)
  })

  it('refuses a symlink that resolves outside the folder, to a file or a folder', async () => {
    await files({ 'index.html': 'x' })
    await files({ credentials: 'secret' }, base)
    await symlink('../credentials', path.join(site, 'creds.txt'))
    await expectRefused(
      UnsafeContentError,
      new RegExp(
        `^Refusing to deploy "dist": "dist/creds.txt" is a symbolic link to "${escape(path.join(await realpath(base), 'credentials'))}", outside the folder, and deploying it could publish files of the runner`
      ),
      /Replace the link with a copy of what it should publish, or remove it\./
    )
    await rm(path.join(site, 'creds.txt'))
    await mkdir(path.join(site, 'deep'))
    await symlink(base, path.join(site, 'deep', 'up'))
    await expectRefused(UnsafeContentError, /"dist\/deep\/up" is a symbolic link to .*, outside the folder/)
  })

  it('refuses a symlink through another symlink that ends outside', async () => {
    await files({ 'index.html': 'x', secret: 's' }, base)
    await symlink('secret', path.join(base, 'hop'))
    await files({ 'index.html': 'x' })
    await symlink('../hop', path.join(site, 'looks-inside'))
    await expectRefused(UnsafeContentError, /"dist\/looks-inside" is a symbolic link to ".*secret", outside the folder/)
  })

  it('refuses a dangling symlink and a symlink loop', async () => {
    await files({ 'index.html': 'x' })
    await symlink('missing.js', path.join(site, 'app.js'))
    await expectRefused(
      UnsafeContentError,
      /"dist\/app\.js" is a symbolic link to something that does not exist\. Remove the link, or create what it points to/
    )
    await rm(path.join(site, 'app.js'))
    await symlink('b', path.join(site, 'a'))
    await symlink('a', path.join(site, 'b'))
    await expectRefused(UnsafeContentError, /"dist\/(a|b)" is a symbolic link that leads back to itself \(a loop of links\)\. Remove the link\./)
  })

  it('refuses a folder symlink to an ancestor, and two folder symlinks that lead to each other', async () => {
    await files({ 'index.html': 'x', 'docs/a.html': 'a' })
    await symlink('..', path.join(site, 'docs', 'up'))
    await expectRefused(
      UnsafeContentError,
      /"dist\/docs\/up" is a symbolic link to "dist", a folder that holds the link itself, so the site would never end\. Remove the link\./
    )
    await rm(path.join(site, 'docs', 'up'))
    await files({ 'b/b.html': 'b' })
    await symlink('../b', path.join(site, 'docs', 'to-b'))
    await symlink('../docs', path.join(site, 'b', 'to-docs'))
    await expectRefused(UnsafeContentError, /is a symbolic link to "dist\/(docs|b)", a folder that holds the link itself/)
  })

  it('refuses a named pipe and a socket', async () => {
    await files({ 'index.html': 'x' })
    execFileSync('mkfifo', [path.join(site, 'pipe')])
    await expectRefused(
      UnsafeContentError,
      /^Refusing to deploy "dist": "dist\/pipe" is a named pipe \(FIFO\), not a regular file\. Only files and folders can be deployed/
    )
    await rm(path.join(site, 'pipe'))
    const server = net.createServer()
    await new Promise<void>(resolve => server.listen(path.join(site, 'app.sock'), resolve))
    try {
      await expectRefused(UnsafeContentError, /"dist\/app\.sock" is a socket, not a regular file/)
    } finally {
      await new Promise(resolve => server.close(resolve))
    }
  })

  it('refuses a symlink to a named pipe inside the folder', async () => {
    await files({ 'index.html': 'x' })
    await mkdir(path.join(site, 'private'))
    execFileSync('mkfifo', [path.join(site, 'private', 'pipe')])
    await symlink('private/pipe', path.join(site, 'data.json'))
    // Either the pipe itself or the link to it is met first; both are refused with what they are.
    await expectRefused(
      UnsafeContentError,
      /"dist\/(data\.json" is a symbolic link to a named pipe|private\/pipe" is a named pipe) \(FIFO\), not a regular file/
    )
  })

  it.each([
    ['page?.html', /one of < > : " \| \? \*/],
    ['pages/con.html', /"CON" is a reserved device name on Windows/],
    ['tab\there.txt', /"dist\/tab\\u\{9\}here\.txt" .*it contains a control character/],
    ['trailing./x.js', /ends with a dot or a space/],
    ['.Amplify-Job-Action.json', /reserved for the action's own bookkeeping/]
  ])('refuses the name %j with the rule it breaks', async (name, why) => {
    await files({ 'index.html': 'x', [name]: 'content' })
    await expectRefused(
      UnsafeContentError,
      /^Refusing to deploy "dist": the file ".*" has a name that is not safe in a zip \(/,
      why,
      /Rename the file in the build, or remove it from the folder\./
    )
  })

  it("leaves out the action's own bookkeeping at the root of a folder that was an output-path, and nothing else", async () => {
    await files({ 'index.html': 'x', '.amplify-job-action.json': '{}', '.amplify-job-action.work/journal.json': '{}', 'docs/.amplify-job-action.json': 'y' })
    const listing = await list()
    expect(listing.leftOut).toEqual(['.amplify-job-action.json', '.amplify-job-action.work'])
    expect(listing.files.map(file => file.name)).toEqual(['docs/.amplify-job-action.json', 'index.html'])
  })

  it('refuses a name that is not valid UTF-8', async () => {
    await files({ 'index.html': 'x' })
    await writeFile(Buffer.concat([Buffer.from(site + '/caf'), Buffer.from([0xe9]), Buffer.from('.html')]), 'latin-1 name')
    await expectRefused(UnsafeContentError, /the name "dist\/caf\uFFFD\.html" is not valid UTF-8 on disk .* Rename the file in the build\./)
  })

  it('stops with the signal reason when aborted', async () => {
    await files({ 'index.html': 'x', 'a/b.js': 'y' })
    const controller = new AbortController()
    controller.abort(new Error('cancelled before the walk'))
    expect((await errorOf(list({ signal: controller.signal }))).message).toBe('cancelled before the walk')
    const during = new AbortController()
    const listing = list({ signal: during.signal })
    during.abort(new Error('cancelled during the walk'))
    expect((await errorOf(listing)).message).toBe('cancelled during the walk')
  })
})
