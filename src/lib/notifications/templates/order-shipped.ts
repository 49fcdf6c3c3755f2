import { defineTemplate, lines } from "./define"
import { html, isWebUrl, link, paragraph } from "./html"
import { greeting, orderEmail, OrderMessageData, OrderMessageDataSchema, orderRef } from "./order-data"

const numbersOf = (data: OrderMessageData) => data.shipment?.tracking_numbers.filter(Boolean) ?? []

/** The carrier's tracking links, each with the tracking number at the same position when there is one. */
const carrierLinksOf = (data: OrderMessageData) => {
  const shipment = data.shipment
  if (!shipment) {
    return []
  }
  return shipment.tracking_urls
    .map((url, i) => ({ url, label: shipment.tracking_numbers[i] || url }))
    .filter(({ url }) => isWebUrl(url))
}

/** "order #1042 is on its way with GIG Logistics." */
const onItsWay = (data: OrderMessageData) => {
  const carrier = data.shipment?.carrier?.trim()
  return `order ${orderRef(data)} is on its way${carrier ? ` with ${carrier}` : ""}.`
}

const numbersLine = (data: OrderMessageData) => {
  const numbers = numbersOf(data)
  return numbers.length ? `Tracking number${numbers.length > 1 ? "s" : ""}: ${numbers.join(", ")}` : null
}

/** Shipped: carrier, tracking number(s), the carrier's tracking links and ours. */
export const orderShippedTemplate = defineTemplate("order-shipped", {
  schema: OrderMessageDataSchema,
  email: (data) => {
    const numbers = numbersLine(data)
    const links = carrierLinksOf(data)
    const paragraphs = [`Your ${onItsWay(data)}`, ...(numbers ? [numbers] : [])]
    return orderEmail(data, `Order ${orderRef(data)} has shipped`, paragraphs, {
      text: links.length ? lines("Carrier tracking:", ...links.map(({ url }) => url)) : undefined,
      html: links.length
        ? paragraph(
            html`Carrier tracking: ${links.map(({ url, label }, i) => html`${i ? ", " : ""}${link(url, label)}`)}`
          )
        : undefined,
    })
  },
  // One link only: our tracking page, which lists the carrier's links.
  short: (data) => {
    const numbers = numbersLine(data)
    return `${greeting(data)} your ${onItsWay(data)}${numbers ? ` ${numbers}.` : ""} Track it: ${data.tracking_url}`
  },
})
