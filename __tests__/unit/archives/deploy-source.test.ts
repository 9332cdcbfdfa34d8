/**
 * What `source` may be for a deploy (src/archives/deploy-source.ts): a workspace folder or .zip,
 * or a URL Amplify fetches; everything else refused with what to give instead.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_SOURCE_URL_LENGTH, resolveDeploySource, withoutCredentials } from '../../../src/archives/deploy-source.js'
import { InputError } from '../../../src/errors.js'

let parent: string
let workspace: string

beforeEach(() => {
  parent = realpathSync(mkdtempSync(join(tmpdir(), 'aja-source-')))
  workspace = join(parent, 'repo')
  mkdirSync(join(workspace, 'dist/assets'), { recursive: true })
  writeFileSync(join(workspace, 'dist/index.html'), '<p>hi</p>')
  writeFileSync(join(workspace, 'site.zip'), 'PK')
  writeFileSync(join(workspace, 'notes.txt'), 'x')
  mkdirSync(join(workspace, '.git/objects'), { recursive: true })
  mkdirSync(join(parent, 'elsewhere'))
})

afterEach(() => {
  rmSync(parent, { recursive: true, force: true })
})

function refusal(raw: string): string {
  try {
    resolveDeploySource(raw, workspace)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as Error).message
  }
  throw new Error(`expected ${raw} to be refused`)
}

describe('resolveDeploySource', () => {
  it('a folder of the workspace: its real path and how it reads', () => {
    expect(resolveDeploySource('dist/', workspace)).toEqual({ kind: 'folder', relative: 'dist', absolute: join(workspace, 'dist') })
    expect(resolveDeploySource('./dist/assets', workspace)).toEqual({ kind: 'folder', relative: 'dist/assets', absolute: join(workspace, 'dist/assets') })
  })

  it('a .zip file of the workspace (any case of the extension)', () => {
    writeFileSync(join(workspace, 'SITE.ZIP'), 'PK')
    expect(resolveDeploySource('site.zip', workspace)).toEqual({ kind: 'zip-file', relative: 'site.zip', absolute: join(workspace, 'site.zip') })
    expect(resolveDeploySource('SITE.ZIP', workspace).kind).toBe('zip-file')
  })

  it('a folder reached through a symlink inside the workspace is taken at its real place', () => {
    symlinkSync(join(workspace, 'dist'), join(workspace, 'public'))
    expect(resolveDeploySource('public', workspace)).toEqual({ kind: 'folder', relative: 'public', absolute: join(workspace, 'dist') })
  })

  it.each([
    ['s3://my-bucket/builds/42/', 'BUCKET_PREFIX'],
    ['s3://my-bucket/builds/42.zip', 'ZIP'],
    ['s3://my.bucket-1/site', 'ZIP'],
    ['https://cdn.example.com/site.zip?v=1', 'ZIP']
  ])('%s is a URL Amplify fetches (%s)', (raw, type) => {
    expect(resolveDeploySource(raw, workspace)).toEqual({ kind: 'url', url: raw, shown: raw.replace(/\?.*/, '?…'), type })
  })

  it('shows a presigned https URL without its query string or user info', () => {
    const raw = 'https://user:pa55word@bucket.s3.amazonaws.com/site.zip?X-Amz-Signature=abcdef0123456789&X-Amz-Expires=900#top'
    expect(resolveDeploySource(raw, workspace)).toMatchObject({ kind: 'url', url: raw, shown: 'https://bucket.s3.amazonaws.com/site.zip?…' })
    expect(withoutCredentials('https://example.com/site.zip#part')).toBe('https://example.com/site.zip')
    expect(refusal('http://bucket.example.com/site.zip?Signature=abcdef0123456789')).toBe(
      'Input \'source\': "http://bucket.example.com/site.zip?…" is a plain http URL; Amplify fetches a source over https (or from S3). Use an https:// URL.'
    )
  })

  it.each<[string, string | (() => string), RegExp]>([
    ['nothing', '', /is required for job-type 'deploy'/],
    ['a missing folder', 'build', /"build" does not exist in the workspace\. Build the site before this step/],
    ['the workspace root', '.', /is the workspace root, which would publish the whole repository/],
    ['the workspace root, spelled otherwise', 'dist/..', /is the workspace root/],
    ['a folder outside', '../elsewhere', /is outside the workspace/],
    ['an absolute path outside', () => join(parent, 'elsewhere'), /is outside the workspace/],
    ['inside .git', '.git/objects', /is inside \.git, which would publish the repository's history/],
    ['.git itself, any case', '.GIT', /is inside \.git/],
    ['a file that is not a zip', 'notes.txt', /is a file but not a \.zip/],
    ['a plain http URL', 'http://example.com/site.zip', /is a plain http URL; .* Use an https:\/\/ URL\./],
    ['another scheme', 'ftp://example.com/site.zip', /is a ftp:\/\/ URL; use a workspace folder/],
    ['an s3 URL without a key', 's3://my-bucket', /does not name an S3 bucket/],
    ['an s3 URL with a bucket only', 's3://my-bucket/', /names a bucket but no prefix or key/],
    ['an s3 bucket name S3 would refuse', 's3://My_Bucket/site.zip', /does not name an S3 bucket/],
    ['control characters', 'dist\n', /holds control characters/]
  ])('refuses %s', (_label, raw, message) => {
    expect(refusal(typeof raw === 'string' ? raw : raw())).toMatch(message)
  })

  it('refuses a URL longer than StartDeployment takes, saying the limit', () => {
    const raw = `https://example.com/${'a'.repeat(MAX_SOURCE_URL_LENGTH)}.zip`
    expect(refusal(raw)).toBe(`Input 'source': is ${raw.length} characters long; Amplify takes a source URL of at most ${MAX_SOURCE_URL_LENGTH}.`)
  })

  it('refuses symlinks that lead out of the workspace, to its root, or nowhere', () => {
    symlinkSync(join(parent, 'elsewhere'), join(workspace, 'out'))
    symlinkSync(workspace, join(workspace, 'root'))
    symlinkSync(join(workspace, 'gone'), join(workspace, 'broken'))
    symlinkSync(join(workspace, '.git'), join(workspace, 'history'))
    expect(refusal('out')).toMatch(/leads outside the workspace through a symlink/)
    expect(refusal('root')).toMatch(/leads to the workspace root through a symlink/)
    expect(refusal('broken')).toMatch(/goes through a broken symlink/)
    expect(refusal('history')).toMatch(/is inside \.git/)
  })
})
