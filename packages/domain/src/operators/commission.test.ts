import { describe, expect, it } from "vitest";
import {
  type Commission,
  commissionOfferSchema,
  commissionStatusAt,
  completionSchema,
  findCommissionMoveRefusal,
  PURPOSE_PASSENGER_CLASS,
  toMileTenths,
} from "./commission";
import type { ComplianceDocument } from "./compliance";
import { complianceDocumentInputSchema } from "./compliance";
import { checkPermit, type PermitVehicle, section19PermitClass } from "./permit-check";

const ID = "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11";

const offered: Commission = {
  id: "c1",
  buyerId: "b",
  groupId: "g",
  planId: "p",
  tripRequestId: "t",
  date: "2026-10-14",
  trip: {
    reference: "P-1",
    purpose: "adult-day-service",
    passengers: 1,
    timing: "arrive-by",
    time: "10:00",
    pickup: "Home",
    dropoff: "Day centre",
    needs: [],
  },
  passengerClass: "disabled-or-ill",
  rate: { pence: 45, version: "hmrc-amap-2011", source: "HMRC" },
  deadline: "2026-10-10T17:00:00+01:00",
  status: "offered",
  createdAt: "",
  updatedAt: "",
};

const minibus: PermitVehicle = { id: "v1", reference: "BCT-1", kind: "minibus", capacity: 14 };
const car: PermitVehicle = { id: "v2", reference: "CAR-1", kind: "volunteer-car", capacity: 4 };

function permit(over: Partial<ComplianceDocument> = {}): ComplianceDocument {
  return {
    id: "d1",
    organisationId: "g",
    kind: "section-19-permit",
    vehicleId: "v1",
    issuer: "Cambridgeshire County Council",
    number: "S19-4471",
    expiresOn: "2027-06-30",
    createdAt: "",
    updatedAt: "",
    ...over,
  };
}

const trip = { passengerClass: "disabled-or-ill", passengers: 2, date: "2026-10-14" } as const;

describe("commissions", () => {
  it("lapses an offer left unanswered past its time limit", () => {
    expect(commissionStatusAt(offered, "2026-10-10T16:00:00Z")).toBe("offered");
    expect(commissionStatusAt(offered, "2026-10-10T16:00:01Z")).toBe("lapsed");
    expect(commissionStatusAt({ ...offered, status: "accepted" }, "2027-01-01T00:00:00Z")).toBe(
      "accepted",
    );
  });

  it("allows only the moves of its life", () => {
    const before = "2026-10-09T12:00:00Z";
    const after = "2026-10-11T12:00:00Z";
    const answer = { kind: "answer", answer: "accept" } as const;
    expect(findCommissionMoveRefusal(offered, answer, before)).toBeUndefined();
    expect(findCommissionMoveRefusal(offered, answer, after)).toContain("time limit passed");
    const accepted = { ...offered, status: "accepted" } as const;
    expect(findCommissionMoveRefusal(accepted, answer, before)).toBe("it was already accepted");
    const complete = (date: string) => ({ kind: "complete", date, today: "2026-10-15" }) as const;
    expect(findCommissionMoveRefusal(accepted, complete("2026-10-14"), after)).toBeUndefined();
    expect(findCommissionMoveRefusal(accepted, complete("2026-10-13"), after)).toContain("before");
    expect(findCommissionMoveRefusal(accepted, complete("2026-10-16"), after)).toContain("to come");
    expect(findCommissionMoveRefusal(offered, complete("2026-10-14"), before)).toContain("offered");
    const dispute = { kind: "dispute" } as const;
    expect(findCommissionMoveRefusal(accepted, dispute, after)).toBeUndefined();
    expect(findCommissionMoveRefusal({ ...offered, status: "completed" }, dispute, after)).toBe(
      undefined,
    );
    expect(findCommissionMoveRefusal(offered, dispute, after)).toContain("lapsed");
    expect(findCommissionMoveRefusal({ ...offered, status: "declined" }, dispute, after)).toContain(
      "declined",
    );
  });

  it("checks offers and completions field by field", () => {
    const offer = {
      groupId: ID,
      planId: ID,
      tripRequestIds: [ID],
      deadline: "2026-10-10T17:00:00Z",
    };
    expect(commissionOfferSchema.safeParse(offer).success).toBe(true);
    expect(commissionOfferSchema.safeParse({ ...offer, tripRequestIds: [ID, ID] }).success).toBe(
      false,
    );
    expect(commissionOfferSchema.safeParse({ ...offer, tripRequestIds: [] }).success).toBe(false);
    expect(commissionOfferSchema.safeParse({ ...offer, deadline: "2026-10-10" }).success).toBe(
      false,
    );
    const done = { date: "2026-10-14", miles: 12.3, driverStaffId: ID };
    expect(completionSchema.safeParse(done).success).toBe(true);
    expect(completionSchema.safeParse({ ...done, miles: 12.34 }).success).toBe(false);
    expect(completionSchema.safeParse({ ...done, miles: 0 }).success).toBe(false);
    expect(completionSchema.safeParse({ ...done, miles: 500.1 }).success).toBe(false);
    expect(toMileTenths(12.3)).toBe(123);
    expect(toMileTenths(0.1 + 0.2)).toBe(3);
  });
});

