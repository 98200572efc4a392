import type { Actor } from "@tt/app";
import { listTestDrivers } from "@tt/db";
import { beforeAll, describe, expect, it } from "vitest";
import { type Fixture, PASSWORD, useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

interface Scene {
  partnership: string;
  agreement: string;
  reader: { id: string; token: string };
  partnershipAuditor: string;
}

/** The county shares its passengers with a partnership for booking; the partnership reads them. */
async function buildScene(fixture: Fixture): Promise<Scene> {
  const { services, county, city } = fixture;
  const created = await services.partnerships.create({
    name: "Transport for the County",
    members: [county.id, city.id],
  });
  const partnership = created.organisationId;
  const user = (role: "admin" | "commissioner" | "auditor") =>
    services.auth.createUser({
      organisationId: partnership,
      email: `${role}@access-log.example`,
      displayName: `Partnership ${role}`,
      role,
      password: PASSWORD,
    });
  const admin = await user("admin");
  const reader = await user("commissioner");
  const auditor = await user("auditor");
  const token = async (id: string) => (await services.auth.issueApiToken(id, "tests")).token;
  const partnershipAdmin: Actor = { userId: admin.id, organisationId: partnership, role: "admin" };
  const countyAdmin: Actor = {
    userId: county.users.admin.user.id,
    organisationId: county.id,
    role: "admin",
  };
  const draft = await services.agreements.draft(countyAdmin, {
    reference: "DSA-LOG-1",
    title: "Booking the county's passengers",
    providers: [county.id],
    recipients: [partnership],
    purposes: ["booking"],
    dataItems: ["identity"],
    lawfulBasis: { article6: "public-task" },
    startDate: isoDay(-30),
    reviewDate: isoDay(180),
    endDate: isoDay(365),
  });
  const agreement = draft.agreement.id;
  await services.agreements.approve(countyAdmin, agreement);
  await services.agreements.approve(partnershipAdmin, agreement);
  await services.agreements.changeStatus(countyAdmin, agreement, "active");
  const readerToken = await token(reader.id);
  const read = await fixture.call("GET", `/api/partners/${county.id}/passengers?purpose=booking`, {
    token: readerToken,
  });
  expect(read.status).toBe(200);
  return {
    partnership,
    agreement,
    reader: { id: reader.id, token: readerToken },
    partnershipAuditor: await token(auditor.id),
  };
}

for (const driver of listTestDrivers()) {
  describe(`the auditor's view of access (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let scene: Scene;

    beforeAll(async () => {
      scene = await buildScene(fixture());
    });

    const log = async (token: string, query: string) => {
      const res = await fixture().call("GET", `/api/audit-log?${query}`, { token });
      return { status: res.status, body: (await res.json()) as Json };
    };
    const items = (body: Json) => body.items as Json[];

    it("lists a partner's reads of the organisation's data by agreement, naming who read", async () => {
      const { county } = fixture();
      const { body } = await log(county.users.auditor.token, `agreementId=${scene.agreement}`);
      const read = items(body).find((e) => e.resource === "passengers");
      expect(read).toMatchObject({
        userId: scene.reader.id,
        action: "list",
        details: { agreementReference: "DSA-LOG-1", recipient: scene.partnership },
      });
      // The agreement's own changes are in the log too; nothing else is.
      expect(items(body).every((e) => (e.details as Json).agreementId === scene.agreement)).toBe(
        true,
      );
      expect(body.people).toContainEqual({
        id: scene.reader.id,
        displayName: "Partnership commissioner",
        email: "commissioner@access-log.example",
        organisationId: scene.partnership,
        organisationName: "Transport for the County",
      });
    });

    it("lists by person and by passenger: who has seen a passenger's record", async () => {
      const { county } = fixture();
      const auditor = county.users.auditor.token;
      const byPerson = await log(auditor, `userId=${scene.reader.id}`);
      expect(items(byPerson.body).map((e) => e.resource)).toEqual(["passengers"]);
      const passenger = county.rows.passengers;
      const byPassenger = await log(auditor, `resourceId=${passenger}`);
      const readers = items(byPassenger.body).map((e) => e.userId);
      expect(readers).toContain(scene.reader.id);
      expect(items(byPassenger.body).every((e) => (e.resourceIds as string[]).includes(passenger)));
      const both = await log(auditor, `resourceId=${passenger}&agreementId=${scene.agreement}`);
      expect(items(both.body).map((e) => e.userId)).toEqual([scene.reader.id]);
    });

    it("never shows another organisation's entries", async () => {
      const { city, county } = fixture();
      const cityAuditor = city.users.auditor.token;
      for (const query of [
        `agreementId=${scene.agreement}`,
        `userId=${scene.reader.id}`,
        `resourceId=${county.rows.passengers}`,
        `userId=${county.users.admin.user.id}`,
      ]) {
        const { status, body } = await log(cityAuditor, query);
        expect([query, status, body.items, body.total]).toEqual([query, 200, [], 0]);
      }
      // The partnership's log has the agreement's changes, not the reads in the county's log.
      const own = await log(scene.partnershipAuditor, `agreementId=${scene.agreement}`);
      expect(items(own.body).length).toBeGreaterThan(0);
      expect(items(own.body).map((e) => e.resource)).not.toContain("passengers");
      expect(items(own.body).every((e) => e.organisationId === scene.partnership)).toBe(true);
    });

    it("answers 403 to roles without the audit log, and 422 to a person who is not an id", async () => {
      const { county } = fixture();
      for (const role of ["booking-agent", "driver", "finance"] as const) {
        const { status } = await log(county.users[role].token, `agreementId=${scene.agreement}`);
        expect([role, status]).toEqual([role, 403]);
      }
      expect((await log(scene.reader.token, "")).status).toBe(403);
      const bad = await log(county.users.auditor.token, "userId=someone");
      expect(bad.status).toBe(422);
      expect(JSON.stringify(bad.body.details)).toContain("userId");
    });
  });
}
