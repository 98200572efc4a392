import type { StoredPlan } from "../../ports";
import { rememberIn } from "../recently-used";

/** Stored plans held, at most (the latest revisions of the days being changed). */
const PLANS_HELD = 4;

/**
 * The stored plans of the days the desk is changing, held in memory and shared by bookings and
 * cancellations: a plan's runs never change (a change is a new revision), so the next change of
 * the day need not read its hundreds of runs again. Its status is not to be trusted from here:
 * callers read it anew from the day's list.
 */
export class HeldPlans {
  private readonly plans = new Map<string, Promise<StoredPlan | undefined>>();

  /** The plan, read once through `find`. */
  read(
    org: string,
    id: string,
    find: () => Promise<StoredPlan | undefined>,
  ): Promise<StoredPlan | undefined> {
    const key = keyOf(org, id);
    let found = this.plans.get(key);
    if (!found) {
      found = find();
      found.catch(() => this.plans.delete(key));
    }
    rememberIn(this.plans, key, found, PLANS_HELD);
    return found;
  }

  /** A revision just saved: the next change of the day reads it from here. */
  hold(org: string, plan: StoredPlan): void {
    rememberIn(this.plans, keyOf(org, plan.id), Promise.resolve(plan), PLANS_HELD);
  }
}

const keyOf = (org: string, id: string) => `${org}\u0000${id}`;
