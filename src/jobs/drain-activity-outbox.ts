import { MedusaContainer } from "@medusajs/framework/types"
import { drainActivityOutboxWorkflow } from "../workflows/activity/drain-activity-outbox"

/** Appends activity entries whose write failed (kept in the outbox table) once the log takes writes again. */
export default async function drainActivityOutboxJob(container: MedusaContainer) {
  await drainActivityOutboxWorkflow(container).run()
}

export const config = {
  name: "drain-activity-outbox",
  schedule: "* * * * *",
}
