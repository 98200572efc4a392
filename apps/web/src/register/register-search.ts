import type { ResourceKind } from "@tt/contract";
import { boundedText, choiceParam, pageParam } from "../routes/search-params";
import { columnId, type FilterName, type RegisterView } from "./register-views";

/** A register page's address: `?page=2&search=smith&kind=school&sort=name&order=desc`. */
export interface RegisterSearch {
  readonly page?: number;
  readonly search?: string;
  /** A column's id: the rows of the page are ordered by it. */
  readonly sort?: string;
  readonly order?: "asc" | "desc";
  readonly kind?: string;
  readonly schoolPhase?: string;
  readonly purpose?: string;
  readonly status?: string;
}

const ORDERS = ["asc", "desc"] as const;

/** Reads a register page's query: its filters' values and its columns are the view's own. */
export function readRegisterSearch(
  view: RegisterView<ResourceKind>,
  raw: Record<string, unknown>,
): RegisterSearch {
  const where = `the ${view.title.toLowerCase()} page`;
  const filters: Partial<Record<FilterName, string>> = {};
  for (const filter of view.filters) {
    const value = choiceParam(raw, filter.name, filter.options, where);
    if (value !== undefined) filters[filter.name] = value;
  }
  const sort = choiceParam(
    raw,
    "sort",
    view.columns.map((c) => columnId(c.header)),
    where,
  );
  const order = sort === undefined ? undefined : choiceParam(raw, "order", ORDERS, where);
  return withoutUndefined({
    page: pageParam(raw, where),
    search: boundedText(raw, "search", where),
    sort,
    order,
    ...filters,
  });
}

/** The API's list query for a register page: offset and limit from the page, then the filters. */
export function listQuery(
  view: RegisterView<ResourceKind>,
  search: RegisterSearch,
  pageSize: number,
): Record<string, string | number> {
  const query: Record<string, string | number> = {
    offset: ((search.page ?? 1) - 1) * pageSize,
    limit: pageSize,
    search: search.search ?? "",
  };
  for (const filter of view.filters) query[filter.name] = search[filter.name] ?? "";
  return query;
}

/** The same object without its undefined keys, so that addresses stay short. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
