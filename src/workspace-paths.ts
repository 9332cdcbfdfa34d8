/**
 * Path questions about the workspace that the input rules ask: is a path inside a folder, where does
 * it lead once symlinks are resolved (also when its last parts do not exist yet).
 */
import { lstatSync, realpathSync, type Stats, statSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'

export function isInside(parent: string, child: string): boolean {
  const path = relative(parent, child)
  // `..name` is a folder inside; only `..` itself or `../...` leaves.
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path))
}

export function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return resolve(path)
  }
}

export function realpathOrSelfOfMaybeMissing(path: string): string {
  try {
    return realpathOfMaybeMissing(path)
  } catch {
    return resolve(path)
  }
}

/** Resolves symlinks in the part of `path` that exists and appends the part that does not. */
export function realpathOfMaybeMissing(path: string): string {
  let existing = path
  const missing: string[] = []
  while (!exists(existing)) {
    const parent = dirname(existing)
    if (parent === existing) break
    missing.unshift(existing.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)))
    existing = parent
  }
  return join(realpathSync(existing), ...missing)
}

export function exists(path: string): boolean {
  try {
    lstatSync(path)
    return true
  } catch {
    return false
  }
}

export function nearestExisting(path: string): { path: string; stats: Stats } | undefined {
  for (let current = path; ; current = dirname(current)) {
    const stats = statOrUndefined(current)
    if (stats) return { path: current, stats }
    if (dirname(current) === current) return undefined
  }
}

export function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}
