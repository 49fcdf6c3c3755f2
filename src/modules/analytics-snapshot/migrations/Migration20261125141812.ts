import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125141812 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "analytics_snapshot" drop constraint if exists "analytics_snapshot_date_currency_code_unique";`);
    this.addSql(`create table if not exists "analytics_snapshot" ("id" text not null, "date" text not null, "currency_code" text not null, "time_zone" text not null, "orders" integer not null default 0, "gmv" numeric not null, "discounts" numeric not null, "shipping" numeric not null, "tax" numeric not null, "refunds" numeric not null, "net_revenue" numeric not null, "average_order_value" numeric not null, "items_sold" integer not null default 0, "new_customers" integer not null default 0, "returning_customers" integer not null default 0, "carts_created" integer not null default 0, "carts_completed" integer not null default 0, "conversion_rate" numeric null, "canceled_orders" integer not null default 0, "low_stock_items" integer null, "open_conversations" integer not null default 0, "broadcast_messages_sent" integer not null default 0, "top_products" jsonb not null, "top_variants" jsonb not null, "computed_at" timestamptz not null, "raw_gmv" jsonb not null, "raw_discounts" jsonb not null, "raw_shipping" jsonb not null, "raw_tax" jsonb not null, "raw_refunds" jsonb not null, "raw_net_revenue" jsonb not null, "raw_average_order_value" jsonb not null, "raw_conversion_rate" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "analytics_snapshot_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_snapshot_deleted_at" ON "analytics_snapshot" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_analytics_snapshot_date_currency_code_unique" ON "analytics_snapshot" ("date", "currency_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_snapshot_currency_code_date" ON "analytics_snapshot" ("currency_code", "date") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "analytics_snapshot" cascade;`);
  }

}
