import { model } from "@medusajs/framework/utils"

/**
 * Activity entries whose write to the log failed after its retries, kept in
 * the database so they survive a restart; the drain-activity-outbox job
 * appends them to the chain (with their original `occurred_at`) and deletes them.
 */
export const ActivityOutbox = model
  .define("activity_outbox", {
    id: model.id({ prefix: "actobx" }).primaryKey(),
    /** The ActivityEntry list as it was to be appended, `occurred_at` included. */
    entries: model.json(),
    /** Failed drain attempts so far, and the last error. */
    attempts: model.number().default(0),
    last_error: model.text().nullable(),
  })
  .indexes([{ on: ["created_at"] }])
