import { createHmac } from "node:crypto"
import { isValidWhatsAppSignature } from "../signature"

const SECRET = "app-secret"
const body = JSON.stringify({ object: "whatsapp_business_account", entry: [] })
const sign = (raw: string, secret = SECRET) => `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`

describe("isValidWhatsAppSignature", () => {
  it("accepts Meta's signature of the exact raw body", () => {
    expect(isValidWhatsAppSignature(body, sign(body), SECRET)).toBe(true)
    expect(isValidWhatsAppSignature(Buffer.from(body), sign(body).toUpperCase().replace("SHA256=", "sha256="), SECRET)).toBe(true)
  })

  it("refuses another key, another body, a malformed or missing header, or no secret", () => {
    expect(isValidWhatsAppSignature(body, sign(body, "other"), SECRET)).toBe(false)
    expect(isValidWhatsAppSignature(`${body} `, sign(body), SECRET)).toBe(false)
    expect(isValidWhatsAppSignature(body, sign(body).slice(7), SECRET)).toBe(false)
    expect(isValidWhatsAppSignature(body, "sha256=abc", SECRET)).toBe(false)
    expect(isValidWhatsAppSignature(body, undefined, SECRET)).toBe(false)
    expect(isValidWhatsAppSignature(body, [sign(body)], SECRET)).toBe(false)
    expect(isValidWhatsAppSignature(body, sign(body, ""), "")).toBe(false)
    expect(isValidWhatsAppSignature(undefined, sign(body), SECRET)).toBe(false)
  })
})
