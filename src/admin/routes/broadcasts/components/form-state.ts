import type {
  BroadcastAudience,
  BroadcastChannel,
  BroadcastInput,
  BroadcastPreviewInput,
} from "../../../hooks/broadcasts"

export type AudienceType = BroadcastAudience["type"]

/** The create form as typed: strings straight from the inputs. */
export type BroadcastFormState = {
  name: string
  channel: BroadcastChannel
  subject: string
  body: string
  audienceType: AudienceType
  customerGroupIds: string[]
  /** Comma- or space-separated ISO-2 codes, any case. */
  countryCodes: string
  /** `YYYY-MM-DD` from a date input, the admin's local day. */
  orderedSince: string
  /** `YYYY-MM-DDTHH:mm` from a datetime-local input; empty sends on "Send". */
  scheduledAt: string
}

export const emptyBroadcastForm: BroadcastFormState = {
  name: "",
  channel: "email",
  subject: "",
  body: "",
  audienceType: "all",
  customerGroupIds: [],
  countryCodes: "",
  orderedSince: "",
  scheduledAt: "",
}

export const parseCountryCodes = (raw: string): string[] => [
  ...new Set(
    raw
      .split(/[\s,]+/)
      .map((code) => code.trim().toLowerCase())
      .filter(Boolean)
  ),
]

const localToIso = (value: string): string | null => {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

const toAudience = (form: BroadcastFormState, problems: string[]): BroadcastAudience | null => {
  switch (form.audienceType) {
    case "all":
      return { type: "all" }
    case "customer_groups":
      if (!form.customerGroupIds.length) {
        problems.push("Pick at least one customer group.")
        return null
      }
      return { type: "customer_groups", customer_group_ids: form.customerGroupIds }
    case "countries": {
      const codes = parseCountryCodes(form.countryCodes)
      const bad = codes.filter((code) => !/^[a-z]{2}$/.test(code))
      if (!codes.length) {
        problems.push("Enter at least one country code, e.g. ng.")
        return null
      }
      if (bad.length) {
        problems.push(`Not two-letter country codes: ${bad.join(", ")}.`)
        return null
      }
      return { type: "countries", country_codes: codes }
    }
    case "ordered_since": {
      // Midnight at the start of the chosen day, in the admin's time zone.
      const since = form.orderedSince ? localToIso(`${form.orderedSince}T00:00`) : null
      if (!since) {
        problems.push("Pick the date of the earliest order.")
        return null
      }
      return { type: "ordered_since", ordered_since: since }
    }
  }
}

/** The request body, or null with the reasons while the form is not ready. */
type Checked<T> = { input: T | null; problems: string[] }

/** The message and audience: what the preview needs and what it shows. */
export const checkForPreview = (form: BroadcastFormState): Checked<BroadcastPreviewInput> => {
  const problems: string[] = []
  const subject = form.subject.trim()
  if (form.channel === "email" && !subject) {
    problems.push("Emails need a subject.")
  }
  if (!form.body.trim()) {
    problems.push("Write the message body.")
  }
  const audience = toAudience(form, problems)
  if (problems.length || !audience) {
    return { input: null, problems }
  }
  return {
    input: {
      channel: form.channel,
      ...(form.channel === "email" ? { subject } : {}),
      body: form.body,
      audience,
    },
    problems,
  }
}

/** Everything the preview checks, plus the name and an optional future schedule. */
export const checkForSave = (form: BroadcastFormState, now: Date = new Date()): Checked<BroadcastInput> => {
  const { input, problems } = checkForPreview(form)
  const name = form.name.trim()
  if (!name) {
    problems.unshift("Give the broadcast a name.")
  }
  let scheduledAt: string | null = null
  if (form.scheduledAt) {
    scheduledAt = localToIso(form.scheduledAt)
    if (!scheduledAt) {
      problems.push("The schedule is not a valid date and time.")
    } else if (new Date(scheduledAt) <= now) {
      problems.push("Pick a time in the future, or clear it to send on demand.")
    }
  }
  if (problems.length || !input) {
    return { input: null, problems }
  }
  return { input: { ...input, name, scheduled_at: scheduledAt }, problems }
}
