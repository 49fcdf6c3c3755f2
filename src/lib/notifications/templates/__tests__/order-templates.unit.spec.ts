import { MedusaError } from "@medusajs/framework/utils"
import { OrderMessageData, renderEmail, renderTemplate } from ".."

const TRACKING_URL = "https://shop.example/orders/order_1/tracking?token=abc.def"

const ngnOrder = (overrides: Partial<OrderMessageData> = {}): OrderMessageData => ({
  customer_name: "Ada",
  order: {
    id: "order_1",
    display_id: 1042,
    currency_code: "ngn",
    total: "38000",
    subtotal: "34500",
    shipping_total: "3500",
    tax_total: "2406.98",
    items: [
      { title: "Adire Tee", variant_title: "S / Indigo", quantity: 2, unit_price: "12500", total: "25000" },
      { title: "Greeting Card", variant_title: null, quantity: 1, unit_price: "9500", total: "9500" },
    ],
  },
  tracking_url: TRACKING_URL,
  ...overrides,
})

const usdOrder = (overrides: Partial<OrderMessageData> = {}): OrderMessageData => ({
  customer_name: "",
  order: {
    id: "order_2",
    display_id: 7,
    currency_code: "usd",
    total: "69.69",
    subtotal: "44.69",
    shipping_total: "25",
    tax_total: "0",
    items: [{ title: "Silk Scarf", variant_title: "Gold", quantity: 2, unit_price: "12.35", total: "24.7" }],
  },
  tracking_url: TRACKING_URL,
  ...overrides,
})

const links = (text: string) => text.match(/https?:\/\/\S+/g) ?? []

describe("order-placed", () => {
  it("emails the items and totals in naira with the tracking link", () => {
    const email = renderEmail("order-placed", ngnOrder())
    expect(email.subject).toBe("Order #1042 confirmed")
    expect(email.text).toMatch(/^Hello Ada,\n/)
    expect(email.text).toContain("2 x Adire Tee (S / Indigo): ₦25,000.00")
    expect(email.text).toContain("1 x Greeting Card: ₦9,500.00")
    expect(email.text).toContain("Subtotal: ₦34,500.00")
    expect(email.text).toContain("Delivery: ₦3,500.00")
    expect(email.text).toContain("Tax: ₦2,406.98")
    expect(email.text).toContain("Total: ₦38,000.00")
    expect(email.text).toContain(`Track your order: ${TRACKING_URL}`)

    expect(email.html).toContain("<table")
    expect(email.html).toMatch(/<td[^>]*>Adire Tee \(S \/ Indigo\)<\/td><td[^>]*>2<\/td><td[^>]*>₦12,500.00<\/td>/)
    expect(email.html).toContain("₦38,000.00")
    // The tracking URL's "&" would be escaped; its "?" and "=" stay.
    expect(email.html).toContain(`href="${TRACKING_URL}"`)
  })

  it("formats dollars and greets without a name when none is known", () => {
    const email = renderEmail("order-placed", usdOrder())
    expect(email.text).toMatch(/^Hello,\n/)
    expect(email.text).toContain("2 x Silk Scarf (Gold): $24.70")
    expect(email.text).toContain("Delivery: $25.00")
    expect(email.text).toContain("Total: $69.69")
    expect(email.html).toContain("$12.35")
  })

  it("sends SMS and WhatsApp as short text with only the tracking link", () => {
    for (const channel of ["sms", "whatsapp"] as const) {
      const message = renderTemplate("order-placed", channel, ngnOrder())
      expect(message).toEqual({
        text: `Hello Ada, thank you for your order #1042 (₦38,000.00). Track it: ${TRACKING_URL}`,
      })
      expect(message.html).toBeUndefined()
      expect(links(message.text)).toEqual([TRACKING_URL])
    }
  })

  it("escapes every value in the HTML part", () => {
    const hostile = ngnOrder({
      customer_name: `<script>alert("x")</script>`,
      tracking_url: `https://shop.example/t?a=1&b="><img/src=x>`,
    })
    hostile.order.items[0].title = `Tee <b>bold</b> & "quoted" 'single'`
    const { html, text } = renderEmail("order-placed", hostile)
    expect(html).not.toContain("<script>")
    expect(html).not.toContain("<b>bold</b>")
    expect(html).not.toContain("<img")
    expect(html).toContain("Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,")
    expect(html).toContain("Tee &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; &#39;single&#39;")
    expect(html).toContain('href="https://shop.example/t?a=1&amp;b=&quot;&gt;&lt;img/src=x&gt;"')
    // Not a web link: shown as (escaped) text, never as an href.
    const notWeb = renderEmail("order-placed", ngnOrder({ tracking_url: "javascript:alert(1)" })).html
    expect(notWeb).not.toContain('href="javascript')
    expect(notWeb).toContain("Track your order: javascript:alert(1)")
    // The text part is plain text: no escaping there.
    expect(text).toContain(`Hello <script>alert("x")</script>,`)
  })

  it("refuses data that is not an order message", () => {
    const { order, ...withoutOrder } = ngnOrder()
    expect(order).toBeDefined()
    expect(() => renderEmail("order-placed", withoutOrder)).toThrow(MedusaError)
    expect(() => renderEmail("order-placed", withoutOrder)).toThrow(/Template "order-placed" data: order/)
    const badAmount = ngnOrder()
    badAmount.order.total = "twelve"
    expect(() => renderTemplate("order-placed", "sms", badAmount)).toThrow(/order\.total: must be a decimal amount/)
  })
})

