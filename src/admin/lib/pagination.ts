/** What an offset-paginated admin list endpoint takes. */
export type PageQuery = { limit: number; offset: number }

/** What it answers with next to its rows (`{ broadcasts, count, offset, limit }`). */
export type PageInfo = { count: number; offset: number; limit: number }

/** How many pages `count` rows fill: at least one, so an empty list is page 1 of 1. */
export const pageCountOf = (count: number, pageSize: number): number => Math.max(1, Math.ceil(count / pageSize))

/** The query for a zero-based page. */
export const pageQueryOf = (pageIndex: number, pageSize: number): PageQuery => ({
  limit: pageSize,
  offset: pageIndex * pageSize,
})
