import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125103855 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_consent" drop constraint if exists "customer_consent_customer_id_channel_purpose_unique";`);
    this.addSql(`create table if not exists "customer_consent" ("id" text not null, "customer_id" text not null, "channel" text check ("channel" in ('email', 'sms', 'whatsapp')) not null, "purpose" text check ("purpose" in ('marketing', 'order_updates')) not null, "granted" boolean not null, "source" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_consent_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_consent_deleted_at" ON "customer_consent" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_consent_customer_id_channel_purpose_unique" ON "customer_consent" ("customer_id", "channel", "purpose") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_consent" cascade;`);
  }

}
