import { MedusaRequest, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { env } from "../../../config"
import { signedWebhookRoute } from "../../../lib/http/signed-webhook"
import { isValidWhatsAppSignature } from "../../../modules/whatsapp/signature"
import { GetWhatsAppWebhookParams, PostWhatsAppWebhook } from "./validators"

/** Whether the raw body carries Meta's `X-Hub-Signature-256` for our app secret. */
export const isSignedByMeta = (rawBody: Buffer, req: MedusaRequest): boolean =>
  isValidWhatsAppSignature(rawBody, req.headers["x-hub-signature-256"], env.WHATSAPP_APP_SECRET ?? "")

export const whatsAppWebhookMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/hooks/whatsapp",
    middlewares: [validateAndTransformQuery(GetWhatsAppWebhookParams, {})],
  },
  signedWebhookRoute({
    matcher: "/hooks/whatsapp",
    isSigned: isSignedByMeta,
    middlewares: [validateAndTransformBody(PostWhatsAppWebhook)],
    // Meta batches up to 1000 changes in one delivery.
    limit: 3 * 1024 * 1024,
  }),
]
