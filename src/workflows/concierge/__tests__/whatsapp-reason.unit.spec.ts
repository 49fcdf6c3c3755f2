import { whatsAppReason } from "../steps/send-whatsapp-reply"

describe("whatsAppReason", () => {
  it("keeps what WhatsApp said, without the notification id or the customer's number", () => {
    const error = new Error(
      "Failed to send notification with id noti_01ABC:\nWhatsApp refused the message to +2348031234567: WhatsApp answered 400: (#131026) Message undeliverable"
    )
    expect(whatsAppReason(error)).toBe("WhatsApp answered 400: (#131026) Message undeliverable")
  })

  it("drops only the wrapping from other failures", () => {
    expect(whatsAppReason(new Error("Failed to send notification with id noti_9: provider down"))).toBe("provider down")
    expect(whatsAppReason("plain")).toBe("plain")
  })
})
