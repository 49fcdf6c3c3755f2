import { defineTemplate } from "./define"
import { greeting, money, orderEmail, OrderMessageDataSchema, orderRef } from "./order-data"

/** Canceled by the store. */
export const orderCanceledTemplate = defineTemplate("order-canceled", {
  schema: OrderMessageDataSchema,
  email: (data) =>
    orderEmail(data, `Order ${orderRef(data)} has been canceled`, [
      `Your order ${orderRef(data)} (${money(data, data.order.total)}) has been canceled.`,
      "If you were charged, the payment will be refunded to you. Reply to this email if you have any questions.",
    ]),
  short: (data) => `${greeting(data)} your order ${orderRef(data)} has been canceled. Details: ${data.tracking_url}`,
})
