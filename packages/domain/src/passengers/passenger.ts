import { z } from "zod";
import { latitudeSchema, longitudeSchema } from "../shared/geo";
import {
  multiLineTextSchema,
  nameSchema,
  plainTextSchema,
  referenceSchema,
} from "../shared/schemas";
import type { Stored } from "../shared/stored";
import { dateOfBirthSchema } from "../shared/time-of-day";

/** How a passenger must be seated. */
export const SEATING = ["standard", "front-seat", "booster-seat", "child-seat", "harness"] as const;
export type Seating = (typeof SEATING)[number];

/** A passenger's needs, which the planning engine must respect. */
export const needsSchema = z.object({
  /** Travels seated in their wheelchair: takes a wheelchair space, not a seat. */
  wheelchair: z.boolean().default(false),
  /** Needs a passenger assistant (PA) on board. */
  passengerAssistant: z.boolean().default(false),
  seating: z.enum(SEATING).default("standard"),
  /** Must travel with no other passenger. */
  travelAlone: z.boolean().default(false),
  /** Escorted from the door: the vehicle carries nobody else at their pick-up and drop-off. */
  doorThroughDoor: z.boolean().default(false),
  /** References of passengers they may not travel with. */
  mayNotTravelWith: z.array(referenceSchema).default([]),
});
export type Needs = z.infer<typeof needsSchema>;

/** No needs at all: the defaults of a new record (and what an erased passenger keeps). */
export function noNeeds(): Needs {
  return needsSchema.parse({});
}

/**
 * A person who travels. Holds only what planning needs: name, date of birth (for entitlement),
 * home location and needs — no diagnoses.
 */
export const passengerInputSchema = z.object({
  reference: referenceSchema,
  givenName: nameSchema,
  familyName: nameSchema,
  dateOfBirth: dateOfBirthSchema.optional(),
  homeAddress: multiLineTextSchema(300).optional(),
  homePostcode: plainTextSchema(10).optional(),
  homeLat: latitudeSchema,
  homeLon: longitudeSchema,
  needs: needsSchema.default({
    wheelchair: false,
    passengerAssistant: false,
    seating: "standard",
    travelAlone: false,
    doorThroughDoor: false,
    mayNotTravelWith: [],
  }),
});
export type PassengerInput = z.infer<typeof passengerInputSchema>;

export type Passenger = Stored<PassengerInput>;
