/**
 * Where a site's index.html is (src/archives/site-index.ts), from a folder's or a zip's names, and
 * the warning that names where it is when it is not at the root.
 */
import { describe, expect, it } from '@jest/globals'
import { indexPlacement, missingIndexWarning } from '../../../src/archives/site-index.js'

describe('indexPlacement', () => {
  it('at the root wins whatever comes before it', () => {
    expect(indexPlacement(['a/index.html', 'index.html'])).toEqual({ hasRootIndex: true, indexFolder: undefined })
  })

  it('otherwise the shallowest folder that has one, the first at equal depth; a name of another case is not it', () => {
    expect(indexPlacement(['x/y/index.html', 'b/index.html', 'a/index.html', 'Index.html'])).toEqual({ hasRootIndex: false, indexFolder: 'b' })
    expect(indexPlacement(['app.js', 'INDEX.HTML'])).toEqual({ hasRootIndex: false, indexFolder: undefined })
  })
})

describe('missingIndexWarning for a .zip source', () => {
  it('names the folder inside the zip that holds the site, and how to zip it', () => {
    expect(missingIndexWarning({ hasRootIndex: false, indexFolder: 'dist' }, 'site.zip', 'zip')).toBe(
      'No index.html at the root of site.zip; its folder dist has one, so the site would be served under /dist/. ' +
        "Zip the contents of dist, not the folder itself, or give the site's folder as 'source'."
    )
  })

  it('says when the zip has none at all, and nothing when it is at the root', () => {
    expect(missingIndexWarning({ hasRootIndex: false, indexFolder: undefined }, 'site.zip', 'zip')).toMatch(
      /^No index\.html in site\.zip: the site's root page will be missing/
    )
    expect(missingIndexWarning({ hasRootIndex: true, indexFolder: undefined }, 'site.zip', 'zip')).toBeUndefined()
  })
})
