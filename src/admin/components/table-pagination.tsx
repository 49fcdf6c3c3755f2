import { Table } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { PageQuery, pageCountOf, pageQueryOf } from "../lib/pagination"

/** Which page of a list is shown (zero-based) and how to show another. */
export type Pagination = {
  pageIndex: number
  pageSize: number
  onPageChange: (pageIndex: number) => void
}

/** Page state held by the component, from the first page, with the `{ limit, offset }` that fetches it. */
export function usePagination(pageSize: number): Pagination & { query: PageQuery } {
  const [pageIndex, setPageIndex] = useState(0)
  return { pageIndex, pageSize, onPageChange: setPageIndex, query: pageQueryOf(pageIndex, pageSize) }
}

/**
 * Rows can go away under the page shown (deleted, resolved, restocked elsewhere):
 * once the list has answered (`loaded`), never stay on a page past the last one.
 */
export function useKeepPageInRange({ pageIndex, pageSize, onPageChange }: Pagination, count: number, loaded: boolean) {
  const pageCount = pageCountOf(count, pageSize)
  useEffect(() => {
    if (loaded && pageIndex >= pageCount) {
      onPageChange(pageCount - 1)
    }
  }, [loaded, pageIndex, pageCount, onPageChange])
}

/** The dashboard's footer under a paginated table: the range shown, previous and next. */
export const TablePagination = ({ count, pagination }: { count: number; pagination: Pagination }) => {
  const { pageIndex, pageSize, onPageChange } = pagination
  const pageCount = pageCountOf(count, pageSize)
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={pageIndex}
      pageCount={pageCount}
      canPreviousPage={pageIndex > 0}
      canNextPage={pageIndex + 1 < pageCount}
      previousPage={() => onPageChange(Math.max(0, pageIndex - 1))}
      nextPage={() => onPageChange(pageIndex + 1)}
    />
  )
}
