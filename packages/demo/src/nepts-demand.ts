import type { PlaceInput } from "@tt/domain";
import { haversineMetres } from "@tt/domain";
import { demoDate, nearestPlace, quarterHourBetween } from "./adult-demand";
import { clock, FINANCIAL_YEAR_END, FINANCIAL_YEAR_START } from "./calendar";
import {
  addPassenger,
  addTrips,
  type DemandContext,
  dateOfBirthBetween,
  outboundAndReturn,
  padded,
  tripFromHome,
} from "./demand-context";
import type { Home } from "./homes";
import { drawPatientNeeds } from "./needs";
import type { DemoService } from "./scenario-types";
import {
  ACUTE_HOSPITALS,
  ADDENBROOKES,
  COMMUNITY_HOSPITALS,
  ROYAL_PAPWORTH,
} from "./service-places";

/** NEPTS patients of the ICB (NHS Cambridgeshire and Peterborough). */
export const NEPTS_DEMAND = {
  outpatients: 250,
  gp: 60,
  dialysis: 90,
  /** Wheelchair users among outpatients, GP patients and dialysis patients. */
  wheelchairRate: { outpatient: 0.25, gp: 0.2, dialysis: 0.15 },
  /** Share of outpatients with an escort (carer) on board. */
  escortRate: 0.15,
} as const;

export interface NeptsPlaces {
  readonly hospitals: readonly PlaceInput[];
  readonly gpPractices: readonly PlaceInput[];
  readonly dialysisUnits: readonly PlaceInput[];
}

export function generateNeptsDemand(context: DemandContext, places: NeptsPlaces): void {
  const byCode = (codes: readonly string[]) =>
    places.hospitals.filter((h) => h.externalCode && codes.includes(h.externalCode));
  const acute = byCode(ACUTE_HOSPITALS);
  const community = byCode(COMMUNITY_HOSPITALS);
  const addenbrookes = byCode([ADDENBROOKES]);
  const papworth = byCode([ROYAL_PAPWORTH]);
  for (let i = 1; i <= NEPTS_DEMAND.outpatients; i++) {
    const home = context.homes.sample("deprived");
    const r = context.random.next();
    // 55% the nearest acute hospital, 20% Addenbrooke's (specialist), 10% Royal Papworth, 15% the nearest community hospital.
    const pool = r < 0.55 ? acute : r < 0.75 ? addenbrookes : r < 0.85 ? papworth : community;
    addAppointment(context, i, home, nearestPlace(home, pool), "nepts-outpatient");
  }
  for (let i = 1; i <= NEPTS_DEMAND.gp; i++) {
    const home = context.homes.sample("deprived");
    addAppointment(context, i, home, nearestPlace(home, places.gpPractices), "nepts-gp");
  }
  for (let i = 1; i <= NEPTS_DEMAND.dialysis; i++)
    addDialysisPatient(context, i, places.dialysisUnits);
}

/** Most patients are older: 70% aged 65–95, the rest 18–64 (on 23 November 2026). */
function patientDateOfBirth(context: DemandContext): string {
  return context.random.chance(0.7)
    ? dateOfBirthBetween(context.random, "1931-11-24", "1961-11-23")
    : dateOfBirthBetween(context.random, "1962-01-01", "2008-11-23");
}

/**
 * A one-off appointment in the demo week: arrive by the appointment time (outpatients 09:00–15:30,
 * GP 08:30–16:30), go home after it (outpatients 1–3 hours later, GP 40 minutes later).
 */
function addAppointment(
  context: DemandContext,
  index: number,
  home: Home,
  destination: PlaceInput,
  service: Extract<DemoService, "nepts-outpatient" | "nepts-gp">,
): void {
  const { random } = context;
  const outpatient = service === "nepts-outpatient";
  const reference = `${outpatient ? "OPA" : "GPA"}-${padded(index)}`;
  const rate = outpatient ? NEPTS_DEMAND.wheelchairRate.outpatient : NEPTS_DEMAND.wheelchairRate.gp;
  addPassenger(context, "icb", service, {
    reference,
    home,
    dateOfBirth: patientDateOfBirth(context),
    needs: drawPatientNeeds(random, rate),
  });
  const time = outpatient
    ? quarterHourBetween(context, 540, 930)
    : quarterHourBetween(context, 510, 990);
  const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  const back = Math.min(outpatient ? minutes + 15 * random.int(4, 12) : minutes + 40, 17 * 60 + 30);
  const outbound = tripFromHome(reference, service, destination, {
    funderKey: "icb-nepts",
    purpose: outpatient ? "hospital-appointment" : "gp-appointment",
    timing: "arrive-by",
    time,
    windowMinutes: outpatient ? 45 : 20,
    maxRideMinutes: outpatient ? 90 : 45,
    escorts: outpatient && random.chance(NEPTS_DEMAND.escortRate) ? 1 : 0,
    recurrence: { kind: "one-off", date: demoDate(context) },
  });
  const backTime = clock(back);
  addTrips(
    context,
    "icb",
    outboundAndReturn(outbound, { time: backTime, windowMinutes: outpatient ? 60 : 30 }),
  );
}

/**
 * In-centre haemodialysis, Monday, Wednesday and Friday all year, at the nearest unit: a morning
 * session (arrive by 08:00, home after 12:30) or an afternoon one (13:00, home after 17:30).
 */
function addDialysisPatient(
  context: DemandContext,
  index: number,
  units: readonly PlaceInput[],
): void {
  const { random } = context;
  const home = context.homes.sample("deprived");
  const unit = nearestPlace(home, units);
  const reference = `DIA-${padded(index)}`;
  addPassenger(context, "icb", "nepts-dialysis", {
    reference,
    home,
    dateOfBirth: dateOfBirthBetween(random, "1936-01-01", "1986-12-31"),
    needs: drawPatientNeeds(random, NEPTS_DEMAND.wheelchairRate.dialysis),
  });
  const morning = random.chance(0.5);
  const outbound = tripFromHome(reference, "nepts-dialysis", unit, {
    funderKey: "icb-nepts",
    purpose: "dialysis",
    timing: "arrive-by",
    time: morning ? "08:00" : "13:00",
    windowMinutes: 30,
    maxRideMinutes: haversineMetres(home, unit) > 30_000 ? 75 : 60,
    recurrence: {
      kind: "recurring",
      weekdays: ["mon", "wed", "fri"],
      from: FINANCIAL_YEAR_START,
      to: FINANCIAL_YEAR_END,
    },
  });
  addTrips(
    context,
    "icb",
    outboundAndReturn(outbound, { time: morning ? "12:30" : "17:30", windowMinutes: 45 }),
  );
}
