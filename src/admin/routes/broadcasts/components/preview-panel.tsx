import { Container, Heading, Text, clx } from "@medusajs/ui"
import { SectionError, SectionText } from "../../../components/query-state"
import { BroadcastPreviewInput, useBroadcastPreview } from "../../../hooks/broadcasts"
import { RenderedMessageView } from "./rendered-message-view"

type Props = {
  /** What to preview, or null while the form is incomplete. */
  input: BroadcastPreviewInput | null
  /** Why `input` is null, shown instead of the preview. */
  problems: string[]
  className?: string
}

/** Why customers are left out, and a warning when nobody would get the message. */
const audienceNote = (size: number, leftOut: number): string | null => {
  if (!size) {
    return leftOut
      ? "Nobody in this audience would get it: none has opted in to this channel with an address for it."
      : "No customer matches this audience."
  }
  return leftOut ? "Left out: customers not opted in to this channel, or with no address for it." : null
}

/** Audience size and the message as a sample customer gets it, from the server. */
export const PreviewPanel = ({ input, problems, className }: Props) => {
  const { data, isFetching, isError, error } = useBroadcastPreview(input)
  const note = data ? audienceNote(data.audience_size, data.skipped_opted_out) : null

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
        <SectionError error={error} />
      ) : !data ? (
        <SectionText>Loading…</SectionText>
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
                Left out
              </Text>
              <Heading level="h2" data-testid="preview-left-out">
                {data.skipped_opted_out}
              </Heading>
            </div>
            {note && (
              <Text
                size="small"
                className={clx("col-span-2", data.audience_size ? "text-ui-fg-subtle" : "text-ui-fg-error")}
              >
                {note}
              </Text>
            )}
          </div>
          <div className="px-6 py-4">
            <RenderedMessageView channel={input.channel} rendered={data.rendered} />
          </div>
        </>
      )}
    </Container>
  )
}
