import type { UnitOfWork } from "../../../ports";
import type { Actor } from "../../../shared";

/** The funders, operators and term calendar the example files name. */
export async function addReferenceData(unitOfWork: UnitOfWork, actor: Actor): Promise<void> {
  const repos = unitOfWork.repositories;
  const org = actor.organisationId;
  await repos.funders.createMany(org, [
    { name: "Home to School Transport", kind: "home-to-school" },
    { name: "SEND Transport", kind: "send" },
    { name: "Adult Social Care", kind: "adult-social-care" },
    { name: "NHS Patient Transport", kind: "nhs" },
  ]);
  await repos.operators.createMany(org, [
    { name: "Ely Community Transport", kind: "community-transport" },
    { name: "Cambridge Cabs", kind: "taxi" },
  ]);
  await repos.termCalendars.create(org, {
    name: "Cambridgeshire schools 2026/27",
    periods: [
      { start: "2026-09-03", end: "2026-10-23" },
      { start: "2026-11-02", end: "2026-12-18" },
      { start: "2027-01-05", end: "2027-02-12" },
      { start: "2027-02-22", end: "2027-03-31" },
      { start: "2027-04-19", end: "2027-05-28" },
      { start: "2027-06-07", end: "2027-07-21" },
    ],
  });
}
