import { describe, expect, it } from "vitest";
import { Random } from "../shared/random";
import type { Commission, CommissionStatus } from "./commission";
import { MILEAGE_RATE_DEFAULT } from "./contract";
import { journeyPence, reconcileMonth, reconciliationCsv } from "./reconciliation";

const BUYER = "buyer";
const NOW = "2026-11-05T12:00:00Z";
/** Group A is paid the default rate (HMRC AMAP, 45p); group B a contract's 38p a mile. */
const RATES = {
  A: { pence: MILEAGE_RATE_DEFAULT.pence, version: MILEAGE_RATE_DEFAULT.version },
  B: { pence: 38, version: "contract:CT-7" },
};
const OUTCOMES: readonly string[] = [
  ...Array(5).fill("completed"),
  "disputed",
  "declined",
  "lapsed",
  "accepted",
];

function commission(
  n: number,
  date: string,
  group: "A" | "B",
  outcome: string,
  tenths: number,
): Commission {
  const rate = { ...RATES[group], source: "test" };
  const lapsed = outcome === "lapsed";
  return {
    id: `c${String(n).padStart(3, "0")}`,
    buyerId: BUYER,
    groupId: group,
    planId: "plan",
    tripRequestId: `t${n}`,
    date,
    trip: {
      reference: `P-${n}`,
      purpose: "community-transport",
      passengers: 1,
      timing: "arrive-by",
      time: "10:00",
      pickup: "Home",
      dropoff: "Day centre",
      needs: [],
    },
    passengerClass: "members",
    rate,
    deadline: lapsed ? `${date}T00:00:00Z` : "2026-12-31T00:00:00Z",
    status: (lapsed ? "offered" : outcome) as CommissionStatus,
    ...(tenths > 0 ? { completion: { date, mileTenths: tenths, driverStaffId: "d1" } } : {}),
    ...(outcome === "disputed" ? { disputeReason: "no passenger on board" } : {}),
    createdAt: "",
    updatedAt: "",
  };
}

/**
 * October 2026, seed 20261001: on each weekday 1 to 3 offers; each completed (5 in 9), disputed,
 * declined, lapsed or accepted and not done (1 in 9 each); 3 in 10 to group B; a completed or
 * disputed journey 2.0 to 40.0 miles.
 */
function generateOctober(): Commission[] {
  const rng = new Random(20261001);
  const out: Commission[] = [];
  for (let day = 1; day <= 31; day++) {
    const date = `2026-10-${String(day).padStart(2, "0")}`;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const n = rng.int(1, 3);
    for (let i = 0; i < n; i++) {
      const outcome = rng.pick(OUTCOMES);
      const group = rng.next() < 0.3 ? "B" : "A";
      const tenths = outcome === "completed" || outcome === "disputed" ? rng.int(20, 400) : 0;
      out.push(commission(out.length, date, group, outcome, tenths));
    }
  }
  return out;
}

