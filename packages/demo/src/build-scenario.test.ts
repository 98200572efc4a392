import {
  haversineMetres,
  passengerInputSchema,
  placeInputSchema,
  staffInputSchema,
  tripRequestInputSchema,
  vehicleInputSchema,
} from "@tt/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDemoScenario, DEFAULT_DEMO_SEED } from "./build-scenario";
import { ageOn, DEMO_TODAY, DEMO_WEEK } from "./calendar";
import { type DemoGeography, isInDemoBounds } from "./geography";
import type { DemoOrganisation, DemoScenario, DemoService } from "./scenario-types";
import { loadTestGeography } from "./test-support/test-geography";

const ID = "00000000-0000-4000-8000-000000000000";
const MILE = 1609.344;

let geography: DemoGeography;
let scenario: DemoScenario;
const passengers = () => scenario.organisations.flatMap((o) => o.passengers);
const ofService = (service: DemoService) => passengers().filter((p) => p.service === service);
const org = (key: DemoOrganisation["key"]) => scenario.organisations.find((o) => o.key === key)!;

beforeAll(async () => {
  geography = await loadTestGeography();
  scenario = buildDemoScenario(geography, DEFAULT_DEMO_SEED);
});

describe("the demo scenario is deterministic", () => {
  it("builds the same scenario from the same seed", () => {
    expect(buildDemoScenario(geography, DEFAULT_DEMO_SEED)).toEqual(scenario);
  });

  it("builds a different one from another seed", () => {
    const other = buildDemoScenario(geography, DEFAULT_DEMO_SEED + 1);
    expect(other.organisations[0]?.passengers[0]).not.toEqual(org("cambridgeshire").passengers[0]);
    expect(other).not.toEqual(scenario);
  });
});

describe("organisations, users and funders", () => {
  it("has the eight organisations with unique demo accounts", () => {
    expect(scenario.organisations.map((o) => o.kind).sort()).toEqual(
      ["community-transport", "council", "council", "local-consortium", "nhs-body"]
        .concat(["operator", "operator", "operator"])
        .sort(),
    );
    const emails = scenario.organisations.flatMap((o) => o.users.map((u) => u.email));
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails).toContain("commissioner@cambridgeshire.demo");
    expect(scenario.password.length).toBeGreaterThanOrEqual(12);
  });

  it("gives Cambridgeshire a home-to-school budget of about £21m", () => {
    const hts = org("cambridgeshire").funders.find((f) => f.input.kind === "home-to-school");
    expect(hts?.budgetPence).toBeGreaterThan(18_000_000_00);
    expect(hts?.budgetPence).toBeLessThan(25_000_000_00);
    expect(org("icb").funders.map((f) => f.input.kind)).toEqual(["nhs"]);
  });
});

describe("demand", () => {
  it("has about 3,000 passengers in the expected services", () => {
    const ranges: Record<DemoService, [number, number]> = {
      "mainstream-school": [1300, 1700],
      "send-school": [350, 550],
      "post-16": [150, 250],
      "send-post-16": [50, 120],
      "adult-day-service": [150, 300],
      "nepts-outpatient": [200, 300],
      "nepts-gp": [40, 80],
      "nepts-dialysis": [60, 120],
      drt: [100, 200],
    };
    for (const [service, [min, max]] of Object.entries(ranges)) {
      const count = ofService(service as DemoService).length;
      expect(count, service).toBeGreaterThanOrEqual(min);
      expect(count, service).toBeLessThanOrEqual(max);
    }
    expect(passengers().length).toBeGreaterThan(2800);
    expect(passengers().length).toBeLessThan(3200);
  });

  it("puts each passenger with the organisation that funds them", () => {
    for (const p of org("icb").passengers) expect(p.service).toMatch(/^nepts-/);
    expect(org("peterborough").passengers.length).toBeGreaterThan(200);
    expect(org("consortium").passengers.every((p) => p.service === "drt")).toBe(true);
  });

  it("places every home inside the demo area", () => {
    for (const p of passengers())
      expect(isInDemoBounds({ lat: p.input.homeLat, lon: p.input.homeLon })).toBe(true);
  });

  it("gives dates of birth that fit the service", () => {
    const ages = (service: DemoService) =>
      ofService(service).map((p) => ageOn(p.input.dateOfBirth ?? "", "2026-09-01"));
    const within = (service: DemoService, min: number, max: number) => {
      for (const age of ages(service)) {
        expect(age, service).toBeGreaterThanOrEqual(min);
        expect(age, service).toBeLessThanOrEqual(max);
      }
    };
    within("mainstream-school", 4, 15);
    within("send-school", 4, 15);
    within("post-16", 16, 17);
    within("send-post-16", 16, 24);
    within("adult-day-service", 18, 86);
    within("nepts-dialysis", 18, 95);
  });
});

