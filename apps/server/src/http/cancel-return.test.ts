import type { Actor } from "@tt/app";
import { listTestDrivers } from "@tt/db";
import { aTripRequest } from "@tt/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { type Fixture, useFixture } from "./test-support/fixture";
import { adminOf } from "./test-support/partnership-scene";

type Json = Record<string, unknown>;

/** A Thursday of the school year: the recurring trips travel on it. */
const DAY = "2026-09-10";

/** A passenger's outbound school trip and its return, every school day. */
async function outboundAndReturn(f: Fixture, admin: Actor, suffix: string) {
  const ids = {
    passengerId: f.county.rows.passengers,
    funderId: f.county.rows.funders,
    placeId: f.county.rows.places,
  };
  const create = (input: unknown) => f.services.register.create(admin, "tripRequests", input);
  const out = await create(aTripRequest(ids, { reference: `OUT-${suffix}` }));
  const back = await create(
    aTripRequest(ids, {
      reference: `BACK-${suffix}`,
      origin: { kind: "place", placeId: ids.placeId },
      destination: { kind: "home" },
      timing: "depart-after",
      time: "15:20",
      returnOfId: out.id,
    }),
  );
  return { out: out.id, back: back.id };
}

for (const driver of listTestDrivers()) {
  describe(`cancelling a trip with a return journey (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let agent = "";
    let admin: Actor;

    const cancel = async (tripId: string, date = DAY) => {
      const res = await fixture().call("POST", `/api/trip-requests/${tripId}/cancel`, {
        token: agent,
        json: { date, reason: "school-closed" },
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { returnLeg: Json | null };
    };

    beforeAll(() => {
      agent = fixture().county.users["booking-agent"].token;
      admin = adminOf(fixture().county);
    });

    it("names the return journey still travelling that day, so the desk can cancel it too", async () => {
      const trips = await outboundAndReturn(fixture(), admin, "1");
      expect((await cancel(trips.out)).returnLeg).toEqual({
        tripRequestId: trips.back,
        reference: "BACK-1",
      });
      // The return is cancelled for the day: cancelling the outbound on the next day still
      // names it, since it travels then.
      expect((await cancel(trips.back)).returnLeg).toBeNull();
      expect((await cancel(trips.out, "2026-09-11")).returnLeg).toMatchObject({
        reference: "BACK-1",
      });
    });

    it("names none when the return is already cancelled that day, or is not the passenger's", async () => {
      const trips = await outboundAndReturn(fixture(), admin, "2");
      await cancel(trips.back);
      expect((await cancel(trips.out)).returnLeg).toBeNull();
      // A trip with no return journey.
      const lone = await fixture().services.register.create(
        admin,
        "tripRequests",
        aTripRequest(
          {
            passengerId: fixture().county.rows.passengers,
            funderId: fixture().county.rows.funders,
            placeId: fixture().county.rows.places,
          },
          { reference: "LONE-1" },
        ),
      );
      expect((await cancel(lone.id)).returnLeg).toBeNull();
    });
  });
}
