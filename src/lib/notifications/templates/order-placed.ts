import { defineTemplate } from "./define"
import { greeting, itemsTable, itemsText, money, orderEmail, OrderMessageDataSchema, orderRef } from "./order-data"

/** Order confirmation: items, totals and the tracking link. */
export const orderPlacedTemplate = defineTemplate("order-placed", {
  schema: OrderMessageDataSchema,
  email: (data) =>
    orderEmail(
      data,
      `Order ${orderRef(data)} confirmed`,
      [`Thank you for your order ${orderRef(data)}. Here is what you ordered:`],
      { text: itemsText(data), html: itemsTable(data) }
    ),
  short: (data) =>
    `${greeting(data)} thank you for your order ${orderRef(data)} (${money(data, data.order.total)}). ` +
    `Track it: ${data.tracking_url}`,
})
