import { Fragment } from "react"

/** An action such as `inventory_adjustment.created`, allowed to wrap only after its dots and underscores. */
export const ActionName = ({ action }: { action: string }) => (
  <span className="txt-compact-small-plus">
    {action.split(/(?<=[._])/).map((part, index) => (
      <Fragment key={index}>
        {index > 0 && <wbr />}
        {part}
      </Fragment>
    ))}
  </span>
)
