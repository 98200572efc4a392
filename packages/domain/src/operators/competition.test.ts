import { describe, expect, it } from "vitest";
import { type Bid, bidsOpen, rankBids } from "./competition";

const bid = (id: string, pricePence: number, extra: Partial<Bid> = {}): Bid => ({
  id,
  competitionId: "c",
  lotId: "l",
  operatorId: `o-${id}`,
  pricePence,
  vehicleIds: ["v"],
  staffIds: [],
  unfit: [],
  submittedAt: `2026-08-20T10:00:0${id.length}Z`,
  ...extra,
});

describe("evaluating a competition's bids", () => {
  it("opens the bids only once the deadline has passed", () => {
    const c = { deadline: "2026-08-21T12:00:00Z" };
    expect(bidsOpen(c, new Date("2026-08-21T11:59:59Z"))).toBe(false);
    expect(bidsOpen(c, new Date("2026-08-21T12:00:00Z"))).toBe(true);
  });

  it("weighs price against quality, the cheapest scoring the price weight in full", () => {
    const ranked = rankBids(
      [bid("a", 20_000, { quality: 90 }), bid("b", 10_000, { quality: 20 })],
      50,
    );
    expect(ranked.map((r) => [r.bid.id, r.priceScore, r.qualityScore, r.score])).toEqual([
      ["a", 25, 45, 70],
      ["b", 50, 10, 60],
    ]);
  });

  it("ranks a bid that cannot serve the lot last, and breaks ties on price, then time", () => {
    const unfit = bid("u", 5_000, { unfit: ["the run 07:40–08:30 cannot be carried"] });
    const same = [bid("late", 10_000), bid("e", 10_000), bid("dear", 12_000, { quality: 100 })];
    // Price only: the two at 10,000 tie on score; the earlier wins.
    const ranked = rankBids([unfit, ...same], 100);
    expect(ranked.map((r) => r.bid.id)).toEqual(["e", "late", "dear", "u"]);
    // The unfit bid's low price does not set the scale: the cheapest fit bids score in full.
    expect(ranked[0]?.priceScore).toBe(100);
    // A tie on score goes to the cheaper bid.
    const tie = rankBids([bid("x", 10_000, { quality: 50 }), bid("y", 5_000, { quality: 0 })], 50);
    expect(tie.map((r) => [r.bid.id, r.score])).toEqual([
      ["y", 50],
      ["x", 50],
    ]);
  });
});
