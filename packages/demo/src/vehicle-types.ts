import type { Layout, VehicleFeature, VehicleKind } from "@tt/domain";

/**
 * Vehicle types of the demo with their costs (whole pence) and emissions. Sources and
 * assumptions (data/README.md, "Demo scenario assumptions"):
 * - CO2: DESNZ 2025 factors as transcribed in domain-rules §5.3 — van class III 272 g/km for a
 *   16-seat minibus, average van 247 g/km for small minibuses and WAVs, regular taxi 210 g/km,
 *   average car 171 g/km; coaches ≈ 0.027 kg per passenger-km × about 38 passengers ≈ 1,050 g/km.
 * - Volunteer cars: 45p a mile (AMAP) ≈ 28p a km, no fixed or hourly cost.
 * - Daily, per-km and hourly figures for minibuses, coaches, taxis and ambulances are the demo's
 *   assumptions, chosen so that a day's SEND taxi costs £90–£280 (B&NES 2024/25, §5.2) and a
 *   shared minibus about £34 per pupil per day (§5.2 derived default).
 */
export interface VehicleType {
  readonly kind: VehicleKind;
  readonly seats: number;
  readonly wheelchairSpaces: number;
  readonly layouts: readonly Layout[];
  readonly features: readonly VehicleFeature[];
  readonly fixedCostPence: number;
  readonly costPerKmPence: number;
  readonly costPerHourPence: number;
  readonly co2GramsPerKm: number;
  readonly availableFrom: string;
  readonly availableTo: string;
}

const SCHOOL_DAY = { availableFrom: "06:30", availableTo: "18:30" } as const;

