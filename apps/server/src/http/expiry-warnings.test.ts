import {
  type Actor,
  type Clock,
  ExpiryWarningSender,
  type Notifier,
  NotifierError,
  type OutgoingMessage,
} from "@tt/app";
import { listTestDrivers } from "@tt/db";
import type { Role } from "@tt/domain";
import { aVehicle } from "@tt/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { type Fixture, PASSWORD, useFixture } from "./test-support/fixture";

type Json = Record<string, unknown>;

/** The test's clock: fixed, moved by hand. */
function handClock(at: string): Clock & { set(at: string): void } {
  let now = new Date(at);
  return { now: () => now, set: (next) => (now = new Date(next)) };
}

/** Takes email, keeps what it was given; or refuses everything, as a provider that is down. */
function recordingNotifier(failing = false): Notifier & { readonly sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    channels: ["email"],
    sent,
    async send(message) {
      if (failing) throw new NotifierError("SMTP server unavailable (421)", false);
      sent.push(message);
      return { providerReference: `ref-${sent.length}` };
    },
  };
}

const ROLES: readonly Role[] = ["operator", "admin", "booking-agent", "driver"];

interface Scene {
  id: string;
  token: string;
  vehicles: string[];
}

/** A minibus firm with a user of each role and three vehicles. */
async function buildScene(f: Fixture): Promise<Scene> {
  const org = await f.services.auth.createOrganisation({ name: "Fen Minibuses", kind: "operator" });
  let token = "";
  let userId = "";
  for (const role of ROLES) {
    const user = await f.services.auth.createUser({
      organisationId: org.id,
      email: `${role}@fen-minibuses.example`,
      displayName: `Fen ${role}`,
      role,
      password: PASSWORD,
    });
    if (role !== "operator") continue;
    userId = user.id;
    token = (await f.services.auth.issueApiToken(user.id, "tests")).token;
  }
  const actor: Actor = { userId, organisationId: org.id, role: "operator" };
  const vehicles: string[] = [];
  for (const reference of ["FM-01", "FM-02", "FM-03"]) {
    vehicles.push(
      (await f.services.register.create(actor, "vehicles", aVehicle({ reference }))).id,
    );
  }
  return { id: org.id, token, vehicles };
}

/** Who got which warning: "to|threshold|document number", sorted. */
const summary = (messages: readonly OutgoingMessage[]) =>
  messages.map((m) => `${m.to}|${m.id.split(":")[2]}|${m.subject}`).sort();

