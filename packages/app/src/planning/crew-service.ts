import { idSchema, isoDateSchema, listLapsedChecks, type Staff, type Vehicle } from "@tt/domain";
import { z } from "zod";
import type { CrewAssignment, UnitOfWorkOf } from "../ports";
import { type Actor, AppError, authorise, notFound, parseInput, recordRead } from "../shared";
import { findEach } from "./register-reads";

/** At most a driver and three passenger assistants on one vehicle. */
export const MAX_CREW = 4;

export const crewInputSchema = z.object({
  serviceDate: isoDateSchema,
  vehicleId: idSchema,
  staffIds: z
    .array(idSchema)
    .max(MAX_CREW, { message: `at most ${MAX_CREW} people crew a vehicle` })
    .refine((ids) => new Set(ids).size === ids.length, { message: "a person is listed twice" }),
});
export type CrewInput = z.infer<typeof crewInputSchema>;

/** What crewing reads and writes: the rota, the vehicles and staff it names, the audit log. */
export type CrewUnitOfWork = UnitOfWorkOf<"crew" | "vehicles" | "staff" | "audit">;

/** A fleet manager crews only their operator's vehicles with their operator's people. */
function checkOperatorOwns(actor: Actor, vehicle: Vehicle, people: readonly Staff[]): void {
  if (actor.role !== "operator") return;
  if (!actor.operatorId || vehicle.operatorId !== actor.operatorId) {
    throw notFound("vehicle of your operator", vehicle.id);
  }
  const other = people.find((p) => p.operatorId !== actor.operatorId);
  if (other) throw notFound("staff member of your operator", other.id);
}

/** One driver at most, and nobody whose DBS check or licence has lapsed on the date. */
/** Passenger assistants on one vehicle at most: the crew's seats beside the driver [D]. */
const MAX_ASSISTANTS = 3;

function checkCrew(people: readonly Staff[], serviceDate: string): void {
  const issues = people.flatMap((p, i) =>
    listLapsedChecks(p, serviceDate).map((check) => ({
      path: `staffIds.${i}`,
      message: `${p.reference}'s ${check === "dbs" ? "DBS check" : "driving licence"} has lapsed on ${serviceDate}`,
    })),
  );
  const drivers = people.filter((p) => p.role === "driver");
  if (drivers.length > 1) {
    issues.push({ path: "staffIds", message: "a vehicle has one driver" });
  }
  if (people.length - drivers.length > MAX_ASSISTANTS) {
    issues.push({
      path: "staffIds",
      message: `a vehicle has at most ${MAX_ASSISTANTS} passenger assistants`,
    });
  }
  if (issues.length > 0) {
    throw new AppError("validation-failed", "This crew cannot work that day.", issues);
  }
}

/**
 * Who drives and assists on which vehicle on a date: the rota that decides which runs a driver or
 * passenger assistant sees (`runScopeOf`). Staff records are personal data: every read and write
 * is audited.
 */
export class CrewService {
  constructor(private readonly unitOfWork: CrewUnitOfWork) {}

  /** Replaces the vehicle's crew on the date; answers the date's whole rota. */
  async assign(actor: Actor, input: unknown): Promise<CrewAssignment[]> {
    authorise(actor, "staff", "write");
    const crew = parseInput(crewInputSchema, input, "crew");
    const org = actor.organisationId;
    return this.unitOfWork.transaction(async (repos) => {
      const vehicle = await repos.vehicles.find(org, crew.vehicleId);
      if (!vehicle) throw notFound("vehicle", crew.vehicleId);
      const found = await findEach(repos.staff, org, crew.staffIds);
      const missing = crew.staffIds.find((id) => !found.has(id));
      if (missing) throw notFound("staff member", missing);
      const people = [...found.values()];
      checkOperatorOwns(actor, vehicle, people);
      checkCrew(people, crew.serviceDate);
      await this.refuseDoubleBooking(repos, org, crew, found);
      await repos.crew.replace(org, crew.serviceDate, crew.vehicleId, crew.staffIds);
      await repos.audit.append({
        organisationId: org,
        userId: actor.userId,
        action: "update",
        resource: "staff",
        resourceIds: crew.staffIds,
        purpose: actor.purpose ?? `crew: ${vehicle.reference} on ${crew.serviceDate}`,
        details: { vehicleId: vehicle.id, serviceDate: crew.serviceDate },
      });
      return repos.crew.listForDate(org, crew.serviceDate);
    });
  }

  /** The date's rota (ids only), audited as a read of the staff it names. */
  async list(actor: Actor, serviceDate: string): Promise<CrewAssignment[]> {
    authorise(actor, "staff", "read");
    const date = parseInput(isoDateSchema, serviceDate, "service date");
    return this.unitOfWork.transaction(async (repos) => {
      const rota = await repos.crew.listForDate(actor.organisationId, date);
      if (rota.length > 0) {
        await recordRead(repos, actor, {
          resource: "staff",
          ids: [...new Set(rota.map((a) => a.staffId))],
          purpose: `crew: rota of ${date}`,
          details: { serviceDate: date },
        });
      }
      return rota;
    });
  }

  private async refuseDoubleBooking(
    repos: CrewUnitOfWork["repositories"],
    org: string,
    crew: CrewInput,
    people: ReadonlyMap<string, Staff>,
  ): Promise<void> {
    const rota = await repos.crew.listForDate(org, crew.serviceDate);
    const elsewhere = rota.find((a) => people.has(a.staffId) && a.vehicleId !== crew.vehicleId);
    if (!elsewhere) return;
    const person = people.get(elsewhere.staffId);
    throw new AppError("conflict", "A person crews one vehicle a day.", [
      {
        path: "staffIds",
        message: `${person?.reference ?? elsewhere.staffId} already crews vehicle ${elsewhere.vehicleId} on ${crew.serviceDate}`,
      },
    ]);
  }
}
