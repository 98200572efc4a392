import {
  type AvailabilityGrant,
  availabilityGrantInputSchema,
  grantWindowsOverlap,
} from "@tt/domain";
import type { UnitOfWorkOf } from "../ports";
import { type Actor, AppError, authorise, notFound, parseInput } from "../shared";

/** What offering vehicles reads and writes. */
export type GrantUnitOfWork = UnitOfWorkOf<
  "grants" | "vehicles" | "operators" | "funders" | "identity"
>;

type Repos = GrantUnitOfWork["repositories"];

/**
 * Availability grants: an operator (or any organisation holding vehicles) offers some of them to
 * another organisation by weekday, hours and dates. Vehicles stay in the grantor's register; the
 * grantee plans with them (`loadDayRegister`). Two grants of one vehicle never overlap, so it is
 * never in two organisations' runs at once; the grantor itself does not plan a vehicle on a day it
 * is granted away.
 */
export class GrantService {
  constructor(private readonly unitOfWork: GrantUnitOfWork) {}

  async offer(actor: Actor, input: unknown): Promise<AvailabilityGrant> {
    authorise(actor, "vehicles", "write");
    const grant = parseInput(availabilityGrantInputSchema, input, "availability grant");
    const org = actor.organisationId;
    return this.unitOfWork.transaction(async (repos) => {
      await checkGrantee(repos, org, grant);
      const vehicles = await repos.vehicles.findByIds(org, grant.vehicleIds);
      const found = new Map(vehicles.map((v) => [v.id, v]));
      const missing = grant.vehicleIds.find((id) => !found.has(id));
      if (missing) throw notFound("vehicle", missing);
      await repos.grants.lockGrantor(org);
      const clash = (await repos.grants.listNaming(grant.vehicleIds)).find((other) =>
        grantWindowsOverlap(other, grant),
      );
      if (clash) {
        const vehicle = grant.vehicleIds.find((id) => clash.vehicleIds.includes(id)) ?? "";
        throw new AppError("conflict", "A vehicle is already granted at those times.", [
          {
            path: "vehicleIds",
            message: `${found.get(vehicle)?.reference ?? vehicle} is granted by grant ${clash.id} on overlapping days and hours`,
          },
        ]);
      }
      return repos.grants.create(org, grant);
    });
  }

  async listMade(actor: Actor): Promise<AvailabilityGrant[]> {
    authorise(actor, "vehicles", "read");
    return this.unitOfWork.repositories.grants.listMade(actor.organisationId);
  }

  async listReceived(actor: Actor): Promise<AvailabilityGrant[]> {
    authorise(actor, "vehicles", "read");
    return this.unitOfWork.repositories.grants.listReceived(actor.organisationId);
  }

  async withdraw(actor: Actor, id: string): Promise<void> {
    authorise(actor, "vehicles", "write");
    const done = await this.unitOfWork.repositories.grants.withdraw(actor.organisationId, id);
    if (!done) throw notFound("availability grant", id);
  }
}

/** The grantee exists and is another organisation; its operator record and funders are its own. */
async function checkGrantee(
  repos: Repos,
  grantor: string,
  grant: { granteeId: string; granteeOperatorId?: string; funderIds: readonly string[] },
): Promise<void> {
  const issues: { path: string; message: string }[] = [];
  const grantee = grant.granteeId;
  if (grantee === grantor) {
    issues.push({ path: "granteeId", message: "a grant is to another organisation" });
  } else if (!(await repos.identity.findOrganisation(grantee))) {
    issues.push({ path: "granteeId", message: `no organisation with id ${grantee}` });
  }
  const operator = grant.granteeOperatorId;
  if (operator && !(await repos.operators.find(grantee, operator))) {
    issues.push({ path: "granteeOperatorId", message: "not an operator record of the grantee" });
  }
  const funders = await repos.funders.findByIds(grantee, grant.funderIds);
  grant.funderIds.forEach((id, i) => {
    if (!funders.some((f) => f.id === id)) {
      issues.push({ path: `funderIds.${i}`, message: "not a funder of the grantee" });
    }
  });
  if (issues.length > 0) {
    throw new AppError("validation-failed", "The availability grant is not valid.", issues);
  }
}
