import { describe, expect, it } from "vitest";
import { createClient, type Fetch } from "./client";
import type { BookingBody } from "./routes";

function recorder(body: unknown, status = 200) {
  const seen: { url: string; method: string | undefined; body: unknown }[] = [];
  const fetch: Fetch = async (url, init) => {
    seen.push({ url, method: init?.method, body: init?.body });
    return new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch, seen };
}

const BOOKING: BookingBody = {
  date: "2026-11-24",
  passengerId: "p1",
  funderId: "f1",
  purpose: "hospital-appointment",
  origin: { kind: "home" },
  destination: { kind: "place", placeId: "pl1" },
  timing: "arrive-by",
  time: "09:30",
  windowMinutes: 15,
  escorts: 0,
};

describe("the API client: the booking desk", () => {
  it("asks for options with the trip as JSON, and for every vehicle only when told to", async () => {
    const { fetch, seen } = recorder({ options: [] });
    const client = createClient({ baseUrl: "http://tt.test/", fetch });
    await client.bookingOptions(BOOKING);
    await client.bookingOptions(BOOKING, { everyRun: true });
    await client.bookingOptions(BOOKING, { everyRun: false });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      "POST http://tt.test/api/bookings/options",
      "POST http://tt.test/api/bookings/options?everyRun=true",
      "POST http://tt.test/api/bookings/options",
    ]);
    expect(JSON.parse(String(seen[1]?.body))).toEqual(BOOKING);
  });

  it("books the option chosen and cancels a trip for a day with a reason", async () => {
    const { fetch, seen } = recorder({ reference: "BK-1" }, 201);
    const client = createClient({ baseUrl: "", fetch });
    expect(await client.book({ booking: BOOKING, vehicleId: "v1" })).toEqual({
      reference: "BK-1",
    });
    await client.cancelTrip("t/1", { date: "2026-11-24", reason: "passenger-unwell" });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      "POST /api/bookings",
      "POST /api/trip-requests/t%2F1/cancel",
    ]);
    expect(JSON.parse(String(seen[0]?.body))).toEqual({ booking: BOOKING, vehicleId: "v1" });
    expect(JSON.parse(String(seen[1]?.body))).toEqual({
      date: "2026-11-24",
      reason: "passenger-unwell",
    });
  });

  it("reads the cancellations of a period and a plan's revisions, with nothing in the body", async () => {
    const { fetch, seen } = recorder({ items: [] });
    const client = createClient({ baseUrl: "", fetch });
    await client.cancellations("2026-11-01", "2026-11-30");
    expect(await client.planRevisions("p/2")).toEqual({ items: [] });
    expect(seen).toEqual([
      { method: "GET", url: "/api/cancellations?from=2026-11-01&to=2026-11-30", body: null },
      { method: "GET", url: "/api/plans/p%2F2/revisions", body: null },
    ]);
  });
});

describe("the API client: the desk for a partner's passengers", () => {
  it("reaches the partner's passengers, places, funders, options, bookings and cancellations", async () => {
    const { fetch, seen } = recorder({ items: [] });
    const client = createClient({ baseUrl: "", fetch });
    await client.findPartnerPassengers("o/1", "Amira K");
    await client.findPartnerPlaces("o/1", "Addenbrooke's");
    await client.partnerFunders("o/1");
    await client.partnerBookingOptions("o/1", BOOKING, { everyRun: true });
    await client.partnerBook("o/1", { booking: BOOKING, vehicleId: "v1" });
    await client.partnerCancelTrip("o/1", "t1", { date: "2026-11-24", reason: "weather" });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      "GET /api/partners/o%2F1/passengers?purpose=booking&search=Amira+K&limit=10",
      "GET /api/partners/o%2F1/places?search=Addenbrooke%27s&limit=10",
      "GET /api/partners/o%2F1/funders",
      "POST /api/partners/o%2F1/bookings/options?everyRun=true",
      "POST /api/partners/o%2F1/bookings",
      "POST /api/partners/o%2F1/trip-requests/t1/cancel",
    ]);
  });
});
