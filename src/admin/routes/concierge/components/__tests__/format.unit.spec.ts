import {
  assigneeLabel,
  customerLabel,
  formatDay,
  formatDuration,
  formatRelative,
  formatTopic,
  groupByDay,
  staffName,
} from "../format"

const NOW = new Date("2030-01-10T12:00:00Z").getTime()
const ago = (ms: number) => new Date(NOW - ms).toISOString()

describe("concierge formatting", () => {
  it("says how long ago, and switches to a date after a week", () => {
    expect(formatRelative(ago(20_000), NOW, "en-US")).toBe("just now")
    expect(formatRelative(ago(5 * 60_000), NOW, "en-US")).toBe("5 minutes ago")
    expect(formatRelative(ago(3 * 3_600_000 + 59 * 60_000), NOW, "en-US")).toBe("3 hours ago")
    expect(formatRelative(ago(-2 * 3_600_000), NOW, "en-US")).toBe("in 2 hours")
    expect(formatRelative(ago(86_400_000 + 3_600_000), NOW, "en-US")).toBe("yesterday")
    expect(formatRelative(ago(8 * 86_400_000), NOW, "en-US")).toBe("Jan 2, 2030")
    expect(formatRelative(null, NOW)).toBe("-")
  })

  it("writes durations in hours and minutes", () => {
    expect(formatDuration(30_000)).toBe("less than a minute")
    expect(formatDuration(12 * 60_000 + 59_000)).toBe("12 min")
    expect(formatDuration(23 * 3_600_000 + 5 * 60_000)).toBe("23 h 5 min")
    expect(formatDuration(2 * 3_600_000)).toBe("2 h")
  })

  it("names the assignee as well as the staff list allows", () => {
    const staff = [{ id: "user_1", email: "ada@example.com", first_name: "Ada", last_name: "Obi" }]
    expect(assigneeLabel(null, "user_1", staff)).toBe("Unassigned")
    expect(assigneeLabel("user_1", "user_1", staff)).toBe("You (Ada Obi)")
    expect(assigneeLabel("user_1", "user_1", undefined)).toBe("You")
    expect(assigneeLabel("user_1", "user_2", staff)).toBe("Ada Obi")
    expect(assigneeLabel("user_9", "user_2", staff)).toBe("Someone else")
    expect(staffName({ email: "sam@example.com", first_name: null, last_name: " " })).toBe("sam@example.com")
  })

  it("prefers the account name, then the WhatsApp profile, then the phone", () => {
    const conversation = { profile_name: "Chi", customer_phone: "+2348031234567" }
    const customer = {
      id: "cus_1",
      email: "c@example.com",
      first_name: "Chioma",
      last_name: "Eze",
      phone: null,
      has_account: true,
      created_at: "2030-01-01T00:00:00Z",
    }
    expect(customerLabel(conversation, customer)).toBe("Chioma Eze")
    expect(customerLabel(conversation, { ...customer, first_name: null, last_name: null })).toBe("Chi")
    expect(customerLabel({ profile_name: null, customer_phone: "+2348031234567" })).toBe("+2348031234567")
  })

  it("turns topic slugs into words", () => {
    expect(formatTopic("order_status")).toBe("Order status")
    expect(formatTopic("Where is my parcel?")).toBe("Where is my parcel?")
    expect(formatTopic(null)).toBe("-")
  })
})

describe("thread days", () => {
  // Local noon, so the test holds in any time zone.
  const noon = new Date(2030, 0, 10, 12, 0).getTime()
  const at = (days: number, hour: number) => new Date(2030, 0, 10 - days, hour, 30).toISOString()

  it("labels today, yesterday and older days", () => {
    expect(formatDay(at(0, 1), noon, "en-US")).toBe("Today")
    expect(formatDay(at(1, 23), noon, "en-US")).toBe("Yesterday")
    expect(formatDay(at(3, 9), noon, "en-US")).toBe("Mon, Jan 7, 2030")
  })

  it("groups consecutive messages of the same day", () => {
    const messages = [at(2, 9), at(2, 10), at(0, 8), at(0, 11)].map((sent_at, id) => ({ id, sent_at }))
    const groups = groupByDay(messages, (m) => m.sent_at, noon, "en-US")
    expect(groups.map((g) => [g.day, g.items.map((m) => m.id)])).toEqual([
      ["Tue, Jan 8, 2030", [0, 1]],
      ["Today", [2, 3]],
    ])
  })
})
