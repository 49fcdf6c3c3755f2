import { defineTemplate } from "./define"
import { greeting, orderEmail, OrderMessageDataSchema, orderRef } from "./order-data"

/** Delivered. */
export const orderDeliveredTemplate = defineTemplate("order-delivered", {
  schema: OrderMessageDataSchema,
  email: (data) =>
    orderEmail(data, `Order ${orderRef(data)} has been delivered`, [
      `Your order ${orderRef(data)} has been delivered. We hope you enjoy it.`,
      "If anything is wrong with it, reply to this email and we will help.",
    ]),
  short: (data) => `${greeting(data)} your order ${orderRef(data)} has been delivered. Details: ${data.tracking_url}`,
})
