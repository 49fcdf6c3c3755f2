import { z } from "@medusajs/framework/zod"
import { amount, defineTemplate } from "./define"
import { greeting, money, orderEmail, OrderMessageDataSchema, orderRef } from "./order-data"

/** A refund on the order: `refund.amount` is required. */
export const orderRefundedTemplate = defineTemplate("order-refunded", {
  schema: OrderMessageDataSchema.extend({ refund: z.object({ amount }) }),
  email: (data) =>
    orderEmail(data, `Refund for order ${orderRef(data)}`, [
      `We have refunded ${money(data, data.refund.amount)} for your order ${orderRef(data)}.`,
      "Depending on your bank, it can take a few working days to reach your account.",
    ]),
  short: (data) =>
    `${greeting(data)} we have refunded ${money(data, data.refund.amount)} for your order ${orderRef(data)}. ` +
    `Details: ${data.tracking_url}`,
})
