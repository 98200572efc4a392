import {
  budgetInputSchema,
  funderInputSchema,
  operatorInputSchema,
  passengerInputSchema,
  placeInputSchema,
  type Resource,
  staffInputSchema,
  type TripRequestInput,
  termCalendarInputSchema,
  tripRequestInputSchema,
  vehicleInputSchema,
} from "@tt/domain";
import type { z } from "zod";
import type {
  RegisterInput,
  RegisterRepositories,
  RegisterRepositoryMap,
  RegisterTypes,
} from "../ports";

export type RegisterKind = keyof RegisterTypes;

/** A link from one row to another that must exist in the same organisation. */
export interface Link {
  readonly kind: RegisterKind;
  readonly id: string;
  readonly path: string;
}

export interface RegisterResource<K extends RegisterKind = RegisterKind> {
  readonly kind: K;
  /** The grant that guards it. */
  readonly resource: Resource;
  readonly singular: string;
  /** Parses a request body into the kind's input. */
  readonly schema: z.ZodType<RegisterInput<K>>;
  /** Personal data: every read and write is audited. */
  readonly personal: boolean;
  links(input: RegisterInput<K>): Link[];
}

/** Every register resource, each typed by its own kind. */
export type RegisterTable = { readonly [K in RegisterKind]: RegisterResource<K> };

/** The repository of one register kind, typed by that kind. */
export function registerRepository<K extends RegisterKind>(
  repositories: RegisterRepositories,
  kind: K,
): RegisterRepositoryMap[K] {
  const byKind: RegisterRepositoryMap = repositories;
  return byKind[kind];
}

const noLinks = (): Link[] => [];

function optionalLink(kind: RegisterKind, id: string | undefined, path: string): Link[] {
  return id ? [{ kind, id, path }] : [];
}

function tripLinks(input: TripRequestInput): Link[] {
  const links: Link[] = [
    { kind: "passengers", id: input.passengerId, path: "passengerId" },
    { kind: "funders", id: input.funderId, path: "funderId" },
  ];
  if (input.origin.kind === "place")
    links.push({ kind: "places", id: input.origin.placeId, path: "origin.placeId" });
  if (input.destination.kind === "place") {
    links.push({ kind: "places", id: input.destination.placeId, path: "destination.placeId" });
  }
  if (input.recurrence.kind === "recurring") {
    links.push(
      ...optionalLink(
        "termCalendars",
        input.recurrence.termCalendarId,
        "recurrence.termCalendarId",
      ),
    );
  }
  links.push(...optionalLink("tripRequests", input.returnOfId, "returnOfId"));
  return links;
}

/** Every resource of the register, in one table the API, CSV and tests all read. */
export const REGISTER: RegisterTable = {
  passengers: {
    kind: "passengers",
    resource: "passengers",
    singular: "passenger",
    schema: passengerInputSchema,
    personal: true,
    links: noLinks,
  },
  places: {
    kind: "places",
    resource: "places",
    singular: "place",
    schema: placeInputSchema,
    personal: false,
    links: noLinks,
  },
  vehicles: {
    kind: "vehicles",
    resource: "vehicles",
    singular: "vehicle",
    schema: vehicleInputSchema,
    personal: false,
    links: (input) => [
      ...optionalLink("operators", input.operatorId, "operatorId"),
      ...input.funderIds.map((id, i) => ({ kind: "funders" as const, id, path: `funderIds.${i}` })),
    ],
  },
  staff: {
    kind: "staff",
    resource: "staff",
    singular: "staff member",
    schema: staffInputSchema,
    personal: true,
    links: (input) => optionalLink("operators", input.operatorId, "operatorId"),
  },
  operators: {
    kind: "operators",
    resource: "operators",
    singular: "operator",
    schema: operatorInputSchema,
    personal: false,
    links: noLinks,
  },
  funders: {
    kind: "funders",
    resource: "funders",
    singular: "funder",
    schema: funderInputSchema,
    personal: false,
    links: noLinks,
  },
  budgets: {
    kind: "budgets",
    resource: "budgets",
    singular: "budget",
    schema: budgetInputSchema,
    personal: false,
    links: (input) => [{ kind: "funders", id: input.funderId, path: "funderId" }],
  },
  tripRequests: {
    kind: "tripRequests",
    resource: "trip-requests",
    singular: "trip request",
    schema: tripRequestInputSchema,
    personal: true,
    links: tripLinks,
  },
  termCalendars: {
    kind: "termCalendars",
    resource: "term-calendars",
    singular: "term calendar",
    schema: termCalendarInputSchema,
    personal: false,
    links: noLinks,
  },
};

export const REGISTER_KINDS = Object.keys(REGISTER) as RegisterKind[];
