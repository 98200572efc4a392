import { API_RESOURCES, type ResourceKind, type ResourceRecord } from "@tt/contract";

const F = {
  places: API_RESOURCES.places.filters,
  vehicles: API_RESOURCES.vehicles.filters,
  trips: API_RESOURCES.tripRequests.filters,
};
/** The values a list filter accepts, read from the contract's own schema. */
const PLACE_KINDS = F.places.kind.unwrap().options;
const SCHOOL_PHASES = F.places.schoolPhase.unwrap().options;
const VEHICLE_KINDS = F.vehicles.kind.unwrap().options;
const TRIP_PURPOSES = F.trips.purpose.unwrap().options;
const TRIP_STATUSES = F.trips.status.unwrap().options;

export interface Column<K extends ResourceKind> {
  readonly header: string;
  /** A method, so that a view of one register is also a view of any (parameters are bivariant). */
  cell(row: ResourceRecord<K>): string;
  readonly numeric?: boolean;
}

/** The API's list filters that a register page offers, each a query parameter of its own. */
export const FILTER_NAMES = ["kind", "schoolPhase", "purpose", "status"] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface Filter {
  readonly name: FilterName;
  readonly label: string;
  readonly options: readonly string[];
}

export interface RegisterView<K extends ResourceKind> {
  readonly kind: K;
  readonly title: string;
  readonly searchHint: string;
  readonly filters: readonly Filter[];
  readonly columns: readonly Column<K>[];
}

const words = (value: string) => value.replaceAll("-", " ");

/** A passenger's needs in a few words: what a planner must know, never a diagnosis. */
export function describeNeeds(needs: ResourceRecord<"passengers">["needs"]): string {
  const parts: string[] = [];
  if (needs.wheelchair) parts.push("wheelchair");
  if (needs.passengerAssistant) parts.push("passenger assistant");
  if (needs.seating !== "standard") parts.push(words(needs.seating));
  if (needs.travelAlone) parts.push("travels alone");
  if (needs.doorThroughDoor) parts.push("door through door");
  if (needs.mayNotTravelWith.length > 0) {
    parts.push(`not with ${needs.mayNotTravelWith.length} other`);
  }
  return parts.length > 0 ? parts.join(", ") : "none recorded";
}

function describeRecurrence(row: ResourceRecord<"tripRequests">): string {
  const r = row.recurrence;
  if (r.kind === "one-off") return `once on ${r.date}`;
  return `${r.weekdays.join(", ")} from ${r.from} to ${r.to}`;
}

const passengers: RegisterView<"passengers"> = {
  kind: "passengers",
  title: "Passengers",
  searchHint: "Name or reference",
  filters: [],
  columns: [
    { header: "Reference", cell: (p) => p.reference },
    { header: "Name", cell: (p) => `${p.givenName} ${p.familyName}` },
    { header: "Postcode", cell: (p) => p.homePostcode ?? "" },
    { header: "Needs", cell: (p) => describeNeeds(p.needs) },
  ],
};

const places: RegisterView<"places"> = {
  kind: "places",
  title: "Places",
  searchHint: "Name or reference",
  filters: [
    { name: "kind", label: "Kind", options: PLACE_KINDS },
    { name: "schoolPhase", label: "School phase", options: SCHOOL_PHASES },
  ],
  columns: [
    { header: "Reference", cell: (p) => p.reference },
    { header: "Name", cell: (p) => p.name },
    { header: "Kind", cell: (p) => words(p.kind) },
    { header: "Postcode", cell: (p) => p.postcode ?? "" },
    { header: "Opens", cell: (p) => p.opensAt ?? "" },
  ],
};

const vehicles: RegisterView<"vehicles"> = {
  kind: "vehicles",
  title: "Vehicles",
  searchHint: "Reference",
  filters: [{ name: "kind", label: "Kind", options: VEHICLE_KINDS }],
  columns: [
    { header: "Reference", cell: (v) => v.reference },
    { header: "Kind", cell: (v) => words(v.kind) },
    { header: "Seats", cell: (v) => String(v.seats), numeric: true },
    { header: "Wheelchair spaces", cell: (v) => String(v.wheelchairSpaces), numeric: true },
    { header: "Features", cell: (v) => v.features.map(words).join(", ") },
    { header: "Available", cell: (v) => `${v.availableFrom}–${v.availableTo}` },
  ],
};

const tripRequests: RegisterView<"tripRequests"> = {
  kind: "tripRequests",
  title: "Trip requests",
  searchHint: "Reference",
  filters: [
    { name: "purpose", label: "Purpose", options: TRIP_PURPOSES },
    { name: "status", label: "Status", options: TRIP_STATUSES },
  ],
  columns: [
    { header: "Reference", cell: (t) => t.reference },
    { header: "Purpose", cell: (t) => words(t.purpose) },
    { header: "When", cell: (t) => `${words(t.timing)} ${t.time}` },
    { header: "Days", cell: describeRecurrence },
    { header: "Status", cell: (t) => t.status },
  ],
};

/** The register pages, by their URL segment. */
export const REGISTER_VIEWS = {
  passengers,
  places,
  vehicles,
  "trip-requests": tripRequests,
} as const;
export type RegisterViewKey = keyof typeof REGISTER_VIEWS;

export const optionLabel = words;

/** A column's id in the table and in the address (`?sort=wheelchair-spaces`). */
export const columnId = (header: string) => header.toLowerCase().replaceAll(" ", "-");
