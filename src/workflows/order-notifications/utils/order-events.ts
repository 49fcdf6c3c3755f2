/** The customer messages an order's life sends, by the template each uses. */
export const ORDER_MESSAGE_TEMPLATES = {
  placed: "order-placed",
  paid: "order-paid",
  shipped: "order-shipped",
  delivered: "order-delivered",
  canceled: "order-canceled",
  refunded: "order-refunded",
} as const

export type OrderMessageKind = keyof typeof ORDER_MESSAGE_TEMPLATES

/** What the event's `{ id }` names: an order, a payment or a fulfillment. */
export const EVENT_SUBJECT: Record<OrderMessageKind, "order" | "payment" | "fulfillment"> = {
  placed: "order",
  canceled: "order",
  paid: "payment",
  refunded: "payment",
  shipped: "fulfillment",
  delivered: "fulfillment",
}
