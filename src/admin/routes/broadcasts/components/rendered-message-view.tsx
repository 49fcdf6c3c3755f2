import { Text } from "@medusajs/ui"
import type { BroadcastChannel, BroadcastPreview } from "../../../hooks/broadcasts"

type Props = {
  channel: BroadcastChannel
  rendered: BroadcastPreview["rendered"]
}

/**
 * The rendered sample. Email HTML goes in an iframe with an empty `sandbox`: no
 * scripts, forms or same-origin access to the dashboard's session. Its background
 * is white in dark mode too, as in a mail client.
 */
export const RenderedMessageView = ({ channel, rendered }: Props) => {
  if (channel !== "email") {
    return (
      <div className="flex flex-col gap-y-2">
        <Text size="small" className="text-ui-fg-subtle">
          Sample message
        </Text>
        <div className="bg-ui-bg-subtle shadow-elevation-card-rest max-w-sm rounded-lg px-4 py-3">
          <Text size="small" className="whitespace-pre-wrap break-words">
            {rendered.text}
          </Text>
        </div>
      </div>
    )
  }

  return (
    <div className="flex flex-col gap-y-3">
      <div>
        <Text size="small" className="text-ui-fg-subtle">
          Subject
        </Text>
        <Text size="small" weight="plus">
          {rendered.subject ?? "-"}
        </Text>
      </div>
      {rendered.html && (
        <iframe
          title="Email preview"
          sandbox=""
          srcDoc={rendered.html}
          className="border-ui-border-base h-80 w-full rounded-md border bg-white"
        />
      )}
      <details>
        <summary className="text-ui-fg-subtle txt-compact-small cursor-pointer">Plain-text version</summary>
        <Text size="small" className="bg-ui-bg-subtle mt-2 whitespace-pre-wrap break-words rounded-md px-3 py-2">
          {rendered.text}
        </Text>
      </details>
    </div>
  )
}
