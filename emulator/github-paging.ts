/**
 * List pages as the GitHub REST API makes them: `per_page` (default 30, at most 100) and `page`
 * (from 1), and a `Link` header written the way GitHub writes it, so a client that follows
 * rel="next" (octokit's paginate) works here as it works there. GitHub's links name the
 * repository by id (`/repositories/<id>/...`), keep the request's other query parameters in
 * their order, and replace `page` where it was or add it at the end:
 *
 *   first page:  <...?per_page=100&page=2>; rel="next", <...?per_page=100&page=5>; rel="last"
 *   in between:  rel="prev", rel="next", rel="last", rel="first"
 *   last page:   rel="prev", rel="first"
 *   past the end (an empty list): rel="prev", rel="last", rel="first"
 *
 * A list that fits on one page, asked for its first page, has no Link header at all.
 */

export const DEFAULT_PER_PAGE = 30
export const MAX_PER_PAGE = 100

export interface ListPage {
  /** Indexes (0-based) of the items on this page. */
  start: number
  end: number
  /** The Link header, when GitHub sends one. */
  link?: string
}

/** GitHub reads a missing or unreadable number as the default and caps per_page at 100. */
function positiveInteger(raw: string | null, fallback: number): number {
  const value = raw === null ? NaN : Number(raw)
  return Number.isInteger(value) && value >= 1 ? value : fallback
}

function pageUrl(listUrl: string, query: URLSearchParams, page: number): string {
  const params = new URLSearchParams(query)
  params.set('page', String(page))
  return `${listUrl}?${params.toString()}`
}

/**
 * The page `query` asks for, of a list of `total` items whose canonical address (by repository
 * id) is `listUrl`.
 */
export function listPage(listUrl: string, total: number, query: URLSearchParams): ListPage {
  const perPage = Math.min(MAX_PER_PAGE, positiveInteger(query.get('per_page'), DEFAULT_PER_PAGE))
  const page = positiveInteger(query.get('page'), 1)
  const lastPage = Math.max(1, Math.ceil(total / perPage))
  const start = Math.min(total, (page - 1) * perPage)
  const end = Math.min(total, start + perPage)

  const links: string[] = []
  const add = (target: number, rel: string): void => {
    links.push(`<${pageUrl(listUrl, query, target)}>; rel="${rel}"`)
  }
  if (page > 1) add(Math.min(page - 1, lastPage), 'prev')
  if (page < lastPage) add(page + 1, 'next')
  if (page !== lastPage) add(lastPage, 'last')
  if (page > 1) add(1, 'first')
  return { start, end, ...(links.length > 0 ? { link: links.join(', ') } : {}) }
}
