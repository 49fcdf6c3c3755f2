import { readWhatsAppWebhook } from "../whatsapp-webhook"

const delivery = (value: Record<string, unknown>, field = "messages") => ({
  object: "whatsapp_business_account",
  entry: [{ id: "WABA", changes: [{ field, value: { messaging_product: "whatsapp", ...value } }] }],
})

describe("readWhatsAppWebhook", () => {
  it("reads text, image and document messages with the sender's profile name, oldest first", () => {
    const events = readWhatsAppWebhook(
      delivery({
        contacts: [{ wa_id: "2348031234567", profile: { name: "Ada" } }],
        messages: [
          { from: "2348031234567", id: "wamid.2", timestamp: "1764064860", type: "image", image: { id: "m1", mime_type: "image/jpeg", caption: "tag" } },
          { from: "2348031234567", id: "wamid.1", timestamp: "1764064800", type: "text", text: { body: "hello" } },
          {
            from: "2348031234567",
            id: "wamid.3",
            timestamp: "1764064900",
            type: "document",
            document: { id: "m2", mime_type: "application/pdf", filename: "r.pdf" },
          },
        ],
      })
    )
    expect(events.messages).toEqual([
      expect.objectContaining({ whatsapp_message_id: "wamid.1", type: "text", text: "hello", profile_name: "Ada", sent_at: new Date(1764064800000) }),
      expect.objectContaining({ whatsapp_message_id: "wamid.2", type: "image", text: "tag", media_id: "m1", media_mime_type: "image/jpeg" }),
      expect.objectContaining({ whatsapp_message_id: "wamid.3", type: "document", media_id: "m2", media_filename: "r.pdf", text: null }),
    ])
    expect(events.statuses).toEqual([])
  })

  it("keeps other message kinds as unsupported, so staff see the customer wrote", () => {
    const { messages } = readWhatsAppWebhook(
      delivery({ messages: [{ from: "2348031234567", id: "wamid.9", timestamp: "1764064800", type: "sticker", sticker: {} }] })
    )
    expect(messages).toEqual([expect.objectContaining({ type: "unsupported", text: "[sticker message]", profile_name: null })])
  })

  it("reads status updates, with the reason of a failure", () => {
    const { statuses } = readWhatsAppWebhook(
      delivery({
        statuses: [
          { id: "wamid.A", status: "delivered", timestamp: "1764064800", recipient_id: "234" },
          {
            id: "wamid.B",
            status: "failed",
            timestamp: "1764064801",
            recipient_id: "234",
            errors: [{ code: 131047, title: "Re-engagement message", error_data: { details: "More than 24 hours" } }],
          },
          { id: "wamid.C", status: "deleted", timestamp: "1764064802" },
        ],
      })
    )
    expect(statuses).toEqual([
      { whatsapp_message_id: "wamid.A", status: "delivered", at: new Date(1764064800000), error: null },
      {
        whatsapp_message_id: "wamid.B",
        status: "failed",
        at: new Date(1764064801000),
        error: "131047: Re-engagement message: More than 24 hours",
      },
    ])
  })

  it("ignores other objects, other fields and malformed entries", () => {
    expect(readWhatsAppWebhook({ object: "page", entry: [] })).toEqual({ messages: [], statuses: [] })
    expect(readWhatsAppWebhook(delivery({ messages: [{ id: "x" }] }, "account_update"))).toEqual({ messages: [], statuses: [] })
    expect(readWhatsAppWebhook(delivery({ messages: [{ id: "x", type: "text" }, "junk"] }))).toEqual({ messages: [], statuses: [] })
    expect(readWhatsAppWebhook(null)).toEqual({ messages: [], statuses: [] })
  })
})
