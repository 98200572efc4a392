import { z } from "zod";
import { latitudeSchema, longitudeSchema } from "../shared/geo";
import { nameSchema, plainTextSchema, referenceSchema } from "../shared/schemas";
import type { Stored } from "../shared/stored";
import { timeOfDaySchema } from "../shared/time-of-day";

/** Destinations and stops. Homes are not places: they live on the passenger (personal data). */
export const PLACE_KINDS = [
  "school",
  "hospital",
  "gp-practice",
  "day-centre",
  "dialysis-unit",
  "stop",
  "depot",
  "other",
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const SCHOOL_PHASES = ["primary", "secondary", "all-through", "special", "post-16"] as const;
export type SchoolPhase = (typeof SCHOOL_PHASES)[number];

export const placeInputSchema = z
  .object({
    reference: referenceSchema,
    name: nameSchema,
    kind: z.enum(PLACE_KINDS),
    lat: latitudeSchema,
    lon: longitudeSchema,
    postcode: plainTextSchema(10).optional(),
    /** A national code: school URN, NHS ODS code, NaPTAN ATCO code. */
    externalCode: plainTextSchema(32).optional(),
    schoolPhase: z.enum(SCHOOL_PHASES).optional(),
    /** School day or opening times, "HH:MM". */
    opensAt: timeOfDaySchema.optional(),
    closesAt: timeOfDaySchema.optional(),
  })
  .refine((p) => !p.opensAt || !p.closesAt || p.opensAt < p.closesAt, {
    message: "closesAt must be after opensAt: a place cannot close before it opens",
    path: ["closesAt"],
  });
export type PlaceInput = z.infer<typeof placeInputSchema>;

export type Place = Stored<PlaceInput>;
