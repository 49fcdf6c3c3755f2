import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125121500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "inventory_adjustment" ("id" text not null, "inventory_item_id" text not null, "location_id" text not null, "delta" integer not null, "reason" text check ("reason" in ('restock', 'damage', 'loss', 'correction', 'return', 'transfer')) not null, "note" text null, "before" integer not null, "after" integer not null, "actor_type" text not null, "actor_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "inventory_adjustment_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inventory_adjustment_deleted_at" ON "inventory_adjustment" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inventory_adjustment_inventory_item_id_location_id" ON "inventory_adjustment" ("inventory_item_id", "location_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inventory_adjustment_reason" ON "inventory_adjustment" ("reason") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "low_stock_state" ("id" text not null, "inventory_item_id" text not null, "alerted_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "low_stock_state_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_low_stock_state_deleted_at" ON "low_stock_state" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_low_stock_state_inventory_item_id_unique" ON "low_stock_state" ("inventory_item_id") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inventory_adjustment" cascade;`)
    this.addSql(`drop table if exists "low_stock_state" cascade;`)
  }
}