describe("trips", () => {
  it("link only to rows of the same organisation", () => {
    for (const o of scenario.organisations) {
      const places = new Set(o.places.map((p) => p.reference));
      const people = new Set(o.passengers.map((p) => p.input.reference));
      const funders = new Set(o.funders.map((f) => f.key));
      const calendars = new Set(o.termCalendars.map((c) => c.key));
      const outbound = new Map(
        o.trips.filter((t) => !t.returnOfReference).map((t) => [t.reference, t]),
      );
      for (const trip of o.trips) {
        expect(people.has(trip.passengerReference), trip.reference).toBe(true);
        expect(funders.has(trip.funderKey), trip.reference).toBe(true);
        for (const end of [trip.origin, trip.destination]) {
          if (end.kind === "place")
            expect(places.has(end.placeReference), trip.reference).toBe(true);
        }
        if (trip.recurrence.kind === "recurring" && trip.recurrence.termCalendarKey) {
          expect(calendars.has(trip.recurrence.termCalendarKey)).toBe(true);
        }
        if (trip.returnOfReference) {
          expect(outbound.get(trip.returnOfReference)?.passengerReference).toBe(
            trip.passengerReference,
          );
        }
      }
      for (const p of o.passengers)
        expect(o.trips.some((t) => t.passengerReference === p.input.reference)).toBe(true);
    }
  });

  it("keeps school bell times, dialysis days and the demo week", () => {
    for (const trip of scenario.organisations.flatMap((o) => o.trips)) {
      if (["mainstream-school", "send-school"].includes(trip.service)) {
        const [from, to] = trip.returnOfReference ? ["15:00", "15:30"] : ["08:30", "09:00"];
        expect(trip.time >= from && trip.time <= to, trip.reference).toBe(true);
      }
      if (trip.service === "nepts-dialysis" && trip.recurrence.kind === "recurring") {
        expect(trip.recurrence.weekdays).toEqual(["mon", "wed", "fri"]);
      }
      if (trip.recurrence.kind === "one-off") expect(DEMO_WEEK).toContain(trip.recurrence.date);
    }
  });

  it("takes mainstream pupils only when they live beyond the statutory walking distance", () => {
    const cambs = [...org("cambridgeshire").places, ...org("peterborough").places];
    const trips = scenario.organisations.flatMap((o) => o.trips);
    for (const pupil of ofService("mainstream-school")) {
      const trip = trips.find((t) => t.reference === `${pupil.input.reference}-OUT`);
      const end = trip?.destination;
      const school =
        end?.kind === "place" ? cambs.find((p) => p.reference === end.placeReference) : undefined;
      expect(school?.kind).toBe("school");
      const under8 = ageOn(pupil.input.dateOfBirth ?? "", "2027-07-21") < 8;
      const metres = haversineMetres(
        { lat: pupil.input.homeLat, lon: pupil.input.homeLon },
        school!,
      );
      expect(metres).toBeGreaterThan((under8 ? 2 : 3) * MILE);
      expect(trip?.maxRideMinutes).toBe(school?.schoolPhase === "primary" ? 45 : 75);
    }
  });
});

describe("needs", () => {
  const share = (
    service: DemoService,
    test: (n: DemoScenario["organisations"][number]["passengers"][number]) => boolean,
  ) => ofService(service).filter(test).length / ofService(service).length;

  it("has sensible proportions", () => {
    expect(share("send-school", (p) => p.input.needs.wheelchair)).toBeGreaterThan(0.08);
    expect(share("send-school", (p) => p.input.needs.wheelchair)).toBeLessThan(0.25);
    expect(share("send-school", (p) => p.input.needs.passengerAssistant)).toBeGreaterThan(0.2);
    expect(share("send-school", (p) => p.input.needs.travelAlone)).toBeGreaterThan(0.02);
    expect(share("send-school", (p) => p.input.needs.doorThroughDoor)).toBeGreaterThan(0.1);
    expect(share("adult-day-service", (p) => p.input.needs.wheelchair)).toBeGreaterThan(0.3);
    expect(
      share(
        "mainstream-school",
        (p) => p.input.needs.wheelchair || p.input.needs.passengerAssistant,
      ),
    ).toBe(0);
  });

  it("records who may not travel with whom on both pupils", () => {
    for (const o of scenario.organisations) {
      const byRef = new Map(o.passengers.map((p) => [p.input.reference, p]));
      const linked = o.passengers.filter((p) => p.input.needs.mayNotTravelWith.length > 0);
      for (const p of linked) {
        for (const other of p.input.needs.mayNotTravelWith) {
          expect(byRef.get(other)?.input.needs.mayNotTravelWith).toContain(p.input.reference);
        }
      }
    }
    expect(
      ofService("send-school").filter((p) => p.input.needs.mayNotTravelWith.length > 0).length,
    ).toBeGreaterThan(5);
  });
});