describe("the permit check", () => {
  it("carries a trip in the permit's classes, on a vehicle with room, while the permit holds", () => {
    expect(checkPermit([minibus], [permit()], trip)).toEqual({
      allowed: true,
      covers: [{ vehicleId: "v1", basis: "section-19-permit" }],
    });
    const members = permit({ passengerClasses: ["members"] });
    expect(checkPermit([minibus], [members], trip)).toMatchObject({ allowed: false });
    expect(checkPermit([minibus], [members], { ...trip, passengerClass: "members" }).allowed).toBe(
      true,
    );
    expect(checkPermit([{ ...minibus, capacity: 1 }], [permit()], trip).allowed).toBe(false);
  });

  it("refuses without a permit in force that day", () => {
    const lapsed = permit({ expiresOn: "2026-10-13" });
    expect(checkPermit([minibus], [lapsed], trip)).toEqual({
      allowed: false,
      reason: "the group holds no section 19 or 22 permit in force on 2026-10-14",
    });
    const later = permit({ validFrom: "2026-10-15" });
    expect(checkPermit([minibus], [later], trip).allowed).toBe(false);
    const elsewhere = permit({ vehicleId: "v9" });
    expect(checkPermit([minibus], [elsewhere], trip).allowed).toBe(false);
  });

  it("never carries the general public under section 19; section 22 and car schemes may", () => {
    const pub = { ...trip, passengerClass: "general-public" } as const;
    expect(checkPermit([minibus], [permit()], pub)).toEqual({
      allowed: false,
      reason: "a section 19 permit never carries the general public",
    });
    const s22 = permit({ kind: "section-22-permit" });
    expect(checkPermit([minibus], [s22], pub).allowed).toBe(true);
    expect(checkPermit([car], [], pub)).toEqual({
      allowed: true,
      covers: [{ vehicleId: "v2", basis: "car-scheme" }],
    });
    expect(checkPermit([car], [], { ...pub, passengers: 5 }).allowed).toBe(false);
  });

  it("reads a standard permit's vehicle as up to 16 passengers, and purposes as classes", () => {
    expect(section19PermitClass(minibus)).toBe("standard");
    expect(section19PermitClass({ ...minibus, capacity: 16 })).toBe("standard");
    expect(section19PermitClass({ ...minibus, capacity: 17 })).toBe("large-bus");
    expect(PURPOSE_PASSENGER_CLASS["send-school"]).toBe("pupils");
    expect(PURPOSE_PASSENGER_CLASS["demand-responsive"]).toBe("general-public");
  });

  it("names classes only on a section 19 permit", () => {
    const base = {
      kind: "section-19-permit",
      vehicleId: ID,
      issuer: "CCC",
      number: "S19-1",
      expiresOn: "2027-01-01",
    };
    expect(
      complianceDocumentInputSchema.safeParse({ ...base, passengerClasses: ["pupils"] }).success,
    ).toBe(true);
    expect(
      complianceDocumentInputSchema.safeParse({ ...base, passengerClasses: ["general-public"] })
        .success,
    ).toBe(false);
    const mot = { ...base, kind: "mot", passengerClasses: ["pupils"] };
    expect(complianceDocumentInputSchema.safeParse(mot).success).toBe(false);
  });
});
