import { z } from "zod";
import { idSchema, nameSchema, referenceSchema, WEEKDAYS } from "../shared/schemas";
import type { Stored } from "../shared/stored";
import { isoDateSchema, timeOfDaySchema } from "../shared/time-of-day";

export const STAFF_ROLES = ["driver", "passenger-assistant"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A driver's or passenger assistant's working window on some weekdays. */
export const shiftSchema = z
  .object({
    weekdays: z.array(z.enum(WEEKDAYS)).min(1),
    start: timeOfDaySchema,
    end: timeOfDaySchema,
  })
  .refine((s) => s.start < s.end, { message: "start must be before end", path: ["end"] });
export type Shift = z.infer<typeof shiftSchema>;

/** Drivers and passenger assistants, paid or volunteer, with the checks that expire. */
export const staffInputSchema = z.object({
  reference: referenceSchema,
  name: nameSchema,
  role: z.enum(STAFF_ROLES),
  operatorId: idSchema.optional(),
  volunteer: z.boolean().default(false),
  dbsExpiry: isoDateSchema.optional(),
  licenceExpiry: isoDateSchema.optional(),
  shifts: z.array(shiftSchema).default([]),
});
export type StaffInput = z.infer<typeof staffInputSchema>;

/** Checks that have lapsed (or lapse) on `isoDate`: a lapsed person must not be rostered. */
export function listLapsedChecks(staff: StaffInput, isoDate: string): ("dbs" | "licence")[] {
  const lapsed: ("dbs" | "licence")[] = [];
  if (!staff.dbsExpiry || staff.dbsExpiry < isoDate) lapsed.push("dbs");
  if (staff.role === "driver" && (!staff.licenceExpiry || staff.licenceExpiry < isoDate)) {
    lapsed.push("licence");
  }
  return lapsed;
}

export type Staff = Stored<StaffInput>;

/** "PA-9's DBS check expired on 2026-09-01", or "PA-9 has no DBS check recorded". */
export function describeLapsedCheck(
  person: Pick<StaffInput, "reference" | "dbsExpiry" | "licenceExpiry">,
  check: "dbs" | "licence",
): string {
  const what = check === "dbs" ? "DBS check" : "driving licence";
  const expiry = check === "dbs" ? person.dbsExpiry : person.licenceExpiry;
  return expiry
    ? `${person.reference}'s ${what} expired on ${expiry}`
    : `${person.reference} has no ${what} recorded`;
}