describe("supply", () => {
  const vehicles = () => scenario.organisations.flatMap((o) => o.vehicles);
  const staff = () => scenario.organisations.flatMap((o) => o.staff);

  it("has over 300 vehicles of every kind, some with alternative layouts", () => {
    expect(vehicles().length).toBeGreaterThanOrEqual(300);
    const kinds = new Set(vehicles().map((v) => v.kind));
    for (const kind of [
      "minibus",
      "coach",
      "taxi",
      "wheelchair-accessible-vehicle",
      "volunteer-car",
      "ambulance",
    ]) {
      expect(kinds.has(kind as never), kind).toBe(true);
    }
    expect(vehicles().filter((v) => v.layouts.length > 0).length).toBeGreaterThan(50);
    const inHouse = org("cambridgeshire").vehicles.filter((v) => v.operatorKey === "ccc-fleet");
    expect(inHouse).toHaveLength(40);
    expect(inHouse.every((v) => v.features.includes("tail-lift"))).toBe(true);
  });

  it("lists the operator vehicles each council holds under contract in its register", () => {
    const count = (key: Parameters<typeof org>[0], operatorKey: string) =>
      org(key).vehicles.filter((v) => v.operatorKey === operatorKey).length;
    expect(["coaches", "taxis", "ct"].map((k) => count("cambridgeshire", k))).toEqual([
      114, 200, 10,
    ]);
    expect(["coaches", "taxis", "ct"].map((k) => count("peterborough", k))).toEqual([38, 50, 0]);
    // The operators keep their own fleets; a council's entry names the operator that holds the
    // vehicle (the database stores it once, there, and grants it to the council).
    expect(org("taxis").vehicles).toHaveLength(250);
    const entry = org("cambridgeshire").vehicles.find((v) => v.operatorKey === "taxis");
    expect(entry?.contractedFrom).toBe("taxis");
    const { contractedFrom: _from, ...held } = entry ?? { contractedFrom: undefined };
    expect(org("taxis").vehicles.find((v) => v.reference === entry?.reference)).toEqual(held);
  });

  it("has drivers and assistants with split shifts, volunteers and checks lapsing soon", () => {
    const list = staff();
    expect(list.filter((s) => s.role === "passenger-assistant").length).toBeGreaterThan(50);
    expect(list.filter((s) => s.volunteer).length).toBeGreaterThan(20);
    const split = list.filter(
      (s) => s.shifts.some((x) => x.end === "10:00") && s.shifts.some((x) => x.start === "14:00"),
    );
    expect(split.length).toBeGreaterThan(30);
    const soon = list.filter(
      (s) => (s.dbsExpiry ?? "") >= DEMO_TODAY && (s.dbsExpiry ?? "") <= "2026-12-21",
    );
    expect(soon.length).toBeGreaterThan(3);
  });
});

describe("every row passes the domain's input schemas", () => {
  it("validates places, passengers, vehicles, staff and trips", () => {
    for (const o of scenario.organisations) {
      for (const p of o.places) placeInputSchema.parse(p);
      for (const p of o.passengers) passengerInputSchema.parse(p.input);
      for (const { operatorKey: _o, ...v } of o.vehicles)
        vehicleInputSchema.parse({ ...v, operatorId: ID });
      for (const { operatorKey: _o, ...s } of o.staff)
        staffInputSchema.parse({ ...s, operatorId: ID });
      for (const t of o.trips) {
        const place = { kind: "place", placeId: ID };
        tripRequestInputSchema.parse({
          ...t,
          passengerId: ID,
          funderId: ID,
          origin: t.origin.kind === "home" ? t.origin : place,
          destination: t.destination.kind === "home" ? t.destination : place,
          recurrence:
            t.recurrence.kind === "one-off"
              ? t.recurrence
              : { ...t.recurrence, termCalendarId: ID },
          returnOfId: t.returnOfReference ? ID : undefined,
        });
      }
    }
  });
});
