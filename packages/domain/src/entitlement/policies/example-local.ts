import type { LocalPolicy } from "../policy";

/**
 * An example council policy layered over the statutory rules: a sibling-free discretionary offer
 * for under-8s living over 1.5 miles from their nearest suitable school (s508C), a lower post-16
 * contribution and an NHS extension for chemotherapy and radiotherapy patients (as Humber & North
 * Yorkshire keep). Councils copy this file and edit the figures and sources.
 */
export const EXAMPLE_LOCAL_2026: LocalPolicy = {
  id: "example-council",
  version: "2026.1",
  title: "Example council: local discretionary travel policy 2026/27",
  organisation: "Example County Council",
  effectiveFrom: "2026-09-01",
  effectiveTo: "2027-08-31",
  source: "Example County Council home to school and post-16 transport policy statement 2026/27",
  confidence: "derived",
  parameters: {
    post16ContributionPence: {
      value: 45000,
      unit: "pence per year",
      source: "Example County Council post-16 transport policy statement 2026/27",
      confidence: "derived",
    },
  },
  discretionary: [
    {
      id: "local.htst.under-8-over-1.5-miles",
      regime: "home-to-school",
      text: "Children under 8 living over 1.5 miles from their nearest suitable school are offered a free seat (s508C discretion).",
      source: "Example County Council policy §4.2 (Education Act 1996 s508C)",
      when: { maxAgeExclusive: 8, minWalkingMiles: 1.5, nearestSuitable: true },
      category: "local-discretionary",
      contributionPence: 0,
    },
    {
      id: "local.nepts.oncology",
      regime: "nepts",
      text: "Patients attending chemotherapy or radiotherapy remain eligible (ICB local extension).",
      source: "Humber & North Yorkshire ICB NEPTS policy 2025 (example of a local extension)",
      when: { treatment: "chemotherapy-radiotherapy" },
      category: "local-extension",
      contributionPence: 0,
    },
  ],
};
