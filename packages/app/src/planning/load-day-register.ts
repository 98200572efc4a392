import type { Repositories, TravelTimeProvider, UnitOfWorkOf } from "../ports";
import type { Actor } from "../shared";
import { recordRead } from "../shared";
import { type BuiltProblem, buildProblem, type DayRegister } from "./build-problem";
import { dayFleet } from "./fleet-reads";
import { findEach, listEvery, placeIds } from "./register-reads";

/** The registers a day's planning reads, and the audit log its reads of personal data go to. */
export type PlanningDayKind =
  | "tripRequests"
  | "passengers"
  | "places"
  | "vehicles"
  | "staff"
  | "termCalendars"
  | "grants"
  | "compliance"
  | "contracts"
  | "audit";
export type PlanningDayUnitOfWork = UnitOfWorkOf<PlanningDayKind>;

/**
 * What the day-plan mapping needs for `date`, and no more: the trip requests that may travel
 * that day, the passengers, places and term calendars they name (looked up by id), the vehicles
 * it plans with that day (its own and those granted to it, less those held back for a lapsed
 * compliance document: `dayFleet`) and its staff. All is read in one REPEATABLE READ transaction, so the
 * reads are one snapshot: a booking changed meanwhile can neither be missed nor counted twice.
 */
export async function loadDayRegister(
  unitOfWork: PlanningDayUnitOfWork,
  organisationId: string,
  date: string,
): Promise<DayRegister> {
  return unitOfWork.transaction(
    async (repos) => {
      const tripRequests = await repos.tripRequests.listSpanning(organisationId, date);
      const passengerIds = tripRequests.map((t) => t.passengerId);
      const calendarIds = tripRequests.flatMap((t) =>
        t.recurrence.kind === "recurring" && t.recurrence.termCalendarId
          ? [t.recurrence.termCalendarId]
          : [],
      );
      const values = <T>(found: Map<string, T>) => [...found.values()];
      return {
        date,
        tripRequests,
        passengers: values(await findEach(repos.passengers, organisationId, passengerIds)),
        places: values(await findEach(repos.places, organisationId, placeIds(tripRequests))),
        ...(await dayFleet(repos, organisationId, date)),
        staff: await listEvery(repos.staff, organisationId),
        termCalendars: values(await findEach(repos.termCalendars, organisationId, calendarIds)),
      };
    },
    { snapshot: true },
  );
}

/**
 * Records that planning read personal data: the passengers whose trips the plan covers (their
 * needs and homes) and the passenger assistants whose shifts were counted.
 */
export async function auditPlanningReads(
  repos: Pick<Repositories, "audit">,
  actor: Actor,
  details: { jobId: string; date: string; passengerIds: string[]; staffIds: string[] },
): Promise<void> {
  const purpose = `planning: day plan for ${details.date}`;
  const extra = { jobId: details.jobId, date: details.date };
  const ids = details.passengerIds;
  await recordRead(repos, actor, { resource: "passengers", ids, purpose, details: extra });
  if (details.staffIds.length === 0) return;
  const staff = details.staffIds;
  await recordRead(repos, actor, { resource: "staff", ids: staff, purpose, details: extra });
}

/**
 * The day's register and its solver Problem, with the read of personal data audited: the
 * passengers of the requests the Problem holds and the passenger assistants. What every job
 * that plans a day (a day plan, an integration analysis) reads first. `narrow` keeps part of the
 * day (an analysis of some funders) before the Problem is built and the reads are audited.
 */
export async function loadPlanningDay(
  unitOfWork: PlanningDayUnitOfWork,
  travelTimes: TravelTimeProvider,
  actor: Actor,
  read: { jobId: string; date: string; narrow?: (day: DayRegister) => DayRegister },
): Promise<{ register: DayRegister; built: BuiltProblem }> {
  const day = await loadDayRegister(unitOfWork, actor.organisationId, read.date);
  const register = read.narrow ? read.narrow(day) : day;
  const built = await buildProblem(register, travelTimes);
  const planned = new Set(built.problem.requests.map((r) => r.id));
  const passengerIds = new Set(
    register.tripRequests.filter((r) => planned.has(r.id)).map((r) => r.passengerId),
  );
  const staffIds = register.staff.filter((s) => s.role === "passenger-assistant").map((s) => s.id);
  await auditPlanningReads(unitOfWork.repositories, actor, {
    jobId: read.jobId,
    date: read.date,
    passengerIds: [...passengerIds],
    staffIds,
  });
  return { register, built };
}
