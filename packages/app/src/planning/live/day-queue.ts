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
}
