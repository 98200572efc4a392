import { type CrewRotaView, listLapsedChecks, type ResourceRecord } from "@tt/contract";
import type { Problem } from "../api";
import type { Choice } from "../components/select-field";

export type StaffRecord = ResourceRecord<"staff">;

/** The crew form's fields, in the page's order: the driver, then three passenger assistants. */
export const CREW_FIELD_IDS = [
  "crew-driver",
  "crew-assistant-1",
  "crew-assistant-2",
  "crew-assistant-3",
] as const;

const CHECK_NAMES = { dbs: "DBS check", licence: "driving licence" } as const;

/** The checks that have lapsed on the date, in words ("" when none). */
export function lapsedText(person: StaffRecord, date: string): string {
  const lapsed = listLapsedChecks(person, date).map((check) => CHECK_NAMES[check]);
  return lapsed.length === 0 ? "" : `${lapsed.join(" and ")} lapsed`;
}

/** A person as a choice: reference and name, with a lapsed check named (the API refuses them). */
export function staffChoices(
  staff: readonly StaffRecord[],
  role: StaffRecord["role"],
  date: string,
): Choice[] {
  return staff
    .filter((p) => p.role === role)
    .sort((a, b) => a.reference.localeCompare(b.reference))
    .map((p) => {
      const lapsed = lapsedText(p, date);
      return { value: p.id, text: `${p.reference} ${p.name}${lapsed ? ` (${lapsed})` : ""}` };
    });
}

/** The vehicle's crew on the rota: its driver's id and its assistants' ids. */
export function crewOf(
  rota: CrewRotaView,
  vehicleId: string,
  staff: ReadonlyMap<string, StaffRecord>,
): { driver: string; assistants: string[] } {
  const ids = rota.items.filter((a) => a.vehicleId === vehicleId).map((a) => a.staffId);
  const driver = ids.find((id) => staff.get(id)?.role === "driver") ?? "";
  return { driver, assistants: ids.filter((id) => id !== driver) };
}

/** Names for a table cell: "D-001 Sam Driver", several joined, or "None". */
export function namesOf(ids: readonly string[], staff: ReadonlyMap<string, StaffRecord>): string {
  if (ids.length === 0) return "None";
  return ids
    .map((id) => {
      const p = staff.get(id);
      return p ? `${p.reference} ${p.name}` : "Someone not on your staff list";
    })
    .join(", ");
}

/** The crew chosen in the form: ids in field order, blanks dropped; or what is wrong. */
export function readCrew(
  chosen: readonly string[],
): { ok: true; staffIds: string[] } | { ok: false; problems: Problem[] } {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  chosen.forEach((id, index) => {
    if (id === "") return;
    if (seen.has(id)) {
      problems.push({
        text: "Choose a different person: one person cannot fill two places",
        href: `#${CREW_FIELD_IDS[index] ?? "crew-driver"}`,
      });
    }
    seen.add(id);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, staffIds: [...seen] };
}

/**
 * The page's field for each of the API's paths: `staffIds.N` is the Nth person sent, which is
 * the Nth field that was filled.
 */
export function crewFieldsOf(chosen: readonly string[]): Record<string, string> {
  const filled = CREW_FIELD_IDS.filter((_, i) => (chosen[i] ?? "") !== "");
  return {
    staffIds: "crew-driver",
    ...Object.fromEntries(filled.map((id, i) => [`staffIds.${i}`, id])),
  };
}
