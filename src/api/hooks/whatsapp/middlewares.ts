import {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { env } from "../../../config"
import { isValidWhatsAppSignature } from "../../../modules/whatsapp/signature"
import { GetWhatsAppWebhookParams } from "./validators"

/** Refuses a delivery whose `X-Hub-Signature-256` does not match the raw body, before anything reads it. */
export function verifyWhatsAppSignature(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const valid = isValidWhatsAppSignature(
    req.rawBody,
    req.headers["x-hub-signature-256"],
    env.WHATSAPP_APP_SECRET ?? ""
  )
  next(valid ? undefined : new MedusaError(MedusaError.Types.UNAUTHORIZED, "Invalid webhook signature"))
}

export const whatsAppWebhookMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/hooks/whatsapp",
    middlewares: [validateAndTransformQuery(GetWhatsAppWebhookParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/hooks/whatsapp",
    bodyParser: { preserveRawBody: true },
    middlewares: [verifyWhatsAppSignature],
  },
]
