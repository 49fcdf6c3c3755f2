import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125085309 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "staff_role" drop constraint if exists "staff_role_user_id_unique";`);
    this.addSql(`create table if not exists "impersonation_request" ("id" text not null, "impersonator_user_id" text not null, "customer_id" text not null, "method" text not null, "path" text not null, "status_code" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "impersonation_request_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_impersonation_request_deleted_at" ON "impersonation_request" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_impersonation_request_customer_id" ON "impersonation_request" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_impersonation_request_impersonator_user_id" ON "impersonation_request" ("impersonator_user_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "staff_role" ("id" text not null, "user_id" text not null, "role" text check ("role" in ('admin', 'support', 'concierge')) not null default 'support', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "staff_role_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_staff_role_user_id_unique" ON "staff_role" ("user_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_staff_role_deleted_at" ON "staff_role" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "impersonation_request" cascade;`);

    this.addSql(`drop table if exists "staff_role" cascade;`);
  }

}
