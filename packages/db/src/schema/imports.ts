import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

/**
 * Rows of a CSV import, checked and written here in short transactions, then published into the
 * register in one statement (decision 0009). Rows of an import that failed or whose server
 * stopped are never published; they are deleted when the import ends, or by a later import.
 */
export const importRows = pgTable(
  "import_rows",
  {
    importId: uuid("import_id").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The register table the row goes to. */
    kind: text("kind").notNull(),
    /** The row's place in the file: rows are published in this order. */
    position: integer("position").notNull(),
    /** The register row, its columns by their database names. */
    row: jsonb("row").$type<Record<string, unknown>>().notNull(),
    stagedAt: timestamp("staged_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.position] }),
    index("import_rows_org_staged_idx").on(t.organisationId, t.stagedAt),
  ],
);