describe("order lifecycle", () => {
  it("order-paid states the amount received", () => {
    const email = renderEmail("order-paid", usdOrder({ payment: { amount: "69.69" } }))
    expect(email.subject).toBe("Payment received for order #7")
    expect(email.text).toContain("We have received your payment of $69.69 for order #7.")
    // Amounts may also arrive as numbers.
    const sms = renderTemplate("order-paid", "sms", { ...ngnOrder(), payment: { amount: 38000 } })
    expect(sms.text).toBe(
      `Hello Ada, we have received your payment of ₦38,000.00 for order #1042. Track it: ${TRACKING_URL}`
    )
  })

  it("order-shipped gives the carrier, every tracking number and the carrier's links", () => {
    const data = ngnOrder({
      shipment: {
        carrier: "GIG Logistics",
        tracking_numbers: ["GIG-123", "GIG-456"],
        tracking_urls: ["https://track.gig.example/GIG-123", "javascript:alert(1)"],
      },
    })
    const email = renderEmail("order-shipped", data)
    expect(email.subject).toBe("Order #1042 has shipped")
    expect(email.text).toContain("Your order #1042 is on its way with GIG Logistics.")
    expect(email.text).toContain("Tracking numbers: GIG-123, GIG-456")
    expect(email.text).toContain("https://track.gig.example/GIG-123")
    expect(email.text).toContain(`Track your order: ${TRACKING_URL}`)
    expect(email.html).toContain('<a href="https://track.gig.example/GIG-123" style="color:#2563eb">GIG-123</a>')
    expect(email.html).toContain("GIG-456")
    expect(email.html).not.toContain("javascript:")
    expect(email.text).not.toContain("javascript:")

    const sms = renderTemplate("order-shipped", "sms", data).text
    expect(sms).toBe(
      "Hello Ada, your order #1042 is on its way with GIG Logistics. Tracking numbers: GIG-123, GIG-456. " +
        `Track it: ${TRACKING_URL}`
    )
    expect(links(sms)).toEqual([TRACKING_URL])
  })

  it("order-shipped without a carrier or numbers still links to tracking", () => {
    const data = usdOrder({ shipment: { carrier: null, tracking_numbers: ["1Z999"], tracking_urls: [] } })
    const whatsapp = renderTemplate("order-shipped", "whatsapp", data).text
    expect(whatsapp).toBe(`Hello, your order #7 is on its way. Tracking number: 1Z999. Track it: ${TRACKING_URL}`)
  })

  it("order-delivered and order-canceled render for each channel", () => {
    expect(renderEmail("order-delivered", ngnOrder()).subject).toBe("Order #1042 has been delivered")
    expect(renderTemplate("order-delivered", "sms", ngnOrder()).text).toBe(
      `Hello Ada, your order #1042 has been delivered. Details: ${TRACKING_URL}`
    )
    const canceled = renderEmail("order-canceled", usdOrder())
    expect(canceled.subject).toBe("Order #7 has been canceled")
    expect(canceled.text).toContain("Your order #7 ($69.69) has been canceled.")
  })

  it("order-refunded states the refund amount and requires it", () => {
    const data = ngnOrder({ refund: { amount: "12500.5" } })
    const email = renderEmail("order-refunded", data)
    expect(email.text).toContain("We have refunded ₦12,500.50 for your order #1042.")
    expect(email.html).toContain("₦12,500.50")
    expect(renderTemplate("order-refunded", "whatsapp", usdOrder({ refund: { amount: "5" } })).text).toContain(
      "we have refunded $5.00"
    )
    expect(() => renderEmail("order-refunded", ngnOrder())).toThrow(/refund/)
  })
})
