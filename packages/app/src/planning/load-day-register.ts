import type { Repositories, UnitOfWork } from "../ports";
import type { Actor } from "../shared";
import { recordRead } from "../shared";
import type { DayRegister } from "./build-problem";
import { listEvery } from "./register-reads";

/**
 * The organisation's whole register, as the day-plan mapping needs it. Every page of every
 * register is read in one REPEATABLE READ transaction, so the pages are one snapshot: a booking
 * changed while the register is read can neither be missed nor counted twice.
 */
export async function loadDayRegister(
  unitOfWork: UnitOfWork,
  organisationId: string,
  date: string,
): Promise<DayRegister> {
  return unitOfWork.transaction(
    async (repos) => ({
      date,
      tripRequests: await listEvery(repos.tripRequests, organisationId),
      passengers: await listEvery(repos.passengers, organisationId),
      places: await listEvery(repos.places, organisationId),
      vehicles: await listEvery(repos.vehicles, organisationId),
      staff: await listEvery(repos.staff, organisationId),
      termCalendars: await listEvery(repos.termCalendars, organisationId),
    }),
    { snapshot: true },
  );
}

/**
 * Records that planning read personal data: the passengers whose trips the plan covers (their
 * needs and homes) and the passenger assistants whose shifts were counted.
 */
export async function auditPlanningReads(
  repos: Repositories,
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
