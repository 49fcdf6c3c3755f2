import { Logger } from "@medusajs/framework/types"
import LocalNotificationProviderService from "../service"

const loggerThatKeeps = () => {
  const lines: string[] = []
  return { lines, logger: { info: (line: string) => lines.push(line) } as unknown as Logger }
}

const otpEmail = {
  to: "admin@store.test",
  channel: "email",
  template: "admin-otp",
  content: { subject: "Your sign-in code", text: "Your code is 493021. It expires in 10 minutes." },
}

describe("LocalNotificationProviderService", () => {
  it("logs what a message says when showing content (development), so a sign-in code can be read", async () => {
    const { lines, logger } = loggerThatKeeps()
    const service = new LocalNotificationProviderService({ logger }, { channels: ["email"], showContent: true })
    expect(await service.send(otpEmail)).toEqual({})
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain("Local email to admin@store.test (template admin-otp)")
    expect(lines[0]).toContain("Your code is 493021.")
  })

  it("logs only who and which template in production", async () => {
    const { lines, logger } = loggerThatKeeps()
    const service = new LocalNotificationProviderService({ logger }, { channels: ["email"], showContent: false })
    await service.send(otpEmail)
    expect(lines[0]).toContain("admin@store.test")
    expect(lines[0]).not.toContain("493021")
  })
})
