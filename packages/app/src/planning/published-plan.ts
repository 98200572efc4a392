import type { PlanHeader, PlanStore } from "../ports";

/** Plans of a day read per page while looking for the published one. */
const PAGE = 100;

/**
 * The organisation's published plan of the day (its operating plan), however many newer drafts
 * and revisions the day has: the store lists plans newest first, a page at a time.
 */
export async function findPublishedHeader(
  plans: Pick<PlanStore, "list">,
  organisationId: string,
  serviceDate: string,
): Promise<PlanHeader | undefined> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await plans.list(organisationId, { offset, limit: PAGE, serviceDate });
    const published = page.items.find((p) => p.status === "published");
    if (published || page.items.length < PAGE) return published;
  }
}
