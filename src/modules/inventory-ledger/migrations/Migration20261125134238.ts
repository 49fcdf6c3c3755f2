import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Ledger entries for every movement: source, reserved quantities and what caused it. */
export class Migration20261125134238 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "inventory_adjustment" add column if not exists "source" text check ("source" in ('adjustment', 'reservation', 'fulfillment', 'fulfillment_canceled', 'return', 'order', 'admin', 'system', 'opening', 'reconciliation')) not null default 'adjustment', add column if not exists "reserved_before" integer not null default 0, add column if not exists "reserved_after" integer not null default 0, add column if not exists "reserved_delta" integer not null default 0, add column if not exists "reference_type" text null, add column if not exists "reference_id" text null, add column if not exists "order_id" text null;`
    )
    this.addSql(`alter table if exists "inventory_adjustment" alter column "reason" drop not null;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inventory_adjustment_source" ON "inventory_adjustment" ("source") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inventory_adjustment_order_id" ON "inventory_adjustment" ("order_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_inventory_adjustment_reference_type_reference_id" ON "inventory_adjustment" ("reference_type", "reference_id") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_inventory_adjustment_source";`)
    this.addSql(`drop index if exists "IDX_inventory_adjustment_order_id";`)
    this.addSql(`drop index if exists "IDX_inventory_adjustment_reference_type_reference_id";`)
    this.addSql(
      `alter table if exists "inventory_adjustment" drop column if exists "source", drop column if exists "reserved_before", drop column if exists "reserved_after", drop column if exists "reserved_delta", drop column if exists "reference_type", drop column if exists "reference_id", drop column if exists "order_id";`
    )
    this.addSql(`delete from "inventory_adjustment" where "reason" is null;`)
    this.addSql(`alter table if exists "inventory_adjustment" alter column "reason" set not null;`)
  }
}
