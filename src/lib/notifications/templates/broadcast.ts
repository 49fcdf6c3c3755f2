import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { defineTemplate, lines } from "./define"
import { emailDocument, escapeHtml, html, link, paragraph, SafeHtml } from "./html"

/** The variables a broadcast's subject and body may use, e.g. `Hi {{first_name}}`. */
export const BROADCAST_VARIABLES = ["first_name", "last_name", "email"] as const

const VARIABLE = /\{\{\s*([^{}\s]+)\s*\}\}/g
type BroadcastVariable = (typeof BROADCAST_VARIABLES)[number]

const isKnown = (name: string): name is BroadcastVariable => (BROADCAST_VARIABLES as readonly string[]).includes(name)

/** The unknown variable names in a subject or body (empty when it only uses known ones), each once. */
export function validateBroadcastBody(body: string): string[] {
  const unknown = [...body.matchAll(VARIABLE)].map((match) => match[1]).filter((name) => !isKnown(name))
  return [...new Set(unknown)]
}

const BroadcastData = z.object({
  subject: z.string().nullish(),
  body: z.string().min(1),
  customer: z.object({
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    email: z.string().nullish(),
  }),
  /** The recipient's signed opt-out link. */
  unsubscribe_url: z.string().min(1),
})

type Broadcast = z.infer<typeof BroadcastData>

function assertKnownVariables(...texts: (string | null | undefined)[]) {
  const unknown = [...new Set(texts.flatMap((text) => (text ? validateBroadcastBody(text) : [])))]
  if (unknown.length) {
    const names = `${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Unknown broadcast variable${names}; use ${BROADCAST_VARIABLES.join(", ")}`
    )
  }
}

/** Replaces each (known) variable with the customer's value, passed through `escape`; missing values become "". */
const substitute = (template: string, customer: Broadcast["customer"], escape: (value: string) => string) =>
  template.replace(VARIABLE, (match, name: string) => (isKnown(name) ? escape(customer[name]?.trim() ?? "") : match))

const asText = (value: string) => value

/** The body as HTML paragraphs: the body's text and the customer's values are all escaped. */
const bodyHtml = (body: string, customer: Broadcast["customer"]) =>
  body
    .trim()
    .split(/\n\s*\n/)
    .map((block) =>
      paragraph(
        new SafeHtml(
          block
            .split("\n")
            .map((line) => substitute(escapeHtml(line), customer, escapeHtml))
            .join("<br>")
        )
      )
    )

/** A marketing message written by staff, with the customer's variables and an unsubscribe line. */
export const broadcastTemplate = defineTemplate("broadcast", {
  schema: BroadcastData,
  email: ({ subject, body, customer, unsubscribe_url }) => {
    assertKnownVariables(subject, body)
    if (!subject?.trim()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, 'Template "broadcast" data: subject is required for email')
    }
    const title = substitute(subject.trim(), customer, asText)
    return {
      subject: title,
      text: lines(substitute(body.trim(), customer, asText), "", `Unsubscribe: ${unsubscribe_url}`),
      html: emailDocument(
        title,
        bodyHtml(body, customer),
        html`You receive this because you agreed to hear from us. ${link(unsubscribe_url, "Unsubscribe")}`
      ),
    }
  },
  short: ({ body, customer, unsubscribe_url }) => {
    assertKnownVariables(body)
    return lines(substitute(body.trim(), customer, asText), `Unsubscribe: ${unsubscribe_url}`)
  },
})
