import {
  addVariable,
  checkTemplateReply,
  checkTextReply,
  emptyTemplateForm,
  removeVariable,
  replyErrorOf,
  replyModeOf,
  setVariable,
} from "../reply-mode"

const NOW = new Date("2030-01-10T12:00:00Z").getTime()

describe("reply mode", () => {
  it("allows free text while the window is open, with the time left", () => {
    const closes = new Date(NOW + 90 * 60_000).toISOString()
    expect(replyModeOf({ open: true, closes_at: closes }, NOW)).toEqual({
      mode: "text",
      closesAt: closes,
      remainingMs: 90 * 60_000,
    })
  })

  it("needs a template when the customer never wrote on WhatsApp", () => {
    expect(replyModeOf({ open: false, closes_at: null }, NOW)).toEqual({
      mode: "template",
      reason: "never_wrote",
      closedAt: null,
    })
  })

  it("needs a template once the window has closed, even if the last poll said open", () => {
    const closed = new Date(NOW - 1).toISOString()
    expect(replyModeOf({ open: true, closes_at: closed }, NOW)).toEqual({
      mode: "template",
      reason: "expired",
      closedAt: closed,
    })
    expect(replyModeOf({ open: false, closes_at: new Date(NOW + 5000).toISOString() }, NOW).mode).toBe("template")
  })
})

describe("reply checks", () => {
  it("trims text and refuses empty or over-long replies", () => {
    expect(checkTextReply("  hello  ")).toEqual({ input: { text: "hello" }, problems: [] })
    expect(checkTextReply("   ")).toEqual({ input: null, problems: ["Write a reply."] })
    expect(checkTextReply("x".repeat(4097)).problems).toEqual(["Keep the reply under 4096 characters (it has 4097)."])
  })

  it("builds a template body with the language defaulting to en", () => {
    const form = { name: " order_follow_up ", language: " ", variables: [" Ada ", "CN-7K3QX9"] }
    expect(checkTemplateReply(form)).toEqual({
      input: { template: "order_follow_up", language: "en", variables: ["Ada", "CN-7K3QX9"] },
      problems: [],
    })
    expect(checkTemplateReply({ ...emptyTemplateForm, name: "hello", language: "pt_BR" }).input).toEqual({
      template: "hello",
      language: "pt_BR",
      variables: [],
    })
  })

  it("explains what is wrong with a template form", () => {
    expect(checkTemplateReply(emptyTemplateForm).problems).toEqual(["Enter the template's name."])
    expect(checkTemplateReply({ name: "Order Follow-up", language: "english", variables: ["a", " ", ""] })).toEqual({
      input: null,
      problems: [
        "Template names use lower case letters, digits and _ only, e.g. order_follow_up.",
        "The language is a code like en or en_US.",
        "Fill in or remove the empty variables {{2}}, {{3}}.",
      ],
    })
    expect(checkTemplateReply({ name: "x", language: "en", variables: ["y".repeat(1025)] }).problems).toEqual([
      "Shorten {{1}} to 1024 characters.",
    ])
  })

  it("adds, edits and removes variables, up to 20", () => {
    expect(addVariable(["a"])).toEqual(["a", ""])
    expect(setVariable(["a", ""], 1, "b")).toEqual(["a", "b"])
    expect(removeVariable(["a", "b", "c"], 1)).toEqual(["a", "c"])
    const full = Array.from({ length: 20 }, (_, i) => String(i))
    expect(addVariable(full)).toBe(full)
  })
})

describe("reply errors", () => {
  it("names the 409 and 502 cases and keeps the server's words", () => {
    const closed = "The customer's last WhatsApp message was more than 24 hours ago"
    expect(replyErrorOf({ status: 409, message: closed })).toEqual({
      title: "Free text is not allowed now: send a template",
      detail: closed,
    })
    expect(replyErrorOf({ status: 502, message: "WhatsApp did not accept the reply: 131026" })).toEqual({
      title: "WhatsApp refused the reply",
      detail: "WhatsApp did not accept the reply: 131026",
    })
    expect(replyErrorOf({ status: 500, message: " " })).toEqual({
      title: "The reply was not sent",
      detail: "No details were given.",
    })
    expect(replyErrorOf(undefined).title).toBe("The reply was not sent")
  })
})
