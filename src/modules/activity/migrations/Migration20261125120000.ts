import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "activity_event" ("id" text not null, "seq" integer not null, "actor_type" text check ("actor_type" in ('user', 'customer', 'system', 'webhook')) not null, "actor_id" text null, "impersonator_id" text null, "action" text not null, "resource_type" text null, "resource_id" text null, "payload" jsonb null, "request_id" text null, "ip" text null, "user_agent" text null, "occurred_at" timestamptz not null, "prev_hash" text not null, "hash" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "activity_event_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_activity_event_deleted_at" ON "activity_event" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_activity_event_seq_unique" ON "activity_event" ("seq") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_activity_event_actor_type_actor_id" ON "activity_event" ("actor_type", "actor_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_activity_event_resource_type_resource_id" ON "activity_event" ("resource_type", "resource_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_activity_event_action" ON "activity_event" ("action") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_activity_event_occurred_at" ON "activity_event" ("occurred_at") WHERE deleted_at IS NULL;`
    )

    // Hand-written: the log is append-only in the database itself, whoever connects.
    this.addSql(
      `create or replace function "activity_event_reject_change"() returns trigger language plpgsql as $$ begin raise exception 'activity_event is append-only: % is not allowed', TG_OP using errcode = 'insufficient_privilege'; end; $$;`
    )
    this.addSql(`drop trigger if exists "activity_event_immutable" on "activity_event";`)
    this.addSql(
      `create trigger "activity_event_immutable" before update or delete on "activity_event" for each row execute function "activity_event_reject_change"();`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "activity_event" cascade;`)
    this.addSql(`drop function if exists "activity_event_reject_change"();`)
  }
}
