import { listTestDrivers } from "@tt/db";
import { aPassenger } from "@tt/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { type Fixture, PASSWORD, useFixture } from "./test-support/fixture";
import {
  activeAgreement,
  adminOf,
  buildScene,
  DAY,
  type Scene,
} from "./test-support/partnership-scene";
import { countyBooking, publishDayPlan } from "./test-support/published-day";

type Json = Record<string, unknown>;

for (const driver of listTestDrivers()) {
  describe(`the booking desk for a partner's passengers (${driver.name})`, () => {
    const fixture = useFixture(driver.open);
    let scene: Scene;
    let agent = "";
    let finance = "";
    let booking = "";
    let passengerId = "";

    const partner = (f: Fixture, path: string) => `/api/partners/${f.county.id}${path}`;
    const body = (f: Fixture, time: string) => countyBooking(f, passengerId, DAY, { time });

    beforeAll(async () => {
      const f = fixture();
      scene = await buildScene(f);
      const user = async (role: "booking-agent" | "finance") => {
        const made = await f.services.auth.createUser({
          organisationId: scene.partnership,
          email: `${role}@partner-desk.example`,
          displayName: role,
          role,
          password: PASSWORD,
        });
        return (await f.services.auth.issueApiToken(made.id, "tests")).token;
      };
      agent = await user("booking-agent");
      finance = await user("finance");
      const admin = f.county.users.admin.token;
      const created = await f.call("POST", "/api/passengers", {
        token: admin,
        json: aPassenger({ reference: "P-PARTNER-1", homeLat: 52.24, homeLon: 0.11 }),
      });
      passengerId = String(((await created.json()) as Json).id);
      await publishDayPlan(f, admin, DAY);
    });

    it("finds nothing without a booking agreement: an agreement for analysis is not enough", async () => {
      const f = fixture();
      const options = await f.call("POST", partner(f, "/bookings/options"), {
        token: agent,
        json: body(f, "10:00"),
      });
      expect(options.status).toBe(404);
      const search = await f.call(
        "GET",
        partner(f, "/passengers?purpose=analysis&search=P-PARTNER"),
        {
          token: agent,
        },
      );
      expect(search.status).toBe(422);
    });

    it("finds the partner's passenger, books the trip into the partner's plan and cancels it, each naming the agreement", async () => {
      const f = fixture();
      booking = await activeAgreement(
        f.services.agreements,
        adminOf(f.county),
        scene.partnershipAdmin,
        "DSA-BK-C",
        "booking",
        ["identity", "trips", "travel-needs"],
      );
      const found = (await (
        await f.call("GET", partner(f, "/passengers?purpose=booking&search=P-PARTNER"), {
          token: agent,
        })
      ).json()) as { items: Json[] };
      expect(found.items.map((p) => p.id)).toEqual([passengerId]);
      expect(found.items[0]).not.toHaveProperty("home");
      // Without home-location, the partner's passengers cannot be found by their postcode.
      const postcode = encodeURIComponent(String(aPassenger().homePostcode));
      const byPostcode = (await (
        await f.call("GET", partner(f, `/passengers?purpose=booking&search=${postcode}`), {
          token: agent,
        })
      ).json()) as { items: Json[] };
      expect(byPostcode.items).toEqual([]);
      const inCounty = (await (
        await f.call("GET", `/api/passengers?search=${postcode}`, {
          token: f.county.users.admin.token,
        })
      ).json()) as { items: Json[] };
      expect(inCounty.items.map((p) => p.id)).toContain(passengerId);
      const places = (await (
        await f.call("GET", partner(f, "/places"), { token: agent })
      ).json()) as { items: Json[]; agreement: Json };
      expect(places.items.map((p) => p.id)).toContain(f.county.rows.places);
      expect(places.agreement).toMatchObject({ id: booking, reference: "DSA-BK-C" });
      const funders = (await (
        await f.call("GET", partner(f, "/funders"), { token: agent })
      ).json()) as {
        items: Json[];
      };
      expect(funders.items.map((x) => x.id)).toContain(f.county.rows.funders);

      const offered = await f.call("POST", partner(f, "/bookings/options"), {
        token: agent,
        json: body(f, "10:00"),
      });
      expect(offered.status).toBe(200);
      const options = ((await offered.json()) as { options: Json[] }).options;
      const vehicleId = String(options[0]?.vehicleId);
      const booked = await f.call("POST", partner(f, "/bookings"), {
        token: agent,
        json: { booking: body(f, "10:00"), vehicleId },
      });
      expect(booked.status).toBe(201);
      const made = (await booked.json()) as Json;
      const admin = f.county.users.admin.token;
      const trip = (await (
        await f.call("GET", `/api/trip-requests/${made.tripRequestId}`, { token: admin })
      ).json()) as Json;
      expect(trip).toMatchObject({ status: "booked", passengerId });
      const plans = (await (
        await f.call("GET", `/api/plans?serviceDate=${DAY}`, { token: admin })
      ).json()) as { items: Json[] };
      expect(plans.items.find((p) => p.id === made.planId)).toMatchObject({ status: "published" });

      // Beside the partner's passenger: their standing (none on file) and their trips.
      const standing = await f.call("GET", partner(f, `/passengers/${passengerId}/standing`), {
        token: agent,
      });
      expect(await standing.json()).toEqual({ items: [] });
      const trips = (await (
        await f.call("GET", partner(f, `/passengers/${passengerId}/trips`), { token: agent })
      ).json()) as { items: Json[] };
      expect(trips.items.map((t) => t.id)).toEqual([made.tripRequestId]);
      expect(trips.items[0]).toMatchObject({ reference: made.reference, status: "booked" });
      const cityTrips = await f.call(
        "GET",
        `/api/partners/${f.city.id}/passengers/${passengerId}/trips`,
        { token: agent },
      );
      expect(cityTrips.status).toBe(404);

      const cancelled = await f.call(
        "POST",
        partner(f, `/trip-requests/${made.tripRequestId}/cancel`),
        { token: agent, json: { date: DAY, reason: "passenger-request" } },
      );
      expect(cancelled.status).toBe(200);

      // The county's log names the agreement for the read, the booking and the cancellation.
      const log = await f.services.unitOfWork.repositories.audit.list(f.county.id, {
        offset: 0,
        limit: 50,
        agreementId: booking,
      });
      expect(log.items.map((e) => `${e.action} ${e.resource}`).sort()).toEqual(
        expect.arrayContaining([
          "create trip-requests",
          "list passengers",
          "list trip-requests",
          "read passengers",
          "update trip-requests",
        ]),
      );
      const created = log.items.find((e) => e.action === "create");
      expect(created?.details).toMatchObject({ recipient: scene.partnership });
      // The booking itself is in the county's log as the desk's, for booking under the agreement.
      const own = await f.services.unitOfWork.repositories.audit.list(f.county.id, {
        offset: 0,
        limit: 20,
        resource: "trip-requests",
      });
      expect(own.items.some((e) => e.purpose.startsWith("booking under agreement DSA-BK-C"))).toBe(
        true,
      );
    });

    it("keeps to the agreement's recipients and the desk's grants, and stops at once when it is suspended", async () => {
      const f = fixture();
      // A finance officer cannot book: refused before the body is read.
      const refused = await f.call("POST", partner(f, "/bookings/options"), {
        token: finance,
        json: body(f, "12:00"),
      });
      expect(refused.status).toBe(403);
      // The city's own desk is not a recipient of the county's agreement.
      const cityAgent = f.city.users["booking-agent"].token;
      expect(
        (
          await f.call("POST", partner(f, "/bookings/options"), {
            token: cityAgent,
            json: body(f, "12:00"),
          })
        ).status,
      ).toBe(404);
      // Another organisation's trip cannot be cancelled through the county's agreement.
      const foreign = await f.call(
        "POST",
        partner(f, `/trip-requests/${f.city.rows.tripRequests}/cancel`),
        {
          token: agent,
          json: { date: DAY, reason: "weather" },
        },
      );
      expect(foreign.status).toBe(404);
      await f.services.agreements.changeStatus(adminOf(f.county), booking, "suspended");
      const after = await f.call("POST", partner(f, "/bookings/options"), {
        token: agent,
        json: body(f, "12:00"),
      });
      expect(after.status).toBe(404);
      expect((await f.call("GET", partner(f, "/places"), { token: agent })).status).toBe(404);
    });

    it("refuses a booking agreement that does not share trips, saying so", async () => {
      const f = fixture();
      await activeAgreement(
        f.services.agreements,
        adminOf(f.city),
        scene.partnershipAdmin,
        "DSA-BK-P",
        "booking",
        ["identity"],
      );
      const city = `/api/partners/${f.city.id}/bookings/options`;
      const answer = await f.call("POST", city, { token: agent, json: body(f, "12:00") });
      expect(answer.status).toBe(409);
      expect(((await answer.json()) as Json).message).toMatch(/DSA-BK-P does not cover trips/);
    });
  });
}
