import { z } from "zod";
import type { LatLon } from "../shared/geo";
import { coarsenPosition } from "../sharing/coarsen";

/** What an erased passenger's record keeps in place of their name. */
export const ERASED_GIVEN_NAME = "Erased";
export const ERASED_FAMILY_NAME = "passenger";

/** Side of the grid square an erased home is moved to the centre of (as analysis views use). */
export const ERASED_HOME_SQUARE_METRES = 500;

/**
 * The reference an erased passenger is known by from then on: derived from the record's own id
 * (which says nothing about the person), so plans, costs and the audit log still join to it.
 */
export function erasedReference(passengerId: string): string {
  return `ERASED-${passengerId.replaceAll("-", "").slice(0, 12).toUpperCase()}`;
}

/** What stays of an erased passenger: a pseudonym, a 500 m square, no needs, nothing else. */
export interface ErasedPassenger {
  readonly reference: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly home: LatLon;
}

/** The pseudonymised record that replaces a passenger's personal data on erasure. */
export function erasedPassenger(passengerId: string, home: LatLon): ErasedPassenger {
  return {
    reference: erasedReference(passengerId),
    givenName: ERASED_GIVEN_NAME,
    familyName: ERASED_FAMILY_NAME,
    home: coarsenPosition(home, ERASED_HOME_SQUARE_METRES),
  };
}

/** The grounds for erasure, UK GDPR Article 17(1)(a) to (f). */
export const ERASURE_GROUNDS = [
  "no-longer-necessary",
  "consent-withdrawn",
  "objection",
  "unlawful-processing",
  "legal-obligation",
  "child-online-service",
] as const;
export type ErasureGround = (typeof ERASURE_GROUNDS)[number];

/**
 * An erasure request: its ground and the request's own reference, both kept in the audit log for
 * good. No free text, so that no name can be written into the hash chain.
 */
export const erasureInputSchema = z.strictObject({
  ground: z.enum(ERASURE_GROUNDS),
  requestReference: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9/._-]{2,39}$/, {
      message: "a request reference such as SAR-2026-114: letters, digits and / . _ - only",
    }),
});
export type ErasureInput = z.infer<typeof erasureInputSchema>;
