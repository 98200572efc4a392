import type { ComplianceRecordView } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { emailedText, KIND_CHOICES, readDocument, warningText } from "./compliance-words";

const VAN = "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11";
const stamps = { organisationId: VAN, createdAt: "", updatedAt: "" };

const record: ComplianceRecordView = {
  today: "2026-12-07",
  items: [
    {
      ...stamps,
      id: "d1",
      kind: "mot",
      vehicleId: VAN,
      issuer: "DVSA",
      number: "M1",
      expiresOn: "2026-12-01",
    },
    {
      ...stamps,
      id: "d2",
      kind: "insurance",
      issuer: "Fen Mutual",
      number: "F7",
      expiresOn: "2027-01-01",
    },
    {
      ...stamps,
      id: "d3",
      kind: "psv-operator-licence",
      issuer: "TC",
      number: "PB1",
      expiresOn: "2026-12-06",
    },
  ],
  warnings: [
    { documentId: "d1", daysLeft: -6, threshold: 0 },
    { documentId: "d3", daysLeft: -1, threshold: 0 },
    { documentId: "d2", daysLeft: 25, threshold: 30 },
  ],
  lapsed: [],
  vehicles: { [VAN]: "FM-01" },
};

describe("compliance words", () => {
  it("says what a warning means for planning", () => {
    const [mot, licence, insurance] = record.warnings.map((w) => warningText(w, record));
    expect(mot).toBe(
      "MOT certificate M1 of FM-01 lapsed on 1 December 2026: FM-01 is not planned until it is renewed.",
    );
    expect(licence).toBe(
      "PSV operator licence PB1 of the organisation lapsed on 6 December 2026: none of its vehicles is planned until it is renewed.",
    );
    expect(insurance).toBe(
      "Insurance F7 of the organisation expires in 25 days, on 1 January 2027 (the 30-day warning).",
    );
  });

  it("says whether the warning reached was emailed, when the list says", () => {
    const warning = { documentId: "d2", daysLeft: 5, threshold: 7 };
    expect(emailedText({ ...warning, sentThresholds: [30, 7] })).toBe("Emailed.");
    expect(emailedText({ ...warning, sentThresholds: [30] })).toBe("Not emailed yet.");
    expect(emailedText(warning)).toBe("");
  });

  it("offers every kind, saying what it is about", () => {
    expect(KIND_CHOICES.map((c) => c.text)).toContain("MOT certificate (vehicle)");
    expect(KIND_CHOICES.map((c) => c.text)).toContain("Insurance (organisation or vehicle)");
  });

  it("reads the form, or lists what to fix with links to the fields", () => {
    const fields = {
      kind: "mot",
      vehicleId: VAN,
      issuer: " DVSA ",
      number: "M2",
      validFrom: "",
      expiresOn: "2027-12-01",
    };
    expect(readDocument(fields)).toEqual({
      ok: true,
      body: { kind: "mot", vehicleId: VAN, issuer: "DVSA", number: "M2", expiresOn: "2027-12-01" },
    });
    const bad = readDocument({
      ...fields,
      kind: "",
      issuer: "",
      expiresOn: "2027-02-30",
      validFrom: "x",
    });
    expect(bad.ok ? [] : bad.problems.map((p) => p.href)).toEqual([
      "#document-kind",
      "#document-issuer",
      "#document-expires",
      "#document-valid-from",
    ]);
  });
});
