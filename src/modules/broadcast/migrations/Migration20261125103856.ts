import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125103856 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "broadcast_recipient" drop constraint if exists "broadcast_recipient_broadcast_id_customer_id_unique";`);
    this.addSql(`create table if not exists "broadcast" ("id" text not null, "name" text not null, "channel" text check ("channel" in ('email', 'sms', 'whatsapp')) not null, "subject" text null, "body" text not null, "audience" jsonb not null, "scheduled_at" timestamptz null, "status" text check ("status" in ('draft', 'scheduled', 'sending', 'sent', 'cancelled', 'failed')) not null default 'draft', "recipients_listed_at" timestamptz null, "started_at" timestamptz null, "completed_at" timestamptz null, "cancelled_at" timestamptz null, "last_error" text null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "broadcast_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_broadcast_deleted_at" ON "broadcast" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_broadcast_status_scheduled_at" ON "broadcast" ("status", "scheduled_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "broadcast_recipient" ("id" text not null, "broadcast_id" text not null, "customer_id" text not null, "address" text not null, "status" text check ("status" in ('queued', 'sent', 'failed', 'skipped')) not null default 'queued', "batch_key" text null, "provider_message_id" text null, "attempts" integer not null default 0, "last_error" text null, "sent_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "broadcast_recipient_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_broadcast_recipient_broadcast_id" ON "broadcast_recipient" ("broadcast_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_broadcast_recipient_deleted_at" ON "broadcast_recipient" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_broadcast_recipient_broadcast_id_customer_id_unique" ON "broadcast_recipient" ("broadcast_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_broadcast_recipient_broadcast_id_status_batch_key" ON "broadcast_recipient" ("broadcast_id", "status", "batch_key") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "broadcast_recipient" add constraint "broadcast_recipient_broadcast_id_foreign" foreign key ("broadcast_id") references "broadcast" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "broadcast_recipient" drop constraint if exists "broadcast_recipient_broadcast_id_foreign";`);

    this.addSql(`drop table if exists "broadcast" cascade;`);

    this.addSql(`drop table if exists "broadcast_recipient" cascade;`);
  }

}
