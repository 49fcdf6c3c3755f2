import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125133824 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "concierge_message" drop constraint if exists "concierge_message_whatsapp_message_id_unique";`);
    this.addSql(`alter table if exists "concierge_conversation" drop constraint if exists "concierge_conversation_reference_unique";`);
    this.addSql(`create table if not exists "concierge_conversation" ("id" text not null, "reference" text not null, "customer_phone" text not null, "whatsapp_id" text null, "profile_name" text null, "customer_id" text null, "cart_id" text null, "order_id" text null, "topic" text null, "origin" text check ("origin" in ('storefront', 'whatsapp')) not null, "status" text check ("status" in ('open', 'pending', 'resolved')) not null default 'open', "assignee_id" text null, "first_response_due_at" timestamptz null, "first_responded_at" timestamptz null, "last_inbound_at" timestamptz null, "last_outbound_at" timestamptz null, "last_message_at" timestamptz not null, "unread_count" integer not null default 0, "resolved_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "concierge_conversation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_conversation_deleted_at" ON "concierge_conversation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_concierge_conversation_reference_unique" ON "concierge_conversation" ("reference") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_conversation_customer_phone_status" ON "concierge_conversation" ("customer_phone", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_conversation_status_last_message_at" ON "concierge_conversation" ("status", "last_message_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_conversation_customer_id" ON "concierge_conversation" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_conversation_order_id" ON "concierge_conversation" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "concierge_message" ("id" text not null, "conversation_id" text not null, "direction" text check ("direction" in ('inbound', 'outbound')) not null, "channel" text check ("channel" in ('storefront', 'whatsapp')) not null, "whatsapp_message_id" text null, "type" text check ("type" in ('text', 'image', 'document', 'template', 'unsupported')) not null, "text" text null, "media_id" text null, "media_mime_type" text null, "media_filename" text null, "template" jsonb null, "status" text check ("status" in ('received', 'queued', 'sent', 'delivered', 'read', 'failed')) not null, "error" text null, "author_id" text null, "sent_at" timestamptz not null, "delivered_at" timestamptz null, "read_at" timestamptz null, "failed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "concierge_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_message_conversation_id" ON "concierge_message" ("conversation_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_message_deleted_at" ON "concierge_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_concierge_message_whatsapp_message_id_unique" ON "concierge_message" ("whatsapp_message_id") WHERE whatsapp_message_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_concierge_message_conversation_id_sent_at" ON "concierge_message" ("conversation_id", "sent_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "concierge_message" add constraint "concierge_message_conversation_id_foreign" foreign key ("conversation_id") references "concierge_conversation" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "concierge_message" drop constraint if exists "concierge_message_conversation_id_foreign";`);

    this.addSql(`drop table if exists "concierge_conversation" cascade;`);

    this.addSql(`drop table if exists "concierge_message" cascade;`);
  }

}
