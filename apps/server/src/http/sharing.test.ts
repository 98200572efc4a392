import { listTestDrivers } from "@tt/db";
import type { Role } from "@tt/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { type Fixture, PASSWORD, useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

interface Partnership {
  id: string;
  tokens: Record<"admin" | "commissioner" | "finance", string>;
}

/** Transport for the fixture's two councils: a partnership with an admin, a commissioner and finance. */
async function createPartnership(fixture: Fixture): Promise<Partnership> {
  const { services, county, city } = fixture;
  const partnership = await services.partnerships.create({
    name: "Transport for the County",
    members: [county.id, city.id],
  });
  const id = partnership.organisationId;
  const token = async (role: Role) => {
    const user = await services.auth.createUser({
      organisationId: id,
      email: `${role}@partnership.example`,
      displayName: `Partnership ${role}`,
      role,
      password: PASSWORD,
    });
    return (await services.auth.issueApiToken(user.id, "tests")).token;
  };
  return {
    id,
    tokens: {
      admin: await token("admin"),
      commissioner: await token("commissioner"),
      finance: await token("finance"),
    },
  };
}

function anAgreement(provider: string, recipient: string, overrides: Json = {}): Json {
  return {
    reference: "DSA-BOOK-1",
    title: "Booking journeys for the county's passengers",
    providers: [provider],
    recipients: [recipient],
    purposes: ["booking"],
    dataItems: ["identity"],
    lawfulBasis: { article6: "public-task" },
    startDate: isoDay(-30),
    reviewDate: isoDay(180),
    endDate: isoDay(365),
    ...overrides,
  };
}

