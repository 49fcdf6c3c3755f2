import { z } from "@medusajs/framework/zod"
import { defineTemplate, lines } from "./define"
import { button, emailDocument, heading, paragraph } from "./html"

const AdminAlertData = z.object({
  title: z.string().min(1),
  message: z.string(),
  /** Where to act on it, e.g. the admin page of the product or conversation. */
  url: z.string().optional(),
})

/** A staff alert, e.g. low stock or a new concierge escalation. */
export const adminAlertTemplate = defineTemplate("admin-alert", {
  schema: AdminAlertData,
  email: ({ title, message, url }) => {
    const subject = `Store alert: ${title}`
    return {
      subject,
      text: lines(title, "", message, url ? "" : null, url ? `Open: ${url}` : null),
      html: emailDocument(subject, [
        heading(title),
        ...message.split(/\n+/).map(paragraph),
        ...(url ? [button(url, "Open in the dashboard")] : []),
      ]),
    }
  },
  short: ({ title, message, url }) => lines(`Store alert: ${title}`, message, url ? `Open: ${url}` : null),
})
