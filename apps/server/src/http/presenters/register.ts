import type { z } from "@hono/zod-openapi";
import type { ListQuery, Page, RegisterInput, RegisterKind, RegisterRecord } from "@tt/app";
import type { ApiResources, ResourceKind, ResourceRecord } from "@tt/contract";
import type { Same, SameShape } from "./same-shape";

/** Fails to compile when the contract's resources and the application's register drift apart. */
export const RESOURCE_KINDS_MATCH: Same<ResourceKind, RegisterKind> = true;

/** A stored row of any register kind, as the API returns it (the same fields, checked below). */
export function presentRecord(record: RegisterRecord<RegisterKind>): ResourceRecord<ResourceKind> {
  return record;
}

/** A page of rows with the paging it answers. */
export function presentPage(page: Page<RegisterRecord<RegisterKind>>, query: ListQuery) {
  return {
    items: page.items.map(presentRecord),
    total: page.total,
    offset: query.offset,
    limit: query.limit,
  };
}

/** Per kind: the stored row and the parsed input match the contract's, field for field. */
type RegisterShapes = {
  readonly [K in RegisterKind]: readonly [
    SameShape<RegisterRecord<K>, ResourceRecord<K>>,
    SameShape<RegisterInput<K>, z.output<ApiResources[K]["input"]>>,
  ];
};
export const REGISTER_SHAPES_MATCH: RegisterShapes = {
  passengers: [true, true],
  places: [true, true],
  vehicles: [true, true],
  staff: [true, true],
  operators: [true, true],
  funders: [true, true],
  budgets: [true, true],
  tripRequests: [true, true],
  termCalendars: [true, true],
};
