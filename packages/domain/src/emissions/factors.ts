import type { Confidence } from "../entitlement/types";

/** Emission classes the factor table covers: one per fuel and body type the fleet register uses. */
export const EMISSION_CLASSES = [
  "car-average",
  "car-petrol",
  "car-diesel",
  "car-battery-electric",
  "taxi-regular",
  "taxi-black-cab",
  "wav-diesel",
  "minibus-diesel",
  "coach-diesel",
  "ambulance-diesel",
] as const;
export type EmissionClass = (typeof EMISSION_CLASSES)[number];

/** One class's factor: kilograms CO2e per vehicle-km (tank-to-wheel, scope 1 and 3 reporting). */
export interface EmissionFactor {
  readonly label: string;
  readonly kgCo2ePerKm: number;
  /** The DESNZ row the figure comes from, or how it was derived. */
  readonly source: string;
  readonly confidence: Confidence;
}

/** A versioned table of emission factors, as published for one reporting year. */
export interface EmissionFactorTable {
  readonly id: string;
  readonly version: string;
  /** Edition (reporting year) of the government conversion factors relied on. */
  readonly edition: number;
  readonly title: string;
  /** First day the table applies, "YYYY-MM-DD". */
  readonly effectiveFrom: string;
  readonly source: string;
  readonly confidence: Confidence;
  readonly factors: Readonly<Record<EmissionClass, EmissionFactor>>;
}

const DESNZ_2025 =
  "DESNZ, Greenhouse gas reporting: conversion factors 2025 (gov.uk/government/collections/government-conversion-factors-for-company-reporting)";
const TRANSCRIBED = `${DESNZ_2025}, as transcribed in domain-rules §5.3 (third-party flat-file copy, not the official spreadsheet)`;

const f = (
  label: string,
  kgCo2ePerKm: number,
  source: string,
  confidence: Confidence,
): EmissionFactor => ({ label, kgCo2ePerKm, source, confidence });

/**
 * UK government GHG conversion factors, 2025 edition (DESNZ), per vehicle-km (domain-rules §5.3).
 * Every figure is a transcription, not read from the official spreadsheet: [U] unverified at best,
 * and [D] derived where DESNZ publishes no factor for the class (minibuses, wheelchair-accessible
 * vehicles, ambulances and coaches per vehicle-km). Replace with the official file's values for the
 * reporting year before publishing carbon figures; a register's measured g/km overrides the class.
 */
export const EMISSION_FACTORS: EmissionFactorTable = {
  id: "uk-ghg-conversion-factors",
  version: "desnz-2025.1",
  edition: 2025,
  title: "UK government GHG conversion factors for company reporting, per vehicle-km",
  effectiveFrom: "2025-06-01",
  source: DESNZ_2025,
  confidence: "unverified",
  factors: {
    "car-average": f(
      "Average car, unknown fuel",
      0.1714,
      `${TRANSCRIBED}: Passenger vehicles, Cars (by size), Average car, Unknown, km`,
      "unverified",
    ),
    "car-petrol": f(
      "Average car, petrol",
      0.1743,
      `${TRANSCRIBED}: Cars (by size), Average car, Petrol, km`,
      "unverified",
    ),
    "car-diesel": f(
      "Average car, diesel",
      0.16844,
      `${TRANSCRIBED}: Cars (by size), Average car, Diesel, km`,
      "unverified",
    ),
    "car-battery-electric": f(
      "Average car, battery electric (UK grid)",
      0.05728,
      `${TRANSCRIBED}: Cars (by size), Average car, Battery Electric Vehicle, km`,
      "unverified",
    ),
    "taxi-regular": f(
      "Regular taxi",
      0.21,
      `${TRANSCRIBED}: Business travel - land, Taxis, Regular taxi, km (rounded to 2 d.p.)`,
      "unverified",
    ),
    "taxi-black-cab": f(
      "Black cab",
      0.31,
      `${TRANSCRIBED}: Business travel - land, Taxis, Black cab, km (rounded to 2 d.p.)`,
      "unverified",
    ),
    "wav-diesel": f(
      "Wheelchair-accessible vehicle, diesel (average van proxy)",
      0.2471,
      `Derived: no DESNZ class; proxy ${TRANSCRIBED}: Vans, Average (up to 3.5 tonnes), Diesel, km`,
      "derived",
    ),
    "minibus-diesel": f(
      "Minibus, diesel (van class III proxy)",
      0.2717,
      `Derived: DESNZ has no minibus factor; proxy ${TRANSCRIBED}: Vans, Class III (1.74 to 3.5 tonnes), Diesel, km`,
      "derived",
    ),
    "coach-diesel": f(
      "Coach, diesel",
      1.05,
      `Derived: DESNZ gives coaches per passenger-km only (≈ 0.027 kg at national average occupancy, ${TRANSCRIBED}); × about 38 passengers ≈ 1.05 kg per vehicle-km`,
      "derived",
    ),
    "ambulance-diesel": f(
      "Patient transport ambulance, diesel (van class III proxy)",
      0.2717,
      `Derived: no DESNZ class; a van-based conversion, proxy ${TRANSCRIBED}: Vans, Class III (1.74 to 3.5 tonnes), Diesel, km`,
      "derived",
    ),
  },
};
