import type { ReplyInput, ReplyWindow } from "../../../hooks/concierge"

/**
 * WhatsApp's customer-service window: free text only until 24 hours after the
 * customer's last WhatsApp message; after that (or before they ever wrote
 * there, as with a storefront escalation) only an approved template.
 */
export type ReplyMode =
  | { mode: "text"; closesAt: string; remainingMs: number }
  | { mode: "template"; reason: "never_wrote" | "expired"; closedAt: string | null }

/**
 * Decided from `closes_at` and the current time rather than the server's
 * `open` flag alone, so a thread left open in a tab flips to templates when
 * the window closes.
 */
export function replyModeOf(window: ReplyWindow, now: number): ReplyMode {
  if (!window.closes_at) {
    return { mode: "template", reason: "never_wrote", closedAt: null }
  }
  const closesAt = new Date(window.closes_at).getTime()
  if (window.open && closesAt > now) {
    return { mode: "text", closesAt: window.closes_at, remainingMs: closesAt - now }
  }
  return { mode: "template", reason: "expired", closedAt: window.closes_at }
}

/** Same limits as the API, so most mistakes are caught before sending. */
export const TEXT_MAX_LENGTH = 4096
export const TEMPLATE_NAME_PATTERN = /^[a-z0-9_]{1,512}$/
export const TEMPLATE_LANGUAGE_PATTERN = /^[a-z]{2,3}(_[A-Z]{2})?$/
export const TEMPLATE_VARIABLE_MAX_LENGTH = 1024
export const TEMPLATE_MAX_VARIABLES = 20

export type TemplateForm = { name: string; language: string; variables: string[] }

export const emptyTemplateForm: TemplateForm = { name: "", language: "en", variables: [] }

type Checked = { input: ReplyInput | null; problems: string[] }

export function checkTextReply(text: string): Checked {
  const trimmed = text.trim()
  if (!trimmed) {
    return { input: null, problems: ["Write a reply."] }
  }
  if (trimmed.length > TEXT_MAX_LENGTH) {
    return { input: null, problems: [`Keep the reply under ${TEXT_MAX_LENGTH} characters (it has ${trimmed.length}).`] }
  }
  return { input: { text: trimmed }, problems: [] }
}

/** `{ template, language, variables }` for the API, or what is wrong with the form. */
export function checkTemplateReply(form: TemplateForm): Checked {
  const problems: string[] = []
  const name = form.name.trim()
  const language = form.language.trim() || "en"
  const variables = form.variables.map((variable) => variable.trim())
  if (!name) {
    problems.push("Enter the template's name.")
  } else if (!TEMPLATE_NAME_PATTERN.test(name)) {
    problems.push("Template names use lower case letters, digits and _ only, e.g. order_follow_up.")
  }
  if (!TEMPLATE_LANGUAGE_PATTERN.test(language)) {
    problems.push("The language is a code like en or en_US.")
  }
  if (variables.length > TEMPLATE_MAX_VARIABLES) {
    problems.push(`A template takes at most ${TEMPLATE_MAX_VARIABLES} variables.`)
  }
  const empty = variables.flatMap((variable, index) => (variable ? [] : [`{{${index + 1}}}`]))
  if (empty.length) {
    problems.push(`Fill in or remove the empty variable${empty.length > 1 ? "s" : ""} ${empty.join(", ")}.`)
  }
  const long = variables.flatMap((variable, index) =>
    variable.length > TEMPLATE_VARIABLE_MAX_LENGTH ? [`{{${index + 1}}}`] : []
  )
  if (long.length) {
    problems.push(`Shorten ${long.join(", ")} to ${TEMPLATE_VARIABLE_MAX_LENGTH} characters.`)
  }
  return problems.length ? { input: null, problems } : { input: { template: name, language, variables }, problems }
}

/** The variables list's edits, kept pure for the form. */
export const addVariable = (variables: string[]): string[] =>
  variables.length >= TEMPLATE_MAX_VARIABLES ? variables : [...variables, ""]

export const removeVariable = (variables: string[], index: number): string[] =>
  variables.filter((_, position) => position !== index)

export const setVariable = (variables: string[], index: number, value: string): string[] =>
  variables.map((variable, position) => (position === index ? value : variable))

/** What to tell staff when a reply was not sent, from the API's status and message. */
export function replyErrorOf(error: { message?: string; status?: number } | null | undefined): {
  title: string
  detail: string
} {
  const detail = error?.message?.trim() || "No details were given."
  switch (error?.status) {
    case 409:
      return { title: "Free text is not allowed now: send a template", detail }
    case 502:
      return { title: "WhatsApp refused the reply", detail }
    case 400:
      return { title: "The reply was not accepted", detail }
    case 403:
      return { title: "You may not reply to this conversation", detail }
    default:
      return { title: "The reply was not sent", detail }
  }
}
