import { bigint, timestamp, uuid } from "drizzle-orm/pg-core";

/** Primary key used by every table. */
export const id = () => uuid("id").primaryKey().defaultRandom();

/** Creation and update stamps, in UTC. */
export const stamps = () => ({
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Money in whole pence, 64-bit. Read as a JS number: exact while below 2^53 pence, far above the
 * domain's maximum (`MAX_PENCE`, £1,000,000,000).
 */
export const pence = (name: string) => bigint(name, { mode: "number" });

/**
 * The CSV import that wrote the row, if one did. While that import is open (`open_imports`) the
 * row is hidden from every read of the register (decision 0009); publishing the import shows all
 * of its rows at once.
 */
export const importedBy = () => ({ importId: uuid("import_id") });
