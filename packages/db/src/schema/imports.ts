import { pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

/**
 * CSV imports under way (decision 0009). Their rows are written into the register in short
 * transactions, carrying the import's id (`import_id`), and stay hidden from every read until the
 * import is published: one row deleted from here, in the transaction that writes its audit entry.
 * The rows of an import that failed are deleted with it; those of an import whose server stopped,
 * by a later import once a day has passed.
 */
export const openImports = pgTable("open_imports", {
  importId: uuid("import_id").primaryKey(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
});
