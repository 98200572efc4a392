import { listTestDrivers, queryRows } from "@tt/db";
import { CONTRACT_HOME_TO_SCHOOL_CASE } from "@tt/testkit";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

/** The fixture's trip request travels on this day (a one-off). */
const DAY = "2026-09-03";
const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Values the record holds after rectification: each must be gone from every table on erasure. */
const PERSON = {
  reference: "SAR-SUBJECT-0042",
  givenName: "Zebedee",
  familyName: "Quartermaine",
  dateOfBirth: "2014-02-29".replace("29", "28"),
  homeAddress: "17 Unusual Lane, Fulbourn",
  homePostcode: "CB21 9ZQ",
  homeLat: 52.1912347,
  homeLon: 0.1371239,
};

/** Every row of every table of the database, as text. */
async function everyRowAsText(db: Parameters<typeof queryRows>[0]): Promise<Map<string, string>> {
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const dump = new Map<string, string>();
  for (const { table_name } of tables) {
    const rows = await queryRows<{ row: string }>(
      db,
      sql`select row_to_json(t)::text as row from ${sql.identifier(table_name)} t`,
    );
    dump.set(table_name, rows.map((r) => r.row).join("\n"));
  }
  return dump;
}

for (const driver of listTestDrivers()) {
  describe(`data subjects' rights (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let passengerId = "";
    let planId = "";
    let other = "";

    const call = (method: string, path: string, token: string, json?: unknown) =>
      fixture().call(method, path, { token, ...(json === undefined ? {} : { json }) });
    const body = async (res: Response) => (await res.json()) as Json;

    beforeAll(async () => {
      const { county, city } = fixture();
      const admin = county.users.admin.token;
      passengerId = county.rows.passengers;
      const before = await body(await call("GET", `/api/passengers/${passengerId}`, admin));
      // Rectification is the register's own update, audited as one.
      const rectified = await call("PUT", `/api/passengers/${passengerId}`, admin, {
        ...before,
        ...PERSON,
        id: undefined,
        organisationId: undefined,
        createdAt: undefined,
        updatedAt: undefined,
      });
      expect(rectified.status).toBe(200);
      const created = await call("POST", "/api/passengers", admin, {
        reference: "SAR-OTHER-1",
        givenName: "Other",
        familyName: "Person",
        homeLat: 52.2,
        homeLon: 0.13,
        needs: { mayNotTravelWith: [PERSON.reference] },
      });
      other = String((await body(created)).id);
      // The trip's reference carries the passenger's, as many councils' do.
      const tripPath = `/api/trip-requests/${county.rows.tripRequests}`;
      const trip = await body(await call("GET", tripPath, admin));
      const { id: _i, organisationId: _o, createdAt: _c, updatedAt: _u, ...tripInput } = trip;
      const renamed = await call("PUT", tripPath, admin, {
        ...tripInput,
        reference: `${PERSON.reference}-OUT`,
      });
      expect(renamed.status).toBe(200);
      const assessed = await call("POST", "/api/entitlement/assess", admin, {
        case: CONTRACT_HOME_TO_SCHOOL_CASE,
        passengerId,
        assessedOn: "2026-08-01",
      });
      expect(assessed.status).toBe(201);
      const started = await body(
        await call("POST", "/api/plans", admin, { date: DAY, iterations: 50, seed: 1 }),
      );
      await (await call("GET", `/api/jobs/${String(started.jobId)}/events`, admin)).text();
      const job = await body(await call("GET", `/api/jobs/${String(started.jobId)}`, admin));
      planId = String((job.result as Json).planId);
      await shareWithCity(county.id, city.id, admin, city.users.admin.token);
      const read = await call(
        "GET",
        `/api/partners/${county.id}/passengers?purpose=booking`,
        city.users["booking-agent"].token,
      );
      expect(read.status).toBe(200);
    });

    /** An active booking agreement: the county shares identity with the city. */
    async function shareWithCity(
      county: string,
      city: string,
      countyAdmin: string,
      cityAdmin: string,
    ) {
      const drafted = await body(
        await call("POST", "/api/agreements", cityAdmin, {
          reference: "DSA-SAR-1",
          title: "Booking the county's passengers",
          providers: [county],
          recipients: [city],
          purposes: ["booking"],
          dataItems: ["identity"],
          lawfulBasis: { article6: "public-task" },
          startDate: isoDay(-30),
          reviewDate: isoDay(180),
          endDate: isoDay(365),
        }),
      );
      const id = String((drafted.agreement as Json).id);
      await call("POST", `/api/agreements/${id}/approve`, cityAdmin);
      await call("POST", `/api/agreements/${id}/approve`, countyAdmin);
      const activated = await call("POST", `/api/agreements/${id}/status`, countyAdmin, {
        status: "active",
      });
      expect(activated.status).toBe(200);
    }

    it("keeps subject access to auditors and administrators of the organisation", async () => {
      const { county, city } = fixture();
      const path = `/api/passengers/${passengerId}/subject-access`;
      expect((await call("GET", path, county.users["booking-agent"].token)).status).toBe(403);
      expect((await call("GET", path, county.users.driver.token)).status).toBe(403);
      expect((await call("GET", path, city.users.admin.token)).status).toBe(404);
      expect((await call("GET", path, city.users.auditor.token)).status).toBe(404);
      const erase = `/api/passengers/${passengerId}/erasure`;
      const reason = { ground: "consent-withdrawn", requestReference: "SAR-1" };
      expect((await call("POST", erase, county.users.auditor.token, reason)).status).toBe(403);
      expect((await call("POST", erase, county.users["booking-agent"].token, reason)).status).toBe(
        403,
      );
      expect((await call("POST", erase, city.users.admin.token, reason)).status).toBe(404);
      expect((await call("POST", erase, county.users.admin.token, {})).status).toBe(422);
      const named = { ...reason, requestReference: "Zebedee Quartermaine" };
      expect((await call("POST", erase, county.users.admin.token, named)).status).toBe(422);
    });

    it("exports everything held and who has seen it, partners under their agreement", async () => {
      const { county } = fixture();
      const token = county.users.auditor.token;
      const res = await call("GET", `/api/passengers/${passengerId}/subject-access`, token);
      expect(res.status).toBe(200);
      const data = await body(res);
      expect(data.passenger).toMatchObject(PERSON);
      expect((data.tripRequests as Json[]).map((t) => t.id)).toEqual([county.rows.tripRequests]);
      expect(data.entitlementDecisions).toHaveLength(1);
      const journeys = data.plannedJourneys as Json[];
      expect(journeys.map((s) => [s.planId, s.kind])).toEqual([
        [planId, "pickup"],
        [planId, "dropoff"],
      ]);
      const access = data.access as Json[];
      expect(access).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: "update", user: "admin@county.example" }),
          expect.objectContaining({
            action: "list",
            user: "booking-agent@city.example",
            organisation: "City",
            agreementReference: "DSA-SAR-1",
          }),
        ]),
      );
      expect(data.sharedWith).toEqual([{ organisation: "City", agreement: "DSA-SAR-1" }]);
      const theirs = await body(
        await call("GET", `/api/passengers/${other}/subject-access`, token),
      );
      expect((theirs.passenger as Json).needs).toMatchObject({
        mayNotTravelWith: ["another passenger (1)"],
      });
      expect(JSON.stringify(theirs)).not.toContain(PERSON.reference);
      const html = await call(
        "GET",
        `/api/passengers/${passengerId}/subject-access?format=html`,
        token,
      );
      expect(html.headers.get("content-type")).toContain("text/html");
      const page = await html.text();
      expect(page).toContain("Quartermaine");
      expect(page).toContain("DSA-SAR-1");
      const log = await body(
        await call("GET", `/api/audit-log?resourceId=${passengerId}&limit=500`, token),
      );
      expect((log.items as Json[]).filter((e) => e.action === "export")).toHaveLength(2);
    });

    it("erases the personal data everywhere; plans still evaluate and every audit chain holds", async () => {
      const { county, city, services, db } = fixture();
      const before = await everyRowAsText(db);
      expect(before.get("passengers")).toContain(PERSON.familyName);
      expect(before.get("passengers")).toContain(PERSON.homePostcode);
      const res = await call(
        "POST",
        `/api/passengers/${passengerId}/erasure`,
        county.users.admin.token,
        { ground: "no-longer-necessary", requestReference: "SAR-2026-7" },
      );
      expect(res.status).toBe(200);
      const result = await body(res);
      expect(result).toMatchObject({
        passengerId,
        passengers: 1,
        travelWithLists: 1,
        tripRequestsCancelled: 1,
        entitlementDecisions: 1,
      });
      const pseudonym = String(result.reference);
      expect(pseudonym).toMatch(/^ERASED-[0-9A-F]{12}$/);

      const dump = await everyRowAsText(db);
      const held = [
        PERSON.reference,
        PERSON.givenName,
        PERSON.familyName,
        PERSON.dateOfBirth,
        "Unusual Lane",
        PERSON.homePostcode,
        String(PERSON.homeLat),
        String(PERSON.homeLon),
      ];
      const left = [...dump].flatMap(([table, text]) =>
        held.filter((value) => text.includes(value)).map((value) => `${table}: ${value}`),
      );
      expect(left).toEqual([]);
      expect(dump.get("passengers")).toContain(pseudonym);

      // The decision keeps its outcome and rules, not the texts that quoted the person's facts.
      const decisions = await body(
        await call(
          "GET",
          `/api/entitlement/decisions?passengerId=${passengerId}`,
          county.users.admin.token,
        ),
      );
      const decision = ((decisions.items as Json[])[0]?.decision ?? {}) as Json;
      expect(decision.eligible).toEqual(expect.any(Boolean));
      expect(decision.summary).toMatch(/^Erased/);
      for (const reason of decision.reasons as Json[]) {
        expect(reason).toMatchObject({ ruleId: expect.any(String), inputs: {} });
        expect(reason.text).toMatch(/^Erased/);
      }
      const otherRecord = await body(
        await call("GET", `/api/passengers/${other}`, county.users.admin.token),
      );
      expect((otherRecord.needs as Json).mayNotTravelWith).toEqual([pseudonym]);

      const actor = {
        userId: county.users.admin.user.id,
        organisationId: county.id,
        role: "admin" as const,
      };
      const evaluation = await services.planning.evaluatePlan(actor, planId);
      expect(evaluation?.violations).toEqual([]);
      const { audit } = services.unitOfWork.repositories;
      expect(await audit.verify(county.id)).toBeUndefined();
      expect(await audit.verify(city.id)).toBeUndefined();

      const again = await call(
        "POST",
        `/api/passengers/${passengerId}/erasure`,
        county.users.admin.token,
        { ground: "no-longer-necessary", requestReference: "SAR-2026-7" },
      );
      expect(again.status).toBe(409);
      const after = await body(
        await call(
          "GET",
          `/api/passengers/${passengerId}/subject-access`,
          county.users.auditor.token,
        ),
      );
      expect(after.erasedAt).toEqual(expect.any(String));
      expect(after.passenger).toMatchObject({ reference: pseudonym, givenName: "Erased" });
    });

    it("runs the retention schedule as a job: a dry run reports, a real run erases and deletes", async () => {
      const { county, db } = fixture();
      const admin = county.users.admin.token;
      const old = await body(
        await call("POST", "/api/passengers", admin, {
          reference: "RET-OLD-1",
          givenName: "Longago",
          familyName: "Traveller",
          homeLat: 52.21,
          homeLon: 0.12,
        }),
      );
      await queryRows(
        db,
        sql`update passengers set created_at = now() - interval '3 years' where id = ${String(old.id)}`,
      );
      const oldJob = await body(
        await call("POST", "/api/plans", admin, { date: DAY, iterations: 20, seed: 2 }),
      );
      await (await call("GET", `/api/jobs/${String(oldJob.jobId)}/events`, admin)).text();
      await queryRows(
        db,
        sql`update jobs set finished_at = now() - interval '2 years' where id = ${String(oldJob.jobId)}`,
      );
      const months = { "inactive-passengers": 12, "finished-jobs": 1 };
      const run = async (dryRun: boolean) => {
        const started = await call("POST", "/api/retention", admin, { dryRun, months });
        expect(started.status).toBe(202);
        const { jobId } = await body(started);
        await (await call("GET", `/api/jobs/${String(jobId)}/events`, admin)).text();
        const read = await call("GET", `/api/jobs/${String(jobId)}`, county.users.auditor.token);
        const job = await body(read);
        expect([read.status, job.status, job.error]).toEqual([200, "succeeded", null]);
        return (job.result as Json).lines as Json[];
      };
      const line = (lines: Json[], category: string) => lines.find((l) => l.category === category);

      const dry = await run(true);
      expect(line(dry, "inactive-passengers")).toMatchObject({ due: 1, done: 0, action: "erase" });
      expect(line(dry, "finished-jobs")).toMatchObject({ due: 1, done: 0 });
      expect(line(dry, "audit-log")).toMatchObject({ months: null, action: "keep", due: 0 });
      const still = await body(await call("GET", `/api/passengers/${String(old.id)}`, admin));
      expect(still.familyName).toBe("Traveller");

      const applied = await run(false);
      expect(line(applied, "inactive-passengers")).toMatchObject({ due: 1, done: 1 });
      expect(line(applied, "finished-jobs")).toMatchObject({ due: 1, done: 1 });
      const erased = await body(await call("GET", `/api/passengers/${String(old.id)}`, admin));
      expect(erased).toMatchObject({
        givenName: "Erased",
        reference: expect.stringMatching(/^ERASED-/),
      });
      expect((await call("GET", `/api/jobs/${String(oldJob.jobId)}`, admin)).status).toBe(404);
      expect(
        await fixture().services.unitOfWork.repositories.audit.verify(county.id),
      ).toBeUndefined();
    });

    it("deletes marks, taps and messages whose day is older than their periods, keeping those still to send", async () => {
      const { county, db } = fixture();
      const admin = county.users.admin.token;
      const org = county.id;
      const { tripRequests: trip, vehicles: vehicle, passengers: passenger } = county.rows;
      const days = { old: "now() - interval '3 years'", recent: "now() - interval '20 days'" };
      for (const [age, at] of Object.entries(days)) {
        const day = sql.raw(`(${at})::date`);
        await queryRows(
          db,
          sql`insert into run_events (id, organisation_id, service_date, vehicle_id, trip_request_id, stop, kind, occurred_at)
              values (gen_random_uuid(), ${org}, ${day}, ${vehicle}, ${trip}, 'pickup', 'picked-up', now())`,
        );
        await queryRows(
          db,
          sql`insert into observed_taps (organisation_id, service_date, vehicle_id, card_key, stop, minutes, import_id)
              values (${org}, ${day}, ${vehicle}, ${`card-${age}`}, 'School gate', 480, gen_random_uuid())`,
        );
        for (const status of age === "old" ? ["sent", "queued"] : ["sent"]) {
          await queryRows(
            db,
            sql`insert into messages (organisation_id, passenger_id, service_date, kind, channel, subject, body, status)
                values (${org}, ${passenger}, ${day}, 'pick-up-time', 'email', 'Pick-up time', 'Ada', ${status})`,
          );
        }
      }
      const counts = async () => {
        const [row] = await queryRows<Record<string, string>>(
          db,
          sql`select (select count(*) from run_events where organisation_id = ${org}) as marks,
                     (select count(*) from observed_taps where organisation_id = ${org}) as taps,
                     (select count(*) from messages where organisation_id = ${org}) as messages`,
        );
        return [Number(row?.marks), Number(row?.taps), Number(row?.messages)];
      };
      const run = async (dryRun: boolean) => {
        const started = await call("POST", "/api/retention", admin, { dryRun });
        expect(started.status).toBe(202);
        const { jobId } = await body(started);
        await (await call("GET", `/api/jobs/${String(jobId)}/events`, admin)).text();
        const job = await body(await call("GET", `/api/jobs/${String(jobId)}`, admin));
        expect(job.status).toBe("succeeded");
        const lines = (job.result as Json).lines as Json[];
        return ["journey-marks", "taps", "messages"].map((category) => {
          const line = lines.find((l) => l.category === category);
          return [category, line?.months, line?.due, line?.done];
        });
      };
      const before = await counts();
      expect(await run(true)).toEqual([
        ["journey-marks", 24, 1, 0],
        ["taps", 13, 1, 0],
        ["messages", 13, 1, 0],
      ]);
      expect(await counts()).toEqual(before);
      expect(await run(false)).toEqual([
        ["journey-marks", 24, 1, 1],
        ["taps", 13, 1, 1],
        ["messages", 13, 1, 1],
      ]);
      // The recent day's rows stay, and so does the old message still queued to send.
      expect(await counts()).toEqual(before.map((n) => n - 1));
    });

    it("keeps the retention run to administrators and refuses periods too short", async () => {
      const { county } = fixture();
      const body0 = { dryRun: true };
      expect((await call("POST", "/api/retention", county.users.auditor.token, body0)).status).toBe(
        403,
      );
      expect((await call("POST", "/api/retention", county.users.driver.token, body0)).status).toBe(
        403,
      );
      const short = await call("POST", "/api/retention", county.users.admin.token, {
        months: { "inactive-passengers": 1 },
      });
      expect(short.status).toBe(422);
    });
  });
}
