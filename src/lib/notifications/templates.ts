import { MedusaError } from "@medusajs/framework/utils"

export type RenderedEmail = { subject: string; text: string; html: string }

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

const paragraphs = (lines: string[]) => lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("")

/** Email templates by name; each takes the notification's data (and content overrides). */
const TEMPLATES: Record<string, (data: Record<string, unknown>) => RenderedEmail> = {
  "admin-otp": (data) => {
    const lines = [
      `Your sign-in code is ${String(data.code)}.`,
      `It expires in ${String(data.expires_in_minutes ?? 10)} minutes and works once.`,
      "If you did not ask for it, ignore this email: nobody can sign in without the code.",
    ]
    return { subject: "Your admin sign-in code", text: lines.join("\n"), html: paragraphs(lines) }
  },
}

export function renderEmail(template: string, data: Record<string, unknown>): RenderedEmail {
  const render = TEMPLATES[template]
  if (!render) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown email template "${template}"`)
  }
  return render(data)
}