export const VEHICLE_TYPES = {
  /** 16-seat minibus with a tail lift; converts to 12 seats + 2 wheelchairs or 8 + 4. */
  councilMinibus16: {
    kind: "minibus",
    seats: 16,
    wheelchairSpaces: 0,
    layouts: [
      { seats: 12, wheelchairSpaces: 2 },
      { seats: 8, wheelchairSpaces: 4 },
    ],
    features: ["tail-lift", "harness-points"],
    fixedCostPence: 5_000,
    costPerKmPence: 40,
    costPerHourPence: 1_500,
    co2GramsPerKm: 272,
    ...SCHOOL_DAY,
  },
  /** 12 seats + 2 wheelchairs with a tail lift; converts to 16 seats or 8 + 4. */
  councilMinibus12x2: {
    kind: "minibus",
    seats: 12,
    wheelchairSpaces: 2,
    layouts: [
      { seats: 16, wheelchairSpaces: 0 },
      { seats: 8, wheelchairSpaces: 4 },
    ],
    features: ["tail-lift", "harness-points"],
    fixedCostPence: 5_000,
    costPerKmPence: 40,
    costPerHourPence: 1_500,
    co2GramsPerKm: 272,
    ...SCHOOL_DAY,
  },
  coach53: {
    kind: "coach",
    seats: 53,
    wheelchairSpaces: 0,
    layouts: [],
    features: ["air-conditioning"],
    fixedCostPence: 19_000,
    costPerKmPence: 95,
    costPerHourPence: 1_800,
    co2GramsPerKm: 1_050,
    ...SCHOOL_DAY,
  },
  /** Double-deck or high-capacity school bus. */
  coach70: {
    kind: "coach",
    seats: 70,
    wheelchairSpaces: 0,
    layouts: [],
    features: [],
    fixedCostPence: 23_000,
    costPerKmPence: 110,
    costPerHourPence: 1_800,
    co2GramsPerKm: 1_250,
    ...SCHOOL_DAY,
  },
  /** Midi-coach, PSVAR-style wheelchair space with a lift. */
  coach33: {
    kind: "coach",
    seats: 33,
    wheelchairSpaces: 1,
    layouts: [{ seats: 35, wheelchairSpaces: 0 }],
    features: ["tail-lift"],
    fixedCostPence: 15_000,
    costPerKmPence: 80,
    costPerHourPence: 1_800,
    co2GramsPerKm: 850,
    ...SCHOOL_DAY,
  },
  operatorMinibus16: {
    kind: "minibus",
    seats: 16,
    wheelchairSpaces: 0,
    layouts: [],
    features: [],
    fixedCostPence: 9_000,
    costPerKmPence: 55,
    costPerHourPence: 1_700,
    co2GramsPerKm: 272,
    ...SCHOOL_DAY,
  },
  operatorMinibusLift: {
    kind: "minibus",
    seats: 16,
    wheelchairSpaces: 0,
    layouts: [{ seats: 12, wheelchairSpaces: 2 }],
    features: ["tail-lift", "harness-points"],
    fixedCostPence: 10_000,
    costPerKmPence: 55,
    costPerHourPence: 1_700,
    co2GramsPerKm: 272,
    ...SCHOOL_DAY,
  },
  taxi: {
    kind: "taxi",
    seats: 4,
    wheelchairSpaces: 0,
    layouts: [],
    features: ["child-seats"],
    fixedCostPence: 1_500,
    costPerKmPence: 110,
    costPerHourPence: 1_200,
    co2GramsPerKm: 210,
    availableFrom: "06:00",
    availableTo: "20:00",
  },
  /** People-carrier taxi. */
  taxiMpv: {
    kind: "taxi",
    seats: 6,
    wheelchairSpaces: 0,
    layouts: [],
    features: ["child-seats"],
    fixedCostPence: 1_800,
    costPerKmPence: 120,
    costPerHourPence: 1_200,
    co2GramsPerKm: 230,
    availableFrom: "06:00",
    availableTo: "20:00",
  },
  /** Wheelchair-accessible taxi: 4 seats + 1 wheelchair, or 6 seats. */
  wav: {
    kind: "wheelchair-accessible-vehicle",
    seats: 4,
    wheelchairSpaces: 1,
    layouts: [{ seats: 6, wheelchairSpaces: 0 }],
    features: ["ramp"],
    fixedCostPence: 2_500,
    costPerKmPence: 140,
    costPerHourPence: 1_500,
    co2GramsPerKm: 247,
    availableFrom: "06:00",
    availableTo: "20:00",
  },
  /** NEPTS ambulance, two crew: 2 seats + 1 wheelchair, or a stretcher and 1 seat. */
  ambulance: {
    kind: "ambulance",
    seats: 2,
    wheelchairSpaces: 1,
    layouts: [{ seats: 3, wheelchairSpaces: 0 }],
    features: ["stretcher", "tail-lift"],
    fixedCostPence: 9_000,
    costPerKmPence: 80,
    costPerHourPence: 2_600,
    co2GramsPerKm: 272,
    availableFrom: "07:00",
    availableTo: "19:00",
  },
  /** Community transport minibus: 12 + 2 wheelchairs; converts to 16 seats or 8 + 4. */
  communityMinibus: {
    kind: "minibus",
    seats: 12,
    wheelchairSpaces: 2,
    layouts: [
      { seats: 16, wheelchairSpaces: 0 },
      { seats: 8, wheelchairSpaces: 4 },
    ],
    features: ["tail-lift"],
    fixedCostPence: 3_500,
    costPerKmPence: 45,
    costPerHourPence: 1_200,
    co2GramsPerKm: 272,
    availableFrom: "08:00",
    availableTo: "17:00",
  },
  volunteerCar: {
    kind: "volunteer-car",
    seats: 3,
    wheelchairSpaces: 0,
    layouts: [],
    features: [],
    fixedCostPence: 0,
    costPerKmPence: 28,
    costPerHourPence: 0,
    co2GramsPerKm: 171,
    availableFrom: "09:00",
    availableTo: "16:00",
  },
  /** Low-floor 8-seat DRT minibus with a ramp: 8 seats + 1 wheelchair. */
  drtMinibus: {
    kind: "minibus",
    seats: 8,
    wheelchairSpaces: 1,
    layouts: [{ seats: 10, wheelchairSpaces: 0 }],
    features: ["ramp", "low-floor"],
    fixedCostPence: 7_000,
    costPerKmPence: 45,
    costPerHourPence: 1_600,
    co2GramsPerKm: 247,
    availableFrom: "07:00",
    availableTo: "19:00",
  },
} as const satisfies Record<string, VehicleType>;

export type VehicleTypeName = keyof typeof VEHICLE_TYPES;
