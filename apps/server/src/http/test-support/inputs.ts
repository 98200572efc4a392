import type { RegisterKind } from "@tt/app";

/** Valid inputs for one row of every register kind, given the ids of rows they link to. */
export function validInputs(
  links: { funderId?: string; passengerId?: string; placeId?: string },
  suffix = "1",
): Record<RegisterKind, Record<string, unknown>> {
  return {
    passengers: {
      reference: `P-${suffix}`,
      givenName: "Ada",
      familyName: "Lovelace",
      dateOfBirth: "2015-04-01",
      homePostcode: "CB1 0AG",
      homeLat: 52.192254,
      homeLon: 0.137179,
    },
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
    tripRequests: {
      reference: `T-${suffix}`,
      passengerId: links.passengerId,
      funderId: links.funderId,
      purpose: "school",
      origin: { kind: "home" },
      destination: { kind: "place", placeId: links.placeId },
      timing: "arrive-by",
      time: "08:40",
      recurrence: { kind: "one-off", date: "2026-09-03" },
    },
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
