import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fetchConversationMedia } from "../../../../../../../../lib/concierge/media"

/** Types shown in the browser; anything else (HTML, SVG, scripts a customer might send) is a download. */
const INLINE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"])

/** The image or document a customer sent, fetched from WhatsApp for staff to view. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const media = await fetchConversationMedia(req.scope, req.params.id, req.params.message_id)
  const filename = (media.filename ?? req.params.message_id).replace(/[^\w.\- ]/g, "_")
  const inline = INLINE_TYPES.has(media.mime_type)
  res.setHeader("Content-Type", inline ? media.mime_type : "application/octet-stream")
  res.setHeader("Content-Disposition", `${inline ? "inline" : "attachment"}; filename="${filename}"`)
  res.setHeader("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("Cache-Control", "private, max-age=300")
  res.send(media.bytes)
}
