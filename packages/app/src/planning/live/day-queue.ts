import { isAppError } from "../../shared";

/** How many times a change is tried again when another process revised the plan first. */
const RACES_TRIED = 5;

/** True for the plan store's refusal of a second revision of one plan. */
const lostRace = (error: unknown) =>
  isAppError(error) && error.code === "conflict" && /revised/.test(error.message);

/**
 * Changes to one organisation's day (bookings, cancellations) one after another in this process:
 * each reads the latest revision of the operating plan and saves the next, so none has to be done
 * again because another revised the plan first. Across processes the plan store's one revision
 * per plan settles a race, and the loser tries again on the new revision.
 */
export class DayQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(organisationId: string, date: string, work: () => Promise<T>): Promise<T> {
    const key = `${organisationId}\u0000${date}`;
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /**
   * `work` in its turn (`run`), tried again on the plan's new revision when another process saved
   * a revision of the same plan first, up to `RACES_TRIED` times.
   */
  async change<T>(organisationId: string, date: string, work: () => Promise<T>): Promise<T> {
    return this.changeDays(organisationId, [date], work);
  }

  /**
   * `change` over several days at once (a contract handed back revises every day it ran): the
   * days are held in date order, each in its turn, so two such changes never wait on each other.
   */
  async changeDays<T>(
    organisationId: string,
    dates: readonly string[],
    work: () => Promise<T>,
  ): Promise<T> {
    const held = [...new Set(dates)]
      .sort()
      .reduceRight<() => Promise<T>>(
        (inner, date) => () => this.run(organisationId, date, inner),
        work,
      );
    for (let attempt = 1; ; attempt++) {
      try {
        return await held();
      } catch (error) {
        if (!lostRace(error) || attempt >= RACES_TRIED) throw error;
      }
    }
  }
}
