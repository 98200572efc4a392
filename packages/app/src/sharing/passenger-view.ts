import { createHmac } from "node:crypto";
import { coarsenPosition, type Passenger } from "@tt/domain";
import type { SharedAccess } from "./sharing-gate";

/** How far a partner's home position is coarsened for analysis: a 500 m square's centre. */
export const ANALYSIS_HOME_METRES = 500;

/** A home, exact (for booking and planning) or coarsened (for analysis). */
export interface SharedHome {
  readonly lat: number;
  readonly lon: number;
  /** 0 when exact; else the side of the square whose centre is given, metres. */
  readonly coarsenedToMetres: number;
  readonly address?: string;
  readonly postcode?: string;
}

/** Needs that constrain travel: flags only, never a diagnosis. */
export interface SharedTravelNeeds {
  readonly wheelchair: boolean;
  readonly passengerAssistant: boolean;
  readonly seating: string;
  readonly travelAlone: boolean;
  readonly doorThroughDoor: boolean;
  /**
   * How many passengers they may not travel with; who: their references where identity is shared,
   * their pseudonyms when pooled without identity (those travelling that day), else not at all.
   */
  readonly mayNotTravelWithCount: number;
  readonly mayNotTravelWith?: string[];
}

/**
 * A partner's passenger as an agreement lets the recipient see them: one definition for the API,
 * the CSV export and the reports. A data item the agreement does not cover is absent, not blank.
 * For analysis the passenger is pseudonymised (a stable pseudonym per agreement, no identity) and
 * the home coarsened; health detail is never held in the register, so it is never shown.
 */
export interface SharedPassenger {
  /** The passenger's id, or for analysis their pseudonym under the agreement. */
  readonly id: string;
  readonly pseudonymised: boolean;
  readonly reference?: string;
  readonly givenName?: string;
  readonly familyName?: string;
  readonly dateOfBirth?: string;
  readonly home?: SharedHome;
  readonly travelNeeds?: SharedTravelNeeds;
}

/** A stable pseudonym for a passenger under one agreement (HMAC-SHA-256 with its secret key). */
export function pseudonymOf(key: string, passengerId: string): string {
  const digest = createHmac("sha256", key).update(passengerId).digest("base64url");
  return `psn_${digest.slice(0, 22)}`;
}

function homeOf(p: Passenger, pseudonymised: boolean): SharedHome {
  if (pseudonymised) {
    const at = coarsenPosition({ lat: p.homeLat, lon: p.homeLon }, ANALYSIS_HOME_METRES);
    return { ...at, coarsenedToMetres: ANALYSIS_HOME_METRES };
  }
  return Object.assign(
    { lat: p.homeLat, lon: p.homeLon, coarsenedToMetres: 0 },
    p.homeAddress ? { address: p.homeAddress } : {},
    p.homePostcode ? { postcode: p.homePostcode } : {},
  );
}

function needsOf(p: Passenger, who: ((reference: string) => string[]) | undefined) {
  const { mayNotTravelWith, ...flags } = p.needs;
  const needs: SharedTravelNeeds = Object.assign(
    { ...flags, mayNotTravelWithCount: mayNotTravelWith.length },
    who ? { mayNotTravelWith: mayNotTravelWith.flatMap(who) } : {},
  );
  return needs;
}

/**
 * The passenger as the access lets the recipient see them. `pseudonyms` (reference → pseudonym of
 * the provider's passengers) lets a view without identity keep who may not travel with whom.
 */
export function sharePassenger(
  p: Passenger,
  access: Pick<SharedAccess, "items" | "purpose">,
  pseudonymKey: string,
  pseudonyms?: ReadonlyMap<string, string>,
): SharedPassenger {
  const pseudonymised = access.purpose === "analysis";
  const identity = access.items.has("identity") && !pseudonymised;
  const who = identity
    ? (reference: string) => [reference]
    : pseudonyms
      ? (reference: string) => {
          const pseudonym = pseudonyms.get(reference);
          return pseudonym ? [pseudonym] : [];
        }
      : undefined;
  return Object.assign(
    { id: pseudonymised ? pseudonymOf(pseudonymKey, p.id) : p.id, pseudonymised },
    identity ? { reference: p.reference, givenName: p.givenName, familyName: p.familyName } : {},
    identity && p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {},
    access.items.has("home-location") ? { home: homeOf(p, pseudonymised) } : {},
    access.items.has("travel-needs") ? { travelNeeds: needsOf(p, who) } : {},
  );
}
