import { MedusaError } from "@medusajs/framework/utils"
import { renderEmail, renderTemplate, validateBroadcastBody } from ".."
import { NotificationChannel } from "../../types"

const UNSUBSCRIBE = "https://shop.example/unsubscribe?token=abc.def"

const broadcast = (overrides: Record<string, unknown> = {}) => ({
  subject: "New drop for {{first_name}}",
  body: "Hi {{ first_name }} {{last_name}},\nNew adire is in.\n\nWe wrote to {{email}}.",
  customer: { first_name: "Ada", last_name: "Obi", email: "ada@example.com" },
  unsubscribe_url: UNSUBSCRIBE,
  ...overrides,
})

describe("renderTemplate", () => {
  it("rejects an unknown template with INVALID_DATA", () => {
    for (const render of [
      () => renderTemplate("order-exploded", "email", {}),
      () => renderEmail("order-exploded", {}),
      () => renderTemplate("toString", "sms", {}),
    ]) {
      expect(render).toThrow(MedusaError)
      try {
        render()
      } catch (error) {
        expect((error as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
        expect((error as MedusaError).message).toMatch(/Unknown message template/)
      }
    }
  })

  it("rejects an unknown channel", () => {
    expect(() => renderTemplate("admin-alert", "pigeon" as NotificationChannel, { title: "t", message: "m" })).toThrow(
      /Unknown notification channel "pigeon"/
    )
  })
})

describe("admin-otp", () => {
  it("keeps its wording", () => {
    const email = renderEmail("admin-otp", { code: "123456", expires_in_minutes: 10 })
    expect(email.subject).toBe("Your admin sign-in code")
    expect(email.text).toBe(
      [
        "Your sign-in code is 123456.",
        "It expires in 10 minutes and works once.",
        "If you did not ask for it, ignore this email: nobody can sign in without the code.",
      ].join("\n")
    )
    expect(email.html).toContain("<p")
    expect(email.html).toContain("Your sign-in code is 123456.")
  })

  it("needs the code", () => {
    expect(() => renderEmail("admin-otp", { expires_in_minutes: 10 })).toThrow(/admin-otp.*code/)
  })
})

describe("admin-alert", () => {
  it("emails the title, message and link, escaped in HTML", () => {
    const data = { title: "Low stock: <Tee>", message: "Only 2 left\nReorder soon", url: "https://admin.example/app/x" }
    const email = renderTemplate("admin-alert", "email", data)
    expect(email.subject).toBe("Store alert: Low stock: <Tee>")
    expect(email.text).toBe("Low stock: <Tee>\n\nOnly 2 left\nReorder soon\n\nOpen: https://admin.example/app/x")
    expect(email.html).toContain("Low stock: &lt;Tee&gt;")
    expect(email.html).not.toContain("<Tee>")
    expect(email.html).toContain('href="https://admin.example/app/x"')
    expect(renderTemplate("admin-alert", "whatsapp", data)).toEqual({
      text: "Store alert: Low stock: <Tee>\nOnly 2 left\nReorder soon\nOpen: https://admin.example/app/x",
    })
    expect(renderTemplate("admin-alert", "sms", { title: "Escalation", message: "New chat" }).text).toBe(
      "Store alert: Escalation\nNew chat"
    )
  })
})

describe("admin-digest", () => {
  const digest = {
    date: "2025-03-01",
    revenue: [
      { currency_code: "ngn", orders: 3, total: "114000" },
      { currency_code: "usd", orders: 1, total: "69.69" },
    ],
    low_stock: [
      { sku: "TEE-S", title: "Adire Tee <S>", available: 2 },
      { sku: null, title: "Card", available: 0 },
    ],
    open_conversations: 4,
  }

  it("lists revenue per currency, low stock and open conversations", () => {
    const email = renderEmail("admin-digest", digest)
    expect(email.subject).toBe("Store digest for 2025-03-01")
    expect(email.text).toContain("NGN: 3 orders, ₦114,000.00")
    expect(email.text).toContain("USD: 1 order, $69.69")
    expect(email.text).toContain("Adire Tee <S> (TEE-S): 2 available")
    expect(email.text).toContain("Card: 0 available")
    expect(email.text).toContain("Concierge: 4 open conversations")
    expect(email.html).toContain("₦114,000.00")
    expect(email.html).toContain("Adire Tee &lt;S&gt;")

    const short = renderTemplate("admin-digest", "whatsapp", digest).text
    expect(short).toBe(
      [
        "Store digest 2025-03-01",
        "NGN: 3 orders, ₦114,000.00",
        "USD: 1 order, $69.69",
        "Low stock: Adire Tee <S> (TEE-S) 2, Card 0",
        "Concierge: 4 open conversations",
      ].join("\n")
    )
  })

  it("says when there is nothing", () => {
    const quiet = { ...digest, revenue: [], low_stock: [], open_conversations: 0 }
    const email = renderEmail("admin-digest", quiet)
    expect(email.text).toContain("No orders.")
    expect(email.text).toContain("Nothing is low on stock.")
    expect(email.text).toContain("Concierge: 0 open conversations")
    expect(renderTemplate("admin-digest", "sms", quiet).text).toContain("Low stock: none")
  })

  it("refuses a date that is not a store day", () => {
    expect(() => renderEmail("admin-digest", { ...digest, date: "1 March" })).toThrow(/date: must be YYYY-MM-DD/)
  })
})

describe("broadcast", () => {
  it("substitutes the customer's variables, with or without spaces, and appends the unsubscribe link", () => {
    const email = renderTemplate("broadcast", "email", broadcast())
    expect(email.subject).toBe("New drop for Ada")
    expect(email.text).toBe(
      `Hi Ada Obi,\nNew adire is in.\n\nWe wrote to ada@example.com.\n\nUnsubscribe: ${UNSUBSCRIBE}`
    )
    expect(email.html).toContain("Hi Ada Obi,<br>New adire is in.</p>")
    expect(email.html).toContain(`<a href="${UNSUBSCRIBE}" style="color:#2563eb">Unsubscribe</a>`)

    expect(renderTemplate("broadcast", "sms", broadcast())).toEqual({
      text: `Hi Ada Obi,\nNew adire is in.\n\nWe wrote to ada@example.com.\nUnsubscribe: ${UNSUBSCRIBE}`,
    })
  })

  it("escapes the customer's values and the body in HTML only", () => {
    const data = broadcast({
      body: "Hi {{first_name}} <3",
      customer: { first_name: `<img src=x onerror="alert(1)">`, last_name: null, email: null },
    })
    const email = renderTemplate("broadcast", "email", data)
    expect(email.html).toContain("Hi &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &lt;3")
    expect(email.html).not.toContain("<img")
    expect(email.subject).toBe(`New drop for <img src=x onerror="alert(1)">`)
    expect(renderTemplate("broadcast", "whatsapp", data).text).toBe(
      `Hi <img src=x onerror="alert(1)"> <3\nUnsubscribe: ${UNSUBSCRIBE}`
    )
  })

  it("leaves missing values empty", () => {
    const data = broadcast({ body: "Hi {{first_name}}!", customer: { first_name: null } })
    expect(renderTemplate("broadcast", "sms", data).text).toBe(`Hi !\nUnsubscribe: ${UNSUBSCRIBE}`)
  })

  it("reports unknown variables and refuses to render them", () => {
    expect(validateBroadcastBody("Hi {{first_name}}, {{ coupon }} {{phone}} {{coupon}}")).toEqual(["coupon", "phone"])
    expect(validateBroadcastBody("Hi {{first_name}} {{ last_name }} {{email}}")).toEqual([])
    expect(validateBroadcastBody("Braces {} and {{}} are text")).toEqual([])
    expect(() => renderTemplate("broadcast", "sms", broadcast({ body: "Use {{coupon}}" }))).toThrow(
      /Unknown broadcast variable: coupon/
    )
    expect(() => renderTemplate("broadcast", "email", broadcast({ subject: "For {{ nickname }}" }))).toThrow(
      /Unknown broadcast variable: nickname/
    )
  })

  it("needs a subject for email only", () => {
    expect(() => renderTemplate("broadcast", "email", broadcast({ subject: undefined }))).toThrow(/subject is required/)
    expect(renderTemplate("broadcast", "sms", broadcast({ subject: undefined })).text).toContain("Hi Ada Obi,")
  })
})
