import {
  type CommissionOffer,
  type CommissionTrip,
  type ComplianceDocument,
  checkPermit,
  isContractInForce,
  MAX_ANSWER_DAYS,
  MILEAGE_RATE_DEFAULT,
  type Needs,
  type Passenger,
  type PermitVehicle,
  PURPOSE_PASSENGER_CLASS,
  passengerPseudonym,
  type TripEnd,
  type TripRequest,
} from "@tt/domain";
import { londonDate } from "../entitlement";
import { listEvery } from "../planning";
import type { NewCommission, StoredPlan, UnitOfWorkOf } from "../ports";
import { AppError, notFound } from "../shared";

/** What offering a plan's trips to a group reads. */
export type CommissionOfferRepositories = UnitOfWorkOf<
  | "plans"
  | "tripRequests"
  | "passengers"
  | "places"
  | "vehicles"
  | "compliance"
  | "contracts"
  | "identity"
>["repositories"];
type Repos = CommissionOfferRepositories;

type Issue = { readonly path: string; readonly message: string };
const refused = (issues: readonly Issue[]) =>
  new AppError("validation-failed", "The trips cannot be offered.", issues);

/** Every trip request the plan carries or leaves unassigned. */
/** The plan's trips: those its runs carry, and those it left unassigned. */
function planTrips(plan: StoredPlan): { carried: Set<string>; unassigned: Set<string> } {
  const carried = new Set<string>();
  for (const run of plan.runs) {
    for (const stop of run.stops) if (stop.kind !== "break") carried.add(stop.tripRequestId);
  }
  return { carried, unassigned: new Set(plan.unassigned.map((u) => u.tripRequestId)) };
}

/** The passenger's needs in words, for the driver (no name, no history). */
export function needsInWords(needs: Needs, escorts: number): string[] {
  return [
    needs.wheelchair ? "wheelchair" : "",
    needs.passengerAssistant ? "passenger assistant" : "",
    needs.seating === "standard" ? "" : needs.seating.replace(/-/g, " "),
    needs.travelAlone ? "travels alone" : "",
    needs.doorThroughDoor ? "door to door" : "",
    escorts > 0 ? `${escorts} escort${escorts > 1 ? "s" : ""}` : "",
  ].filter((w) => w !== "");
}

/** The agreed rate: a signed mileage contract with the group in force that day, else AMAP. */
async function agreedRate(
  repos: Repos,
  buyerId: string,
  groupId: string,
  date: string,
): Promise<{ rate: NewCommission["rate"]; contractId?: string }> {
  const fallback = {
    rate: {
      pence: MILEAGE_RATE_DEFAULT.pence,
      version: MILEAGE_RATE_DEFAULT.version,
      source: MILEAGE_RATE_DEFAULT.source,
    },
  };
  const [contract] = (await repos.contracts.signedOn([buyerId], date))
    .filter((c) => c.operatorId === groupId && isContractInForce(c, date))
    .filter((c) => c.price.basis === "mileage-rate" || c.price.basis === "per-mile")
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  if (!contract) return fallback;
  const pence = contract.price.pence;
  if (pence === undefined) return { ...fallback, contractId: contract.id };
  const source = `Contract ${contract.reference} (${contract.title}): ${pence}p a mile`;
  return {
    contractId: contract.id,
    rate: { pence, version: `contract:${contract.reference}`, source },
  };
}

/** The group: a community transport organisation, with its vehicles and documents. */
async function groupFleet(repos: Repos, groupId: string) {
  const group = await repos.identity.findOrganisation(groupId);
  if (group?.kind !== "community-transport") {
    throw refused([{ path: "groupId", message: "not a community transport group" }]);
  }
  const vehicles: PermitVehicle[] = (await listEvery(repos.vehicles, groupId)).map((v) => ({
    id: v.id,
    reference: v.reference,
    kind: v.kind,
    capacity: v.seats + v.wheelchairSpaces,
  }));
  return { group, vehicles, documents: await repos.compliance.listHeld(groupId) };
}

/**
 * The plan's day is still to come (UK time), and the group must answer before it begins: a trip
 * already gone cannot be accepted, driven and paid for.
 */
function checkDates(deadline: string, serviceDate: string, now: Date): void {
  if (serviceDate < londonDate(now)) {
    throw refused([{ path: "planId", message: `the plan's day ${serviceDate} has passed` }]);
  }
  const at = Date.parse(deadline);
  if (at <= now.getTime()) throw refused([{ path: "deadline", message: "a time still to come" }]);
  if (at > now.getTime() + MAX_ANSWER_DAYS * 86_400_000) {
    throw refused([{ path: "deadline", message: `at most ${MAX_ANSWER_DAYS} days ahead` }]);
  }
  if (londonDate(new Date(at)) >= serviceDate) {
    throw refused([
      { path: "deadline", message: `before the plan's day ${serviceDate} begins (UK time)` },
    ]);
  }
}

