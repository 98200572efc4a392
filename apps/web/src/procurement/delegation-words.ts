import type { DelegationBody, DelegationPresented, DelegationSpendPresented } from "@tt/contract";
import type { Problem } from "../api";
import { penceOf, poundsOf } from "./contract-words";

/** The delegation form's fields, by the API's paths. */
export const DELEGATION_FIELD_IDS = {
  consortiumId: "delegation-consortium",
  financialYear: "delegation-year",
  budgetPence: "delegation-budget",
  area: "delegation-area",
} as const;

/** An API path (e.g. `area.coordinates.0.3`) mapped to the field it belongs to. */
export function delegationFieldIds(paths: readonly string[]): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const path of paths) {
    const key = path.split(".")[0] as keyof typeof DELEGATION_FIELD_IDS;
    if (Object.hasOwn(DELEGATION_FIELD_IDS, key)) ids[path] = DELEGATION_FIELD_IDS[key];
  }
  return ids;
}

export interface DelegationFields {
  readonly consortiumId: string;
  readonly financialYear: string;
  readonly budget: string;
  readonly area: string;
}

/** What the council typed, read into a delegation, or the problems linked to their fields. */
export function readDelegation(
  fields: DelegationFields,
): { ok: true; body: DelegationBody } | { ok: false; problems: Problem[] } {
  const id = DELEGATION_FIELD_IDS;
  const problems: Problem[] = [];
  if (!fields.consortiumId)
    problems.push({ text: "Choose the consortium", href: `#${id.consortiumId}` });
  const budgetPence = penceOf(fields.budget);
  if (budgetPence === undefined) {
    problems.push({
      text: "Enter the budget in pounds, for example 250000",
      href: `#${id.budgetPence}`,
    });
  }
  let area: unknown;
  try {
    area = JSON.parse(fields.area);
  } catch {
    problems.push({
      text: "Paste the area as GeoJSON (a Polygon or MultiPolygon)",
      href: `#${id.area}`,
    });
  }
  const geometry =
    (area as { type?: string; geometry?: unknown } | undefined)?.type === "Feature"
      ? (area as { geometry: unknown }).geometry
      : area;
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      consortiumId: fields.consortiumId,
      financialYear: fields.financialYear.trim(),
      budgetPence: budgetPence ?? 0,
      area: geometry as DelegationBody["area"],
    },
  };
}

/** "£28,120.00 committed of £30,000.00: £1,880.00 remaining". */
export function spendInWords(
  spend: Pick<DelegationSpendPresented, "budgetPence" | "committedPence" | "remainingPence">,
): string {
  return `${poundsOf(spend.committedPence)} committed of ${poundsOf(spend.budgetPence)}: ${poundsOf(spend.remainingPence)} remaining`;
}

/** A contract's commitment in the year: "152 weekdays, £28,120.00", or why it is not counted. */
export function commitmentInWords(
  commitment: DelegationSpendPresented["contracts"][number]["commitment"],
): string {
  if (!commitment.counted) return `Not counted: ${commitment.reason}`;
  return `${commitment.days} weekdays, ${poundsOf(commitment.pence)}`;
}

/** A delegation's status as the page says it. */
export function delegationStatusInWords(status: DelegationPresented["status"]): string {
  switch (status) {
    case "proposed":
      return "Proposed: it counts once the consortium accepts it";
    case "accepted":
      return "Accepted";
    case "declined":
      return "Declined by the consortium";
    case "withdrawn":
      return "Withdrawn by the council";
  }
}
