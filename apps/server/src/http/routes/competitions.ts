import type { OpenAPIHono } from "@hono/zod-openapi";
import type { CompetitionView, LotEvaluation } from "@tt/app";
import {
  awardLotRoute,
  type BidPresented,
  type CompetitionPresented,
  competitionBidsRoute,
  createCompetitionRoute,
  getCompetitionRoute,
  listCompetitionsRoute,
  markBidQualityRoute,
  placeBidRoute,
} from "@tt/contract";
import type { Bid } from "@tt/domain";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";

const presentBid = (bid: Bid): BidPresented => ({
  ...bid,
  vehicleIds: [...bid.vehicleIds],
  unfit: [...bid.unfit],
});

const present = ({ invited, myBids, ...c }: CompetitionView): CompetitionPresented => ({
  ...c,
  categories: [...c.categories],
  lots: c.lots.map((l) => ({
    ...l,
    runs: [...l.runs],
    needs: { ...l.needs, vehicleKinds: [...l.needs.vehicleKinds] },
  })),
  ...(invited ? { invited: invited.map((o) => ({ ...o })) } : {}),
  ...(myBids ? { myBids: myBids.map(presentBid) } : {}),
});

const presentRanked = (lots: readonly LotEvaluation[]) =>
  lots.map((l) => ({
    ...l,
    ranked: l.ranked.map((r) => ({ ...r, bid: presentBid(r.bid) })),
  }));

/** Mini-competitions: lots put out, sealed bids, opening after the deadline, awards. */
export function mountCompetitionRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { competitions } = services;

  app.openapi(listCompetitionsRoute, async (c) => {
    const items = await competitions.list(actorOf(c), c.req.valid("query").side);
    return c.json({ items: items.map(present) }, 200);
  });

  app.openapi(createCompetitionRoute, async (c) => {
    return c.json(present(await competitions.create(actorOf(c), c.req.valid("json"))), 201);
  });

  app.openapi(getCompetitionRoute, async (c) => {
    return c.json(present(await competitions.get(actorOf(c), c.req.valid("param").id)), 200);
  });

  app.openapi(placeBidRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(presentBid(await competitions.bid(actorOf(c), id, c.req.valid("json"))), 201);
  });

  app.openapi(competitionBidsRoute, async (c) => {
    const ranked = await competitions.bids(actorOf(c), c.req.valid("param").id);
    return c.json(presentRanked(ranked), 200);
  });

  app.openapi(markBidQualityRoute, async (c) => {
    const { id, bidId } = c.req.valid("param");
    const marked = await competitions.markQuality(actorOf(c), id, bidId, c.req.valid("json"));
    return c.json(presentBid(marked), 200);
  });

  app.openapi(awardLotRoute, async (c) => {
    const { id, lotId } = c.req.valid("param");
    const ranked = await competitions.award(actorOf(c), id, lotId, c.req.valid("json"));
    return c.json(presentRanked(ranked), 200);
  });
}
