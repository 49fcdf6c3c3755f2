import { Container, Heading, Text } from "@medusajs/ui"
import type { Broadcast } from "../../../hooks/broadcasts"

/** The template as saved, variables unfilled. */
export const BroadcastMessage = ({ broadcast }: { broadcast: Broadcast }) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Heading level="h2">Message</Heading>
    </div>
    {broadcast.subject !== null && (
      <div className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          Subject
        </Text>
        <Text size="small" weight="plus">
          {broadcast.subject}
        </Text>
      </div>
    )}
    <div className="px-6 py-4">
      <Text size="small" className="bg-ui-bg-subtle whitespace-pre-wrap break-words rounded-md px-3 py-2 font-mono">
        {broadcast.body}
      </Text>
    </div>
  </Container>
)
