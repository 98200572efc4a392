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
import type { RegisterRepositories } from "../ports";

export type RegisterKind = keyof RegisterRepositories;

/** A link from one row to another that must exist in the same organisation. */
export interface Link {
  readonly kind: RegisterKind;
  readonly id: string;
  readonly path: string;
}

export interface RegisterResource {
  readonly kind: RegisterKind;
  /** The grant that guards it. */
  readonly resource: Resource;
  readonly singular: string;
  readonly schema: z.ZodType;
  /** Personal data: every read and write is audited. */
  readonly personal: boolean;
  links(input: never): Link[];
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
export const REGISTER: Readonly<Record<RegisterKind, RegisterResource>> = {
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
    links: (input: { operatorId?: string }) =>
      optionalLink("operators", input.operatorId, "operatorId"),
  },
  staff: {
    kind: "staff",
    resource: "staff",
    singular: "staff member",
    schema: staffInputSchema,
    personal: true,
    links: (input: { operatorId?: string }) =>
      optionalLink("operators", input.operatorId, "operatorId"),
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
    links: (input: { funderId: string }) => [
      { kind: "funders", id: input.funderId, path: "funderId" },
    ],
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
