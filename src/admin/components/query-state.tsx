import { Button, Container, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import { Link } from "react-router-dom"

/** A line of subtle text as a section of a container: "Loading…", "Nothing recorded yet." */
export const SectionText = ({ children }: { children: ReactNode }) => (
  <Text size="small" className="text-ui-fg-subtle px-6 py-4">
    {children}
  </Text>
)

/** Why a request failed, as a section of a container. */
export const SectionError = ({ error }: { error: Error }) => (
  <Text size="small" className="text-ui-fg-error px-6 py-4">
    {error.message}
  </Text>
)

/** A list with nothing in it: what is missing, and what brings something. */
export const EmptyState = ({ title, description }: { title: ReactNode; description: ReactNode }) => (
  <div className="flex flex-col items-center gap-y-1 px-6 py-10">
    <Text size="small" weight="plus">
      {title}
    </Text>
    <Text size="small" className="text-ui-fg-subtle">
      {description}
    </Text>
  </div>
)

type QueryStateProps = {
  /** The query's result (useQuery or useInfiniteQuery). */
  query: { isLoading: boolean; isError: boolean; error: Error | null }
  isEmpty: boolean
  /** Shown when the query found nothing: a `SectionText` or an `EmptyState`. */
  empty: ReactNode
  children: ReactNode
}

/** A query's part of a container: "Loading…", then its error, `empty`, or `children`. */
export const QueryState = ({ query, isEmpty, empty, children }: QueryStateProps) => {
  if (query.isLoading) {
    return <SectionText>Loading…</SectionText>
  }
  if (query.isError && query.error) {
    return <SectionError error={query.error} />
  }
  return <>{isEmpty ? empty : children}</>
}

/** A detail page while its record loads. */
export const PageLoading = () => (
  <Container className="px-6 py-4">
    <Text size="small" className="text-ui-fg-subtle">
      Loading…
    </Text>
  </Container>
)

/** A detail page whose record could not be read: why, and the way back to its list. */
export const PageError = ({ message, backTo, backLabel }: { message: string; backTo: string; backLabel: string }) => (
  <Container className="flex flex-col items-start gap-y-3 px-6 py-4">
    <Text size="small" className="text-ui-fg-error">
      {message}
    </Text>
    <Button size="small" variant="secondary" asChild>
      <Link to={backTo}>{backLabel}</Link>
    </Button>
  </Container>
)
