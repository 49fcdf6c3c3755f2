import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The outbox of activity entries waiting to be appended after a failed write. */
export class Migration20261125141500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "activity_outbox" ("id" text not null, "entries" jsonb not null, "attempts" integer not null default 0, "last_error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "activity_outbox_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_activity_outbox_deleted_at" ON "activity_outbox" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_activity_outbox_created_at" ON "activity_outbox" ("created_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "activity_outbox" cascade;`)
  }
}
