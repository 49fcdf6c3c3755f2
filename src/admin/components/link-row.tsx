import { Table } from "@medusajs/ui"
import { ReactNode } from "react"
import { Link, useNavigate } from "react-router-dom"

/** A table row that opens `to` on a click anywhere in it; its main cell holds a `RowLink` to the same page. */
export const LinkRow = ({ to, children }: { to: string; children: ReactNode }) => {
  const navigate = useNavigate()
  return (
    <Table.Row className="cursor-pointer" onClick={() => navigate(to)}>
      {children}
    </Table.Row>
  )
}

/** The row's real link, for the keyboard and for opening in a new tab; a click on it is not also the row's. */
export const RowLink = ({
  to,
  className = "txt-compact-small-plus",
  children,
}: {
  to: string
  /** The text style; the focus ring is added. */
  className?: string
  children: ReactNode
}) => (
  <Link
    to={to}
    className={`${className} focus-visible:shadow-borders-focus rounded-sm outline-none`}
    onClick={(event) => event.stopPropagation()}
  >
    {children}
  </Link>
)
