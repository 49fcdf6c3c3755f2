import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { renderEmail } from "../../../lib/notifications/templates"
import { IssuedOtp } from "./issue-otp"

export const sendOtpStepId = "send-otp"

/** Emails the code. It travels as `content`, which the notification module does not store. */
export const sendOtpStep = createStep(sendOtpStepId, async (issued: IssuedOtp, { container }) => {
  if (!issued) {
    return new StepResponse(void 0)
  }
  const notifications = container.resolve(Modules.NOTIFICATION)
  const { email, code, expires_in_minutes } = issued
  await notifications.createNotifications({
    to: email,
    channel: "email",
    template: "admin-otp",
    data: { expires_in_minutes },
    content: renderEmail("admin-otp", { code, expires_in_minutes }),
  })
  return new StepResponse(void 0)
})
