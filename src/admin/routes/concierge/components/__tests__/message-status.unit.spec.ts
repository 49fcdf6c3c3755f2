import type { ConversationMessage } from "../../../../hooks/concierge"
import { attachmentLabel, deliveryOf, messageOrigin, templateSummary } from "../message-status"

const message = (patch: Partial<ConversationMessage>): ConversationMessage => ({
  id: "cmsg_1",
  direction: "outbound",
  channel: "whatsapp",
  type: "text",
  text: "Hello",
  media_id: null,
  media_mime_type: null,
  media_filename: null,
  template: null,
  status: "sent",
  error: null,
  author_id: "user_1",
  sent_at: "2030-01-10T12:00:00Z",
  delivered_at: null,
  read_at: null,
  failed_at: null,
  ...patch,
})

describe("delivery ticks", () => {
  it("shows none for the customer's own messages", () => {
    expect(deliveryOf(message({ direction: "inbound", status: "received" }))).toEqual({ kind: "none" })
  })

  it("follows an outbound message from queued to read", () => {
    expect(deliveryOf(message({ status: "queued" })).kind).toBe("queued")
    expect(deliveryOf(message({ status: "sent" })).kind).toBe("sent")
    expect(deliveryOf(message({ status: "delivered", delivered_at: "2030-01-10T12:01:00Z" })).kind).toBe("delivered")
    const read = deliveryOf(message({ status: "read", read_at: "2030-01-10T12:02:00Z" }), "en-US")
    expect(read.kind).toBe("read")
    expect(read.kind !== "none" && read.label.startsWith("Read Jan 10, 2030")).toBe(true)
  })

  it("carries WhatsApp's error on a failure", () => {
    const failed = deliveryOf(
      message({ status: "failed", error: "131047: Re-engagement message", failed_at: "2030-01-10T12:00:00Z" }),
      "en-US"
    )
    expect(failed.kind).toBe("failed")
    expect(failed.kind === "failed" && failed.label).toMatch(
      /^Not delivered Jan 10, 2030.*: 131047: Re-engagement message$/
    )
    const silent = deliveryOf(message({ status: "failed", error: null }))
    expect(silent.kind === "failed" && silent.label).toBe("Not delivered: WhatsApp gave no reason")
  })
})

describe("message bodies", () => {
  it("labels images and documents by what is known about them", () => {
    expect(attachmentLabel(message({ type: "image", media_id: "m1", media_mime_type: "image/jpeg" }))).toBe(
      "Image · image/jpeg"
    )
    expect(
      attachmentLabel(
        message({ type: "document", media_id: "m2", media_mime_type: "application/pdf", media_filename: "receipt.pdf" })
      )
    ).toBe("Document · receipt.pdf · application/pdf")
    expect(attachmentLabel(message({ type: "text" }))).toBeNull()
  })

  it("numbers a template's variables", () => {
    expect(templateSummary({ name: "order_follow_up", language: "en", variables: ["Ada", "#1001"] })).toEqual({
      title: "order_follow_up (en)",
      variables: [
        { placeholder: "{{1}}", value: "Ada" },
        { placeholder: "{{2}}", value: "#1001" },
      ],
    })
    expect(templateSummary(null)).toBeNull()
  })

  it("marks the store form's message apart from WhatsApp ones", () => {
    expect(messageOrigin({ direction: "inbound", channel: "storefront" })).toBe("From the store form")
    expect(messageOrigin({ direction: "inbound", channel: "whatsapp" })).toBe("WhatsApp")
  })
})
