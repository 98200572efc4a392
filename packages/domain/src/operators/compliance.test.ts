import { describe, expect, it } from "vitest";
import {
  type ComplianceDocument,
  complianceDocumentInputSchema,
  describeLapse,
  listExpiryWarnings,
  listLapsedDocuments,
  vehicleLapses,
} from "./compliance";

const VAN = "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11";
const BUS = "1c7f2d0f-4b1f-4d6c-8c64-3b9d2e1f8f22";

let next = 0;
function doc(
  fields: Omit<
    ComplianceDocument,
    "id" | "organisationId" | "issuer" | "number" | "createdAt" | "updatedAt"
  >,
): ComplianceDocument {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, "0")}`,
    organisationId: "org",
    issuer: "DVSA",
    number: `N${next}`,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...fields,
  };
}

describe("compliance documents", () => {
  it("checks a document names a subject its kind can be about, and its dates", () => {
    const ok = {
      kind: "mot",
      vehicleId: VAN,
      issuer: "DVSA",
      number: "MOT1",
      expiresOn: "2027-01-01",
    };
    expect(complianceDocumentInputSchema.safeParse(ok).success).toBe(true);
    const paths = (input: unknown) => {
      const parsed = complianceDocumentInputSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
    };
    // An MOT is about a vehicle, an operator licence about the organisation.
    expect(paths({ ...ok, vehicleId: undefined })).toEqual(["vehicleId"]);
    expect(paths({ ...ok, kind: "psv-operator-licence" })).toEqual(["vehicleId"]);
    expect(paths({ ...ok, kind: "insurance", vehicleId: undefined })).toEqual([]);
    expect(paths({ ...ok, validFrom: "2027-02-01" })).toEqual(["expiresOn"]);
    expect(paths({ ...ok, expiresOn: "2027-02-30", number: "", kind: "bus-pass" })).toEqual(
      expect.arrayContaining(["kind", "number", "expiresOn"]),
    );
  });

  it("counts a document lapsed after its day, unless a renewal is in force", () => {
    const mot = doc({ kind: "mot", vehicleId: VAN, expiresOn: "2026-11-30" });
    expect(listLapsedDocuments([mot], "2026-11-30")).toEqual([]);
    const lapsed = listLapsedDocuments([mot], "2026-12-01");
    expect(lapsed).toEqual([
      { holderId: "org", kind: "mot", vehicleId: VAN, number: mot.number, expiredOn: "2026-11-30" },
    ]);
    expect(describeLapse(lapsed[0]!)).toBe(`MOT certificate ${mot.number} expired on 2026-11-30`);
    // A renewal counts from its first day.
    const renewal = doc({
      kind: "mot",
      vehicleId: VAN,
      validFrom: "2026-12-03",
      expiresOn: "2027-12-02",
    });
    expect(listLapsedDocuments([mot, renewal], "2026-12-02")).toHaveLength(1);
    expect(listLapsedDocuments([renewal, mot], "2026-12-03")).toEqual([]);
    // Another holder's licence is not a renewal of this one's.
    const theirs = doc({ kind: "psv-operator-licence", expiresOn: "2026-01-31" });
    const ours = {
      ...doc({ kind: "psv-operator-licence", expiresOn: "2030-01-31" }),
      organisationId: "ours",
    };
    expect(listLapsedDocuments([theirs, ours], "2026-12-01").map((l) => l.holderId)).toEqual([
      "org",
    ]);
    // Another vehicle's MOT, or another kind, is not a renewal.
    const other = doc({ kind: "mot", vehicleId: BUS, expiresOn: "2027-06-01" });
    const insured = doc({ kind: "insurance", vehicleId: VAN, expiresOn: "2027-06-01" });
    expect(listLapsedDocuments([mot, other, insured], "2026-12-01")).toHaveLength(1);
  });

  it("holds a vehicle back for its own lapsed documents and its holder's, not another vehicle's", () => {
    const licence = doc({ kind: "psv-operator-licence", expiresOn: "2026-10-31" });
    const mot = doc({ kind: "mot", vehicleId: BUS, expiresOn: "2026-10-31" });
    const lapsed = listLapsedDocuments([licence, mot], "2026-11-24");
    const van = { id: VAN, organisationId: "org" };
    expect(vehicleLapses(lapsed, van).map((l) => l.kind)).toEqual(["psv-operator-licence"]);
    // Another holder's licence is not this vehicle's.
    expect(vehicleLapses(lapsed, { ...van, organisationId: "other" })).toEqual([]);
    const bus = { id: BUS, organisationId: "org" };
    expect(
      vehicleLapses(lapsed, bus)
        .map((l) => l.kind)
        .sort(),
    ).toEqual(["mot", "psv-operator-licence"]);
  });

  it("warns at 60, 30 and 7 days and once lapsed, soonest first, the latest document only", () => {
    const today = "2026-12-07";
    const far = doc({ kind: "insurance", expiresOn: "2027-02-06" }); // 61 days
    const sixty = doc({ kind: "mot", vehicleId: VAN, expiresOn: "2027-02-05" }); // 60 days
    const thirty = doc({ kind: "mot", vehicleId: BUS, expiresOn: "2027-01-01" }); // 25 days
    const week = doc({ kind: "section-19-permit", vehicleId: VAN, expiresOn: "2026-12-14" });
    const gone = doc({ kind: "private-hire-operator-licence", expiresOn: "2026-12-06" });
    const replaced = doc({ kind: "section-22-permit", vehicleId: VAN, expiresOn: "2026-12-10" });
    const renewal = doc({ kind: "section-22-permit", vehicleId: VAN, expiresOn: "2031-12-10" });
    const warnings = listExpiryWarnings([far, sixty, thirty, week, gone, replaced, renewal], today);
    expect(warnings.map((w) => [w.document.id, w.daysLeft, w.threshold])).toEqual([
      [gone.id, -1, 0],
      [week.id, 7, 7],
      [thirty.id, 25, 30],
      [sixty.id, 60, 60],
    ]);
  });
});
