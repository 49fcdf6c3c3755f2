import { model } from "@medusajs/framework/utils"

export const STAFF_ROLES = ["admin", "support", "concierge"] as const
export type StaffRoleName = (typeof STAFF_ROLES)[number]

/** The role of one admin user; a user without a row is treated as `support`. */
export const StaffRole = model.define("staff_role", {
  id: model.id({ prefix: "srole" }).primaryKey(),
  user_id: model.text().unique(),
  role: model.enum([...STAFF_ROLES]).default("support"),
})
