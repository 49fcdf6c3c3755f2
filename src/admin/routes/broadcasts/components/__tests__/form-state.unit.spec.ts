import { describeAudience, progressPercent } from "../format"
import { BroadcastFormState, checkForPreview, checkForSave, emptyBroadcastForm, parseCountryCodes } from "../form-state"

const form = (patch: Partial<BroadcastFormState>): BroadcastFormState => ({
  ...emptyBroadcastForm,
  name: "Launch",
  subject: "New in store",
  body: "Hi {{first_name}}",
  ...patch,
})
const NOW = new Date("2030-01-01T12:00:00Z")

describe("broadcast form", () => {
  it("builds the preview body without name or schedule", () => {
    const { input, problems } = checkForPreview(form({ scheduledAt: "2031-01-01T10:00" }))
    expect(problems).toEqual([])
    expect(input).toEqual({
      channel: "email",
      subject: "New in store",
      body: "Hi {{first_name}}",
      audience: { type: "all" },
    })
  })

  it("leaves the subject out for SMS and WhatsApp", () => {
    const { input } = checkForPreview(form({ channel: "sms", subject: "ignored" }))
    expect(input).toEqual({ channel: "sms", body: "Hi {{first_name}}", audience: { type: "all" } })
  })

  it("asks for a subject on email and a body on every channel", () => {
    expect(checkForPreview(form({ subject: "  ", body: " " }))).toEqual({
      input: null,
      problems: ["Emails need a subject.", "Write the message body."],
    })
    expect(checkForPreview(form({ channel: "whatsapp", subject: "" })).input).not.toBeNull()
  })

  it("needs at least one customer group", () => {
    const none = checkForPreview(form({ audienceType: "customer_groups" }))
    expect(none.input).toBeNull()
    expect(none.problems).toEqual(["Pick at least one customer group."])
    const one = checkForPreview(form({ audienceType: "customer_groups", customerGroupIds: ["cusgroup_1"] }))
    expect(one.input?.audience).toEqual({ type: "customer_groups", customer_group_ids: ["cusgroup_1"] })
  })

  it("normalises country codes and rejects anything but two letters", () => {
    expect(parseCountryCodes(" NG, gh  us,ng ")).toEqual(["ng", "gh", "us"])
    expect(checkForPreview(form({ audienceType: "countries", countryCodes: "NG,GH" })).input?.audience).toEqual({
      type: "countries",
      country_codes: ["ng", "gh"],
    })
    expect(checkForPreview(form({ audienceType: "countries", countryCodes: "ng, nga" })).problems).toEqual([
      "Not two-letter country codes: nga.",
    ])
    expect(checkForPreview(form({ audienceType: "countries", countryCodes: " , " })).input).toBeNull()
  })

  it("turns the ordered-since day into the ISO instant of its local midnight", () => {
    const { input } = checkForPreview(form({ audienceType: "ordered_since", orderedSince: "2024-03-05" }))
    expect(input?.audience).toEqual({
      type: "ordered_since",
      ordered_since: new Date(2024, 2, 5, 0, 0).toISOString(),
    })
    expect(checkForPreview(form({ audienceType: "ordered_since" })).problems).toEqual([
      "Pick the date of the earliest order.",
    ])
  })

  it("saves with a trimmed name and a future schedule as ISO", () => {
    const { input } = checkForSave(form({ name: "  Launch  ", scheduledAt: "2030-02-01T09:30" }), NOW)
    expect(input).toMatchObject({
      name: "Launch",
      scheduled_at: new Date(2030, 1, 1, 9, 30).toISOString(),
    })
    expect(checkForSave(form({}), NOW).input?.scheduled_at).toBeNull()
  })

  it("refuses to save without a name, or with a schedule in the past", () => {
    expect(checkForSave(form({ name: " " }), NOW).problems).toEqual(["Give the broadcast a name."])
    expect(checkForSave(form({ scheduledAt: "2029-12-01T09:00" }), NOW)).toEqual({
      input: null,
      problems: ["Pick a time in the future, or clear it to send on demand."],
    })
  })
})

describe("broadcast formatting", () => {
  it("counts sent, failed and skipped as done, rounding down", () => {
    expect(progressPercent({ total: 0, queued: 0, sent: 0, failed: 0, skipped: 0 })).toBe(0)
    expect(progressPercent({ total: 3, queued: 1, sent: 1, failed: 1, skipped: 0 })).toBe(66)
    expect(progressPercent({ total: 4, queued: 0, sent: 2, failed: 1, skipped: 1 })).toBe(100)
  })

  it("names customer groups when it knows them", () => {
    expect(
      describeAudience({ type: "customer_groups", customer_group_ids: ["g1", "g2"] }, { g1: "VIP" })
    ).toBe("Customer groups: VIP, g2")
    expect(describeAudience({ type: "countries", country_codes: ["ng", "us"] })).toBe("Countries: NG, US")
  })
})
