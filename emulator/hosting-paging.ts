/**
 * ListArtifacts and ListDomainAssociations page as the service does: at most `maxResults` items
 * per answer (default and most 50), and a `nextToken` while more remain, which the next call
 * passes back. The token is opaque to the client; here it names the list (the operation and the
 * job or app) and the offset, so a token of another list, or one made up, is refused like the
 * service refuses an invalid token.
 */

/** The service's default and largest page of ListArtifacts (and ListJobs, ListDomainAssociations). */
export const MAX_ARTIFACTS_PER_PAGE = 50
const TOKEN_PREFIX = 'page:'

export interface Page {
  /** Indexes (0-based) of the items on this page. */
  indexes: number[]
  /** Set while more items follow. */
  nextToken?: string
}
export type ArtifactPage = Page

function tokenFor(listKey: string, offset: number): string {
  return Buffer.from(`${TOKEN_PREFIX}${JSON.stringify([listKey, offset])}`, 'utf8').toString('base64url')
}

function offsetOf(token: string, listKey: string, total: number, operation: string, of: string): number {
  const text = Buffer.from(token, 'base64url').toString('utf8')
  if (text.startsWith(TOKEN_PREFIX)) {
    try {
      const [key, offset] = JSON.parse(text.slice(TOKEN_PREFIX.length)) as [unknown, unknown]
      if (key === listKey && Number.isInteger(offset) && (offset as number) > 0 && (offset as number) < total) return offset as number
    } catch {
      // not one of ours: refused below
    }
  }
  throw new Error(`Invalid nextToken '${token.slice(0, 40)}': pass the nextToken of the previous ${operation} answer for this ${of}, or none to start.`)
}

function pageSize(raw: string | null): number {
  if (raw === null || raw === '') return MAX_ARTIFACTS_PER_PAGE
  const size = Number(raw)
  if (!Number.isInteger(size) || size < 0 || size > MAX_ARTIFACTS_PER_PAGE) {
    throw new Error(
      `1 validation error detected: Value '${raw}' at 'maxResults' failed to satisfy constraint: Member must have value between 0 and ${MAX_ARTIFACTS_PER_PAGE}`
    )
  }
  // 0 is within the model's range; answering empty pages to it forever would trap a client.
  return size === 0 ? MAX_ARTIFACTS_PER_PAGE : size
}

/**
 * The page `params` (maxResults, nextToken) asks for, of the `total` items that `operation`
 * lists for one `of` (a job, an app) identified by `key`.
 */
export function pageOf(operation: string, of: string, key: string, total: number, params: URLSearchParams): Page {
  const listKey = JSON.stringify([operation, key])
  const size = pageSize(params.get('maxResults'))
  const token = params.get('nextToken')
  const start = token === null || token === '' ? 0 : offsetOf(token, listKey, total, operation, of)
  const end = Math.min(total, start + size)
  const indexes = Array.from({ length: end - start }, (_, i) => start + i)
  return { indexes, ...(end < total ? { nextToken: tokenFor(listKey, end) } : {}) }
}

/** The page `params` asks for, of `total` artifacts of the job `jobKey`. */
export function pageOfArtifacts(jobKey: string, total: number, params: URLSearchParams): ArtifactPage {
  return pageOf('ListArtifacts', 'job', jobKey, total, params)
}
