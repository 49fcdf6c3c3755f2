import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId, MedusaError, Modules } from "@medusajs/framework/utils"
import { writeFileSync } from "node:fs"
import { performance } from "node:perf_hooks"
import { getHeapStatistics } from "node:v8"
import { BROADCAST_MODULE } from "../modules/broadcast"
import BroadcastModuleService from "../modules/broadcast/service"
import { createBroadcastWorkflow } from "../workflows/broadcast/create-broadcast"
import { processBroadcastWorkflowId } from "../workflows/broadcast/process-broadcast"
import { DeliveryRun } from "../workflows/broadcast/utils/deliver"

/** Rows per INSERT: 5 parameters each, under PostgreSQL's 65,535 bound parameters. */
const INSERT_CHUNK = 5_000
const HEAP_SAMPLE_MS = 50

export type BroadcastBenchResult = {
  customers: number
  seed_ms: number
  broadcast_id: string
  status: string
  listing_ms: number
  sending_ms: number
  run: DeliveryRun
  recipients: Record<string, number>
  /** Peak resident set size of this process over its whole life (`resourceUsage().maxRSS`), bytes. */
  max_rss_bytes: number
  /** The same, read just before the workflow ran (app booted, customers inserted). */
  max_rss_before_run_bytes: number
  rss_before_run_bytes: number
  /** Highest V8 heap in use seen during the run, sampled every 50 ms. */
  peak_heap_used_bytes: number
  heap_used_before_run_bytes: number
  heap_size_limit_bytes: number
}

const maxRssBytes = () => process.resourceUsage().maxRSS * 1024

/**
 * `node bench/broadcast.js` runs this with `medusa exec` against a fresh
 * database and the Resend fake: inserts the customers, creates an email
 * broadcast to everyone, sets it `sending` and runs `process-broadcast` once
 * through the workflow engine, then writes its figures as JSON.
 * Args: <result file> <customers>.
 */
export default async function benchBroadcast({ container, args }: ExecArgs) {
  const [resultFile, count] = [args[0], Number(args[1])]
  if (!resultFile || !Number.isInteger(count) || count < 1) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "usage: medusa exec ./src/scripts/bench-broadcast.ts <result file> <customers>"
    )
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const broadcasts = container.resolve<BroadcastModuleService>(BROADCAST_MODULE)

  const seedStart = performance.now()
  const now = new Date()
  for (let start = 0; start < count; start += INSERT_CHUNK) {
    const rows = Array.from({ length: Math.min(INSERT_CHUNK, count - start) }, (_, i) => ({
      id: generateEntityId(undefined, "cus"),
      email: `bench-${start + i}@example.com`,
      first_name: "Bench",
      last_name: `Customer ${start + i}`,
      created_at: now,
    }))
    await knex("customer").insert(rows)
  }
  const seedMs = performance.now() - seedStart
  logger.info(`bench: inserted ${count} customers in ${Math.round(seedMs)} ms`)

  const { result: draft } = await createBroadcastWorkflow(container).run({
    input: {
      name: "Bench broadcast",
      channel: "email",
      subject: "Hello {{first_name}}, this week's prices",
      body:
        "Hi {{first_name}} {{last_name}},\n\nNew arrivals are in, priced in naira and dollars.\n\nSent to {{email}}.",
      audience: { type: "all" },
    },
  })
  await broadcasts.updateBroadcasts({ id: draft.id, status: "sending", started_at: new Date() })

  const rssBefore = process.memoryUsage.rss()
  const maxRssBefore = maxRssBytes()
  const heapBefore = getHeapStatistics().used_heap_size
  let peakHeap = heapBefore
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size)
  }, HEAP_SAMPLE_MS)

  const runStart = Date.now()
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  const { result } = await engine.run(processBroadcastWorkflowId, {
    input: { id: draft.id },
    throwOnError: true,
  })
  const runEnd = Date.now()
  clearInterval(sampler)
  peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size)

  const broadcast = await broadcasts.retrieveBroadcast(draft.id, { select: ["status", "recipients_listed_at"] })
  // The listing step stamps `recipients_listed_at` (this process's clock) when every row is written.
  const listedAt = broadcast.recipients_listed_at ? new Date(broadcast.recipients_listed_at).getTime() : runStart
  const counts = (await broadcasts.countRecipients([draft.id])).get(draft.id)!

  const figures: BroadcastBenchResult = {
    customers: count,
    seed_ms: seedMs,
    broadcast_id: draft.id,
    status: broadcast.status,
    listing_ms: listedAt - runStart,
    sending_ms: runEnd - listedAt,
    run: (result as { run: DeliveryRun }).run,
    recipients: counts,
    max_rss_bytes: maxRssBytes(),
    max_rss_before_run_bytes: maxRssBefore,
    rss_before_run_bytes: rssBefore,
    peak_heap_used_bytes: peakHeap,
    heap_used_before_run_bytes: heapBefore,
    heap_size_limit_bytes: getHeapStatistics().heap_size_limit,
  }
  writeFileSync(resultFile, JSON.stringify(figures, null, 2))
}
