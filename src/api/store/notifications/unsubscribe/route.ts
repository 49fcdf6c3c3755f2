import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { UNSUBSCRIBE_TOKEN_PURPOSE } from "../../../../lib/notifications/links"
import { NOTIFICATION_CHANNELS, NotificationChannel } from "../../../../lib/notifications/types"
import { verifyToken } from "../../../../lib/signed-token"
import { recordConsentsWorkflow } from "../../../../workflows/consent/record-consents"
import { StoreUnsubscribeParamsType } from "./validators"

/**
 * Marketing opt-out for the one customer and channel the signed token names.
 * GET (a link opened from the message) and POST (one-click unsubscribe,
 * RFC 8058) do the same; repeating it changes nothing.
 */
const unsubscribe = async (req: MedusaRequest<unknown, StoreUnsubscribeParamsType>, res: MedusaResponse) => {
  const claims = verifyToken(UNSUBSCRIBE_TOKEN_PURPOSE, req.validatedQuery.token as string)
  const channel = claims?.channel as NotificationChannel | undefined
  if (!claims?.customer_id || !channel || !NOTIFICATION_CHANNELS.includes(channel)) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "This unsubscribe link is not valid")
  }
  await recordConsentsWorkflow(req.scope).run({
    input: {
      choices: [
        { customer_id: claims.customer_id, channel, purpose: "marketing", granted: false, source: "unsubscribe_link" },
      ],
    },
  })
  res.json({ unsubscribed: true, channel })
}

export const GET = unsubscribe
export const POST = unsubscribe
