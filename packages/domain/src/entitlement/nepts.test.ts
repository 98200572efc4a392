import { describe, expect, it } from "vitest";
import { EXAMPLE_LOCAL_2026 } from "./policies";
import { decide } from "./test-support";

type Patch = {
  medical?: object;
  mobility?: object;
  patient?: object;
  appointment?: object;
  escort?: object;
};

function nepts(patch: Patch = {}) {
  return {
    regime: "nepts",
    patient: {
      age: 70,
      medical: patch.medical ?? {},
      mobility: patch.mobility ?? {},
      ...patch.patient,
    },
    appointment: { setting: "secondary-care", distanceMiles: 10, ...patch.appointment },
    ...(patch.escort ? { escort: patch.escort } : {}),
  };
}

// [name, patch, eligible, category, decided by]
const CRITERIA: [string, Patch, boolean, string, string][] = [
  [
    "oxygen not self-administered",
    { medical: { oxygenNotSelfAdministered: true } },
    true,
    "medical-need",
    "nepts.medical-need",
  ],
  [
    "specialised equipment",
    { medical: { specialisedEquipment: true } },
    true,
    "medical-need",
    "nepts.medical-need",
  ],
  [
    "close monitoring",
    { medical: { closeMonitoring: true } },
    true,
    "medical-need",
    "nepts.medical-need",
  ],
  [
    "cognitive or sensory impairment",
    { medical: { cognitiveOrSensoryImpairment: true } },
    true,
    "medical-need",
    "nepts.medical-need",
  ],
  [
    "condition or treatment needs assistance",
    { medical: { conditionNeedsAssistance: true } },
    true,
    "medical-need",
    "nepts.medical-need",
  ],
  [
    "communicable disease, no private transport",
    { medical: { communicableDiseaseNoPrivateTransport: true } },
    true,
    "medical-need",
    "nepts.medical-need",
  ],
  [
    "immunocompromised, no private transport",
    { medical: { immunocompromisedNoPrivateTransport: true } },
    true,
    "medical-need",
    "nepts.medical-need",
  ],
  ["stretcher", { mobility: { stretcher: true } }, true, "mobility", "nepts.mobility"],
  ["bariatric", { mobility: { bariatric: true } }, true, "mobility", "nepts.mobility"],
  [
    "unable to self-mobilise",
    { mobility: { unableToSelfMobilise: true } },
    true,
    "mobility",
    "nepts.mobility",
  ],
  ["wheelchair user", { mobility: { wheelchairUser: true } }, true, "mobility", "nepts.mobility"],
  [
    "in-centre haemodialysis",
    { appointment: { inCentreHaemodialysis: true } },
    true,
    "dialysis",
    "nepts.dialysis",
  ],
  [
    "dialysis comes first",
    { appointment: { inCentreHaemodialysis: true }, medical: { closeMonitoring: true } },
    true,
    "dialysis",
    "nepts.dialysis",
  ],
  [
    "treatment missed or severely delayed",
    { patient: { treatmentMissedOrDelayed: true } },
    true,
    "wider-circumstances",
    "nepts.wider-circumstances",
  ],
  ["no criterion met", {}, false, "not-eligible", "nepts.no-criterion-met"],
  [
    "primary care is out of scope",
    { appointment: { setting: "primary-care" }, mobility: { stretcher: true } },
    false,
    "not-eligible",
    "nepts.scope",
  ],
  [
    "not NHS-funded",
    { appointment: { nhsFunded: false }, mobility: { stretcher: true } },
    false,
    "not-eligible",
    "nepts.scope",
  ],
  [
    "a treatment with no local extension",
    { appointment: { treatment: "chemotherapy-radiotherapy" } },
    false,
    "not-eligible",
    "nepts.no-criterion-met",
  ],
];

// [name, patient and appointment patch, HTCS met]
const HTCS: [string, Patch, boolean][] = [
  ["qualifying benefit, referred, separate visit", { patient: { qualifyingBenefit: true } }, true],
  ["HC2 certificate", { patient: { lowIncomeCertificate: "hc2" } }, true],
  ["HC3 certificate", { patient: { lowIncomeCertificate: "hc3" } }, true],
  ["no benefit or certificate", {}, false],
  [
    "same visit as the referral",
    { patient: { qualifyingBenefit: true }, appointment: { separateVisitFromReferral: false } },
    false,
  ],
  [
    "not referred",
    { patient: { qualifyingBenefit: true }, appointment: { referredByClinician: false } },
    false,
  ],
];

// [name, age, escort reason, allowed]
const ESCORTS: [string, number, string, boolean][] = [
  ["child aged 17", 17, "patient-is-child", true],
  ["'child' aged 18", 18, "patient-is-child", false],
  ["mobility alone", 70, "mobility-only", false],
  ["communication difficulty", 70, "communication-difficulty", true],
  ["cognitive or mental health", 70, "cognitive-or-mental-health", true],
  ["constant supervision", 70, "constant-supervision", true],
  ["carer needed at destination", 70, "carer-needed-at-destination", true],
];

describe("NEPTS eligibility (NHS England 2022, domain-rules.md §2)", () => {
  it.each(CRITERIA)("%s", (_name, patch, eligible, category, rule) => {
    const decision = decide(nepts(patch));
    expect(decision).toMatchObject({ regime: "nepts", eligible, category, decidedBy: rule });
  });

  it.each(HTCS)("HTCS when not eligible: %s", (_name, patch, met) => {
    const decision = decide(nepts(patch));
    expect(decision.eligible).toBe(false);
    expect(decision.reasons.find((r) => r.ruleId === "nepts.htcs")?.met).toBe(met);
    expect(decision.signposts.some((s) => s.startsWith("Healthcare Travel Costs Scheme:"))).toBe(
      met,
    );
    expect(decision.alternatives.some((a) => a.kind === "healthcare-travel-costs-scheme")).toBe(
      met,
    );
  });

  it.each(ESCORTS)("escort: %s", (_name, age, reason, allowed) => {
    const decision = decide(
      nepts({ patient: { age }, mobility: { stretcher: true }, escort: { reason } }),
    );
    expect(decision.reasons.find((r) => r.ruleId === "nepts.escort")?.met).toBe(allowed);
  });

  it("applies an ICB's local extension only through its local policy", () => {
    const input = nepts({ appointment: { treatment: "chemotherapy-radiotherapy" } });
    const local = decide(input, { localPolicy: EXAMPLE_LOCAL_2026 });
    expect(local).toMatchObject({
      eligible: true,
      category: "local-extension",
      decidedBy: "local.nepts.oncology",
    });
  });

  it("never checks the HTCS for an eligible patient, and reviews in 20 working days", () => {
    const decision = decide(nepts({ mobility: { stretcher: true } }));
    expect(decision.reasons.map((r) => r.ruleId)).not.toContain("nepts.htcs");
    expect(decision.reviewDate).toBe("2026-10-29");
  });
});
