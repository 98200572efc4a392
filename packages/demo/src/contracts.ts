import { siloFunders } from "./analysis/scenario-fleet";
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
 * Adds each council's contracted operator vehicles to the council's fleet, marked with the
 * operator they come from (`contractedFrom`): the in-memory scenario plans with these entries,
 * while `tt demo` stores each vehicle once, in the operator's register, and grants it to the
 * council (`demoGrants`).
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
      holder.vehicles.push({ ...copyOf(vehicle), contractedFrom: line.operator });
    });
  }
}

function copyOf(v: DemoVehicle): DemoVehicle {
  return { ...v, layouts: v.layouts.map((l) => ({ ...l })), features: [...v.features] };
}

/** The ICB's NEPTS contract: the patient-transport firm's whole fleet, for its NEPTS budget. */
export const NEPTS_CONTRACT = {
  operator: "patient-transport",
  grantee: "icb",
  funderKey: "icb-nepts",
} as const satisfies {
  operator: DemoOrganisationKey;
  grantee: DemoOrganisationKey;
  funderKey: string;
};

/** One demo availability grant: an operator's vehicles (by reference) to a council or the ICB. */
export interface DemoGrant {
  readonly operator: DemoOrganisationKey;
  readonly grantee: DemoOrganisationKey;
  /** The grantee's record of the operator (same key as the operator's own). */
  readonly operatorKey: string;
  readonly references: readonly string[];
  readonly funderKeys: readonly string[];
}

/**
 * The grants that stand for the demo's contracts in the database: each council's contracted
 * vehicles, grouped by operator and operator record (and, for Cambridgeshire, by the budget that
 * holds the contract, `DEMO_SILO_FLEETS`), and the patient-transport fleet to the ICB.
 */
export function demoGrants(organisations: readonly DemoOrganisation[]): DemoGrant[] {
  const grants = new Map<string, DemoGrant & { references: string[] }>();
  for (const holder of organisations) {
    // Cambridgeshire's contracts are held by its budgets as the integration demo has them.
    const silo = holder.key === "cambridgeshire" ? siloFunders(holder.vehicles) : new Map();
    for (const v of holder.vehicles) {
      if (!v.contractedFrom) continue;
      const funder: string | undefined = silo.get(v.reference);
      const key = `${v.contractedFrom}>${holder.key}>${v.operatorKey}>${funder ?? ""}`;
      const grant = grants.get(key) ?? {
        operator: v.contractedFrom,
        grantee: holder.key,
        operatorKey: v.operatorKey,
        references: [],
        funderKeys: funder ? [funder] : [],
      };
      grant.references.push(v.reference);
      grants.set(key, grant);
    }
  }
  const nepts = organisations.find((o) => o.key === NEPTS_CONTRACT.operator);
  const neptsGrant: DemoGrant = {
    operator: NEPTS_CONTRACT.operator,
    grantee: NEPTS_CONTRACT.grantee,
    operatorKey: "nepts",
    references: (nepts?.vehicles ?? []).map((v) => v.reference),
    funderKeys: [NEPTS_CONTRACT.funderKey],
  };
  return [...grants.values(), neptsGrant];
}
