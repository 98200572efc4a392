import { grantAppliesOn, isoDateSchema } from "@tt/domain";
import {
  findEach,
  findFleetVehicles,
  findPublishedHeader,
  type RunScope,
  runScopeOf,
  scopePlan,
} from "../planning";
import type { UnitOfWorkOf } from "../ports";
import { type Actor, authorise, parseInput } from "../shared";
import { grantedPlansOf } from "./granted-runs";
import { boardMark, findOperatingPlan } from "./operating-day";
import { type BoardRun, buildStatusBoard, type StatusBoard, withGrantedRuns } from "./status-board";

/** At most this many of the day's cancellations on the board. */
export const BOARD_CANCELLATIONS = 500;

/** What the board reads: the plan, its vehicles, the events, the cancellations, trip references. */
export type StatusBoardUnitOfWork = UnitOfWorkOf<
  | "plans"
  | "crew"
  | "vehicles"
  | "grants"
  | "runEvents"
  | "cancellations"
  | "tripRequests"
  | "sharing"
  | "identity"
>;
type Repos = StatusBoardUnitOfWork["repositories"];

/**
 * What changes when the organisations the actor's organisation grants vehicles to that day mark
 * their runs or revise their plans: their boards' marks, so the operator's board follows its
 * crews' marks on their runs too.
 */
async function grantedMarks(repos: Repos, actor: Actor, serviceDate: string): Promise<string[]> {
  const grantees = new Set(
    (await repos.grants.listMade(actor.organisationId))
      .filter((g) => grantAppliesOn(g, serviceDate))
      .map((g) => g.granteeId),
  );
  const marks: string[] = [];
  for (const grantee of [...grantees].sort()) {
    const published = await findPublishedHeader(repos.plans, grantee, serviceDate);
    const events = await repos.runEvents.markOfDay(grantee, serviceDate);
    marks.push(boardMark(published?.id, events, 0));
  }
  return marks;
}

/**
 * Runs of other organisations' operating plans on the vehicles the actor's organisation grants
 * them that day (within the actor's scope), with the progress its crews marked: so the operator
 * sees and crews its whole day. When and where the vehicle runs, no passenger.
 */
async function grantedBoardRuns(
  repos: Repos,
  actor: Actor,
  serviceDate: string,
  scope: RunScope,
): Promise<BoardRun[]> {
  const out: BoardRun[] = [];
  for (const found of await grantedPlansOf(repos, actor, serviceDate, scope)) {
    const ids = found.runs.map((r) => r.vehicleId);
    const vehicles = await repos.vehicles.findByIds(actor.organisationId, ids);
    const board = buildStatusBoard({
      serviceDate,
      plan: { ...found.plan, runs: [...found.runs] },
      vehicleReferences: new Map(vehicles.map((v) => [v.id, v.reference])),
      tripReferences: new Map(),
      events: await repos.runEvents.listForDay(found.organisationId, serviceDate, ids),
      cancellations: [],
      forOrganisation: found.organisationName,
    });
    out.push(...board.runs);
  }
  return out;
}

/**
 * The day's status board for controllers and the booking desk: each run's progress and the
 * exceptions, from what drivers marked. A fleet manager or driver sees their own runs only, and
 * no cancellations (those are the planners').
 */
export class StatusBoardService {
  constructor(private readonly unitOfWork: StatusBoardUnitOfWork) {}

  async board(actor: Actor, date: unknown): Promise<StatusBoard> {
    authorise(actor, "run-events", "read");
    const serviceDate = parseInput(isoDateSchema, date, "date");
    return this.unitOfWork.transaction(
      async (repos) => {
        const org = actor.organisationId;
        const scope = await runScopeOf(repos, actor, serviceDate);
        const found = await findOperatingPlan(repos, org, serviceDate);
        const plan = found && scopePlan(found, scope);
        const vehicleIds = (plan?.runs ?? []).map((r) => r.vehicleId);
        const vehicles = await findFleetVehicles(repos, org, vehicleIds);
        const events = await repos.runEvents.listForDay(
          org,
          serviceDate,
          "every" in scope ? undefined : vehicleIds,
        );
        const cancellations =
          "every" in scope
            ? await repos.cancellations.list(org, serviceDate, serviceDate, BOARD_CANCELLATIONS)
            : [];
        const tripIds = [
          ...events.map((e) => e.tripRequestId),
          ...cancellations.map((c) => c.tripRequestId),
        ];
        const trips = await findEach(repos.tripRequests, org, tripIds);
        const board = buildStatusBoard({
          serviceDate,
          plan,
          vehicleReferences: new Map([...vehicles].map(([id, v]) => [id, v.reference])),
          tripReferences: new Map([...trips].map(([id, t]) => [id, t.reference])),
          events,
          cancellations,
        });
        return withGrantedRuns(board, await grantedBoardRuns(repos, actor, serviceDate, scope));
      },
      { snapshot: true },
    );
  }

  /** A mark that changes whenever the day's board may have changed: cheap to ask every second. */
  async mark(actor: Actor, serviceDate: string): Promise<string> {
    authorise(actor, "run-events", "read");
    return this.unitOfWork.transaction(async (repos) => {
      const org = actor.organisationId;
      const published = await findPublishedHeader(repos.plans, org, serviceDate);
      const events = await repos.runEvents.markOfDay(org, serviceDate);
      const cancelled = await repos.cancellations.countByReason(org, serviceDate, serviceDate);
      const total = Object.values(cancelled).reduce((a, b) => a + b, 0);
      const granted = await grantedMarks(repos, actor, serviceDate);
      return [boardMark(published?.id, events, total), ...granted].join("|");
    });
  }
}
