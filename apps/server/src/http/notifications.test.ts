import { MessageDispatcher, type Notifier, NotifierError, type OutgoingMessage } from "@tt/app";
import { listTestDrivers } from "@tt/db";
import { aPassenger, aTripRequest } from "@tt/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { optOutLinks } from "../messages";
import { type Fixture, useFixture } from "./test-support/fixture";
import { publishDayPlan } from "./test-support/published-day";

type Json = Record<string, unknown>;

/** A day still to come whatever the date the tests run on (messages are not sent for past days). */
const DAY = "2099-03-03";

/** Takes email, keeps what it was given; no SMS. */
function recordingNotifier(): Notifier & { readonly sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    channels: ["email"],
    sent,
    async send(message) {
      sent.push(message);
      return { providerReference: `ref-${sent.length}` };
    },
  };
}

for (const driver of listTestDrivers()) {
  describe(`messages to passengers and parents (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let agent = "";
    let admin = "";
    let passengerId = "";
    let tripId = "";

    const messagesOf = async (f: Fixture, id: string) => {
      const got = await f.call("GET", `/api/passengers/${id}/messages`, { token: agent });
      expect(got.status).toBe(200);
      return ((await got.json()) as { messages: Json[] }).messages;
    };

    beforeAll(async () => {
      const f = fixture();
      agent = f.county.users["booking-agent"].token;
      admin = f.county.users.admin.token;
      passengerId = f.county.rows.passengers;
      const trip = await f.call("POST", "/api/trip-requests", {
        token: admin,
        json: aTripRequest(
          { passengerId, funderId: f.county.rows.funders, placeId: f.county.rows.places },
          { reference: "T-MSG-1", recurrence: { kind: "one-off", date: DAY } },
        ),
      });
      expect(trip.status).toBe(201);
      tripId = String(((await trip.json()) as Json).id);
    });

    it("keeps contacts checked against their channel, and refuses other roles and organisations", async () => {
      const f = fixture();
      const path = `/api/passengers/${passengerId}/contacts`;
      const email = await f.call("POST", path, {
        token: agent,
        json: { channel: "email", address: "Parent@Example.org", relationship: "parent" },
      });
      expect(email.status).toBe(201);
      expect(await email.json()).toMatchObject({ address: "parent@example.org", optedOutAt: null });
      const sms = await f.call("POST", path, {
        token: agent,
        json: { channel: "sms", address: "07700 900123", relationship: "parent", name: "Sam" },
      });
      expect(await sms.json()).toMatchObject({ address: "+447700900123" });
      const bad = await f.call("POST", path, {
        token: agent,
        json: { channel: "sms", address: "01223 000000", relationship: "parent" },
      });
      expect(bad.status).toBe(422);
      expect(((await bad.json()) as { details: Json[] }).details[0]).toMatchObject({
        path: "address",
      });
      const twice = await f.call("POST", path, {
        token: agent,
        json: { channel: "email", address: "parent@example.org", relationship: "carer" },
      });
      expect(twice.status).toBe(409);
      const listed = await f.call("GET", path, { token: agent });
      const { contacts } = (await listed.json()) as { contacts: Json[] };
      expect(contacts.map((c) => c.channel)).toEqual(["email", "sms"]);
      expect(JSON.stringify(contacts)).not.toContain("optOutToken");

      // A driver or finance officer is refused before the body is read; another council sees nothing.
      const driverToken = f.county.users.driver.token;
      expect((await f.call("GET", path, { token: driverToken })).status).toBe(403);
      const refused = await f.call("POST", path, {
        token: f.county.users.finance.token,
        body: "{not json",
        headers: { "content-type": "application/json" },
      });
      expect(refused.status).toBe(403);
      const city = f.city.users.admin.token;
      expect((await f.call("GET", path, { token: city })).status).toBe(404);
      expect(
        (await f.call("GET", `/api/passengers/${passengerId}/messages`, { token: city })).status,
      ).toBe(404);
      const contactId = String(contacts[0]?.id);
      expect(
        (await f.call("POST", `/api/contacts/${contactId}/opt-out`, { token: city })).status,
      ).toBe(404);
      expect((await f.call("DELETE", `/api/contacts/${contactId}`, { token: city })).status).toBe(
        404,
      );
      expect(
        (await f.call("GET", `/api/messages?from=${DAY}&to=${DAY}`, { token: driverToken })).status,
      ).toBe(403);
    });

    it("queues pick-up times at publication, confirms bookings and tells cancellations", async () => {
      const f = fixture();
      await publishDayPlan(f, admin, DAY);
      const times = await messagesOf(f, passengerId);
      expect(times.map((m) => [m.kind, m.channel, m.status]).sort()).toEqual([
        ["pick-up-time", "email", "queued"],
        ["pick-up-time", "sms", "queued"],
      ]);
      const text = times.find((m) => m.channel === "sms");
      expect(String(text?.body)).toMatch(
        /pick-up on Tuesday 3 March is planned for about \d\d:\d\d\. Ref T-MSG-1\./,
      );

      // A newcomer booked at the desk: their parent's email hears of it; the opted-out carer does not.
      const newcomer = await f.call("POST", "/api/passengers", {
        token: admin,
        json: aPassenger({
          reference: "P-MSG-2",
          givenName: "Noor",
          homeLat: 52.21,
          homeLon: 0.12,
        }),
      });
      const newcomerId = String(((await newcomer.json()) as Json).id);
      const contacts = `/api/passengers/${newcomerId}/contacts`;
      await f.call("POST", contacts, {
        token: agent,
        json: { channel: "email", address: "noor.parent@example.org", relationship: "parent" },
      });
      const carer = await f.call("POST", contacts, {
        token: agent,
        json: { channel: "email", address: "noor.carer@example.org", relationship: "carer" },
      });
      const carerId = String(((await carer.json()) as Json).id);
      const out = await f.call("POST", `/api/contacts/${carerId}/opt-out`, { token: agent });
      expect(((await out.json()) as Json).optedOutAt).not.toBeNull();
      const booking = {
        date: DAY,
        passengerId: newcomerId,
        funderId: f.county.rows.funders,
        purpose: "demand-responsive",
        origin: { kind: "home" },
        destination: { kind: "place", placeId: f.county.rows.places },
        timing: "depart-after",
        time: "11:00",
        windowMinutes: 30,
      };
      const offered = (await (
        await f.call("POST", "/api/bookings/options", { token: agent, json: booking })
      ).json()) as { options: Json[] };
      const vehicleId = String(offered.options[0]?.vehicleId);
      const booked = await f.call("POST", "/api/bookings", {
        token: agent,
        json: { booking, vehicleId },
      });
      expect(booked.status).toBe(201);
      const told = await messagesOf(f, newcomerId);
      expect(told.map((m) => [m.kind, m.status]).sort()).toEqual([
        ["booking-confirmed", "opted-out"],
        ["booking-confirmed", "queued"],
      ]);
      expect(String(told[0]?.subject)).toContain("Trip booked: Tuesday 3 March");

      const cancelled = await f.call("POST", `/api/trip-requests/${tripId}/cancel`, {
        token: agent,
        json: { date: DAY, reason: "passenger-unwell" },
      });
      expect(cancelled.status).toBe(200);
      const after = await messagesOf(f, passengerId);
      // The booking moved Ada's pick-up inside her window, by more than the 5 minutes worth telling.
      const moved = after.find((m) => m.kind === "pick-up-changed" && m.channel === "sms");
      expect(String(moved?.body)).toMatch(/changed to about \d\d:\d\d \(it was \d\d:\d\d\)/);
      expect(
        after
          .filter((m) => m.kind === "trip-cancelled")
          .map((m) => m.channel)
          .sort(),
      ).toEqual(["email", "sms"]);
      // The reason (the passenger is unwell) is never in the words.
      expect(after.map((m) => m.body).join(" ")).not.toMatch(/unwell/i);
      const log = await f.call("GET", `/api/messages?from=${DAY}&to=${DAY}`, { token: agent });
      expect(((await log.json()) as { counts: Json }).counts).toMatchObject({ "opted-out": 1 });
    });

    it("sends what is queued, fails SMS without a service, and stops at the opt-out link", async () => {
      const f = fixture();
      const notifier = recordingNotifier();
      const dispatcher = new MessageDispatcher(f.services.unitOfWork, [notifier], {
        optOutLinks: optOutLinks("https://tt.example"),
      });
      const counts = await dispatcher.dispatchDue();
      expect(counts.sent).toBe(notifier.sent.length);
      // Ada's parent: her time, its change and the cancellation; Noor's parent: the booking.
      expect(notifier.sent.map((m) => m.to).sort()).toEqual([
        "noor.parent@example.org",
        "parent@example.org",
        "parent@example.org",
        "parent@example.org",
      ]);
      expect(counts.failed).toBe(3);
      // The words link to the page; mail programs post the one-click address.
      expect(notifier.sent[0]?.body).toContain(
        "To stop these messages: https://tt.example/opt-out#",
      );
      expect(notifier.sent[0]?.optOutUrl).toMatch(
        /^https:\/\/tt\.example\/api\/opt-out\/[\w-]{32}$/,
      );
      const sms = (await messagesOf(f, passengerId)).filter((m) => m.channel === "sms");
      expect(new Set(sms.map((m) => `${m.status}: ${m.error}`))).toEqual(
        new Set(["failed: no service is configured to send SMS"]),
      );
      expect(sms).toHaveLength(3);
      expect(await dispatcher.dispatchDue()).toEqual({
        sent: 0,
        retrying: 0,
        failed: 0,
        optedOut: 0,
        waiting: 0,
      });

      const link = String(notifier.sent[0]?.optOutUrl);
      const token = link.slice(link.lastIndexOf("/") + 1);
      // No session and no CSRF header: a mail program's one-click post.
      const stopped = await f.call("POST", `/api/opt-out/${token}`, {
        csrf: false,
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(stopped.status).toBe(200);
      expect(await stopped.json()).toEqual({ channel: "email" });
      const wrong = await f.call("POST", `/api/opt-out/${"x".repeat(32)}`, { csrf: false });
      expect(wrong.status).toBe(404);
      const stoppedContacts = (await (
        await f.call("GET", `/api/passengers/${passengerId}/contacts`, { token: agent })
      ).json()) as { contacts: Json[] };
      const byAddress = Object.fromEntries(stoppedContacts.contacts.map((c) => [c.address, c]));
      const recipient = notifier.sent[0]?.to ?? "";
      expect(byAddress[recipient]?.optedOutAt ?? "not this passenger's").not.toBeNull();
    });

    it("holds messages back while the service refuses our key, uncounted, and sends them once mended", async () => {
      const f = fixture();
      const made = await f.call("POST", "/api/passengers", {
        token: admin,
        json: aPassenger({ reference: "P-MSG-3", homeLat: 52.22, homeLon: 0.12 }),
      });
      const id = String(((await made.json()) as Json).id);
      const contact = await f.call("POST", `/api/passengers/${id}/contacts`, {
        token: agent,
        json: { channel: "email", address: "kai.parent@example.org", relationship: "parent" },
      });
      const contactId = String(((await contact.json()) as Json).id);
      const words = { subject: "Pick-up time", body: "The bus calls at 08:10." };
      const queued = { contactId, passengerId: id, tripRequestId: null, serviceDate: DAY };
      await f.services.unitOfWork.repositories.messages.enqueue(f.county.id, [
        { ...queued, ...words, kind: "pick-up-time", channel: "email", status: "queued" },
        { ...queued, ...words, kind: "booking-confirmed", channel: "email", status: "queued" },
        // A day already gone: no use once the service is mended.
        {
          ...queued,
          ...words,
          serviceDate: "2026-01-05",
          kind: "trip-cancelled",
          channel: "email",
          status: "queued",
        },
      ]);
      let calls = 0;
      const faults: string[] = [];
      const refusing: Notifier = {
        channels: ["email"],
        async send() {
          calls++;
          throw new NotifierError(
            "SMTP server refused the message (535 after AUTH PLAIN)",
            true,
            true,
          );
        },
      };
      // A second on: the database stamps the queue to the microsecond, finer than this clock, so
      // "now" could otherwise fall just before the messages' own time.
      const now = Date.now() + 1_000;
      const first = new MessageDispatcher(f.services.unitOfWork, [refusing], {
        clock: { now: () => new Date(now) },
        onServiceFault: (fault) => faults.push(fault.error),
      });
      expect(await first.dispatchDue()).toMatchObject({ waiting: 2, failed: 1, sent: 0 });
      // One try told us the key is wrong; the other message was not even tried.
      expect([calls, faults.length]).toEqual([1, 1]);
      const held = await messagesOf(f, id);
      const gone = held.filter((m) => m.serviceDate === "2026-01-05");
      expect(gone.map((m) => m.status)).toEqual(["failed"]);
      expect(String(gone[0]?.error)).toMatch(/^its day passed while the service refused us/);
      const waiting = held.filter((m) => m.serviceDate === DAY);
      expect(waiting.map((m) => [m.status, m.attempts])).toEqual([
        ["queued", 0],
        ["queued", 0],
      ]);
      expect(String(waiting[0]?.error)).toMatch(/^waiting: the service refused us/);
      const mended = recordingNotifier();
      const later = new MessageDispatcher(f.services.unitOfWork, [mended], {
        clock: { now: () => new Date(now + 16 * 60_000) },
      });
      expect(await later.dispatchDue()).toMatchObject({ sent: 2, waiting: 0 });
      const after = (await messagesOf(f, id)).filter((m) => m.serviceDate === DAY);
      expect(after.map((m) => m.status)).toEqual(["sent", "sent"]);
    });

    it("lists contacts and messages in the subject access export, and erasure removes them", async () => {
      const f = fixture();
      const auditor = f.county.users.auditor.token;
      const exported = await f.call("GET", `/api/passengers/${passengerId}/subject-access`, {
        token: auditor,
      });
      expect(exported.status).toBe(200);
      const held = (await exported.json()) as { contacts: Json[]; messages: Json[] };
      expect(held.contacts.map((c) => c.address).sort()).toEqual([
        "+447700900123",
        "parent@example.org",
      ]);
      expect(JSON.stringify(held.contacts)).not.toContain("optOutToken");
      expect(held.messages.map((m) => m.kind)).toContain("trip-cancelled");
      const erased = await f.call("POST", `/api/passengers/${passengerId}/erasure`, {
        token: admin,
        json: { ground: "consent-withdrawn", requestReference: "SAR-MSG-1" },
      });
      expect(erased.status).toBe(200);
      const after = (await (
        await f.call("GET", `/api/passengers/${passengerId}/subject-access`, { token: auditor })
      ).json()) as { contacts: Json[]; messages: Json[] };
      expect(after.contacts).toEqual([]);
      expect(after.messages).toEqual([]);
    });
  });
}
