import { MedusaContainer } from "@medusajs/framework/types"
import { startDueBroadcastsWorkflow } from "../workflows/broadcast/start-due-broadcasts"

/** Starts scheduled broadcasts on time and resumes any whose run stopped (crash, provider outage). */
export default async function startDueBroadcastsJob(container: MedusaContainer) {
  await startDueBroadcastsWorkflow(container).run()
}

export const config = {
  name: "start-due-broadcasts",
  schedule: "* * * * *",
}