/** The buyer's trip requests named by the offer, each one of the plan's. */
async function offeredTrips(
  repos: Repos,
  buyerId: string,
  plan: StoredPlan,
  ids: readonly string[],
) {
  const found = new Map((await repos.tripRequests.findByIds(buyerId, ids)).map((t) => [t.id, t]));
  const { carried, unassigned } = planTrips(plan);
  const issues = ids.flatMap((id, i) => {
    const path = `tripRequestIds.${i}`;
    if (carried.has(id)) {
      // Offered while on a run, it would travel twice and be paid twice.
      const message = `${found.get(id)?.reference ?? id} is carried by one of the plan's runs: offer the trips the plan left unassigned`;
      return [{ path, message }];
    }
    return found.has(id) && unassigned.has(id)
      ? []
      : [{ path, message: "not a trip of this plan" }];
  });
  if (issues.length > 0) throw refused(issues);
  return ids.map((id) => found.get(id)!);
}

/**
 * The offers of a plan's trips to a group, each a snapshot the group may drive from (a
 * pseudonymised reference, pick-up, drop-off, time, needs), at the agreed rate. Refused, naming
 * each trip, when the group's permits do not let it carry the passenger (`checkPermit`).
 */
export async function buildOffers(
  repos: Repos,
  buyerId: string,
  offer: CommissionOffer,
  now: Date,
): Promise<{ offers: NewCommission[]; passengerIds: string[] }> {
  const plan = await repos.plans.find(buyerId, offer.planId);
  if (!plan) throw notFound("plan", offer.planId);
  checkDates(offer.deadline, plan.serviceDate, now);
  const { vehicles, documents } = await groupFleet(repos, offer.groupId);
  const trips = await offeredTrips(repos, buyerId, plan, offer.tripRequestIds);
  const issues = permitIssues(trips, vehicles, documents, plan.serviceDate);
  if (issues.length > 0) throw refused(issues);
  const { rate, contractId } = await agreedRate(repos, buyerId, offer.groupId, plan.serviceDate);
  const describe = await describer(repos, buyerId, trips);
  const offers = trips.map((t) => ({
    groupId: offer.groupId,
    planId: plan.id,
    tripRequestId: t.id,
    date: plan.serviceDate,
    trip: describe(t),
    passengerClass: PURPOSE_PASSENGER_CLASS[t.purpose],
    rate,
    deadline: offer.deadline,
    ...(contractId ? { contractId } : {}),
  }));
  return { offers, passengerIds: [...new Set(trips.map((t) => t.passengerId))] };
}

function permitIssues(
  trips: readonly TripRequest[],
  vehicles: readonly PermitVehicle[],
  documents: readonly ComplianceDocument[],
  date: string,
): Issue[] {
  return trips.flatMap((t, i) => {
    const passengerClass = PURPOSE_PASSENGER_CLASS[t.purpose];
    const check = checkPermit(vehicles, documents, {
      passengerClass,
      passengers: 1 + t.escorts,
      date,
    });
    return check.allowed
      ? []
      : [{ path: `tripRequestIds.${i}`, message: `${t.reference}: ${check.reason}` }];
  });
}

/** Describes each trip from its passenger and places, without the passenger's name. */
async function describer(repos: Repos, buyerId: string, trips: readonly TripRequest[]) {
  const passengers = new Map(
    (await repos.passengers.findByIds(buyerId, [...new Set(trips.map((t) => t.passengerId))])).map(
      (p) => [p.id, p],
    ),
  );
  const placeIds = trips
    .flatMap((t) => [t.origin, t.destination])
    .flatMap((e) => (e.kind === "place" ? [e.placeId] : []));
  const places = new Map(
    (await repos.places.findByIds(buyerId, [...new Set(placeIds)])).map((p) => [p.id, p]),
  );
  const where = (end: TripEnd, passenger: Passenger | undefined) => {
    if (end.kind === "place") {
      const place = places.get(end.placeId);
      return place ? [place.name, place.postcode].filter(Boolean).join(", ") : "a place";
    }
    const home = [passenger?.homeAddress?.replace(/\s*\n\s*/g, ", "), passenger?.homePostcode];
    return `Home: ${home.filter(Boolean).join(", ") || "address held by the buyer"}`;
  };
  return (t: TripRequest): CommissionTrip => {
    const passenger = passengers.get(t.passengerId);
    return {
      reference: passengerPseudonym(buyerId, t.passengerId),
      purpose: t.purpose,
      passengers: 1 + t.escorts,
      timing: t.timing,
      time: t.time,
      pickup: where(t.origin, passenger),
      dropoff: where(t.destination, passenger),
      needs: passenger ? needsInWords(passenger.needs, t.escorts) : [],
    };
  };
}
