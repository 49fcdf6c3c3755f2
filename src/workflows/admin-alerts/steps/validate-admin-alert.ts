import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { env } from "../../../config"

export type AdminAlertInput = { key: string; title: string; message: string; url?: string }

/** The `admin-alert` template's data. */
export type AdminAlertData = { title: string; message: string; url?: string }

export const validateAdminAlertStepId = "validate-admin-alert"

/**
 * Checks the alert and resolves its link: a path such as `/app/orders/order_1`
 * is made absolute with BACKEND_URL (where the admin dashboard is served).
 */
export const validateAdminAlertStep = createStep(validateAdminAlertStepId, async (input: AdminAlertInput) => {
  for (const field of ["key", "title", "message"] as const) {
    if (typeof input[field] !== "string" || !input[field].trim()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} is required`)
    }
  }
  const data: AdminAlertData = { title: input.title.trim(), message: input.message.trim() }
  if (input.url) {
    const url = input.url.startsWith("/") ? `${(env.BACKEND_URL ?? "").replace(/\/+$/, "")}${input.url}` : input.url
    if (!URL.canParse(url) || !["http:", "https:"].includes(new URL(url).protocol)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `url must be a path or an http(s) URL, got "${input.url}"`)
    }
    data.url = url
  }
  return new StepResponse(data)
})
