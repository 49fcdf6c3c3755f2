import { z } from "@medusajs/framework/zod"
import { defineTemplate } from "./define"
import { emailDocument, paragraph } from "./html"

const AdminOtpData = z.object({
  code: z.union([z.string(), z.number()]).transform(String),
  expires_in_minutes: z.coerce.number().int().positive().default(10),
})

/** The one-time sign-in code for the admin dashboard. */
export const adminOtpTemplate = defineTemplate("admin-otp", {
  schema: AdminOtpData,
  email: ({ code, expires_in_minutes }) => {
    const subject = "Your admin sign-in code"
    const body = [
      `Your sign-in code is ${code}.`,
      `It expires in ${expires_in_minutes} minutes and works once.`,
      "If you did not ask for it, ignore this email: nobody can sign in without the code.",
    ]
    return { subject, text: body.join("\n"), html: emailDocument(subject, body.map(paragraph)) }
  },
  short: ({ code, expires_in_minutes }) =>
    `Your admin sign-in code is ${code}. It expires in ${expires_in_minutes} minutes and works once.`,
})
