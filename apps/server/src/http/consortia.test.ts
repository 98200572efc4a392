import { listTestDrivers } from "@tt/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AROUND_CAMBRIDGE,
  admittedOperator,
  consortiumPlan,
  FEN_EDGE_VILLAGES,
  type Party,
  party,
} from "./test-support/consortium-scene";
import { useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

/** A Thursday: the fixture's trips travel on it. */
const DAY = "2026-09-03";
let now = Date.parse("2026-08-20T09:00:00Z");
const clock = { now: () => new Date(now) };

for (const driver of listTestDrivers()) {
  describe(`local consortia (${driver.name})`, () => {
    const fixture = useFixture(driver.open, { clock });
    let fenEdge: Party;
    let operator: Awaited<ReturnType<typeof admittedOperator>>;
    let plan = { planId: "", label: "" };
    let delegationId = "";

    beforeAll(async () => {
      now = Date.parse("2026-08-20T09:00:00Z");
      const f = fixture();
      fenEdge = await party(f, "Fen Edge", "local-consortium", [
        "admin",
        "finance",
        "booking-agent",
      ]);
      plan = await consortiumPlan(f, fenEdge, DAY);
      operator = await admittedOperator(f, fenEdge, "Villager Buses");
    });

    const call = (method: string, path: string, token: string, json?: unknown) =>
      fixture().call(method, path, { token, ...(json === undefined ? {} : { json }) });
    const body = async (res: Response) => (await res.json()) as Json;
    const paths = async (res: Response) => ((await body(res)).details as Json[]).map((d) => d.path);
    const admin = () => fenEdge.tokens.admin ?? "";
    const contract = (over: Json = {}) => ({
      operatorId: operator.id,
      reference: "FE-1",
      title: "Villager to Netherhall",
      funderIds: [],
      price: { basis: "per-day", pence: 18_500 },
      vehicleIds: [operator.vehicleId],
      runs: [plan.label],
      startsOn: "2026-09-01",
      endsOn: "2027-03-31",
      breakDates: [],
      ...over,
    });
    const competition = () => ({
      planId: plan.planId,
      rule: "school",
      title: "Netherhall",
      categories: ["minibus"],
      deadline: "2026-08-21T12:00:00Z",
      startsOn: "2026-09-01",
      endsOn: "2027-03-31",
      priceWeight: 60,
    });

    it("lets a council delegate a budget and an area, checking roles before the body", async () => {
      const { county, city, services } = fixture();
      const delegate = (token: string, json: unknown) =>
        call("POST", "/api/delegations", token, json);
      expect((await delegate(county.users["booking-agent"].token, "{not json")).status).toBe(403);
      expect((await delegate(county.users.finance.token, "{not json")).status).toBe(403);
      const terms = { consortiumId: fenEdge.id, financialYear: "2026/27", budgetPence: 3_000_000 };
      // Only a council delegates; the consortium itself cannot.
      expect((await delegate(admin(), { ...terms, area: FEN_EDGE_VILLAGES })).status).toBe(403);
      const open = {
        type: "Polygon",
        coordinates: [FEN_EDGE_VILLAGES.coordinates[0]?.slice(0, 4)],
      };
      expect(
        await paths(await delegate(county.users.admin.token, { ...terms, area: open })),
      ).toEqual(["area.coordinates.0"]);
      const toCity = { ...terms, consortiumId: city.id, area: FEN_EDGE_VILLAGES };
      expect(await paths(await delegate(county.users.admin.token, toCity))).toEqual([
        "consortiumId",
      ]);
      const made = await delegate(county.users.admin.token, { ...terms, area: FEN_EDGE_VILLAGES });
      expect(made.status).toBe(201);
      delegationId = String((await body(made)).id);
      const again = await delegate(county.users.admin.token, { ...terms, area: FEN_EDGE_VILLAGES });
      expect(again.status).toBe(409);
      const received = await body(await call("GET", "/api/delegations?side=received", admin()));
      expect((received.items as Json[]).map((d) => [d.councilName, d.budgetPence])).toEqual([
        ["County", 3_000_000],
      ]);
      // Another council does not see it.
      expect(
        (await call("GET", `/api/delegations/${delegationId}/spend`, city.users.admin.token))
          .status,
      ).toBe(404);
      expect(
        (
          await call(
            "GET",
            `/api/delegations/${delegationId}/spend`,
            fenEdge.tokens["booking-agent"] ?? "",
          )
        ).status,
      ).toBe(403);
      for (const org of [county.id, fenEdge.id]) {
        const log = await services.unitOfWork.repositories.audit.list(org, {
          offset: 0,
          limit: 10,
          resource: "delegations",
        });
        expect(log.items.map((e) => e.action)).toEqual(["create"]);
      }
    });

    it("counts a delegation only once the consortium accepts it; a stranger council can neither block nor read it", async () => {
      const { county, city, services } = fixture();
      const answer = (id: string, token: string, json: unknown) =>
        call("POST", `/api/delegations/${id}/answer`, token, json);
      const spendOf = (id: string, token: string) =>
        call("GET", `/api/delegations/${id}/spend`, token);
      // Proposed: it does not count.
      const proposed = await call("POST", "/api/contracts", admin(), contract());
      expect(proposed.status).toBe(409);
      expect((await body(proposed)).message).toMatch(
        /^No budget or area is delegated to Fen Edge for 2026\/27/,
      );
      const notYet = await spendOf(delegationId, county.users.admin.token);
      expect(notYet.status).toBe(409);
      expect((await body(notYet)).message).toMatch(/not accepted yet/);
      expect((await spendOf(delegationId, fenEdge.tokens.finance ?? "")).status).toBe(200);
      // Roles before the body; only the consortium answers; another organisation sees nothing.
      expect((await answer(delegationId, fenEdge.tokens.finance ?? "", "{not json")).status).toBe(
        403,
      );
      expect(
        (await answer(delegationId, fenEdge.tokens["booking-agent"] ?? "", "{not json")).status,
      ).toBe(403);
      expect(
        (await answer(delegationId, county.users.admin.token, { answer: "accept" })).status,
      ).toBe(403);
      expect(
        (await answer(delegationId, city.users.admin.token, { answer: "accept" })).status,
      ).toBe(404);
      expect(await paths(await answer(delegationId, admin(), { answer: "maybe" }))).toEqual([
        "answer",
      ]);
      const accepted = await answer(delegationId, admin(), { answer: "accept" });
      expect(accepted.status).toBe(200);
      expect((await body(accepted)).status).toBe("accepted");
      expect((await answer(delegationId, admin(), { answer: "decline" })).status).toBe(409);
      expect((await spendOf(delegationId, county.users.admin.token)).status).toBe(200);
      // Another council may propose for the same year; accepting it while one holds is refused.
      const stranger = await call("POST", "/api/delegations", city.users.admin.token, {
        consortiumId: fenEdge.id,
        financialYear: "2026/27",
        budgetPence: 1,
        area: AROUND_CAMBRIDGE,
      });
      expect(stranger.status).toBe(201);
      const proposal = await body(stranger);
      const strangerId = String(proposal.id);
      expect(proposal.status).toBe("proposed");
      const twice = await answer(strangerId, admin(), { answer: "accept" });
      expect(twice.status).toBe(409);
      expect(JSON.stringify(await body(twice))).not.toMatch(/County/);
      expect((await spendOf(strangerId, city.users.admin.token)).status).toBe(409);
      expect((await spendOf(delegationId, city.users.admin.token)).status).toBe(404);
      expect((await answer(strangerId, admin(), { answer: "decline" })).status).toBe(200);
      expect((await spendOf(strangerId, city.users.admin.token)).status).toBe(409);
      const received = await body(await call("GET", "/api/delegations?side=received", admin()));
      expect((received.items as Json[]).map((d) => [d.councilName, d.status]).sort()).toEqual([
        ["City", "declined"],
        ["County", "accepted"],
      ]);
      // Both answers are in both parties' logs.
      for (const org of [county.id, fenEdge.id]) {
        const log = await services.unitOfWork.repositories.audit.list(org, {
          offset: 0,
          limit: 10,
          resource: "delegations",
        });
        expect(log.items.map((e) => e.details?.status).filter(Boolean)).toEqual(
          org === county.id ? ["accepted"] : ["declined", "accepted"],
        );
      }
      const cityLog = await services.unitOfWork.repositories.audit.list(city.id, {
        offset: 0,
        limit: 10,
        resource: "delegations",
      });
      expect(cityLog.items.map((e) => e.details?.status ?? e.action)).toEqual([
        "declined",
        "create",
      ]);
    });

    it("refuses a consortium's competition or contract reaching outside its area, naming the stop", async () => {
      const outside = await call("POST", "/api/competitions", admin(), competition());
      expect(outside.status).toBe(422);
      const refused = await body(outside);
      expect(await paths(new Response(JSON.stringify(refused)))).toEqual(["lots.0.runs.0"]);
      expect(refused.message).toMatch(
        /^Lot "Netherhall School", run V-fe \d\d:\d\d–\d\d:\d\d: stop the home pick-up of trip T-fe lies outside the area delegated to Fen Edge for 2026\/27/,
      );
      expect(JSON.stringify(refused)).not.toMatch(/Ada|Lovelace/);
      const recorded = await call("POST", "/api/contracts", admin(), contract());
      expect(recorded.status).toBe(422);
      expect(await paths(recorded)).toEqual(["runs.0"]);
      const unknown = await call(
        "POST",
        "/api/contracts",
        admin(),
        contract({ runs: ["X 07:00–08:00"] }),
      );
      expect(((await body(unknown)).details as Json[])[0]?.message).toMatch(
        /not a run of your plans/,
      );
      // A year without a delegation is outside any area.
      const later = await call(
        "POST",
        "/api/contracts",
        admin(),
        contract({ endsOn: "2027-04-30" }),
      );
      expect(later.status).toBe(409);
      expect((await body(later)).message).toMatch(/No budget or area is delegated .* 2027\/28/);
    });

    it("lets the council move the area, audited in both logs; then the work is within it", async () => {
      const { county, services } = fixture();
      const moved = await call(
        "PUT",
        `/api/delegations/${delegationId}`,
        county.users.admin.token,
        {
          area: AROUND_CAMBRIDGE,
        },
      );
      expect(moved.status).toBe(200);
      expect(
        (await call("PUT", `/api/delegations/${delegationId}`, admin(), { budgetPence: 9 })).status,
      ).toBe(403);
      const log = await services.unitOfWork.repositories.audit.list(fenEdge.id, {
        offset: 0,
        limit: 10,
        resource: "delegations",
      });
      expect(log.items.filter((e) => e.details?.status === undefined).map((e) => e.action)).toEqual(
        ["update", "create", "create"],
      );
      const lots = await body(
        await call("GET", `/api/plans/${plan.planId}/lots?rule=area`, admin()),
      );
      expect((lots.lots as Json[]).map((l) => l.name)).toEqual(["Fen Edge"]);
      expect((await call("POST", "/api/contracts", admin(), contract())).status).toBe(201);
    });

    it("signs within the budget, refuses beyond it naming the amounts, and shows the spend", async () => {
      const list = await body(await call("GET", "/api/contracts", admin()));
      const id = (ref: string) =>
        String((list.items as Json[]).find((c) => c.reference === ref)?.id);
      const sign = (contractId: string) =>
        call("POST", `/api/contracts/${contractId}/status`, admin(), { status: "active" });
      // 152 weekdays from 1 September 2026 to 31 March 2027 at £185.00: £28,120.00 of £30,000.00.
      expect((await sign(id("FE-1"))).status).toBe(200);
      const second = contract({
        reference: "FE-2",
        price: { basis: "per-day", pence: 10_000 },
        endsOn: "2026-09-30",
      });
      expect((await call("POST", "/api/contracts", admin(), second)).status).toBe(201);
      const again = await body(await call("GET", "/api/contracts", admin()));
      const fe2 = String((again.items as Json[]).find((c) => c.reference === "FE-2")?.id);
      const over = await sign(fe2);
      expect(over.status).toBe(409);
      // 22 weekdays in September 2026 at £100.00 = £2,200.00, with £1,880.00 left.
      expect((await body(over)).message).toBe(
        "FE-2 would commit £2,200.00 in 2026/27 (22 weekdays at £100.00 a day), more than the £1,880.00 remaining of Fen Edge's delegated budget of £30,000.00 (£28,120.00 committed).",
      );
      const spend = await body(
        await call("GET", `/api/delegations/${delegationId}/spend`, fenEdge.tokens.finance ?? ""),
      );
      expect([spend.budgetPence, spend.committedPence, spend.remainingPence]).toEqual([
        3_000_000, 2_812_000, 188_000,
      ]);
      expect((spend.contracts as Json[]).map((c) => [c.reference, c.commitment])).toEqual([
        ["FE-1", { counted: true, days: 152, pence: 2_812_000 }],
      ]);
      const { county } = fixture();
      const seen = await body(
        await call("GET", `/api/delegations/${delegationId}/spend`, county.users.auditor.token),
      );
      expect(seen.remainingPence).toBe(188_000);
    });

    it("refuses an award beyond the budget, and makes it once the council raises the budget", async () => {
      const { county } = fixture();
      const made = await call("POST", "/api/competitions", admin(), competition());
      expect(made.status).toBe(201);
      const put = await body(made);
      const lotId = String((put.lots as Json[])[0]?.id);
      const bid = await call(
        "POST",
        `/api/competitions/${String(put.id)}/bids`,
        operator.tokens.operator ?? "",
        {
          lotId,
          pricePence: 5_000,
          vehicleIds: [operator.vehicleId],
        },
      );
      expect(bid.status).toBe(201);
      now = Date.parse("2026-08-22T09:00:00Z");
      const award = () =>
        call("POST", `/api/competitions/${String(put.id)}/lots/${lotId}/award`, admin(), {
          bidId: String((bidBody as Json).id),
        });
      const bidBody = await body(bid);
      const refused = await award();
      expect(refused.status).toBe(409);
      expect((await body(refused)).message).toMatch(
        /^Lot Netherhall School would commit £7,600\.00 in 2026\/27 .* £1,880\.00 remaining/,
      );
      await call("PUT", `/api/delegations/${delegationId}`, county.users.admin.token, {
        budgetPence: 4_000_000,
      });
      expect((await award()).status).toBe(200);
      const spend = await body(
        await call("GET", `/api/delegations/${delegationId}/spend`, admin()),
      );
      expect(spend.committedPence).toBe(2_812_000 + 760_000);
    });

    it("lets the council withdraw a delegation: it stops counting", async () => {
      const { county, city, services } = fixture();
      const withdraw = (token: string) =>
        call("POST", `/api/delegations/${delegationId}/withdrawal`, token);
      expect((await withdraw(county.users.finance.token)).status).toBe(403);
      expect((await withdraw(county.users["booking-agent"].token)).status).toBe(403);
      expect((await withdraw(admin())).status).toBe(403);
      expect((await withdraw(city.users.admin.token)).status).toBe(404);
      const withdrawn = await withdraw(county.users.admin.token);
      expect(withdrawn.status).toBe(200);
      expect((await body(withdrawn)).status).toBe("withdrawn");
      expect((await withdraw(county.users.admin.token)).status).toBe(409);
      expect(
        (
          await call("POST", `/api/delegations/${delegationId}/answer`, admin(), {
            answer: "accept",
          })
        ).status,
      ).toBe(409);
      for (const org of [county.id, fenEdge.id]) {
        const log = await services.unitOfWork.repositories.audit.list(org, {
          offset: 0,
          limit: 1,
          resource: "delegations",
        });
        expect(log.items.map((e) => e.details?.status)).toEqual(["withdrawn"]);
      }
      expect(
        (await call("GET", `/api/delegations/${delegationId}/spend`, county.users.admin.token))
          .status,
      ).toBe(409);
      expect((await call("GET", `/api/delegations/${delegationId}/spend`, admin())).status).toBe(
        200,
      );
      // Signing within what was the budget is refused: nothing is delegated for the year now.
      const list = await body(await call("GET", "/api/contracts", admin()));
      const fe2 = String((list.items as Json[]).find((c) => c.reference === "FE-2")?.id);
      const sign = await call("POST", `/api/contracts/${fe2}/status`, admin(), {
        status: "active",
      });
      expect(sign.status).toBe(409);
      expect((await body(sign)).message).toMatch(/^No budget or area is delegated to Fen Edge/);
      // Another council's delegation may now be accepted for the year.
      const next = await call("POST", "/api/delegations", city.users.admin.token, {
        consortiumId: fenEdge.id,
        financialYear: "2026/27",
        budgetPence: 5_000_000,
        area: AROUND_CAMBRIDGE,
      });
      expect(next.status).toBe(201);
      const nextId = String((await body(next)).id);
      const answered = await call("POST", `/api/delegations/${nextId}/answer`, admin(), {
        answer: "accept",
      });
      expect(answered.status).toBe(200);
    });

    it("imports a parish needs survey all or nothing into the register of unmet demand", async () => {
      const { services } = fixture();
      const header =
        "origin_lat,origin_lon,destination_lat,destination_lon,purpose,days,time,count";
      const send = (csv: string) =>
        fixture().call("POST", "/api/unmet-demand/import?survey=Swavesey%202026", {
          token: admin(),
          body: csv,
          headers: { "content-type": "text/csv" },
        });
      const bad = await send(
        `${header}\n52.3,-0.02,52.2,0.13,community-transport,tue,10:00,4\n52.3,-0.02,99,0.13,community-transport,someday,10:00,0\n`,
      );
      expect(bad.status).toBe(422);
      const issues = ((await body(bad)).details as Json[]).map((d) => [d.row, d.path]);
      expect(issues).toEqual([
        [3, "destination_lat"],
        [3, "days"],
        [3, "count"],
      ]);
      expect(await body(await call("GET", "/api/unmet-demand", admin()))).toEqual({ items: [] });
      const good = await send(
        `${header}\n52.3,-0.02,52.2,0.13,community-transport,tue thu,10:00,4\n52.31,-0.03,52.17,0.14,gp-appointment,mon,09:15,2\n`,
      );
      expect(await body(good)).toEqual({ survey: "Swavesey 2026", rows: 2, people: 6 });
      const rows = (await body(await call("GET", "/api/unmet-demand", admin()))).items as Json[];
      expect(rows.map((r) => [r.purpose, r.days, r.time, r.count])).toEqual([
        ["gp-appointment", ["mon"], "09:15", 2],
        ["community-transport", ["tue", "thu"], "10:00", 4],
      ]);
      const log = await services.unitOfWork.repositories.audit.list(fenEdge.id, {
        offset: 0,
        limit: 10,
        resource: "unmet-demand",
      });
      expect(log.items.map((e) => e.details)).toEqual([
        { survey: "Swavesey 2026", rows: 2, people: 6 },
      ]);
    });
  });
}
