import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { resourcePath } from "../../../lib/activity-format"

/** Resource type over its id; the id links to the resource's dashboard page when it has one. */
export const ResourceLabel = ({
  resourceType,
  resourceId,
}: {
  resourceType: string | null
  resourceId: string | null
}) => {
  if (!resourceType && !resourceId) {
    return <>-</>
  }
  const path = resourcePath(resourceType, resourceId)
  return (
    <div className="flex min-w-0 flex-col">
      <Text size="small" className="truncate">
        {resourceType ?? "-"}
      </Text>
      {resourceId &&
        (path ? (
          <Link
            to={path}
            className="txt-compact-xsmall text-ui-fg-interactive hover:text-ui-fg-interactive-hover truncate font-mono"
            title={resourceId}
            onClick={(event) => event.stopPropagation()}
          >
            {resourceId}
          </Link>
        ) : (
          <Text size="xsmall" className="text-ui-fg-subtle truncate font-mono" title={resourceId}>
            {resourceId}
          </Text>
        ))}
    </div>
  )
}
