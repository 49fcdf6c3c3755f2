import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125081739 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "fx_derived_price" drop constraint if exists "fx_derived_price_variant_id_currency_code_unique";`);
    this.addSql(`create table if not exists "fx_derived_price" ("id" text not null, "variant_id" text not null, "currency_code" text not null, "source_currency" text not null, "source_amount" text not null, "rate" text not null, "amount" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fx_derived_price_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fx_derived_price_deleted_at" ON "fx_derived_price" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fx_derived_price_variant_id_currency_code_unique" ON "fx_derived_price" ("variant_id", "currency_code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "fx_rate" ("id" text not null, "base_currency" text not null, "quote_currency" text not null, "rate" numeric not null, "effective_at" timestamptz not null, "created_by" text null, "raw_rate" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "fx_rate_pkey" primary key ("id"), constraint fx_rate_check check (base_currency <> quote_currency));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fx_rate_deleted_at" ON "fx_rate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_fx_rate_base_currency_quote_currency_effective_at" ON "fx_rate" ("base_currency", "quote_currency", "effective_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "fx_derived_price" cascade;`);

    this.addSql(`drop table if exists "fx_rate" cascade;`);
  }

}
