import type { DbHandle } from "../../create-db";
import { createUnitOfWork } from "../unit-of-work";

/** A database opened with `open`, its repositories, and two organisations in it. */
export async function twoOrganisations(open: () => Promise<DbHandle>) {
  const handle = await open();
  const repos = createUnitOfWork(handle.db).repositories;
  const org = (await repos.identity.createOrganisation({ name: "County", kind: "council" })).id;
  const other = (await repos.identity.createOrganisation({ name: "Trust", kind: "nhs-body" })).id;
  return { handle, repos, org, other };
}
