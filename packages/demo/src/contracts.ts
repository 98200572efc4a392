import type { DemoOrganisation, DemoOrganisationKey, DemoVehicle } from "./scenario-types";

/**
 * Which operator vehicles each council holds under contract. A council plans on its own fleet and
 * on these, so its register lists them too, under its own record of the operator (same key). The
 * pattern runs over the operator's vehicles in order: position `i` goes to `pattern[i % length]`,
 * `null` meaning not contracted to a council (kept for the ICB, private hire or the operator).
 */
interface ContractLine {
  readonly operator: DemoOrganisationKey;
  /** Only vehicles with this operator key (e.g. Brookmere's minibuses, not its volunteer cars). */
  readonly operatorKey: string;
  readonly pattern: readonly (DemoOrganisationKey | null)[];
}

const C = "cambridgeshire" as const;
const P = "peterborough" as const;

/** Coaches and minibuses 3:1 to Cambridgeshire and Peterborough; taxis, MPVs and WAVs 4:1. */
export const CONTRACTS: readonly ContractLine[] = [
  { operator: "coaches", operatorKey: "coaches", pattern: [C, C, C, P] },
  { operator: "taxis", operatorKey: "taxis", pattern: [C, C, C, P, C] },
  { operator: "community-transport", operatorKey: "ct", pattern: [C, null] },
];

/**
 * Adds each council's contracted operator vehicles to the council's register (copies: same
 * reference, depot, layouts and prices). The operator's own organisation keeps its vehicles.
 */
export function addContractedVehicles(organisations: readonly DemoOrganisation[]): void {
  const byKey = new Map(organisations.map((o) => [o.key, o]));
  for (const line of CONTRACTS) {
    const fleet = (byKey.get(line.operator)?.vehicles ?? []).filter(
      (v) => v.operatorKey === line.operatorKey,
    );
    fleet.forEach((vehicle, i) => {
      const council = line.pattern[i % line.pattern.length];
      const holder = council ? byKey.get(council) : undefined;
      if (!holder?.operators.some((o) => o.key === line.operatorKey)) return;
      holder.vehicles.push(copyOf(vehicle));
    });
  }
}

function copyOf(v: DemoVehicle): DemoVehicle {
  return { ...v, layouts: v.layouts.map((l) => ({ ...l })), features: [...v.features] };
}