for (const driver of listTestDrivers()) {
  describe(`compliance expiry warnings by email (${driver.name})`, () => {
    const clock = handClock("2030-03-01T09:00:00Z");
    const fixture = useFixture(driver.open, { clock });
    const notifier = recordingNotifier();
    let scene: Scene;
    const ids: Record<string, string> = {};

    const sender = (notifiers: readonly Notifier[] = [notifier]) =>
      new ExpiryWarningSender(fixture().services.unitOfWork, notifiers, {
        clock,
        publicUrl: "https://transport.example.gov.uk",
      });
    const record = async (name: string, body: Json) => {
      const made = await fixture().call("POST", "/api/compliance-documents", {
        token: scene.token,
        json: { issuer: "DVSA", number: name, ...body },
      });
      expect(made.status).toBe(201);
      ids[name] = String(((await made.json()) as Json).id);
    };
    const sentNow = () => notifier.sent.splice(0);

    beforeAll(async () => {
      scene = await buildScene(fixture());
      const [fm1, fm2, fm3] = scene.vehicles;
      await record("MOT-59", { kind: "mot", vehicleId: fm1, expiresOn: "2030-04-29" });
      await record("INS-29", { kind: "insurance", expiresOn: "2030-03-30" });
      await record("PHV-6", {
        kind: "private-hire-vehicle-licence",
        vehicleId: fm2,
        expiresOn: "2030-03-07",
      });
      await record("MOT-LAPSED", { kind: "mot", vehicleId: fm3, expiresOn: "2030-02-28" });
      // Renewed before any warning: the old licence warns of nothing.
      await record("PSV-OLD", { kind: "psv-operator-licence", expiresOn: "2030-03-10" });
      await record("PSV-NEW", { kind: "psv-operator-licence", expiresOn: "2035-03-10" });
    });

    it("sends nothing, and records nothing, without a notifier that sends email", async () => {
      const smsOnly: Notifier = { ...recordingNotifier(), channels: ["sms"] };
      expect(await sender([]).sendDue()).toEqual({ sent: 0, failed: 0, unaddressed: 0 });
      expect(await sender([smsOnly]).sendDue()).toEqual({ sent: 0, failed: 0, unaddressed: 0 });
      const { services } = fixture();
      expect(await services.unitOfWork.repositories.compliance.listWarningsSent(scene.id)).toEqual(
        [],
      );
    });

    it("emails each warning reached once, the most urgent only, to operators and admins alone", async () => {
      expect(await sender().sendDue()).toEqual({ sent: 4, failed: 0, unaddressed: 0 });
      const to = ["admin@fen-minibuses.example", "operator@fen-minibuses.example"];
      const expected = [
        ["60", "MOT certificate MOT-59 of FM-01 expires on 29 April 2030"],
        ["30", "Insurance INS-29 expires on 30 March 2030"],
        ["7", "Private hire vehicle licence PHV-6 of FM-02 expires on 7 March 2030"],
        ["0", "MOT certificate MOT-LAPSED of FM-03 has lapsed"],
      ];
      const messages = sentNow();
      // Not the firm's booking agent or driver, nor any council's users.
      expect(summary(messages)).toEqual(
        expected.flatMap(([t, subject]) => to.map((a) => `${a}|${t}|${subject}`)).sort(),
      );
      const mot = messages.find((m) => m.subject.startsWith("MOT certificate MOT-59"));
      expect(mot?.body).toContain("expires in 59 days, on 29 April 2030 (the 60-day warning)");
      expect(mot?.body).toContain("FM-01 is held back from every day plan");
      expect(mot?.body).toContain("https://transport.example.gov.uk/compliance");
      const insurance = messages.find((m) => m.subject.startsWith("Insurance"));
      expect(insurance?.body).toContain("Every vehicle of your organisation is held back");
      expect(insurance?.body).toContain("cannot be admitted to a dynamic purchasing system");
    });

    it("sends nothing more on the next rounds, from any number of processes", async () => {
      const rounds = await Promise.all([sender().sendDue(), sender().sendDue()]);
      expect(rounds).toEqual([
        { sent: 0, failed: 0, unaddressed: 0 },
        { sent: 0, failed: 0, unaddressed: 0 },
      ]);
      clock.set("2030-03-04T09:00:00Z");
      await sender().sendDue();
      expect(sentNow()).toEqual([]);
    });

    it("sends the next warning once its threshold is reached", async () => {
      clock.set("2030-03-08T09:00:00Z");
      expect(await sender().sendDue()).toMatchObject({ sent: 1 });
      expect(summary(sentNow())).toEqual([
        "admin@fen-minibuses.example|0|Private hire vehicle licence PHV-6 of FM-02 has lapsed",
        "operator@fen-minibuses.example|0|Private hire vehicle licence PHV-6 of FM-02 has lapsed",
      ]);
    });

    it("leaves a warning whose emails failed to the next round, and warns no more once renewed", async () => {
      const [fm1] = scene.vehicles;
      // MOT-59 is renewed: at 30 days it sends nothing.
      await record("MOT-RENEWED", { kind: "mot", vehicleId: fm1, expiresOn: "2031-04-29" });
      await record("INS-FM1", { kind: "insurance", vehicleId: fm1, expiresOn: "2030-04-01" });
      clock.set("2030-04-01T09:00:00Z");
      // INS-29 lapsed yesterday and INS-FM1 lapses today: the provider is down.
      const down = recordingNotifier(true);
      expect(await sender([down]).sendDue()).toEqual({ sent: 0, failed: 2, unaddressed: 0 });
      expect(await sender().sendDue()).toEqual({ sent: 2, failed: 0, unaddressed: 0 });
      const warned = summary(sentNow()).map((s) => s.split("|").slice(1).join("|"));
      expect(warned.sort()).toEqual([
        "0|Insurance INS-29 has lapsed",
        "0|Insurance INS-29 has lapsed",
        "7|Insurance INS-FM1 of FM-01 expires on 1 April 2030",
        "7|Insurance INS-FM1 of FM-01 expires on 1 April 2030",
      ]);
    });

    it("shows which warnings went and audits each without addresses", async () => {
      const { call, services } = fixture();
      const res = await call("GET", "/api/compliance-documents", { token: scene.token });
      const { warnings } = (await res.json()) as { warnings: Json[] };
      expect(warnings).toContainEqual(
        expect.objectContaining({
          documentId: ids["INS-29"],
          threshold: 0,
          sentThresholds: [30, 0],
        }),
      );
      expect(warnings).toContainEqual(
        expect.objectContaining({ documentId: ids["MOT-LAPSED"], sentThresholds: [0] }),
      );
      const log = await services.unitOfWork.repositories.audit.list(scene.id, {
        offset: 0,
        limit: 50,
        resource: "compliance",
      });
      const sent = log.items.filter((e) => e.purpose === "expiry warning sent");
      expect(sent).toHaveLength(7);
      expect(sent.map((e) => e.details)).toContainEqual({
        documentId: ids["PHV-6"],
        threshold: 7,
        recipients: 2,
      });
      expect(JSON.stringify(sent)).not.toContain("@");
    });

    it("lets a claim whose process died run out, then another takes it", async () => {
      const store = fixture().services.unitOfWork.repositories.compliance;
      const id = ids["MOT-RENEWED"] ?? "";
      const at = (minutes: number) => new Date(Date.UTC(2030, 3, 1, 9, minutes)).toISOString();
      expect(await store.claimWarning(id, 60, at(0), at(15))).toBe(true);
      expect(await store.claimWarning(id, 60, at(10), at(25))).toBe(false);
      expect(await store.claimWarning(id, 60, at(16), at(31))).toBe(true);
      await store.markWarningSent(id, 60, at(17), 2);
      expect(await store.claimWarning(id, 60, at(60), at(75))).toBe(false);
    });
  });
}
