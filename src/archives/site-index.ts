/**
 * Where a site's index.html is (the page Amplify Hosting serves at the site's root), for a folder's
 * files or a zip's names, and the warning when it is not at the root: the usual mistake is to give
 * (or zip) the folder above the site.
 */

/** The page Amplify Hosting serves at the site's root. */
export const INDEX_FILE = 'index.html'

/** Where a site's index.html is: at its root, or (the warning's hint) in a sub-folder. */
export interface IndexPlacement {
  /** Whether the site has `index.html` directly at its root. */
  hasRootIndex: boolean
  /**
   * Without a root index.html: the shallowest sub-folder holding one, relative, '/'-joined (the
   * first in the names' order among folders of equal depth); undefined when no folder has one.
   */
  indexFolder: string | undefined
}

/** Where index.html is among a site's '/'-joined relative names (a folder's files, or a zip's). */
export function indexPlacement(names: readonly string[]): IndexPlacement {
  let indexFolder: string | undefined
  let indexDepth = Infinity
  for (const name of names) {
    if (name === INDEX_FILE) return { hasRootIndex: true, indexFolder: undefined }
    if (name.endsWith(`/${INDEX_FILE}`)) {
      const depth = name.split('/').length
      if (depth < indexDepth) {
        indexDepth = depth
        indexFolder = name.slice(0, -(INDEX_FILE.length + 1))
      }
    }
  }
  return { hasRootIndex: false, indexFolder }
}

/**
 * The warning for a site without an index.html at its root (the usual sign of a `source` one folder
 * too high), or undefined when it has one. `label` names the folder as the user wrote it.
 */
export function missingIndexWarning(placement: IndexPlacement, label: string, kind: 'folder' | 'zip' = 'folder'): string | undefined {
  if (placement.hasRootIndex) return undefined
  const where = label.replace(/(?<=.)\/+$/u, '')
  if (kind === 'zip') {
    if (placement.indexFolder !== undefined) {
      return (
        `No ${INDEX_FILE} at the root of ${where}; its folder ${placement.indexFolder} has one, so the site would be served under /${placement.indexFolder}/. ` +
        `Zip the contents of ${placement.indexFolder}, not the folder itself, or give the site's folder as 'source'.`
      )
    }
    return `No ${INDEX_FILE} in ${where}: the site's root page will be missing. Check that the zip holds the site the build wrote.`
  }
  if (placement.indexFolder !== undefined) {
    const better = `${where}/${placement.indexFolder}`
    return `No ${INDEX_FILE} at the root of ${where}; ${better} has one: set 'source: ${better}' if that folder is the site.`
  }
  return `No ${INDEX_FILE} in ${where} or any folder below it: the site's root page will be missing. Check that 'source' is the folder the build writes the site into.`
}
