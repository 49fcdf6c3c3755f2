import Medusa from "@medusajs/js-sdk"

/** The extensions' client: same origin and session auth as the dashboard itself. */
export const sdk = new Medusa({
  baseUrl: "/",
  auth: { type: "session" },
})
