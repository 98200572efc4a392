import { createHash, randomUUID } from "node:crypto";
import type { NewTap, UnitOfWorkOf } from "../../ports";
import { IssueList } from "../../register";
import { type Actor, authorise } from "../../shared";
import { type ReadTap, readTaps } from "./read-taps";

/** References looked up per query. */
const LOOKUP_BATCH = 1000;

export type TapImportUnitOfWork = UnitOfWorkOf<
  "vehicles" | "grants" | "passengers" | "taps" | "audit"
>;

/** What an import stored. */
export interface TapImportReport {
  readonly rows: number;
  readonly stored: number;
  /** Taps already held (the same file, or an overlapping one, imported before). */
  readonly duplicates: number;
  /** Taps whose card is a passenger's reference. */
  readonly withPassenger: number;
  readonly vehicles: number;
  readonly from: string | null;
  readonly to: string | null;
}

/** The card hashed with the organisation: the same card counts once, and is not kept as given. */
export function cardKeyOf(organisationId: string, card: string): string {
  return createHash("sha256").update(`${organisationId}:${card}`).digest("hex").slice(0, 32);
}

/** Ids by reference of the records named, asked a batch at a time. */
async function idsByReference(
  find: (references: string[]) => Promise<{ id: string; reference: string }[]>,
  references: Iterable<string>,
): Promise<Map<string, string>> {
  const all = [...new Set(references)];
  const out = new Map<string, string>();
  for (let i = 0; i < all.length; i += LOOKUP_BATCH) {
    for (const row of await find(all.slice(i, i + LOOKUP_BATCH))) out.set(row.reference, row.id);
  }
  return out;
}

/**
 * The vehicles the file names, by reference: the organisation's own, then those granted to it
 * (an operator's bus on a council's contract carries the council's passengers, and its taps).
 */
async function vehiclesByReference(
  repos: TapImportUnitOfWork["repositories"],
  org: string,
  taps: readonly ReadTap[],
): Promise<Map<string, string>> {
  const named = taps.map((t) => t.tap.vehicle);
  const found = await idsByReference((refs) => repos.vehicles.findByReferences(org, refs), named);
  const missing = new Set(named.filter((ref) => !found.has(ref)));
  if (missing.size === 0) return found;
  for (const grant of await repos.grants.listReceived(org)) {
    for (const v of await repos.vehicles.findByIds(grant.organisationId, grant.vehicleIds)) {
      if (missing.has(v.reference) && !found.has(v.reference)) found.set(v.reference, v.id);
    }
  }
  return found;
}

function dateRange(taps: readonly ReadTap[]): { from: string | null; to: string | null } {
  let from: string | null = null;
  let to: string | null = null;
  for (const { tap } of taps) {
    if (from === null || tap.date < from) from = tap.date;
    if (to === null || tap.date > to) to = tap.date;
  }
  return { from, to };
}

/**
 * Imports smartcard taps or attendance from CSV, all or nothing: every row is checked (its form,
 * and that its vehicle is in the register) and any problem refuses the whole file with each row
 * named. Cards that are passengers' references link the tap to the passenger; other cards are kept
 * only as a keyed hash. A tap already held is not stored twice.
 */
export class TapImportService {
  constructor(private readonly unitOfWork: TapImportUnitOfWork) {}

  async importCsv(
    actor: Actor,
    source: AsyncIterable<string | Uint8Array>,
  ): Promise<TapImportReport> {
    authorise(actor, "plans", "write");
    authorise(actor, "run-events", "write");
    const issues = new IssueList();
    const taps = await readTaps(source, issues);
    if (!issues.isEmpty) throw issues.toError();
    const org = actor.organisationId;
    return this.unitOfWork.transaction(async (repos) => {
      const vehicles = await vehiclesByReference(repos, org, taps);
      for (const { row, tap } of taps) {
        if (!vehicles.has(tap.vehicle)) {
          issues.add({
            row,
            path: "vehicle",
            message: `no vehicle ${tap.vehicle} in your register or granted to you`,
          });
        }
      }
      if (!issues.isEmpty) throw issues.toError();
      const passengers = await idsByReference(
        (refs) => repos.passengers.findByReferences(org, refs),
        taps.map((t) => t.tap.card),
      );
      const rows: NewTap[] = taps.map(({ tap, minutes }) => ({
        serviceDate: tap.date,
        vehicleId: vehicles.get(tap.vehicle) ?? "",
        cardKey: cardKeyOf(org, tap.card),
        passengerId: passengers.get(tap.card) ?? null,
        stop: tap.stop,
        minutes,
      }));
      const stored = await repos.taps.append(org, randomUUID(), rows);
      const withPassenger = rows.filter((r) => r.passengerId !== null).length;
      const range = dateRange(taps);
      await repos.audit.append({
        organisationId: org,
        userId: actor.userId,
        action: "create",
        resource: "run-events",
        resourceIds: [],
        purpose: actor.purpose ?? "taps import: who travelled, to size the runs",
        details: { rows: rows.length, stored, withPassenger, ...range },
      });
      return {
        rows: rows.length,
        stored,
        duplicates: rows.length - stored,
        withPassenger,
        vehicles: new Set(rows.map((r) => r.vehicleId)).size,
        ...range,
      };
    });
  }
}
