import { model } from "@medusajs/framework/utils"

/** One store request made with an impersonation token, with both identities. */
export const ImpersonationRequest = model
  .define("impersonation_request", {
    id: model.id({ prefix: "imprq" }).primaryKey(),
    impersonator_user_id: model.text(),
    customer_id: model.text(),
    method: model.text(),
    path: model.text(),
    status_code: model.number(),
  })
  .indexes([{ on: ["customer_id"] }, { on: ["impersonator_user_id"] }])
