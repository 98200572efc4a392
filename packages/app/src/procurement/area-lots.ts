import { financialYearOf, type LotRunInput, type NamedArea } from "@tt/domain";
import type { PlanRun, Repositories, StoredPlan } from "../ports";
import type { Actor } from "../shared";
import { locateRuns, type RunStopRepos } from "./run-stops";

/** What rule `area` reads besides the runs. */
type AreaLotRepos = RunStopRepos & Pick<Repositories, "delegations" | "identity">;

/** A run's stops, keyed as lots key runs: its vehicle and the minute of its first stop. */
const keyOf = (vehicleId: string, start: number) => `${vehicleId}@${start}`;

/**
 * For rule `area` (area micro-franchises): the consortia's areas delegated for the plan's
 * financial year (a council's to each consortium; a consortium's own), and where each run's stops
 * are. Reading the homes among them is audited.
 */
export async function areaLotInputs(
  repos: AreaLotRepos,
  actor: Actor,
  plan: Pick<StoredPlan, "runs" | "serviceDate">,
): Promise<{ areas: NamedArea[]; points: Map<string, { lat: number; lon: number }[]> }> {
  const org = await repos.identity.findOrganisation(actor.organisationId);
  const side = org?.kind === "local-consortium" ? "received" : "made";
  const year = financialYearOf(plan.serviceDate);
  const delegations = (await repos.delegations.list(actor.organisationId, side)).filter(
    (d) => d.financialYear === year && d.status === "accepted",
  );
  const names = new Map((await repos.identity.listOrganisations()).map((o) => [o.id, o.name]));
  const areas = delegations.map((d) => ({
    name: names.get(d.consortiumId) ?? d.consortiumId,
    area: d.area,
  }));
  const located = await locateRuns(
    repos,
    actor,
    plan.runs,
    "lots by area: runs' stops placed in consortia's areas",
  );
  const points = new Map(
    located.map((l) => [
      keyOf(l.run.vehicleId, firstStart(l.run)),
      l.stops.map(({ lat, lon }) => ({ lat, lon })),
    ]),
  );
  return { areas, points };
}

const firstStart = (run: PlanRun) => run.stops[0]?.start ?? 0;

/** The lots' runs with their stops' points. */
export function withPoints(
  runs: readonly LotRunInput[],
  points: ReadonlyMap<string, { lat: number; lon: number }[]>,
): LotRunInput[] {
  return runs.map((r) => ({ ...r, points: points.get(keyOf(r.vehicleId, r.start)) ?? [] }));
}
