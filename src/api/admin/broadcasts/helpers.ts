import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BROADCAST_MODULE } from "../../../modules/broadcast"
import BroadcastModuleService from "../../../modules/broadcast/service"
import { broadcastFields } from "./query-config"

type BroadcastRow = { id: string } & Record<string, unknown>

/** Broadcasts with their live recipient counts. */
export async function withCounts<T extends BroadcastRow>(container: MedusaContainer, broadcasts: T[]) {
  const counts = await container
    .resolve<BroadcastModuleService>(BROADCAST_MODULE)
    .countRecipients(broadcasts.map((b) => b.id))
  return broadcasts.map((broadcast) => ({ ...broadcast, counts: counts.get(broadcast.id) }))
}

export async function retrieveBroadcast(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    { entity: "broadcast", fields: broadcastFields, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  const [broadcast] = await withCounts(container, data as BroadcastRow[])
  return broadcast
}
