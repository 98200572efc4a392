import {
  type NoShowReason,
  type Passenger,
  type RunEventKind,
  type StopProgress,
  stopKey,
} from "@tt/domain";
import type { Manifest, ManifestPlace, ManifestStop } from "../planning";

/** A stop as the driver's phone shows it: where, who by first name, and what matters on the road. */
export interface DriverStop {
  readonly position: number;
  /** Start of service, "HH:MM". */
  readonly time: string;
  readonly kind: ManifestStop["kind"];
  readonly tripRequestId: string | null;
  readonly place: ManifestPlace | null;
  /** Given name and the family name's initial: enough to greet, not to identify. */
  readonly passenger: string | null;
  readonly needs: {
    readonly wheelchair: boolean;
    readonly passengerAssistant: boolean;
    readonly doorThroughDoor: boolean;
  } | null;
  /** The needs in words (no diagnoses: the register holds none for drivers to see). */
  readonly notes: readonly string[];
  /** Passengers on this run this one may not sit with, as the phone names them. */
  readonly notWith: readonly string[];
  readonly progress: {
    readonly arrivedAt: string | null;
    readonly outcome: Exclude<RunEventKind, "arrived"> | null;
    readonly outcomeAt: string | null;
    readonly reason: NoShowReason | null;
  } | null;
}

export interface DriverRun {
  readonly planId: string;
  readonly revision: number;
  readonly serviceDate: string;
  readonly vehicle: { readonly id: string; readonly reference: string; readonly kind: string };
  readonly passengerAssistant: boolean;
  /** The organisation whose run it is, when not the driver's own (a vehicle granted to it). */
  readonly forOrganisation: string | null;
  readonly stops: readonly DriverStop[];
}

/** How the phone names a passenger: "Amira K." */
export function shortName(passenger: Passenger): string {
  return `${passenger.givenName} ${passenger.familyName.slice(0, 1)}.`;
}

/** Who on the run each passenger may not sit with, either way round, by passenger id. */
function notWithOnRun(passengers: readonly Passenger[]): Map<string, string[]> {
  const byReference = new Map(passengers.map((p) => [p.reference, p]));
  const out = new Map<string, string[]>();
  const add = (a: Passenger, b: Passenger) => {
    const names = out.get(a.id) ?? [];
    if (!names.includes(shortName(b))) names.push(shortName(b));
    out.set(a.id, names);
  };
  for (const p of passengers) {
    for (const reference of p.needs.mayNotTravelWith) {
      const other = byReference.get(reference);
      if (other && other.id !== p.id) {
        add(p, other);
        add(other, p);
      }
    }
  }
  return out;
}

/** What the driver's run needs besides the manifest: passengers by trip, and the stops' progress. */
export interface DriverRunSources {
  readonly passengerOfTrip: ReadonlyMap<string, Passenger>;
  readonly progress: ReadonlyMap<string, StopProgress>;
  /** The run's organisation by name, when it is not the driver's own. */
  readonly forOrganisation?: string;
}

function driverStop(stop: ManifestStop, sources: DriverRunSources, notWith: Map<string, string[]>) {
  const trip = stop.tripRequestId;
  const passenger = trip ? sources.passengerOfTrip.get(trip) : undefined;
  const progress =
    trip && stop.kind !== "break" ? sources.progress.get(stopKey(trip, stop.kind)) : undefined;
  const view: DriverStop = {
    position: stop.position,
    time: stop.time,
    kind: stop.kind,
    tripRequestId: trip,
    place: stop.place,
    passenger: passenger ? shortName(passenger) : null,
    needs: stop.needs && {
      wheelchair: stop.needs.wheelchair,
      passengerAssistant: stop.needs.passengerAssistant,
      doorThroughDoor: stop.needs.doorThroughDoor,
    },
    notes: stop.notes,
    notWith: passenger ? (notWith.get(passenger.id) ?? []) : [],
    progress: progress
      ? {
          arrivedAt: progress.arrivedAt,
          outcome: progress.outcome,
          outcomeAt: progress.outcomeAt,
          reason: progress.reason,
        }
      : null,
  };
  return view;
}

/** The driver's view of a run: the manifest cut down to first names and the needs on the road. */
export function driverRunOf(manifest: Manifest, sources: DriverRunSources): DriverRun {
  const notWith = notWithOnRun([...new Set(sources.passengerOfTrip.values())]);
  return {
    planId: manifest.planId,
    revision: manifest.revision,
    serviceDate: manifest.serviceDate,
    vehicle: {
      id: manifest.vehicle.id,
      reference: manifest.vehicle.reference,
      kind: manifest.vehicle.kind,
    },
    passengerAssistant: manifest.vehicle.passengerAssistant,
    forOrganisation: sources.forOrganisation ?? null,
    stops: manifest.stops.map((s) => driverStop(s, sources, notWith)),
  };
}
