type Timed = { sent_at: Date | string; created_at?: Date | string | null }

const ms = (value: Date | string | null | undefined) => (value ? new Date(value).getTime() : 0)

/**
 * Oldest first. WhatsApp stamps messages to the second, so within one second
 * the order we stored them in decides (a storefront message at 10:00:00.700
 * stays before a WhatsApp reply stamped 10:00:00).
 */
export function byThreadOrder(a: Timed, b: Timed): number {
  return Math.floor(ms(a.sent_at) / 1000) - Math.floor(ms(b.sent_at) / 1000) || ms(a.created_at) - ms(b.created_at)
}
