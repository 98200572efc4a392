import type { Random, Shift, StaffRole } from "@tt/domain";
import { addDays, DEMO_TODAY } from "./calendar";
import { randomName } from "./names";
import type { DemoOrganisation, DemoOrganisationKey, DemoStaff } from "./scenario-types";

type Pattern = "full-time" | "school-day" | "taxi" | "ambulance" | "volunteer";

interface StaffLine {
  readonly count: number;
  readonly role: StaffRole;
  readonly prefix: string;
  readonly operatorKey: string;
  /** Share of the line on the school-day split shift (unavailable 10:00–14:00). */
  readonly partTime: number;
  readonly pattern: Pattern;
  readonly volunteer?: number;
}

/** Drivers and passenger assistants of each organisation (439 in all). */
export const STAFF: Partial<Record<DemoOrganisationKey, readonly StaffLine[]>> = {
  cambridgeshire: [
    {
      count: 40,
      role: "driver",
      prefix: "CCC-D",
      operatorKey: "ccc-fleet",
      partTime: 0.4,
      pattern: "full-time",
    },
    {
      count: 70,
      role: "passenger-assistant",
      prefix: "CCC-PA",
      operatorKey: "ccc-fleet",
      partTime: 0.8,
      pattern: "full-time",
    },
    {
      // The council's escorts on the SEND taxis and WAVs it contracts from Ribbonway.
      count: 50,
      role: "passenger-assistant",
      prefix: "CCC-PAT",
      operatorKey: "taxis",
      partTime: 0.8,
      pattern: "full-time",
    },
  ],
  peterborough: [
    {
      count: 10,
      role: "driver",
      prefix: "PCC-D",
      operatorKey: "pcc-fleet",
      partTime: 0.4,
      pattern: "full-time",
    },
    {
      count: 20,
      role: "passenger-assistant",
      prefix: "PCC-PA",
      operatorKey: "pcc-fleet",
      partTime: 0.8,
      pattern: "full-time",
    },
  ],
  coaches: [
    {
      count: 160,
      role: "driver",
      prefix: "WC-D",
      operatorKey: "coaches",
      partTime: 0.5,
      pattern: "full-time",
    },
  ],
  taxis: [
    {
      count: 260,
      role: "driver",
      prefix: "RT-D",
      operatorKey: "taxis",
      partTime: 0.2,
      pattern: "taxi",
    },
  ],
  "patient-transport": [
    {
      count: 30,
      role: "driver",
      prefix: "LPT-D",
      operatorKey: "nepts",
      partTime: 0,
      pattern: "ambulance",
    },
    {
      count: 18,
      role: "passenger-assistant",
      prefix: "LPT-C",
      operatorKey: "nepts",
      partTime: 0,
      pattern: "ambulance",
    },
  ],
  "community-transport": [
    {
      count: 20,
      role: "driver",
      prefix: "BCT-D",
      operatorKey: "ct",
      partTime: 0.3,
      pattern: "full-time",
      volunteer: 0.5,
    },
    {
      count: 35,
      role: "driver",
      prefix: "BCT-V",
      operatorKey: "cars",
      partTime: 0,
      pattern: "volunteer",
      volunteer: 1,
    },
    {
      count: 6,
      role: "passenger-assistant",
      prefix: "BCT-PA",
      operatorKey: "ct",
      partTime: 0,
      pattern: "volunteer",
      volunteer: 1,
    },
  ],
  consortium: [
    {
      count: 4,
      role: "driver",
      prefix: "FEV-D",
      operatorKey: "fen-edge-bus",
      partTime: 0.25,
      pattern: "full-time",
    },
  ],
};

const WEEK = ["mon", "tue", "wed", "thu", "fri"] as const;

/** Working windows: split school-day shifts leave 10:00–14:00 free (Oxfordshire, product.md). */
function shiftsFor(random: Random, pattern: Pattern, partTime: boolean): Shift[] {
  const weekdays = [...WEEK];
  if (partTime) {
    return [
      { weekdays, start: "07:00", end: "10:00" },
      { weekdays, start: "14:00", end: "18:00" },
    ];
  }
  switch (pattern) {
    case "taxi":
      return [
        {
          weekdays: random.chance(0.3) ? [...weekdays, "sat"] : weekdays,
          start: "06:30",
          end: "18:30",
        },
      ];
    case "ambulance":
      return [{ weekdays, start: "07:00", end: "19:00" }];
    case "volunteer": {
      const days = WEEK.filter(() => random.chance(0.5));
      return [
        { weekdays: days.length > 0 ? days : [random.pick(WEEK)], start: "09:00", end: "15:00" },
      ];
    }
    default:
      return [{ weekdays, start: "07:00", end: "17:30" }];
  }
}

/**
 * A check's expiry: usually 2 months to 3 years ahead of the demo's "today" (23 Nov 2026); 4%
 * lapse within the next four weeks and 1% have lapsed already, so the warnings have something
 * to show.
 */
function expiry(random: Random): string {
  const r = random.next();
  if (r < 0.01) return addDays(DEMO_TODAY, -random.int(1, 20));
  if (r < 0.05) return addDays(DEMO_TODAY, random.int(1, 28));
  return addDays(DEMO_TODAY, random.int(60, 3 * 365));
}

export function buildStaff(random: Random, organisation: DemoOrganisation): DemoStaff[] {
  const staff: DemoStaff[] = [];
  for (const line of STAFF[organisation.key] ?? []) {
    for (let n = 1; n <= line.count; n++) {
      const name = randomName(random);
      staff.push({
        reference: `${line.prefix}-${String(n).padStart(3, "0")}`,
        name: `${name.givenName} ${name.familyName}`,
        role: line.role,
        operatorKey: line.operatorKey,
        volunteer: random.chance(line.volunteer ?? 0),
        dbsExpiry: expiry(random),
        ...(line.role === "driver" ? { licenceExpiry: expiry(random) } : {}),
        shifts: shiftsFor(random, line.pattern, random.chance(line.partTime)),
      });
    }
  }
  return staff;
}
