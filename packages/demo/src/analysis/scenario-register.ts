import type { DayRegister } from "@tt/app";
import {
  type Passenger,
  type Place,
  passengerInputSchema,
  placeInputSchema,
  type Staff,
  staffInputSchema,
  type TermCalendar,
  type TripRequest,
  termCalendarInputSchema,
  tripRequestInputSchema,
  type Vehicle,
  vehicleInputSchema,
} from "@tt/domain";
import type { DemoOrganisation, DemoTrip, DemoTripEnd, DemoVehicle } from "../scenario-types";

/**
 * The demo's records as one in-memory register (no database). Every record gets a synthetic,
 * stable id made from its organisation key and reference, so the same scenario always maps to the
 * same Problem: passengers `<org>:<reference>`, places `<org>:place:<reference>`, term calendars
 * `<org>:calendar:<key>`, operators `<org>:operator:<key>`. Trip requests and vehicles keep their
 * reference as id (the ids the analysis tags), which must therefore be unique across the register.
 * Every record is checked against its domain schema (with a placeholder UUID where a schema wants
 * one, replaced by the synthetic id afterwards), so a demo that breaks a rule fails here.
 */
export function demoDayRegister(
  organisations: readonly DemoOrganisation[],
  vehicles: readonly { organisation: DemoOrganisation; vehicle: DemoVehicle }[],
  date: string,
): DayRegister {
  const register = {
    date,
    tripRequests: [] as TripRequest[],
    passengers: [] as Passenger[],
    places: [] as Place[],
    vehicles: vehicles.map(({ organisation, vehicle }) => toVehicle(organisation, vehicle)),
    staff: [] as Staff[],
    termCalendars: [] as TermCalendar[],
  };
  for (const organisation of organisations) {
    const stored = stamps(organisation);
    const org = organisation.key;
    for (const p of organisation.passengers) {
      const input = passengerInputSchema.parse(p.input);
      register.passengers.push({ ...input, ...stored, id: `${org}:${input.reference}` });
    }
    for (const p of organisation.places) {
      register.places.push({ ...placeInputSchema.parse(p), ...stored, id: placeId(org, p) });
    }
    for (const c of organisation.termCalendars) {
      const input = termCalendarInputSchema.parse(c.input);
      register.termCalendars.push({ ...input, ...stored, id: `${org}:calendar:${c.key}` });
    }
    for (const { operatorKey, ...s } of organisation.staff) {
      const input = staffInputSchema.parse({ ...s, operatorId: PLACEHOLDER_ID });
      const id = `${org}:staff:${s.reference}`;
      register.staff.push({ ...input, ...stored, id, operatorId: operatorId(org, operatorKey) });
    }
    register.tripRequests.push(...organisation.trips.map((t) => toTripRequest(organisation, t)));
  }
  assertUnique(register.tripRequests, "trip request");
  assertUnique(register.vehicles, "vehicle");
  return register;
}

/** Stands in for every id while a record is checked against its schema (schemas want UUIDs). */
const PLACEHOLDER_ID = "00000000-0000-4000-8000-000000000000";

function stamps(organisation: DemoOrganisation) {
  return {
    organisationId: `org:${organisation.key}`,
    createdAt: "2026-09-01T00:00:00.000Z",
    updatedAt: "2026-09-01T00:00:00.000Z",
  };
}

function placeId(org: string, place: { reference: string }): string {
  return `${org}:place:${place.reference}`;
}

function operatorId(org: string, operatorKey: string): string {
  return `${org}:operator:${operatorKey}`;
}

/** A vehicle as its holder's register lists it; its id is its reference (one physical vehicle). */
function toVehicle(organisation: DemoOrganisation, vehicle: DemoVehicle): Vehicle {
  const { operatorKey, ...rest } = vehicle;
  const input = vehicleInputSchema.parse({ ...rest, operatorId: PLACEHOLDER_ID });
  return {
    ...input,
    ...stamps(organisation),
    id: vehicle.reference,
    operatorId: operatorId(organisation.key, operatorKey),
  };
}

function toTripRequest(organisation: DemoOrganisation, trip: DemoTrip): TripRequest {
  const org = organisation.key;
  const { service: _s, passengerReference, funderKey, returnOfReference, ...rest } = trip;
  const end = (e: DemoTripEnd, placeholder: boolean) => {
    if (e.kind === "home") return { kind: "home" as const };
    const id = placeholder ? PLACEHOLDER_ID : placeId(org, { reference: e.placeReference });
    return { kind: "place" as const, placeId: id };
  };
  const recurrence = (placeholder: boolean) => {
    const r = trip.recurrence;
    if (r.kind === "one-off") return r;
    const calendar = placeholder ? PLACEHOLDER_ID : `${org}:calendar:${r.termCalendarKey}`;
    const { termCalendarKey, ...days } = { ...r, weekdays: [...r.weekdays] };
    return { ...days, ...(termCalendarKey ? { termCalendarId: calendar } : {}) };
  };
  const ids = (placeholder: boolean) => ({
    passengerId: placeholder ? PLACEHOLDER_ID : `${org}:${passengerReference}`,
    funderId: placeholder ? PLACEHOLDER_ID : `${org}:funder:${funderKey}`,
    origin: end(trip.origin, placeholder),
    destination: end(trip.destination, placeholder),
    recurrence: recurrence(placeholder),
    ...(returnOfReference ? { returnOfId: placeholder ? PLACEHOLDER_ID : returnOfReference } : {}),
  });
  const input = tripRequestInputSchema.parse({ ...rest, ...ids(true) });
  return { ...input, ...ids(false), ...stamps(organisation), id: trip.reference };
}

function assertUnique(items: readonly { id: string }[], what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new Error(`demo register: two ${what}s have the id "${item.id}"`);
    seen.add(item.id);
  }
}
