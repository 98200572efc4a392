import type { RegisterKind } from "@tt/app";
import { aPassenger, aTripRequest } from "@tt/testkit";

/** Valid inputs for one row of every register kind, given the ids of rows they link to. */
export function validInputs(
  links: { funderId?: string; passengerId?: string; placeId?: string },
  suffix = "1",
): Record<RegisterKind, Record<string, unknown>> {
  return {
    passengers: aPassenger({ reference: `P-${suffix}` }),
    places: {
      reference: `S-${suffix}`,
      name: "Netherhall School",
      kind: "school",
      lat: 52.1787,
      lon: 0.1589,
    },
    vehicles: {
      reference: `V-${suffix}`,
      kind: "minibus",
      seats: 16,
      depotLat: 52.2,
      depotLon: 0.12,
    },
    staff: { reference: `D-${suffix}`, name: "Sam Driver", role: "driver" },
    operators: { name: `Fenland Community Transport ${suffix}`, kind: "community-transport" },
    funders: { name: `SEND transport ${suffix}`, kind: "send" },
    budgets: { funderId: links.funderId, financialYear: "2026/27", amountPence: 100_000 },
    tripRequests: aTripRequest(
      {
        passengerId: links.passengerId ?? "",
        funderId: links.funderId ?? "",
        placeId: links.placeId ?? "",
      },
      { reference: `T-${suffix}`, recurrence: { kind: "one-off", date: "2026-09-03" } },
    ),
    termCalendars: {
      name: `Autumn ${suffix}`,
      periods: [{ start: "2026-09-03", end: "2026-10-23" }],
    },
  };
}

/** Kinds in an order where every linked row exists before the rows that link to it. */
export const SEED_ORDER: readonly RegisterKind[] = [
  "funders",
  "places",
  "passengers",
  "operators",
  "vehicles",
  "staff",
  "budgets",
  "termCalendars",
  "tripRequests",
];