for (const driver of listTestDrivers()) {
  describe(`partnerships and data-sharing agreements (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let partnership: Partnership;
    let booking = "";

    beforeAll(async () => {
      partnership = await createPartnership(fixture());
    });

    const call = (method: string, path: string, token: string, json?: unknown) =>
      fixture().call(method, path, { token, ...(json === undefined ? {} : { json }) });
    const body = async (res: Response) => (await res.json()) as Json;
    const countyPassengers = (purpose: string, token = partnership.tokens.commissioner) =>
      call("GET", `/api/partners/${fixture().county.id}/passengers?purpose=${purpose}`, token);

    const countyCsv = (purpose: string, token = partnership.tokens.commissioner) =>
      call("GET", `/api/partners/${fixture().county.id}/passengers.csv?purpose=${purpose}`, token);

    it("answers 404 for every partner resource without an agreement", async () => {
      const { county, city } = fixture();
      expect((await countyPassengers("booking")).status).toBe(404);
      expect((await countyCsv("booking")).status).toBe(404);
      const cityRead = await call(
        "GET",
        `/api/partners/${city.id}/passengers?purpose=analysis`,
        partnership.tokens.commissioner,
      );
      expect(cityRead.status).toBe(404);
      // Nor can one council read the other's passengers, member or not.
      const across = await call(
        "GET",
        `/api/partners/${county.id}/passengers?purpose=booking`,
        city.users["booking-agent"].token,
      );
      expect(across.status).toBe(404);
      const partners = await body(
        await call("GET", "/api/partners", partnership.tokens.commissioner),
      );
      expect(partners.items).toEqual([]);
      const own = await body(await call("GET", "/api/partnership", partnership.tokens.finance));
      expect((own.members as Json[]).map((m) => m.id).sort()).toEqual([county.id, city.id].sort());
    });

    it("answers 404 on every route of the API under /api/partners/{organisationId}, without an agreement", async () => {
      const { app, county, city } = fixture();
      const document = app.getOpenAPI31Document({
        openapi: "3.1.0",
        info: { title: "t", version: "t" },
      });
      const routes = Object.entries(document.paths ?? {})
        .filter(([path]) => path.startsWith("/api/partners/{organisationId}"))
        .flatMap(([path, item]) =>
          Object.keys(item ?? {})
            .filter((method) => ["get", "post", "put", "patch", "delete"].includes(method))
            .map((method) => ({ method: method.toUpperCase(), path })),
        );
      // The passenger list and its CSV, and the partner desk's finders, bookings and cancels.
      expect(routes.length).toBeGreaterThanOrEqual(9);
      const someId = "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11";
      const answers: string[] = [];
      for (const { method, path } of routes) {
        const url = `${path
          .replace("{organisationId}", county.id)
          .replaceAll(/{[^}]+}/g, someId)}?purpose=booking`;
        for (const token of [partnership.tokens.commissioner, city.users["booking-agent"].token]) {
          // A body with a control character: the agreement is asked for before it is read.
          const res = await call(
            method,
            url,
            token,
            method === "GET" ? undefined : { a: "\u0000" },
          );
          answers.push(`${method} ${path} ${res.status}`);
        }
      }
      expect(answers).toEqual(answers.map((a) => a.replace(/\d+$/, "404")));
    });

    it("lets a party draft an agreement, which every party's administrator must approve", async () => {
      const { county } = fixture();
      const drafted = await call(
        "POST",
        "/api/agreements",
        partnership.tokens.commissioner,
        anAgreement(county.id, partnership.id),
      );
      expect(drafted.status).toBe(201);
      const view = await body(drafted);
      booking = String((view.agreement as Json).id);
      expect(view.agreement).toMatchObject({ status: "draft", approvals: [] });
      expect(view.missingApprovals).toEqual([county.id, partnership.id]);
    });

    it("refuses a party activating an agreement alone", async () => {
      const { admin } = partnership.tokens;
      const approved = await body(await call("POST", `/api/agreements/${booking}/approve`, admin));
      expect(approved.missingApprovals).toEqual([fixture().county.id]);
      const activate = await call("POST", `/api/agreements/${booking}/status`, admin, {
        status: "active",
      });
      expect(activate.status).toBe(409);
      expect(String((await body(activate)).message)).toContain(fixture().county.id);
      expect((await countyPassengers("booking")).status).toBe(404);
    });

    it("keeps an agreement from non-parties, and approval for administrators", async () => {
      const { county, city } = fixture();
      expect((await call("GET", `/api/agreements/${booking}`, city.users.admin.token)).status).toBe(
        404,
      );
      const stranger = await call(
        "POST",
        `/api/agreements/${booking}/approve`,
        city.users.admin.token,
      );
      expect(stranger.status).toBe(404);
      const listed = await body(await call("GET", "/api/agreements", city.users.admin.token));
      expect(listed.items).toEqual([]);
      const notAdmin = await call(
        "POST",
        `/api/agreements/${booking}/approve`,
        partnership.tokens.commissioner,
      );
      expect(notAdmin.status).toBe(403);
      // The role is checked before the body is read.
      const finance = await call("POST", "/api/agreements", partnership.tokens.finance, "nonsense");
      expect(finance.status).toBe(403);
      expect((await call("GET", "/api/agreements", county.users.driver.token)).status).toBe(403);
    });

    it("gives access within the agreement's purposes and data items once every party approved", async () => {
      const { county } = fixture();
      await call("POST", `/api/agreements/${booking}/approve`, county.users.admin.token);
      const active = await call(
        "POST",
        `/api/agreements/${booking}/status`,
        partnership.tokens.admin,
        {
          status: "active",
        },
      );
      expect(active.status).toBe(200);
      const read = await countyPassengers("booking");
      expect(read.status).toBe(200);
      const page = await body(read);
      const [passenger] = page.items as Json[];
      expect(passenger).toMatchObject({ reference: "P-county", pseudonymised: false });
      // Identity only: the home and the needs are absent, not blank.
      expect(Object.keys(passenger ?? {}).sort()).toEqual(
        ["dateOfBirth", "familyName", "givenName", "id", "pseudonymised", "reference"].sort(),
      );
      expect(page.dataItems).toEqual(["identity"]);
      // The CSV export is the same view: the identity columns, and no column for the rest.
      const csv = await countyCsv("booking");
      expect(csv.status).toBe(200);
      const [header, row, end] = (await csv.text()).split("\n");
      expect(header).toBe("id,pseudonymised,reference,given_name,family_name,date_of_birth");
      expect(row).toContain("P-county");
      expect(end).toBe("");
      expect((await countyCsv("booking", fixture().county.users.driver.token)).status).toBe(403);
      // Another purpose is not covered: not found.
      expect((await countyPassengers("analysis")).status).toBe(404);
      const partners = await body(
        await call("GET", "/api/partners", partnership.tokens.commissioner),
      );
      expect((partners.items as Json[]).map((p) => p.organisationId)).toEqual([county.id]);
    });

    it("writes each read across organisations to the provider's audit log, naming the agreement", async () => {
      const { county, city } = fixture();
      const log = await body(
        await call("GET", "/api/audit-log?resource=passengers&limit=5", county.users.auditor.token),
      );
      const [exported, row] = log.items as Json[];
      expect(exported).toMatchObject({ action: "export", details: { agreementId: booking } });
      expect(row).toMatchObject({
        action: "list",
        resourceIds: [county.rows.passengers],
        details: {
          agreementId: booking,
          agreementReference: "DSA-BOOK-1",
          recipient: partnership.id,
          sharingPurpose: "booking",
        },
      });
      expect(String(row?.purpose)).toContain("DSA-BOOK-1");
      const cityLog = await body(
        await call("GET", "/api/audit-log?resource=passengers", city.users.auditor.token),
      );
      expect(JSON.stringify(cityLog)).not.toContain(booking);
    });

    it("pseudonymises partners' passengers for analysis and coarsens their homes", async () => {
      const { county } = fixture();
      const drafted = await body(
        await call(
          "POST",
          "/api/agreements",
          county.users.admin.token,
          anAgreement(county.id, partnership.id, {
            reference: "DSA-ANALYSIS-1",
            purposes: ["analysis"],
            dataItems: ["identity", "home-location", "travel-needs"],
          }),
        ),
      );
      const id = String((drafted.agreement as Json).id);
      await call("POST", `/api/agreements/${id}/approve`, county.users.admin.token);
      await call("POST", `/api/agreements/${id}/approve`, partnership.tokens.admin);
      await call("POST", `/api/agreements/${id}/status`, county.users.admin.token, {
        status: "active",
      });
      const first = (await body(await countyPassengers("analysis"))).items as Json[];
      const second = (await body(await countyPassengers("analysis"))).items as Json[];
      const [p] = first;
      expect(p?.id).toMatch(/^psn_/);
      expect(p?.id).toBe(second[0]?.id);
      expect(p).toMatchObject({ pseudonymised: true, home: { coarsenedToMetres: 500 } });
      expect(p).not.toHaveProperty("reference");
      expect(p).not.toHaveProperty("givenName");
      expect(JSON.stringify(first)).not.toContain(county.rows.passengers);
      expect(p?.travelNeeds).toMatchObject({ wheelchair: expect.any(Boolean) });
      // Who they may not travel with, by pseudonym (none for this passenger).
      expect(p?.travelNeeds).toMatchObject({ mayNotTravelWith: [], mayNotTravelWithCount: 0 });
      // The CSV export: by pseudonym, no identity or address column even though identity is listed.
      const [header, row] = (await (await countyCsv("analysis")).text()).split("\n");
      expect(header?.split(",")).toEqual([
        "id",
        "pseudonymised",
        "home_lat",
        "home_lon",
        "home_coarsened_to_metres",
        "wheelchair",
        "passenger_assistant",
        "seating",
        "travel_alone",
        "door_through_door",
        "may_not_travel_with_count",
        "may_not_travel_with",
      ]);
      expect(row?.startsWith(`${p?.id},yes,`)).toBe(true);
      expect(row).toContain(",500,");
    });

    it("removes access at once when an agreement is suspended, and needs every party to restore it", async () => {
      const { county } = fixture();
      const suspended = await call(
        "POST",
        `/api/agreements/${booking}/status`,
        county.users.admin.token,
        {
          status: "suspended",
          reason: "review of the lawful basis",
        },
      );
      expect(suspended.status).toBe(200);
      expect((await countyPassengers("booking")).status).toBe(404);
      const alone = await call(
        "POST",
        `/api/agreements/${booking}/status`,
        partnership.tokens.admin,
        {
          status: "active",
        },
      );
      expect(alone.status).toBe(409);
      const audit = await body(
        await call("GET", "/api/audit-log?resource=agreements&limit=1", county.users.auditor.token),
      );
      expect((audit.items as Json[])[0]).toMatchObject({
        details: {
          agreementId: booking,
          status: "suspended",
          reason: "review of the lawful basis",
        },
      });
    });

    it("checks what an agreement says before it is drafted", async () => {
      const { county, city } = fixture();
      const token = county.users.admin.token;
      const health = await call(
        "POST",
        "/api/agreements",
        token,
        anAgreement(county.id, partnership.id, {
          reference: "DSA-H",
          dataItems: ["health-detail"],
        }),
      );
      expect(health.status).toBe(422);
      expect(JSON.stringify(await body(health))).toContain("caldicottApproval");
      const notParty = await call("POST", "/api/agreements", token, {
        ...anAgreement(city.id, partnership.id),
        reference: "DSA-X",
      });
      expect(notParty.status).toBe(422);
      const unknown = await call("POST", "/api/agreements", token, {
        ...anAgreement(county.id, "00000000-0000-4000-8000-000000000000"),
        reference: "DSA-Y",
      });
      expect(unknown.status).toBe(422);
      expect(JSON.stringify(await body(unknown))).toContain("recipients.0");
    });
  });
}
