import { type Actor, loadDayRegister } from "@tt/app";
import { listTestDrivers } from "@tt/db";
import { aStaffMember, aVehicle } from "@tt/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { type Fixture, PASSWORD, useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

/** A Thursday: the fixture's trips travel on it. */
const DAY = "2026-09-03";

/** The services' clock: tests move it past the deadline. */
const START = Date.parse("2026-08-20T09:00:00Z");
let now = START;
const clock = { now: () => new Date(now) };
const DEADLINE = "2026-08-21T12:00:00Z";

interface Bidder {
  id: string;
  token: string;
  vehicles: Record<string, string>;
  application: string;
}

/** An operator with an operator user and vehicles, admitted to the county's DPS in `category`. */
async function bidder(
  fixture: Fixture,
  name: string,
  kind: "operator" | "community-transport",
  category: string,
  vehicles: Record<string, Json>,
): Promise<Bidder> {
  const { services, county, call } = fixture;
  const org = await services.auth.createOrganisation({ name, kind });
  const slug = name.toLowerCase().replaceAll(" ", "-");
  const user = await services.auth.createUser({
    organisationId: org.id,
    email: `operator@${slug}.example`,
    displayName: `${name} office`,
    role: "operator",
    password: PASSWORD,
  });
  const token = (await services.auth.issueApiToken(user.id, "tests")).token;
  const actor: Actor = { userId: user.id, organisationId: org.id, role: "operator" };
  const ids: Record<string, string> = {};
  for (const [reference, fields] of Object.entries(vehicles)) {
    const made = await services.register.create(
      actor,
      "vehicles",
      aVehicle({ reference, depotLat: 52.2, depotLon: 0.12, ...fields }),
    );
    ids[reference] = made.id;
  }
  const applied = await call("POST", "/api/dps/applications", {
    token,
    json: { buyerId: county.id, categories: [category] },
  });
  const application = (await applied.json()) as Json;
  const admitted = await call("POST", `/api/dps/applications/${String(application.id)}/decision`, {
    token: county.users.admin.token,
    json: { status: "admitted" },
  });
  expect(admitted.status).toBe(200);
  return { id: org.id, token, vehicles: ids, application: String(application.id) };
}

