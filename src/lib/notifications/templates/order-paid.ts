import { defineTemplate } from "./define"
import { greeting, money, orderEmail, OrderMessageData, OrderMessageDataSchema, orderRef } from "./order-data"

const paid = (data: OrderMessageData) => money(data, data.payment?.amount ?? data.order.total)

/** Payment received for an order (`payment.amount`, else the order total). */
export const orderPaidTemplate = defineTemplate("order-paid", {
  schema: OrderMessageDataSchema,
  email: (data) =>
    orderEmail(data, `Payment received for order ${orderRef(data)}`, [
      `We have received your payment of ${paid(data)} for order ${orderRef(data)}.`,
      "We will let you know when it ships.",
    ]),
  short: (data) =>
    `${greeting(data)} we have received your payment of ${paid(data)} for order ${orderRef(data)}. ` +
    `Track it: ${data.tracking_url}`,
})
