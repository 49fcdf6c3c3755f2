import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import ConsentModule from "../modules/consent"

/** `customer_consent.customer_id` points at Medusa's customer; read-only, so no link table. */
export default defineLink(
  { linkable: ConsentModule.linkable.customerConsent, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
