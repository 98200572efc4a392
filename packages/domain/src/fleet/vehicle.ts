import { z } from "zod";
import { latitudeSchema, longitudeSchema } from "../shared/geo";
import { idSchema, penceSchema, referenceSchema } from "../shared/schemas";
import type { Stored } from "../shared/stored";
import { timeOfDaySchema } from "../shared/time-of-day";

export const VEHICLE_KINDS = [
  "car",
  "taxi",
  "wheelchair-accessible-vehicle",
  "minibus",
  "coach",
  "volunteer-car",
  "ambulance",
] as const;
export type VehicleKind = (typeof VEHICLE_KINDS)[number];

export const VEHICLE_FEATURES = [
  "tail-lift",
  "ramp",
  "low-floor",
  "stretcher",
  "child-seats",
  "harness-points",
  "air-conditioning",
] as const;
export type VehicleFeature = (typeof VEHICLE_FEATURES)[number];

/** One way the seats can be set out: a run uses one layout. */
export const layoutSchema = z
  .object({
    seats: z.number().int().min(0).max(90),
    wheelchairSpaces: z.number().int().min(0).max(12),
  })
  .refine((l) => l.seats + l.wheelchairSpaces > 0, { message: "a layout must carry someone" });
export type Layout = z.infer<typeof layoutSchema>;

export const vehicleInputSchema = z
  .object({
    reference: referenceSchema,
    kind: z.enum(VEHICLE_KINDS),
    operatorId: idSchema.optional(),
    /** The standard layout; alternatives go in `layouts`. */
    seats: z.number().int().min(0).max(90),
    wheelchairSpaces: z.number().int().min(0).max(12).default(0),
    layouts: z.array(layoutSchema).max(6).default([]),
    features: z.array(z.enum(VEHICLE_FEATURES)).default([]),
    depotLat: latitudeSchema,
    depotLon: longitudeSchema,
    availableFrom: timeOfDaySchema.default("06:30"),
    availableTo: timeOfDaySchema.default("18:30"),
    fixedCostPence: penceSchema.default(0),
    costPerKmPence: penceSchema.default(0),
    costPerHourPence: penceSchema.default(0),
    co2GramsPerKm: z.number().min(0).max(2000).optional(),
    /**
     * The budgets (funders) of its organisation whose silo fleet it belongs to, as a contract or
     * an in-house allocation would say; none: every budget of the organisation. Only the
     * integration analysis's silo plans read it: a day plan uses every vehicle.
     */
    funderIds: z.array(idSchema).max(20).default([]),
  })
  .refine((v) => v.seats + v.wheelchairSpaces > 0, {
    message: "a vehicle must have at least one seat or wheelchair space",
    path: ["seats"],
  })
  .refine((v) => v.availableFrom < v.availableTo, {
    message: "availableFrom must be before availableTo",
    path: ["availableTo"],
  });
export type VehicleInput = z.infer<typeof vehicleInputSchema>;

export type Vehicle = Stored<VehicleInput>;
