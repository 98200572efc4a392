import type { Repositories } from "@tt/app";
import type { Area } from "@tt/domain";
import { DEMO_FINANCIAL_YEAR } from "./organisations";
import type { DemoOrganisation } from "./scenario-types";

/** Margin around the consortium's villages, in degrees (about 2 km north–south). */
const MARGIN = 0.02;

/**
 * The consortium's area as the demo draws it: the box around every place and passenger's home of
 * its register, with a margin, so that all its local work lies inside.
 */
export function consortiumArea(consortium: DemoOrganisation): Area {
  const points = [
    ...consortium.places.map((p) => [p.lon, p.lat] as const),
    ...consortium.passengers.map((p) => [p.input.homeLon, p.input.homeLat] as const),
  ];
  if (points.length === 0) throw new Error(`demo delegation: ${consortium.name} has no places`);
  const lons = points.map(([lon]) => lon);
  const lats = points.map(([, lat]) => lat);
  const [west, east] = [Math.min(...lons) - MARGIN, Math.max(...lons) + MARGIN];
  const [south, north] = [Math.min(...lats) - MARGIN, Math.max(...lats) + MARGIN];
  const round = (n: number) => Math.round(n * 1e5) / 1e5;
  const ring = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ].map(([lon, lat]) => [round(lon ?? 0), round(lat ?? 0)] as const);
  return { type: "Polygon", coordinates: [ring] };
}

/**
 * Cambridgeshire delegates to the Fen Edge consortium its area and, as its budget for the year,
 * what the consortium's funder holds (the demo's delegated area budget); the consortium accepted.
 */
export async function seedDelegation(
  repos: Repositories,
  ids: { readonly council: string; readonly consortium: string },
  consortium: DemoOrganisation,
): Promise<void> {
  const budgetPence = consortium.funders.reduce((sum, f) => sum + f.budgetPence, 0);
  const made = await repos.delegations.create(ids.council, {
    consortiumId: ids.consortium,
    financialYear: DEMO_FINANCIAL_YEAR,
    budgetPence,
    area: consortiumArea(consortium),
  });
  // The consortium has accepted it: only an accepted delegation counts.
  await repos.delegations.setStatus(made.id, "accepted");
}
