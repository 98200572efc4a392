import type { CompetitionStore } from "@tt/app";
import type { Bid, Competition } from "@tt/domain";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { bids, competitionLots, competitions } from "../schema";
import { isUuid } from "./record-repository";

type BidRow = typeof bids.$inferSelect;

function toBid(row: BidRow): Bid {
  return Object.assign(
    {
      id: row.id,
      competitionId: row.competitionId,
      lotId: row.lotId,
      operatorId: row.operatorId,
      pricePence: row.pricePence,
      vehicleIds: row.vehicleIds,
      staffIds: row.staffIds,
      unfit: row.unfit,
      submittedAt: row.submittedAt.toISOString(),
    },
    row.quality === null ? {} : { quality: row.quality },
  );
}

/** Competitions with their lots; bids sealed by the service, one per operator and lot. */
export function createCompetitionStore(db: Db): CompetitionStore {
  const c = competitions;
  const withLots = async (row: typeof c.$inferSelect): Promise<Competition> => {
    const lots = await db
      .select()
      .from(competitionLots)
      .where(eq(competitionLots.competitionId, row.id))
      .orderBy(asc(competitionLots.name), asc(competitionLots.id));
    return {
      id: row.id,
      buyerId: row.buyerId,
      planId: row.planId,
      rule: row.rule,
      title: row.title,
      categories: row.categories,
      deadline: row.deadline.toISOString(),
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      priceWeight: row.priceWeight,
      invited: row.invited,
      createdAt: row.createdAt.toISOString(),
      lots: lots.map((l) => ({
        ...l.lot,
        id: l.id,
        ...(l.contractId ? { contractId: l.contractId } : {}),
      })),
    };
  };
  return {
    async create(buyerId, competition, lots) {
      const [row] = await db
        .insert(c)
        .values({
          buyerId,
          planId: competition.planId,
          rule: competition.rule,
          title: competition.title,
          categories: [...competition.categories],
          deadline: new Date(competition.deadline),
          startsOn: competition.startsOn,
          endsOn: competition.endsOn,
          priceWeight: competition.priceWeight,
          invited: [...competition.invited],
        })
        .returning();
      if (lots.length > 0) {
        await db
          .insert(competitionLots)
          .values(lots.map((lot) => ({ competitionId: row!.id, name: lot.name, lot })));
      }
      return withLots(row!);
    },
    async find(id) {
      if (!isUuid(id)) return undefined;
      const [row] = await db.select().from(c).where(eq(c.id, id));
      return row ? withLots(row) : undefined;
    },
    async lock(id) {
      if (!isUuid(id)) return;
      await db.execute(sql`SELECT id FROM competitions WHERE id = ${id} FOR UPDATE`);
    },
    async list(organisationId, side) {
      if (!isUuid(organisationId)) return [];
      const mine =
        side === "bought"
          ? eq(c.buyerId, organisationId)
          : sql`${organisationId}::uuid = ANY(${c.invited})`;
      const rows = await db.select().from(c).where(mine).orderBy(desc(c.createdAt)).limit(200);
      return Promise.all(rows.map(withLots));
    },
    async placeBid(competitionId, operatorId, bid) {
      const values = {
        competitionId,
        lotId: bid.lotId,
        operatorId,
        pricePence: bid.pricePence,
        vehicleIds: [...bid.vehicleIds],
        staffIds: [...bid.staffIds],
        unfit: [...bid.unfit],
      };
      const [row] = await db
        .insert(bids)
        .values(values)
        .onConflictDoUpdate({
          target: [bids.lotId, bids.operatorId],
          set: { ...values, submittedAt: new Date(), updatedAt: new Date() },
        })
        .returning();
      return toBid(row!);
    },
    async listBids(competitionId, operatorId) {
      if (!isUuid(competitionId)) return [];
      const of = eq(bids.competitionId, competitionId);
      const rows = await db
        .select()
        .from(bids)
        .where(operatorId ? and(of, eq(bids.operatorId, operatorId)) : of)
        .orderBy(asc(bids.submittedAt), asc(bids.id));
      return rows.map(toBid);
    },
    async markQuality(bidId, quality) {
      if (!isUuid(bidId)) return undefined;
      const [row] = await db
        .update(bids)
        .set({ quality, updatedAt: new Date() })
        .where(eq(bids.id, bidId))
        .returning();
      return row ? toBid(row) : undefined;
    },
    async award(lotId, contractId) {
      await db
        .update(competitionLots)
        .set({ contractId, updatedAt: new Date() })
        .where(eq(competitionLots.id, lotId));
    },
  };
}
