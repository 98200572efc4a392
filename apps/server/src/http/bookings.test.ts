import { RestoredProblems } from "@tt/app";
import { listTestDrivers } from "@tt/db";
import { evaluate } from "@tt/solver";
import { aPassenger, CONTRACT_HOME_TO_SCHOOL_CASE } from "@tt/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { lazyTravelTimes } from "../services";
import { type Fixture, useFixture } from "./test-support/fixture";
import { countyBooking, publishDayPlan } from "./test-support/published-day";

type Json = Record<string, unknown>;

/** True when the two requests are on board at the same time on these stops. */
function onBoardTogether(
  stops: readonly { kind: string; request?: string }[],
  a: string,
  b: string,
): boolean {
  const aboard = new Set<string>();
  for (const s of stops) {
    if (s.kind === "pickup" && s.request) aboard.add(s.request);
    if (aboard.has(a) && aboard.has(b)) return true;
    if (s.kind === "dropoff" && s.request) aboard.delete(s.request);
  }
  return false;
}
const DAY = "2026-09-03";

for (const driver of listTestDrivers()) {
  describe(`the booking desk on the day's operating plan (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let published = "";
    let agent = "";

    /** A new passenger of the county, living where no one in the plan lives. */
    async function newPassenger(f: Fixture, reference: string, lat: number): Promise<string> {
      const input = aPassenger({ reference, homeLat: lat, homeLon: 0.11 });
      const created = await f.call("POST", "/api/passengers", {
        token: f.county.users.admin.token,
        json: input,
      });
      expect(created.status).toBe(201);
      return String(((await created.json()) as Json).id);
    }

    const booking = (f: Fixture, passengerId: string, over: Json = {}) =>
      countyBooking(f, passengerId, DAY, over);

    const options = (f: Fixture, body: unknown, token = agent) =>
      f.call("POST", "/api/bookings/options", { token, json: body });
    const book = (f: Fixture, body: unknown, vehicleId: string, token = agent) =>
      f.call("POST", "/api/bookings", { token, json: { booking: body, vehicleId } });

    beforeAll(async () => {
      const f = fixture();
      agent = f.county.users["booking-agent"].token;
      const token = f.county.users.admin.token;
      published = await publishDayPlan(f, token, DAY);
    });

    it("offers the trip's places cheapest first and books one as the next revision, published", async () => {
      const f = fixture();
      const passengerId = await newPassenger(f, "P-BOOK-1", 52.23);
      const body = booking(f, passengerId);
      const offered = await options(f, body);
      expect(offered.status).toBe(200);
      const found = (await offered.json()) as Json;
      expect(found).toMatchObject({
        planId: published,
        revision: 1,
        entitlement: { ok: true, regime: null },
        refusals: [],
      });
      const [first] = found.options as Json[];
      expect(first).toMatchObject({
        vehicleId: f.county.rows.vehicles,
        vehicleReference: "V-county",
      });
      expect(String(first?.pickup) >= "10:00").toBe(true);
      const window = first?.pickupWindow as string[];
      expect(window[0]! <= String(first?.pickup) && String(first?.pickup) <= window[1]!).toBe(true);

      const booked = await book(f, body, String(first?.vehicleId));
      expect(booked.status).toBe(201);
      const made = (await booked.json()) as Json;
      expect(made).toMatchObject({ revision: 2, option: { vehicleId: first?.vehicleId } });
      expect(String(made.reference)).toMatch(/^BK-\d{8}-[0-9A-F]{8}$/);
      const tripId = String(made.tripRequestId);
      const admin = f.county.users.admin.token;
      const trip = (await (
        await f.call("GET", `/api/trip-requests/${tripId}`, { token: admin })
      ).json()) as Json;
      expect(trip).toMatchObject({ status: "booked", recurrence: { kind: "one-off", date: DAY } });
      const plans = (await (
        await f.call("GET", `/api/plans?serviceDate=${DAY}`, { token: admin })
      ).json()) as { items: Json[] };
      const statuses = Object.fromEntries(plans.items.map((p) => [p.id, p.status]));
      expect(statuses[String(made.planId)]).toBe("published");
      expect(statuses[published]).toBe("superseded");
      const revision = (await (
        await f.call("GET", `/api/plans/${made.planId}`, { token: admin })
      ).json()) as Json;
      const stops = (revision.runs as Json[]).flatMap((r) => r.stops as Json[]);
      expect(stops.filter((s) => s.tripRequestId === tripId).map((s) => s.kind)).toEqual([
        "pickup",
        "dropoff",
      ]);
      // The revision's figures are the engine's own for the whole plan, read afresh.
      const evaluation = await f.services.planning.evaluatePlan(
        { userId: f.county.users.admin.user.id, organisationId: f.county.id, role: "admin" },
        String(made.planId),
      );
      expect(evaluation?.violations).toEqual([]);
      expect(evaluation?.unserved).not.toContain(tripId);
      const summary = revision.summary as { cost: { total: number } };
      const cost = evaluation!.cost;
      expect(summary.cost.total).toBeCloseTo(cost.fixed + cost.distance + cost.time, 1);
      const log = await f.services.unitOfWork.repositories.audit.list(f.county.id, {
        offset: 0,
        limit: 5,
        resource: "trip-requests",
      });
      expect(log.items.find((e) => e.action === "create")).toMatchObject({
        resourceIds: [tripId, passengerId, made.planId],
        details: { revisedFrom: published, vehicle: first?.vehicleId },
      });
      published = String(made.planId);
    });

    it("keeps each booking with its revision: the plan read afresh evaluates with every booked trip", async () => {
      const f = fixture();
      const passengerId = await newPassenger(f, "P-BOOK-2", 52.24);
      const body = booking(f, passengerId, { time: "11:00" });
      const found = (await (await options(f, body)).json()) as { options: Json[]; planId: string };
      expect(found.planId).toBe(published);
      const made = (await (
        await book(f, body, String(found.options[0]?.vehicleId))
      ).json()) as Json;
      expect(made.revision).toBe(3);
      const chain = await f.services.unitOfWork.repositories.plans.findProblemChain(
        f.county.id,
        String(made.planId),
      );
      expect(chain?.additions.map((a) => a.locations.length)).toEqual([1, 1]);
      const plan = await f.services.unitOfWork.repositories.plans.find(
        f.county.id,
        String(made.planId),
      );
      // Made whole again from the stored chain alone (nothing held in memory): every rule kept.
      const restored = new RestoredProblems(lazyTravelTimes({ kind: "geometric" }));
      const live = await restored.get(f.county.id, String(made.planId), async () => chain);
      const runs = (plan?.runs ?? []).map((r) => ({
        vehicle: r.vehicleId,
        stops: r.stops.map((s) =>
          s.kind === "break"
            ? { kind: "break" as const, break: s.breakId }
            : { kind: s.kind, request: s.tripRequestId },
        ),
      }));
      const checked = evaluate(live!.whole(), { runs });
      expect(checked.violations).toEqual([]);
      expect(checked.unserved).not.toContain(String(made.tripRequestId));
      published = String(made.planId);
    });

    it("cancels a booked trip with a reason: out of its run in a new revision, and counted", async () => {
      const f = fixture();
      const admin = f.county.users.admin.token;
      const passengerId = await newPassenger(f, "P-CANCEL-1", 52.235);
      const body = booking(f, passengerId, { time: "15:00" });
      const found = (await (await options(f, body)).json()) as { options: Json[] };
      const made = (await (
        await book(f, body, String(found.options[0]?.vehicleId))
      ).json()) as Json;
      const tripId = String(made.tripRequestId);
      const cancel = (id: string, json: unknown, token = agent) =>
        f.call("POST", `/api/trip-requests/${id}/cancel`, { token, json });
      const done = await cancel(tripId, { date: DAY, reason: "passenger-unwell" });
      expect(done.status).toBe(200);
      const cancelled = (await done.json()) as Json;
      expect(cancelled).toMatchObject({
        cancellation: {
          tripRequestId: tripId,
          reason: "passenger-unwell",
          reasonsVersion: "2026-12",
        },
        plan: { revision: Number(made.revision) + 1 },
      });
      const planId = String((cancelled.plan as Json).id);
      const plan = (await (
        await f.call("GET", `/api/plans/${planId}`, { token: admin })
      ).json()) as Json;
      expect(plan.status).toBe("published");
      const stops = (plan.runs as Json[]).flatMap((r) => r.stops as Json[]);
      expect(stops.some((s) => s.tripRequestId === tripId)).toBe(false);
      const actor = {
        userId: f.county.users.admin.user.id,
        organisationId: f.county.id,
        role: "admin" as const,
      };
      const checked = await f.services.planning.evaluatePlan(actor, planId);
      expect(checked?.violations).toEqual([]);
      expect(checked?.unserved).not.toContain(tripId);
      const cost = checked!.cost;
      const summary = plan.summary as { cost: { total: number }; requests: number };
      expect(summary.cost.total).toBeCloseTo(cost.fixed + cost.distance + cost.time, 1);
      const trip = (await (
        await f.call("GET", `/api/trip-requests/${tripId}`, { token: admin })
      ).json()) as Json;
      expect(trip.status).toBe("cancelled");
      // The person's own export shows the cancellation; the audit log does not hold its reason.
      const exported = await f.call("GET", `/api/passengers/${passengerId}/subject-access`, {
        token: admin,
      });
      const held = (await exported.json()) as { cancellations: Json[] };
      expect(held.cancellations).toMatchObject([
        { tripRequestId: tripId, reason: "passenger-unwell" },
      ]);
      const log = await f.services.unitOfWork.repositories.audit.list(f.county.id, {
        offset: 0,
        limit: 50,
        resourceId: tripId,
      });
      expect(JSON.stringify(log.items)).not.toContain("passenger-unwell");
      // Twice is refused: it no longer travels that day.
      const again = await cancel(tripId, { date: DAY, reason: "weather" });
      expect(again.status).toBe(422);
      // A recurring trip misses the day only, and the day's plans leave it out.
      const recurring = await f.call("POST", "/api/trip-requests", {
        token: admin,
        json: {
          reference: "T-REC-1",
          passengerId,
          funderId: f.county.rows.funders,
          purpose: "demand-responsive",
          origin: { kind: "home" },
          destination: { kind: "place", placeId: f.county.rows.places },
          timing: "depart-after",
          time: "16:00",
          recurrence: { kind: "recurring", weekdays: ["thu", "fri"], from: DAY, to: "2026-09-11" },
        },
      });
      const recurringId = String(((await recurring.json()) as Json).id);
      const wrongDay = await cancel(recurringId, { date: "2026-09-07", reason: "weather" });
      expect(wrongDay.status).toBe(422);
      expect((((await wrongDay.json()) as Json).details as Json[])[0]?.path).toBe("date");
      const missed = (await (
        await cancel(recurringId, { date: DAY, reason: "weather" })
      ).json()) as Json;
      expect(missed.plan).toBeNull();
      const spanning = (date: string) =>
        f.services.unitOfWork.repositories.tripRequests.listSpanning(f.county.id, date);
      expect((await spanning(DAY)).map((t) => t.id)).not.toContain(recurringId);
      expect((await spanning("2026-09-04")).map((t) => t.id)).toContain(recurringId);
      const counted = await f.call("GET", `/api/cancellations?from=${DAY}&to=${DAY}`, {
        token: agent,
      });
      const figures = (await counted.json()) as { reasons: Json[]; total: number };
      const count = (code: string) => figures.reasons.find((r) => r.code === code)?.count;
      expect([count("passenger-unwell"), count("weather"), count("school-closed")]).toEqual([
        1, 1, 0,
      ]);
      expect(figures.total).toBe(2);
      // Another organisation's trip is not found; roles without the grant are refused first.
      const city = f.city.users["booking-agent"].token;
      expect(
        (await cancel(recurringId, { date: "2026-09-04", reason: "weather" }, city)).status,
      ).toBe(404);
      const driver = f.county.users.driver.token;
      expect(
        (await cancel(recurringId, { date: "2026-09-04", reason: "nope" }, driver)).status,
      ).toBe(403);
      const bad = await cancel(recurringId, { date: "2026-09-04", reason: "nope" });
      expect(bad.status).toBe(422);
      published = planId;
    });

    it("books two trips at once: one after the other, each on the latest revision", async () => {
      const f = fixture();
      const ids = [
        await newPassenger(f, "P-RACE-1", 52.25),
        await newPassenger(f, "P-RACE-2", 52.26),
      ];
      const bodies = ids.map((id, i) => booking(f, id, { time: i === 0 ? "13:00" : "14:00" }));
      const vehicle = f.county.rows.vehicles;
      const both = await Promise.all(bodies.map((b) => book(f, b, vehicle)));
      expect(both.map((r) => r.status)).toEqual([201, 201]);
      const revisions = await Promise.all(
        both.map(async (r) => ((await r.json()) as Json).revision),
      );
      expect([...revisions].sort()).toEqual([6, 7]);
    });

    it("keeps apart who may not travel together, whichever of the two names the other", async () => {
      const f = fixture();
      const admin = f.county.users.admin.token;
      const agentActor = {
        userId: f.county.users["booking-agent"].user.id,
        organisationId: f.county.id,
        role: "booking-agent" as const,
      };
      // A neighbour of the county's pupil, to the same school at the same time.
      const created = await f.call("POST", "/api/passengers", {
        token: admin,
        json: aPassenger({ reference: "P-APART-1" }),
      });
      const newcomer = String(((await created.json()) as Json).id);
      const body = booking(f, newcomer, {
        purpose: "demand-responsive",
        timing: "arrive-by",
        time: "08:40",
        windowMinutes: 15,
      });
      const pupilTrip = f.county.rows.tripRequests;
      const together = async () => {
        const found = await f.services.bookings.options(agentActor, body);
        return found.options.map((o) => onBoardTogether(o.run.stops, "booking", pupilTrip));
      };
      // Without a rule the engine shares the run: the check below can fail.
      expect((await together()).some(Boolean)).toBe(true);
      // The pupil's record names the newcomer: the newcomer must ride alone from the pupil.
      const pupilId = f.county.rows.passengers;
      const pupil = (await (
        await f.call("GET", `/api/passengers/${pupilId}`, { token: admin })
      ).json()) as Json;
      const { id: _i, organisationId: _o, createdAt: _c, updatedAt: _u, ...fields } = pupil;
      const needs = { ...(fields.needs as Json), mayNotTravelWith: ["P-APART-1"] };
      const updated = await f.call("PUT", `/api/passengers/${pupilId}`, {
        token: admin,
        json: { ...fields, needs },
      });
      expect(updated.status).toBe(200);
      expect(await together()).not.toContain(true);
    });

    it("lists the plan's revisions with who, why and the runs each changed", async () => {
      const f = fixture();
      const history = await f.call("GET", `/api/plans/${published}/revisions`, { token: agent });
      expect(history.status).toBe(200);
      const items = ((await history.json()) as { items: Json[] }).items;
      expect(items.map((i) => i.revision)).toEqual(
        [...items.map((i) => Number(i.revision))].sort((a, b) => b - a),
      );
      expect(items.at(-1)).toMatchObject({ revision: 1, kind: "planned", by: null });
      const kinds = new Set(items.map((i) => i.kind));
      expect([...kinds].sort()).toEqual(["booking", "cancellation", "planned"]);
      const cancelled = items.find((i) => i.kind === "cancellation");
      expect(cancelled).toMatchObject({ by: "County booking-agent", why: "passenger-unwell" });
      const booking = items.find((i) => i.kind === "booking")!;
      expect(booking.vehicles).toEqual([f.county.rows.vehicles]);
      const changes = await f.call("GET", `/api/plans/${booking.id}/changes`, { token: agent });
      const changed = (await changes.json()) as { runs: Json[] };
      expect(changed.runs.map((r) => r.vehicleId)).toEqual([f.county.rows.vehicles]);
      const has = (run: unknown) =>
        ((run as Json | null)?.stops as Json[] | undefined)?.some(
          (s) => s.tripRequestId === booking.tripRequestId,
        ) ?? false;
      expect([has(changed.runs[0]?.before), has(changed.runs[0]?.after)]).toEqual([false, true]);
      const driver = f.county.users.driver.token;
      expect(
        (await f.call("GET", `/api/plans/${published}/revisions`, { token: driver })).status,
      ).toBe(403);
      const city = f.city.users["booking-agent"].token;
      expect(
        (await f.call("GET", `/api/plans/${published}/revisions`, { token: city })).status,
      ).toBe(404);
    });

    it("refuses a trip the passenger is not entitled to, naming the regime and the rule", async () => {
      const f = fixture();
      const passengerId = await newPassenger(f, "P-NOT-1", 52.22);
      const body = booking(f, passengerId, { purpose: "school" });
      const found = (await (await options(f, body)).json()) as Json;
      expect(found.entitlement).toMatchObject({
        ok: false,
        regime: "home-to-school",
        rule: "no-decision-on-file",
      });
      const refused = await book(f, body, f.county.rows.vehicles);
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as Json).message).toMatch(
        /No home-to-school decision on file/,
      );
    });

    it("keeps the pick-up window told when the vehicle chosen has no room left: another vehicle in it, or 409", async () => {
      const f = fixture();
      const passengerId = await newPassenger(f, "P-TOLD-1", 52.22);
      const body = booking(f, passengerId, { time: "11:00" });
      const found = (await (await options(f, body)).json()) as { options: Json[] };
      const first = found.options[0];
      const told = first?.pickupWindow as [string, string];
      const send = (toldWindow: unknown) =>
        f.call("POST", "/api/bookings", {
          token: agent,
          json: { booking: body, vehicleId: "no-longer-has-room", toldWindow },
        });
      // No option's pick-up falls in a window told for the small hours: refused as before.
      expect((await send(["03:00", "03:15"])).status).toBe(409);
      expect((await send(["25:00", "03:15"])).status).toBe(422);
      const moved = await send(told);
      expect(moved.status).toBe(201);
      const made = (await moved.json()) as Json;
      expect(made.insteadOfVehicleId).toBe("no-longer-has-room");
      const pickup = String((made.option as Json).pickup);
      expect(told[0] <= pickup && pickup <= told[1]).toBe(true);
      published = String(made.planId);
    });

    it("refuses what cannot be booked, saying what and where", async () => {
      const f = fixture();
      const passengerId = await newPassenger(f, "P-BAD-1", 52.21);
      const body = booking(f, passengerId);
      const gone = await book(f, body, "no-such-vehicle");
      expect(gone.status).toBe(409);
      expect(((await gone.json()) as Json).message).toMatch(
        /cannot take the trip.*ask for the options again/,
      );
      const bad = await options(f, { ...body, date: "2026-02-30", time: "25:00" });
      expect(bad.status).toBe(422);
      const paths = (((await bad.json()) as Json).details as Json[]).map((d) => d.path);
      expect(paths).toEqual(expect.arrayContaining(["date", "time"]));
      // The same journey twice (a double click, a second call) is refused, not booked again.
      const once = await options(f, { ...body, time: "17:00" });
      const vehicle = String(((await once.json()) as { options: Json[] }).options[0]?.vehicleId);
      expect((await book(f, { ...body, time: "17:00" }, vehicle)).status).toBe(201);
      const twice = await book(f, { ...body, time: "17:10" }, vehicle);
      expect(twice.status).toBe(409);
      expect(((await twice.json()) as Json).message).toMatch(/already has trip BK-/);
      // No vehicle works at night: the refusal names the vehicle by its reference.
      const night = (await (await options(f, { ...body, time: "22:30" })).json()) as {
        options: Json[];
        refusals: Json[];
      };
      expect(night.options).toEqual([]);
      expect(night.refusals[0]).toMatchObject({
        reason: "time-window",
        example: "V-county is off duty at the trip's time",
      });
      const otherDay = await options(f, { ...body, date: "2026-09-04" });
      expect(otherDay.status).toBe(409);
      expect(((await otherDay.json()) as Json).message).toMatch(/No operating plan is published/);
    });

    it("books a repeating trip inside the county's terms, and refuses a calendar or day it cannot", async () => {
      const f = fixture();
      const passengerId = await newPassenger(f, "P-REPEAT-1", 52.19);
      const repeat = { weekdays: ["tue", "thu"], until: "2026-10-22" };
      const calendar = f.county.rows.termCalendars;
      const body = booking(f, passengerId, {
        time: "11:30",
        repeat: { ...repeat, termCalendarId: calendar },
      });
      const offered = (await (await options(f, body)).json()) as { options: Json[] };
      const vehicle = String(offered.options[0]?.vehicleId);
      const booked = await book(f, body, vehicle);
      expect(booked.status).toBe(201);
      const made = (await booked.json()) as Json;
      expect(made.repeats).toEqual({ ...repeat, termCalendarId: calendar });
      const trip = (await (
        await f.call("GET", `/api/trip-requests/${made.tripRequestId}`, {
          token: f.county.users.admin.token,
        })
      ).json()) as Json;
      expect(trip).toMatchObject({
        status: "booked",
        recurrence: { kind: "recurring", from: DAY, to: "2026-10-22", termCalendarId: calendar },
      });
      published = String(made.planId);

      const other = f.city.rows.termCalendars;
      const foreign = await options(f, { ...body, repeat: { ...repeat, termCalendarId: other } });
      expect(foreign.status).toBe(422);
      const foreignPaths = (((await foreign.json()) as Json).details as Json[]).map((d) => d.path);
      expect(foreignPaths).toEqual(["repeat.termCalendarId"]);
      const late = booking(f, passengerId, {
        time: "15:00",
        repeat: { ...repeat, until: "2026-11-20", termCalendarId: calendar },
      });
      // The first day is in term; the last day may fall after the term (the calendar skips it).
      expect((await options(f, late)).status).toBe(200);
      const wrong = await options(f, { ...body, repeat: { ...repeat, weekdays: ["mon"] } });
      expect(wrong.status).toBe(422);
      const paths = (((await wrong.json()) as Json).details as Json[]).map((d) => d.path);
      expect(paths).toEqual(["repeat.weekdays"]);
      const before = await options(f, { ...body, repeat: { ...repeat, until: "2026-09-01" } });
      expect(before.status).toBe(422);
      const spring = await f.call("POST", "/api/term-calendars", {
        token: f.county.users.admin.token,
        json: { name: "Spring only", periods: [{ start: "2027-01-05", end: "2027-03-26" }] },
      });
      expect(spring.status).toBe(201);
      const springId = String(((await spring.json()) as Json).id);
      const outOfTerm = await options(f, {
        ...body,
        repeat: { ...repeat, termCalendarId: springId },
      });
      expect(outOfTerm.status).toBe(422);
      const named = ((await outOfTerm.json()) as { details: Json[] }).details;
      expect(named).toEqual([{ path: "date", message: "not in a term of Spring only" }]);
    });

    it("puts a repeating trip into a later day's published plan too, on the same vehicle where it fits", async () => {
      const f = fixture();
      const admin = f.county.users.admin.token;
      const later = "2026-09-10";
      await publishDayPlan(f, admin, later);

      const passengerId = await newPassenger(f, "P-REPEAT-2", 52.185);
      const body = booking(f, passengerId, {
        time: "08:30",
        repeat: { weekdays: ["thu"], until: "2026-09-17" },
      });
      const offered = (await (await options(f, body)).json()) as { options: Json[] };
      const vehicle = String(offered.options[0]?.vehicleId);
      const booked = await book(f, body, vehicle);
      const made = (await booked.json()) as Json;
      expect([booked.status, made.message]).toEqual([201, undefined]);
      published = String(made.planId);
      // 2026-09-17 has no published plan: its plan takes the trip from the register when made.
      const days = made.laterDays as Json[];
      expect(days.map((d) => d.date)).toEqual([later]);
      expect(days[0]).toMatchObject({ revision: 2, vehicleId: vehicle, reason: null });
      const revision = (await (
        await f.call("GET", `/api/plans/${days[0]?.planId}`, { token: admin })
      ).json()) as Json;
      expect(revision).toMatchObject({ status: "published", serviceDate: later });
      const run = (revision.runs as Json[]).find((r) => r.vehicleId === vehicle);
      const stops = ((run?.stops ?? []) as Json[]).filter(
        (s) => s.tripRequestId === made.tripRequestId,
      );
      expect(stops.map((s) => s.kind)).toEqual(["pickup", "dropoff"]);
      const evaluation = await f.services.planning.evaluatePlan(
        { userId: f.county.users.admin.user.id, organisationId: f.county.id, role: "admin" },
        String(days[0]?.planId),
      );
      expect(evaluation?.violations).toEqual([]);

      // A passenger who already travels that later day is not booked onto it twice.
      const other = await newPassenger(f, "P-REPEAT-3", 52.195);
      const once = booking(f, other, { date: later, time: "12:00" });
      const onceOptions = (await (await options(f, once)).json()) as { options: Json[] };
      const onceBooked = await book(f, once, String(onceOptions.options[0]?.vehicleId));
      expect(onceBooked.status).toBe(201);
      const weekly = booking(f, other, {
        time: "12:00",
        repeat: { weekdays: ["thu"], until: "2026-09-17" },
      });
      const weeklyOptions = (await (await options(f, weekly)).json()) as { options: Json[] };
      const twice = await book(f, weekly, String(weeklyOptions.options[0]?.vehicleId));
      const twiceMade = (await twice.json()) as Json;
      expect([twice.status, twiceMade.message]).toEqual([201, undefined]);
      published = String(twiceMade.planId);
      const skipped = (twiceMade.laterDays as Json[])[0];
      expect(skipped).toMatchObject({ date: later, planId: null });
      expect(String(skipped?.reason)).toMatch(/already has trip BK-/);
    });

    it("shows the desk the passenger's standing under each regime, without the decision's words", async () => {
      const f = fixture();
      const passengerId = await newPassenger(f, "P-STAND-1", 52.18);
      const standing = (token = agent) =>
        f.call("GET", `/api/bookings/passengers/${passengerId}/standing`, { token });
      expect(await (await standing()).json()).toEqual({ items: [] });
      const assessed = await f.call("POST", "/api/entitlement/assess", {
        token: f.county.users.admin.token,
        json: { case: CONTRACT_HOME_TO_SCHOOL_CASE, passengerId, assessedOn: "2026-09-01" },
      });
      expect(assessed.status).toBe(201);
      const decision = (await assessed.json()) as Json;
      const shown = (await (await standing()).json()) as { items: Json[] };
      expect(shown.items).toEqual([
        {
          regime: "home-to-school",
          eligible: decision.eligible,
          assessedOn: "2026-09-01",
          reviewDate: decision.reviewDate,
          reviewOverdue: String(decision.reviewDate) < new Date().toISOString().slice(0, 10),
        },
      ]);
      expect((await standing(f.county.users.finance.token)).status).toBe(403);
      expect((await standing(f.city.users["booking-agent"].token)).status).toBe(404);
      const log = await f.services.unitOfWork.repositories.audit.list(f.county.id, {
        offset: 0,
        limit: 5,
        resource: "passengers",
      });
      expect(log.items[0]).toMatchObject({ action: "read", resourceIds: [passengerId] });
    });

    it("keeps each organisation to its own records, and each role to its grant", async () => {
      const f = fixture();
      const passengerId = await newPassenger(f, "P-OWN-1", 52.2);
      const body = booking(f, passengerId);
      const cityAgent = f.city.users["booking-agent"].token;
      const foreign = await options(f, body, cityAgent);
      expect(foreign.status).toBe(422);
      const paths = (((await foreign.json()) as Json).details as Json[]).map((d) => d.path);
      expect(paths).toEqual(["passengerId", "funderId", "destination.placeId"]);
      for (const role of ["driver", "finance", "auditor"] as const) {
        const token = f.county.users[role].token;
        expect((await options(f, body, token)).status).toBe(403);
        expect((await book(f, body, f.county.rows.vehicles, token)).status).toBe(403);
      }
      expect((await f.call("POST", "/api/bookings/options", { json: body })).status).toBe(401);
    });
  });
}
