import type { NewMessage, Repositories } from "@tt/app";
import { aPassenger, aPlace, aTripRequest } from "@tt/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../create-db";
import { listTestDrivers } from "../test-databases";
import { twoOrganisations } from "./test-support/two-organisations";

// Queued now, so every claim below is made after the message became due.
const T0 = "2099-12-01T08:00:00.000Z";
const later = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

describe.each(listTestDrivers())("contacts and the message queue on $name", ({ open }) => {
  let handle: DbHandle;
  let repos: Repositories;
  let org: string;
  let other: string;
  let passengerId: string;
  let tripId: string;

  const message = (contactId: string, kind: NewMessage["kind"] = "pick-up-time"): NewMessage => ({
    contactId,
    passengerId,
    tripRequestId: tripId,
    serviceDate: "2026-12-02",
    kind,
    channel: "email",
    subject: "Pick-up time",
    body: "Ava's pick-up is planned for about 08:10.",
    status: "queued",
  });

  beforeAll(async () => {
    ({ handle, repos, org, other } = await twoOrganisations(open));
    const passenger = await repos.passengers.create(org, aPassenger({ givenName: "Ava" }));
    passengerId = passenger.id;
    const place = await repos.places.create(org, aPlace());
    const funder = await repos.funders.create(org, { name: "SEND", kind: "home-to-school" });
    const trip = await repos.tripRequests.create(
      org,
      aTripRequest({ passengerId, funderId: funder.id, placeId: place.id }, { reference: "T-9" }),
    );
    tripId = trip.id;
  });
  afterAll(() => handle.close());

  it("keeps a passenger's contacts, once per address, for their organisation only", async () => {
    const contact = await repos.contacts.create(org, passengerId, {
      channel: "email",
      address: "parent@example.org",
      relationship: "parent",
      optOutToken: "a".repeat(32),
    });
    await expect(
      repos.contacts.create(org, passengerId, {
        channel: "email",
        address: "parent@example.org",
        relationship: "carer",
        optOutToken: "b".repeat(32),
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await repos.contacts.listForPassenger(other, passengerId)).toEqual([]);
    expect(await repos.contacts.optOut(other, contact.id, T0)).toBeUndefined();
    const reached = await repos.contacts.listForTrips(org, [tripId, "not-a-uuid"]);
    expect(reached).toMatchObject([
      { tripRequestId: tripId, tripReference: "T-9", givenName: "Ava", passengerId },
    ]);
    expect(reached[0]?.contacts.map((c) => c.address)).toEqual(["parent@example.org"]);
    expect(await repos.contacts.listForTrips(other, [tripId])).toEqual([]);
    expect(await repos.contacts.remove(org, contact.id)).toBe(true);
  });

  it("claims each due message once, retries and settles it", async () => {
    const contact = await repos.contacts.create(org, passengerId, {
      channel: "email",
      address: "carer@example.org",
      relationship: "carer",
      optOutToken: "c".repeat(32),
    });
    await repos.messages.enqueue(org, [
      message(contact.id),
      message(contact.id, "pick-up-changed"),
    ]);
    const [first, second] = await Promise.all([
      repos.messages.claimDue(later(1), later(6), 1),
      repos.messages.claimDue(later(1), later(6), 1),
    ]);
    const ids = [...(first ?? []), ...(second ?? [])].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const all = [...(first ?? []), ...(second ?? [])];
    expect(all[0]).toMatchObject({ address: "carer@example.org", optedOut: false, attempts: 1 });
    // Nothing more is due until the claims run out.
    expect(await repos.messages.claimDue(later(2), later(7), 10)).toHaveLength(2 - all.length);
    const [sent, retried] = await repos.messages.listForPassenger(org, passengerId, 10);
    if (!sent || !retried) throw new Error("two messages expected");
    await repos.messages.markSent(sent.id, "provider-1", later(2));
    await repos.messages.markFailed(retried.id, "451 try later", later(30));
    expect(await repos.messages.claimDue(later(20), later(25), 10)).toEqual([]);
    await repos.contacts.optOutByToken("c".repeat(32), later(21));
    const again = await repos.messages.claimDue(later(31), later(36), 10);
    expect(again).toMatchObject([{ id: retried.id, optedOut: true, attempts: 2 }]);
    await repos.messages.markOptedOut(retried.id);
    const log = await repos.messages.listForDays(org, "2026-12-01", "2026-12-03", 10);
    expect(log.map((m) => [m.status, m.providerReference]).sort()).toEqual([
      ["opted-out", null],
      ["sent", "provider-1"],
    ]);
    expect(await repos.messages.listForDays(other, "2026-12-01", "2026-12-03", 10)).toEqual([]);
  });

  it("drops contacts and messages with their passenger", async () => {
    const doomed = await repos.passengers.create(org, aPassenger({ reference: "P-GONE" }));
    const contact = await repos.contacts.create(org, doomed.id, {
      channel: "sms",
      address: "+447700900123",
      relationship: "passenger",
      optOutToken: "d".repeat(32),
    });
    await repos.messages.enqueue(org, [
      { ...message(contact.id), passengerId: doomed.id, tripRequestId: null },
    ]);
    await repos.passengers.remove(org, doomed.id);
    expect(await repos.contacts.listForPassenger(org, doomed.id)).toEqual([]);
    expect(await repos.messages.listForPassenger(org, doomed.id, 10)).toEqual([]);
  });
});
