import { type Bid, describeLapse, describeLapsedCheck, listLapsedChecks } from "@tt/domain";
import { londonDate } from "../entitlement";
import type { Clock, UnitOfWorkOf } from "../ports";
import { AppError } from "../shared";
import { complianceRecordOf } from "./compliance-service";

/** What the checks before a bid or an award read. */
type Repos = UnitOfWorkOf<"dps" | "staff" | "compliance" | "vehicles">["repositories"];

/** Bids and awards only for an operator still admitted to the buyer's DPS (not suspended, not withdrawn). */
export async function mustStandAdmitted(
  repos: Repos,
  buyerId: string,
  operatorId: string,
): Promise<void> {
  const admitted = await repos.dps.list(buyerId, "received", "admitted");
  if (admitted.some((a) => a.operatorId === operatorId)) return;
  throw new AppError(
    "conflict",
    "The operator is no longer admitted to the buyer's dynamic purchasing system (suspended or withdrawn): it can neither bid nor be awarded.",
  );
}

/**
 * Award refused while the operator's own documents, or its offered vehicles', have lapsed, or
 * the DBS check or driving licence of a person offered has lapsed by the later of today and the
 * contract's start.
 */
export async function mustBeInDate(
  repos: Repos,
  bid: Bid,
  startsOn: string,
  clock: Clock,
): Promise<void> {
  const today = londonDate(clock.now());
  const record = await complianceRecordOf(repos, bid.operatorId, today);
  const lapsed = record.lapsed.filter(
    (l) => l.vehicleId === undefined || bid.vehicleIds.includes(l.vehicleId),
  );
  const from = startsOn > today ? startsOn : today;
  const people = await repos.staff.findByIds(bid.operatorId, bid.staffIds);
  const checks = people.flatMap((p) =>
    listLapsedChecks(p, from).map((check) => describeLapsedCheck(p, check)),
  );
  if (lapsed.length === 0 && checks.length === 0) return;
  const what = [...lapsed.map(describeLapse), ...checks].join("; ");
  throw new AppError("conflict", `The bid cannot be awarded while documents have lapsed: ${what}.`);
}
