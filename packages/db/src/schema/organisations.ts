import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, stamps } from "./common";
import { operators, staff } from "./register";

export const organisations = pgTable("organisations", {
  id: id(),
  name: text("name").notNull(),
  kind: text("kind").notNull(),
  ...stamps(),
});

export const users = pgTable(
  "users",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role").notNull(),
    /** scrypt: `scrypt$N$r$p$salt$hash` (base64). */
    passwordHash: text("password_hash").notNull(),
    disabled: boolean("disabled").notNull().default(false),
    /** A driver's or passenger assistant's own staff record: they see only the runs it is crewed on. */
    staffId: uuid("staff_id").references((): AnyPgColumn => staff.id, { onDelete: "set null" }),
    /** An operator's fleet manager's operator record: they see only runs on its vehicles. */
    operatorId: uuid("operator_id").references((): AnyPgColumn => operators.id, {
      onDelete: "set null",
    }),
    ...stamps(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), index("users_org_idx").on(t.organisationId)],
);

/** Browser sessions; the cookie holds the secret, the table holds only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sessions_expires_idx").on(t.expiresAt)],
);

/** API tokens for scripts and the CLI; stored as SHA-256, shown once, valid until `expiresAt`. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    revoked: boolean("revoked").notNull().default(false),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

/**
 * Failed sign-ins per key in fixed windows, shared by every server process. The key is the SHA-256
 * of `account:<email>:<bucket>` or `address:<client address>`, so no email or address is stored.
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    key: text("key").primaryKey(),
    failures: integer("failures").notNull(),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sign_in_failures_window_idx").on(t.windowStartedAt)],
);

/** Client addresses (SHA-256) a user has signed in from: their familiar places. */
export const signInKnownAddresses = pgTable(
  "sign_in_known_addresses",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addressHash: text("address_hash").notNull(),
    lastSignedInAt: timestamp("last_signed_in_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.addressHash] })],
);
