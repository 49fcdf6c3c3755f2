import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** TRUNCATE skips row-level triggers: the append-only guard also needs a statement-level one. */
export class Migration20261203180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop trigger if exists "activity_event_no_truncate" on "activity_event";`)
    this.addSql(
      `create trigger "activity_event_no_truncate" before truncate on "activity_event" for each statement execute function "activity_event_reject_change"();`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "activity_event_no_truncate" on "activity_event";`)
  }
}
