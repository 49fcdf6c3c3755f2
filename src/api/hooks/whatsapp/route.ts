import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { timingSafeEqual } from "node:crypto"
import { env } from "../../../config"
import { WHATSAPP_WEBHOOK_RECEIVED } from "../../../workflows/concierge/events"
import { GetWhatsAppWebhookParamsType, PostWhatsAppWebhookType } from "./validators"

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Meta's subscription handshake: echo the challenge only to a caller that knows the verify token. */
export const GET = async (req: MedusaRequest<unknown, GetWhatsAppWebhookParamsType>, res: MedusaResponse) => {
  const query = req.validatedQuery as GetWhatsAppWebhookParamsType
  if (!env.WHATSAPP_VERIFY_TOKEN || !sameSecret(query["hub.verify_token"], env.WHATSAPP_VERIFY_TOKEN)) {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, "The verify token does not match")
  }
  res.type("text/plain").send(query["hub.challenge"])
}

/**
 * A signed, well-formed delivery (both checked by the middlewares) is handed to
 * the event bus and answered at once; the worker stores it (see process-whatsapp-webhook).
 */
export const POST = async (req: MedusaRequest<PostWhatsAppWebhookType>, res: MedusaResponse) => {
  await req.scope.resolve(Modules.EVENT_BUS).emit(
    { name: WHATSAPP_WEBHOOK_RECEIVED, data: { payload: req.validatedBody } },
    { attempts: 3, backoff: { type: "exponential", delay: 2000 } }
  )
  res.sendStatus(200)
}
