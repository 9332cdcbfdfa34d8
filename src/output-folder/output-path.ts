/**
 * Where the output folder may be: a folder below the workspace root, outside .git, also after
 * resolving symlinks. The output-folder code writes only there, so the rule lives beside it.
 */
import { dirname, relative, resolve, sep } from 'node:path'
import { InputError, quote } from '../errors.js'
import { isInside, nearestExisting, realpathOfMaybeMissing, realpathOrSelf, statOrUndefined } from '../workspace-paths.js'

export interface OutputTarget {
  /** Workspace-relative, with `/`, as reported in outputs. */
  relative: string
  /** Absolute, with symlinks resolved: where files are written. */
  absolute: string
}

/**
 * output-path: a folder below the workspace root, outside .git, also after resolving symlinks,
 * so that neither a typo nor a symlink in the repository can make the action write elsewhere.
 */
export function resolveOutputPath(raw: string, workspace: string): OutputTarget {
  const realWorkspace = realpathOrSelf(workspace)
  const lexical = resolve(workspace, raw)
  if (lexical === resolve(workspace) || !isInside(resolve(workspace), lexical)) {
    throw new InputError('output-path', `${quote(raw)} is not a folder below the workspace root: give a workspace-relative folder such as src/ui-components.`)
  }
  let real: string
  try {
    real = realpathOfMaybeMissing(lexical)
  } catch {
    throw new InputError('output-path', `${quote(raw)} goes through a broken symlink; fix or remove the link, or choose another folder.`)
  }
  if (real === realWorkspace || !isInside(realWorkspace, real)) {
    throw new InputError('output-path', `${quote(raw)} leads outside the workspace (or to its root) through a symlink; give a real folder below the workspace.`)
  }
  const relativeReal = relative(realWorkspace, real)
  const relativeLexical = relative(resolve(workspace), lexical)
  for (const path of [relativeReal, relativeLexical]) {
    if (path.split(sep).some(segment => segment.toLowerCase() === '.git')) {
      throw new InputError('output-path', `${quote(raw)} is inside .git; choose a folder outside the repository's .git folder.`)
    }
  }
  const existing = statOrUndefined(real)
  if (existing && !existing.isDirectory()) {
    throw new InputError('output-path', `${quote(raw)} exists and is not a folder; give a folder (it is created when missing).`)
  }
  if (!existing) {
    // A missing folder is created later, which fails when a part of its path is a file.
    const blocker = nearestExisting(dirname(real))
    if (blocker && !blocker.stats.isDirectory()) {
      throw new InputError(
        'output-path',
        `${quote(raw)} lies below ${quote(relative(realWorkspace, blocker.path).split(sep).join('/'))}, which is a file, not a folder; give a folder.`
      )
    }
  }
  return { relative: relativeLexical.split(sep).join('/'), absolute: real }
}
