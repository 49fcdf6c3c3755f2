import { Container, Heading, Text, clx } from "@medusajs/ui"
import { BroadcastPreviewInput, useBroadcastPreview } from "../../../hooks/broadcasts"
import { RenderedMessageView } from "./rendered-message-view"

type Props = {
  /** What to preview, or null while the form is incomplete. */
  input: BroadcastPreviewInput | null
  /** Why `input` is null, shown instead of the preview. */
  problems: string[]
  className?: string
}

/** Audience size and the message as a sample customer gets it, from the server. */
export const PreviewPanel = ({ input, problems, className }: Props) => {
  const { data, isFetching, isError, error } = useBroadcastPreview(input)

  return (
    <Container className={clx("divide-y p-0", className)}>
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Preview</Heading>
        {input && isFetching && (
          <Text size="small" className="text-ui-fg-muted">
            Updating…
          </Text>
        )}
      </div>
      {!input ? (
        <ul className="flex list-disc flex-col gap-y-1 py-4 pl-10 pr-6">
          {problems.map((problem) => (
            <li key={problem}>
              <Text size="small" className="text-ui-fg-subtle">
                {problem}
              </Text>
            </li>
          ))}
        </ul>
      ) : isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {error.message}
        </Text>
      ) : !data ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Loading…
        </Text>
      ) : (
        <>
          <div className="grid grid-cols-2 gap-4 px-6 py-4">
            <div>
              <Text size="small" className="text-ui-fg-subtle">
                Audience size
              </Text>
              <Heading level="h2" data-testid="preview-audience-size">
                {data.audience_size}
              </Heading>
            </div>
            <div>
              <Text size="small" className="text-ui-fg-subtle">
                Left out (opted out)
              </Text>
              <Heading level="h2">{data.skipped_opted_out}</Heading>
            </div>
          </div>
          <div className="px-6 py-4">
            <RenderedMessageView channel={input.channel} rendered={data.rendered} />
          </div>
        </>
      )}
    </Container>
  )
}