describe("a month's reconciliation", () => {
  it("rounds each journey half up to whole pence", () => {
    expect(journeyPence(123, 45)).toBe(554); // 553.5p
    expect(journeyPence(91, 45)).toBe(410); // 409.5p
    expect(journeyPence(218, 38)).toBe(828); // 828.4p
    expect(journeyPence(59, 38)).toBe(224); // 224.2p
    expect(journeyPence(57, 38)).toBe(217); // 216.6p
    expect(journeyPence(0, 45)).toBe(0);
  });

  /*
   * Hand-checked against an independent computation (mulberry32 re-implemented in a separate
   * script, each amount rounded by hand: tenths × rate ÷ 10, half up). Lines marked * are payable.
   *
   * Group A, 45p a mile (MILEAGE_RATE_DEFAULT)        Group B, 38p a mile (contract)
   * date   status      miles   exact p  pence         date   status      miles   exact p  pence
   * 10-02  completed*   11.8     531.0    531         10-01  completed*   39.8    1512.4   1512
   * 10-02  lapsed                                     10-05  completed*    5.9     224.2    224
   * 10-06  declined                                   10-06  completed*    5.7     216.6    217
   * 10-07  completed*   29.5    1327.5   1328         10-07  completed*   35.6    1352.8   1353
   * 10-07  completed*   35.4    1593.0   1593         10-08  completed*   31.4    1193.2   1193
   * 10-09  disputed     38.5    1732.5   1733         10-08  completed*   17.8     676.4    676
   * 10-12  disputed     33.6    1512.0   1512         10-09  declined
   * 10-13  lapsed ×2, declined                        10-12  completed*   11.0     418.0    418
   * 10-14  completed*    9.1     409.5    410         10-14  completed*   15.6     592.8    593
   * 10-14  completed*   15.9     715.5    716         10-15  completed*   33.8    1284.4   1284
   * 10-15  completed*   14.9     670.5    671         10-21  completed*   37.0    1406.0   1406
   * 10-15  accepted                                   10-21  accepted
   * 10-16  lapsed                                     10-22  completed*   31.4    1193.2   1193
   * 10-16  completed*   15.3     688.5    689         10-23  disputed     21.0     798.0    798
   * 10-19  completed*    8.9     400.5    401         10-26  disputed      9.6     364.8    365
   * 10-19  completed*   36.5    1642.5   1643         10-29  completed*   31.1    1181.8   1182
   * 10-19  completed*   23.9    1075.5   1076         10-30  completed*    4.6     174.8    175
   * 10-20  disputed     27.2    1224.0   1224
   * 10-21  completed*    3.2     144.0    144         B: 17 offers; 1 declined; 16 commissioned
   * 10-22  accepted                                   (13 payable + 2 disputed + 1 not done);
   * 10-22  completed*   34.1    1534.5   1535         15 completed; payable 300.7 miles,
   * 10-26  declined                                   11,426p (unrounded 11,426.6p: rounding
   * 10-27  completed*    9.9     445.5    446         the total instead would give 11,427p);
   * 10-28  completed*   36.0    1620.0   1620         disputed 30.6 miles, 798 + 365 = 1,163p.
   * 10-29  completed*   33.9    1525.5   1526
   * 10-29  disputed     30.3    1363.5   1364
   * 10-30  completed*    8.6     387.0    387
   * 10-30  declined
   *
   * A: 30 offers; 4 declined, 4 lapsed; 22 commissioned (16 payable + 4 disputed + 2 not done);
   * 20 completed; payable 326.9 miles, 14,716p (unrounded 14,710.5p: 16 journeys, 11 of them
   * ending in a half penny rounded up); disputed 38.5 + 33.6 + 27.2 + 30.3 = 129.6 miles,
   * 1,733 + 1,512 + 1,224 + 1,364 = 5,833p.
   */
  it("matches the hand-checked October", () => {
    const september = commission(900, "2026-09-30", "A", "completed", 100);
    const november = commission(901, "2026-11-02", "B", "completed", 100);
    const result = reconcileMonth([september, ...generateOctober(), november], "2026-10", NOW);
    const totals = Object.fromEntries(
      result.map(({ lines, ...t }) => [t.groupId, { ...t, lines: lines.length }]),
    );
    expect(totals.A).toEqual({
      buyerId: BUYER,
      groupId: "A",
      month: "2026-10",
      lines: 30,
      commissioned: 22,
      completed: 20,
      notCompleted: 2,
      disputed: 4,
      declined: 4,
      lapsed: 4,
      mileTenths: 3269,
      payablePence: 14_716,
      disputedMileTenths: 1296,
      disputedPence: 5833,
    });
    expect(totals.B).toEqual({
      buyerId: BUYER,
      groupId: "B",
      month: "2026-10",
      lines: 17,
      commissioned: 16,
      completed: 15,
      notCompleted: 1,
      disputed: 2,
      declined: 1,
      lapsed: 0,
      mileTenths: 3007,
      payablePence: 11_426,
      disputedMileTenths: 306,
      disputedPence: 1163,
    });
  });

  it("exports the payment as CSV with a header, no names, and the total", () => {
    const [a] = reconcileMonth(
      [
        commission(1, "2026-10-02", "A", "completed", 118),
        commission(2, "2026-10-09", "A", "disputed", 385),
      ],
      "2026-10",
      NOW,
    );
    const names = new Map([
      [BUYER, "County"],
      ["A", "Brookmere, CT"],
    ]);
    const csv = reconciliationCsv([a!], names);
    const rows = csv.trimEnd().split("\r\n");
    expect(rows[0]).toBe(
      "buyer,group,month,commission,date,passenger reference,status,miles,rate pence a mile,rate version,amount pence,payable pence,dispute",
    );
    expect(rows[1]).toBe(
      'County,"Brookmere, CT",2026-10,c001,2026-10-02,P-1,completed,11.8,45,hmrc-amap-2011,531,531,',
    );
    expect(rows[2]).toContain(",disputed,38.5,45,hmrc-amap-2011,1733,0,no passenger on board");
    expect(rows[3]).toBe('County,"Brookmere, CT",2026-10,total,,,,11.8,,,,531,');
  });
});
