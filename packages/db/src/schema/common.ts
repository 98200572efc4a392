import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Primary key used by every table. */
export const id = () => uuid("id").primaryKey().defaultRandom();

/** Creation and update stamps, in UTC. */
export const stamps = () => ({
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
