import { MedusaService } from "@medusajs/framework/utils"
import { NotificationChannel } from "../../lib/notifications/types"
import { ConsentPurpose, CustomerConsent } from "./models/customer-consent"

export type ConsentModuleOptions = {
  /** Marketing email is on until the customer opts out when true; SMS and WhatsApp always need an opt-in. */
  emailMarketingDefault?: boolean
}

export type ConsentChoice = {
  customer_id: string
  channel: NotificationChannel
  purpose: ConsentPurpose
  granted: boolean
  source: string
}

class ConsentModuleService extends MedusaService({ CustomerConsent }) {
  protected readonly emailMarketingDefault_: boolean

  constructor(container: Record<string, unknown>, options: ConsentModuleOptions = {}) {
    super(...arguments)
    this.emailMarketingDefault_ = options.emailMarketingDefault ?? true
  }

  protected defaultFor_(channel: NotificationChannel, purpose: ConsentPurpose): boolean {
    return channel === "email" && (purpose === "order_updates" || this.emailMarketingDefault_)
  }

  /** Whether each customer may be messaged on `channel` for `purpose`. */
  async isGranted(
    customerIds: string[],
    channel: NotificationChannel,
    purpose: ConsentPurpose
  ): Promise<Map<string, boolean>> {
    const granted = new Map(customerIds.map((id) => [id, this.defaultFor_(channel, purpose)]))
    if (!customerIds.length) {
      return granted
    }
    const rows = await this.listCustomerConsents(
      { customer_id: customerIds, channel, purpose },
      { select: ["customer_id", "granted"] }
    )
    for (const row of rows) {
      granted.set(row.customer_id, row.granted)
    }
    return granted
  }

  /** Every channel and purpose for one customer, defaults filled in. */
  async preferencesOf(customerId: string) {
    const rows = await this.listCustomerConsents({ customer_id: customerId })
    const stored = new Map(rows.map((row) => [`${row.channel}:${row.purpose}`, row]))
    return (["email", "sms", "whatsapp"] as const).flatMap((channel) =>
      (["marketing", "order_updates"] as const).map((purpose) => {
        const row = stored.get(`${channel}:${purpose}`)
        return {
          channel,
          purpose,
          granted: row?.granted ?? this.defaultFor_(channel, purpose),
          source: row?.source ?? "default",
          updated_at: row?.updated_at ?? null,
        }
      })
    )
  }

  /** Records choices, replacing the previous answer for the same channel and purpose. */
  async recordChoices(choices: ConsentChoice[]) {
    if (!choices.length) {
      return []
    }
    const existing = await this.listCustomerConsents({
      $or: choices.map(({ customer_id, channel, purpose }) => ({ customer_id, channel, purpose })),
    })
    const keyOf = (c: Pick<ConsentChoice, "customer_id" | "channel" | "purpose">) =>
      `${c.customer_id}:${c.channel}:${c.purpose}`
    const idOf = new Map(existing.map((row) => [keyOf(row), row.id]))
    const updates = choices
      .filter((choice) => idOf.has(keyOf(choice)))
      .map((choice) => ({ id: idOf.get(keyOf(choice))!, granted: choice.granted, source: choice.source }))
    const creates = choices.filter((choice) => !idOf.has(keyOf(choice)))
    return [
      ...(updates.length ? await this.updateCustomerConsents(updates) : []),
      ...(creates.length ? await this.createCustomerConsents(creates) : []),
    ]
  }
}

export default ConsentModuleService
