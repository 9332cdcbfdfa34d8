#!/usr/bin/env node
/**
 * Makes a Node 24 binary available for the end-to-end tests (the action runs on `node24` in
 * GitHub), from the npm registry's per-platform node package, cached in .cache/node24.
 * Prints the binary's path. Used by `npm test` (pretest) and the benchmarks.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const NODE24_VERSION = '24.21.0'
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const prefix = join(root, '.cache', 'node24')
const platform = process.platform === 'win32' ? 'win' : process.platform
const packageName = `node-${platform}-${process.arch}`
const binary = join(prefix, 'node_modules', packageName, 'bin', process.platform === 'win32' ? 'node.exe' : 'node')

export function node24Path() {
  return binary
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(binary)) {
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `${packageName}@${NODE24_VERSION}`], {
      stdio: ['ignore', 'ignore', 'inherit']
    })
  }
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim()
  if (!version.startsWith('v24.')) throw new Error(`expected Node 24 at ${binary}, found ${version}`)
  console.log(binary)
}