for (const driver of listTestDrivers()) {
  describe(`mini-competitions (${driver.name})`, () => {
    const fixture = useFixture(driver.open, { clock });
    let minibuses: Bidder;
    let cars: Bidder;
    let outsider: Bidder;
    let planId = "";
    /** The minibus firm's driver it offers, whose DBS check lapses the day before the term. */
    let offered: Json = {};
    let competition: Json = {};

    beforeAll(async () => {
      now = START;
      const f = fixture();
      minibuses = await bidder(f, "Cam Minibuses", "operator", "minibus", {
        "CM-01": {},
        "CM-02": {
          seats: 0,
          wheelchairSpaces: 1,
          layouts: [],
          kind: "wheelchair-accessible-vehicle",
        },
        // On duty only in the evening: no morning run fits its hours.
        "CM-03": { availableFrom: "18:00", availableTo: "22:00" },
      });
      cars = await bidder(f, "Fen Cars", "community-transport", "community-car", {
        "FC-01": { kind: "volunteer-car", seats: 3 },
      });
      const made = await f.call("POST", "/api/staff", {
        token: minibuses.token,
        json: aStaffMember({ reference: "CM-D1", dbsExpiry: "2026-08-31" }),
      });
      expect(made.status).toBe(201);
      offered = (await made.json()) as Json;
      // Admitted for coaches only: not invited to a minibus and community car competition.
      outsider = await bidder(f, "Wren Coaches", "operator", "coach", { "WC-01": {} });
      const started = await f.call("POST", "/api/plans", {
        token: f.county.users.admin.token,
        json: { date: DAY, iterations: 50 },
      });
      const jobId = String(((await started.json()) as Json).jobId);
      await f.services.planning.settled(jobId);
      const job = (await (
        await f.call("GET", `/api/jobs/${jobId}`, { token: f.county.users.admin.token })
      ).json()) as Json;
      planId = String((job.result as Json).planId);
    });

    const call = (method: string, path: string, token: string, json?: unknown) =>
      fixture().call(method, path, { token, ...(json === undefined ? {} : { json }) });
    const body = async (res: Response) => (await res.json()) as Json;
    /** The bids ranked per lot: the answer of opening, marking and awarding. */
    const lotsRanked = async (res: Response) => (await res.json()) as Json[];
    const terms = () => ({
      planId,
      rule: "school",
      title: "Netherhall School transport",
      categories: ["minibus", "community-car"],
      deadline: DEADLINE,
      startsOn: "2026-09-01",
      endsOn: "2027-07-31",
      priceWeight: 60,
    });

    it("puts a plan's lots out to the operators admitted in the categories named", async () => {
      const { county } = fixture();
      const made = await call("POST", "/api/competitions", county.users.admin.token, terms());
      expect(made.status).toBe(201);
      competition = await body(made);
      expect((competition.invited as Json[]).map((o) => o.name).sort()).toEqual([
        "Cam Minibuses",
        "Fen Cars",
      ]);
      expect((competition.lots as Json[]).map((l) => l.name)).toEqual(["Netherhall School"]);
      // The operator invited sees the lot, no passenger, and not whom else the buyer invited.
      const seen = await call("GET", `/api/competitions/${String(competition.id)}`, cars.token);
      const text = await seen.text();
      expect(seen.status).toBe(200);
      expect(text).not.toMatch(/Ada|Lovelace/);
      const view = JSON.parse(text) as Json;
      expect(view.invited).toBeUndefined();
      // Nor the buyer's cost estimates, nor the vehicles (other operators' among them) that run it.
      const [lot] = view.lots as Json[];
      expect(lot?.estimatedCostPence).toBeUndefined();
      expect(lot?.runs).toEqual([
        expect.objectContaining({ vehicleId: "", vehicleReference: "Run 1" }),
      ]);
      expect((lot?.runs as Json[] | undefined)?.[0]?.costPence).toBeUndefined();
      const invited = await body(await call("GET", "/api/competitions?side=invited", cars.token));
      expect((invited.items as Json[]).map((c) => c.id)).toEqual([competition.id]);
      // Not invited: not found.
      const other = await call(
        "GET",
        `/api/competitions/${String(competition.id)}`,
        outsider.token,
      );
      expect(other.status).toBe(404);
      const paths = async (json: unknown) => {
        const res = await call("POST", "/api/competitions", county.users.admin.token, json);
        expect(res.status).toBe(422);
        return ((await body(res)).details as Json[]).map((d) => d.path);
      };
      expect(await paths({ ...terms(), deadline: "2026-08-19T12:00:00Z" })).toEqual(["deadline"]);
      expect(await paths({ ...terms(), lots: ["Parkside"] })).toEqual(["lots.0"]);
      expect(await paths({ ...terms(), categories: [] })).toEqual(["categories"]);
    });

    it("takes sealed bids, checks the vehicles offered with the engine, and opens none before the deadline", async () => {
      const { county, services } = fixture();
      const id = String(competition.id);
      const lotId = String((competition.lots as Json[])[0]?.id);
      const bid = (who: Bidder, json: Json) =>
        call("POST", `/api/competitions/${id}/bids`, who.token, json);
      const fits = await bid(minibuses, {
        lotId,
        pricePence: 21_000,
        vehicleIds: [minibuses.vehicles["CM-01"]],
      });
      expect(fits.status).toBe(201);
      expect((await body(fits)).unfit).toEqual([]);
      // A car with no seat cannot carry the run: the engine says so.
      const unfit = await bid(minibuses, {
        lotId,
        pricePence: 9_000,
        vehicleIds: [minibuses.vehicles["CM-02"]],
      });
      expect((await body(unfit)).unfit).toEqual([
        expect.stringContaining("cannot be carried by any vehicle offered"),
      ]);
      // A minibus that could carry it, but whose hours of work do not cover it.
      const offDuty = await bid(minibuses, {
        lotId,
        pricePence: 9_000,
        vehicleIds: [minibuses.vehicles["CM-03"]],
      });
      expect((await body(offDuty)).unfit).toEqual([
        expect.stringMatching(/outside the hours of work .*\(CM-03 18:00–22:00\)/),
      ]);
      // The bid replaces the earlier one: back to the minibus, with its driver (not another's).
      const strangers = await bid(cars, {
        lotId,
        pricePence: 16_000,
        vehicleIds: [cars.vehicles["FC-01"]],
        staffIds: [String(offered.id)],
      });
      expect(strangers.status).toBe(422);
      expect(((await body(strangers)).details as Json[]).map((d) => d.path)).toEqual([
        "staffIds.0",
      ]);
      const withDriver = await bid(minibuses, {
        lotId,
        pricePence: 21_000,
        vehicleIds: [minibuses.vehicles["CM-01"]],
        staffIds: [String(offered.id)],
      });
      expect((await body(withDriver)).staffIds).toEqual([offered.id]);
      expect(
        (await bid(cars, { lotId, pricePence: 16_000, vehicleIds: [cars.vehicles["FC-01"]] }))
          .status,
      ).toBe(201);
      // Another operator's vehicle, an operator not invited, the buyer itself.
      const stolen = await bid(cars, {
        lotId,
        pricePence: 1,
        vehicleIds: [minibuses.vehicles["CM-01"]],
      });
      expect(stolen.status).toBe(422);
      expect(
        (await bid(outsider, { lotId, pricePence: 1, vehicleIds: [outsider.vehicles["WC-01"]] }))
          .status,
      ).toBe(404);
      // Finance officers do not bid (refused before the body is read); the buyer is not invited.
      expect(
        (await call("POST", `/api/competitions/${id}/bids`, county.users.finance.token, "{"))
          .status,
      ).toBe(403);
      const own = { lotId, pricePence: 1, vehicleIds: [county.rows.vehicles] };
      expect(
        (await call("POST", `/api/competitions/${id}/bids`, county.users.admin.token, own)).status,
      ).toBe(404);
      // A suspended operator cannot bid; admitted again, it can.
      const decide = (status: string) =>
        call(
          "POST",
          `/api/dps/applications/${cars.application}/decision`,
          county.users.admin.token,
          {
            status,
            ...(status === "suspended" ? { reason: "insurance under review" } : {}),
          },
        );
      expect((await decide("suspended")).status).toBe(200);
      const suspended = await bid(cars, {
        lotId,
        pricePence: 15_000,
        vehicleIds: [cars.vehicles["FC-01"]],
      });
      expect(suspended.status).toBe(409);
      expect((await decide("admitted")).status).toBe(200);
      // Sealed: not even the buyer's administrator reads them before the deadline; the attempt is
      // audited as what it was, whatever purpose the caller states.
      const early = await fixture().call("GET", `/api/competitions/${id}/bids`, {
        token: county.users.admin.token,
        headers: { "x-purpose": "competition: bids opened" },
      });
      expect(early.status).toBe(409);
      expect(String((await body(early)).message)).toMatch(/sealed until/);
      const log = await services.unitOfWork.repositories.audit.list(county.id, {
        offset: 0,
        limit: 20,
        resource: "contracts",
      });
      const refused = log.items.find(
        (e) => e.purpose === "competition: bids asked for before the deadline, refused",
      );
      expect(refused?.details).toEqual({ statedPurpose: "competition: bids opened" });
      expect(log.items.map((e) => e.purpose)).not.toContain("competition: bids opened");
      // An operator sees its own bid only.
      const mine = await body(await call("GET", `/api/competitions/${id}`, cars.token));
      expect((mine.myBids as Json[]).map((b) => b.pricePence)).toEqual([16_000]);
    });

    it("after the deadline: no more bids, the buyer marks quality, ranks and awards the contract", async () => {
      const { county } = fixture();
      const id = String(competition.id);
      const lotId = String((competition.lots as Json[])[0]?.id);
      now = Date.parse(DEADLINE) + 1_000;
      const late = await call("POST", `/api/competitions/${id}/bids`, cars.token, {
        lotId,
        pricePence: 100,
        vehicleIds: [cars.vehicles["FC-01"]],
      });
      expect(late.status).toBe(409);
      const opened = await lotsRanked(
        await call("GET", `/api/competitions/${id}/bids`, county.users.finance.token),
      );
      const ranked = opened[0]?.ranked as Json[];
      // Price alone so far: the cheaper community car leads.
      expect(ranked.map((r) => r.operatorName)).toEqual(["Fen Cars", "Cam Minibuses"]);
      const bidOf = (name: string) =>
        (ranked.find((r) => r.operatorName === name)?.bid as Json | undefined)?.id;
      const mark = (bidId: unknown, quality: number) =>
        call(
          "POST",
          `/api/competitions/${id}/bids/${String(bidId)}/quality`,
          county.users.admin.token,
          { quality },
        );
      expect((await mark(bidOf("Cam Minibuses"), 90)).status).toBe(200);
      expect((await mark(bidOf("Fen Cars"), 20)).status).toBe(200);
      // 60 × 16,000 / 21,000 + 40 × 0.9 = 81.71 beats 60 + 40 × 0.2 = 68.
      const again = await lotsRanked(
        await call("GET", `/api/competitions/${id}/bids`, county.users.admin.token),
      );
      const now2 = again[0]?.ranked as Json[];
      expect(now2.map((r) => [r.operatorName, r.score])).toEqual([
        ["Cam Minibuses", 81.71],
        ["Fen Cars", 68],
      ]);
      // An operator suspended from the DPS since it bid is not awarded; readmitted, it may be.
      const decide = (status: string) =>
        call(
          "POST",
          `/api/dps/applications/${minibuses.application}/decision`,
          county.users.admin.token,
          { status, ...(status === "suspended" ? { reason: "under review" } : {}) },
        );
      await decide("suspended");
      const whileSuspended = await call(
        "POST",
        `/api/competitions/${id}/lots/${lotId}/award`,
        county.users.admin.token,
        { bidId: bidOf("Cam Minibuses") },
      );
      expect(whileSuspended.status).toBe(409);
      expect(String((await body(whileSuspended)).message)).toMatch(/no longer admitted/);
      await decide("admitted");
      // A lapsed operator licence blocks the award, saying which; once removed, it goes ahead.
      const licence = await call("POST", "/api/compliance-documents", minibuses.token, {
        kind: "psv-operator-licence",
        issuer: "Traffic Commissioner for the East of England",
        number: "PB0000001",
        expiresOn: "2026-08-01",
      });
      expect(licence.status).toBe(201);
      const blocked = await call(
        "POST",
        `/api/competitions/${id}/lots/${lotId}/award`,
        county.users.admin.token,
        { bidId: bidOf("Cam Minibuses") },
      );
      expect(blocked.status).toBe(409);
      expect(String((await body(blocked)).message)).toContain(
        "PSV operator licence PB0000001 expired on 2026-08-01",
      );
      const licenceId = String((await body(licence)).id);
      await call("DELETE", `/api/compliance-documents/${licenceId}`, minibuses.token);
      // The driver offered: a DBS check lapsing before the term blocks it too, until renewed.
      const noCheck = await call(
        "POST",
        `/api/competitions/${id}/lots/${lotId}/award`,
        county.users.admin.token,
        { bidId: bidOf("Cam Minibuses") },
      );
      expect(noCheck.status).toBe(409);
      expect(String((await body(noCheck)).message)).toContain(
        "CM-D1's DBS check expired on 2026-08-31",
      );
      const { id: driverId, organisationId: _o, createdAt: _c, updatedAt: _u, ...record } = offered;
      const renewed = await call("PUT", `/api/staff/${String(driverId)}`, minibuses.token, {
        ...record,
        dbsExpiry: "2029-08-31",
      });
      expect(renewed.status).toBe(200);
      const awarded = await call(
        "POST",
        `/api/competitions/${id}/lots/${lotId}/award`,
        county.users.admin.token,
        {
          bidId: bidOf("Cam Minibuses"),
        },
      );
      expect(awarded.status).toBe(200);
      const contractId = String((await lotsRanked(awarded))[0]?.contractId);
      const contract = await body(
        await call("GET", `/api/contracts/${contractId}`, minibuses.token),
      );
      expect(contract).toMatchObject({
        status: "active",
        operatorName: "Cam Minibuses",
        price: { basis: "per-day", pence: 21_000 },
        vehicleIds: [minibuses.vehicles["CM-01"]],
        startsOn: "2026-09-01",
        endsOn: "2027-07-31",
      });
      // The operator's bid brings its minibus to the county for the term, at the bid's price.
      const fleet = await loadDayRegister(fixture().services.unitOfWork, county.id, DAY);
      expect(fleet.vehicles.find((v) => v.id === minibuses.vehicles["CM-01"])).toMatchObject({
        fixedCostPence: 21_000,
        contract: contract.reference,
      });
      const twice = await call(
        "POST",
        `/api/competitions/${id}/lots/${lotId}/award`,
        county.users.admin.token,
        {
          bidId: bidOf("Fen Cars"),
        },
      );
      expect(twice.status).toBe(409);
    });
  });
}
