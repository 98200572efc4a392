import { date, index, pgTable, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, stamps } from "./common";
import { organisations } from "./organisations";
import { staff, vehicles } from "./register";

/**
 * Who crews which vehicle on a service date: its driver and passenger assistants. Kept by date and
 * vehicle, not by plan, so a revision or a new plan of the day keeps its crew. A person crews one
 * vehicle a day.
 */
export const crewAssignments = pgTable(
  "crew_assignments",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    serviceDate: date("service_date", { mode: "string" }).notNull(),
    vehicleId: uuid("vehicle_id")
      .notNull()
      .references(() => vehicles.id, { onDelete: "cascade" }),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    ...stamps(),
  },
  (t) => [
    uniqueIndex("crew_assignments_person_day_key").on(t.organisationId, t.serviceDate, t.staffId),
    index("crew_assignments_vehicle_day_idx").on(t.organisationId, t.serviceDate, t.vehicleId),
  ],
);
