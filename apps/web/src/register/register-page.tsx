import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ApiUser, ResourceKind, ResourceRecord } from "@tt/contract";
import { type FormEvent, useState } from "react";
import { api, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { NotificationBanner } from "../components/notification-banner";
import { Pagination } from "../components/pagination";
import { Link, takeHistoryState, useTitle } from "../router";
import { canWrite, REGISTER_FORMS } from "./register-forms";
import {
  optionLabel,
  REGISTER_VIEWS,
  type RegisterView,
  type RegisterViewKey,
} from "./register-views";

const PAGE_SIZE = 25;

interface ListState {
  readonly offset: number;
  readonly search: string;
  readonly filters: Readonly<Record<string, string>>;
}

/** Links between the four register pages. */
function RegisterTabs({ current }: { current: RegisterViewKey }) {
  return (
    <nav aria-label="Register" className="app-subnav">
      <ul className="govuk-list app-subnav__list">
        {(Object.keys(REGISTER_VIEWS) as RegisterViewKey[]).map((key) => (
          <li key={key}>
            <Link to={`/register/${key}`} aria-current={key === current ? "page" : undefined}>
              {REGISTER_VIEWS[key].title}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SearchForm({
  view,
  onSearch,
}: {
  view: RegisterView<ResourceKind>;
  onSearch: (state: ListState) => void;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const filters: Record<string, string> = {};
    for (const filter of view.filters) filters[filter.name] = String(form.get(filter.name) ?? "");
    onSearch({ offset: 0, search: String(form.get("search") ?? "").trim(), filters });
  };
  return (
    <form onSubmit={submit} className="app-filters">
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="search">
          Search
        </label>
        <div className="govuk-hint" id="search-hint">
          {view.searchHint}
        </div>
        <input
          className="govuk-input govuk-input--width-20"
          id="search"
          name="search"
          type="search"
          aria-describedby="search-hint"
        />
      </div>
      {view.filters.map((filter) => (
        <div className="govuk-form-group" key={filter.name}>
          <label className="govuk-label" htmlFor={`filter-${filter.name}`}>
            {filter.label}
          </label>
          <select className="govuk-select" id={`filter-${filter.name}`} name={filter.name}>
            <option value="">Any</option>
            {filter.options.map((option) => (
              <option key={option} value={option}>
                {optionLabel(option)}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="submit" className="govuk-button govuk-button--secondary">
        Search
      </button>
    </form>
  );
}

/** The banner a save left in the history entry ("Passenger added"), shown once. */
function takeBanner(): string | undefined {
  const state = takeHistoryState() as { banner?: unknown } | null;
  return typeof state?.banner === "string" ? state.banner : undefined;
}

/** "Edit P-123": a row's edit link, naming the row for screen readers. */
function EditLink({ to, reference }: { to: string; reference: string }) {
  return (
    <Link to={to}>
      Edit<span className="govuk-visually-hidden"> {reference}</span>
    </Link>
  );
}

/** The page of rows, with an "Edit" link on each when `editPath` is given (roles that write). */
function RegisterTable({
  view,
  rows,
  editPath,
}: {
  view: RegisterView<ResourceKind>;
  rows: readonly ResourceRecord<ResourceKind>[];
  editPath: ((id: string) => string) | undefined;
}) {
  return (
    <table className="govuk-table app-table" data-testid="register-table">
      <caption className="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">
        {view.title}
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {view.columns.map((column) => (
            <th
              key={column.header}
              scope="col"
              className={`govuk-table__header${column.numeric ? " govuk-table__header--numeric" : ""}`}
            >
              {column.header}
            </th>
          ))}
          {editPath && (
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.id}>
            {view.columns.map((column) => (
              <td
                key={column.header}
                className={`govuk-table__cell${column.numeric ? " govuk-table__cell--numeric" : ""}`}
              >
                {column.cell(row)}
              </td>
            ))}
            {editPath && (
              <td className="govuk-table__cell">
                <EditLink
                  to={editPath(row.id)}
                  reference={(row as { reference?: string }).reference ?? ""}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A register as a table with search, filters and paging, read through the API's list route.
 * Roles that may write the register see "Add" and "Edit"; a save comes back with a banner.
 */
export function RegisterPage({
  view: key,
  role,
}: {
  view: RegisterViewKey;
  role: ApiUser["role"];
}) {
  const view = REGISTER_VIEWS[key] as unknown as RegisterView<ResourceKind>;
  useTitle(view.title);
  const [banner] = useState(takeBanner);
  const writes = canWrite(role, key);
  const [state, setState] = useState<ListState>({ offset: 0, search: "", filters: {} });
  const query = useQuery({
    queryKey: ["register", view.kind, state],
    queryFn: () =>
      api.list(view.kind, {
        offset: state.offset,
        limit: PAGE_SIZE,
        search: state.search,
        ...state.filters,
      }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <RegisterTabs current={key} />
      {banner && <NotificationBanner message={banner} />}
      <h1 className="govuk-heading-l">{view.title}</h1>
      {writes && (
        <Link to={`/register/${key}/new`} className="govuk-button" data-testid="add-row">
          Add a {REGISTER_FORMS[key].singular}
        </Link>
      )}
      <p className="govuk-body">
        <Link to={`/import?kind=${key}`}>Import {view.title.toLowerCase()} from a CSV file</Link>
      </p>
      <SearchForm view={view} onSearch={setState} />
      {query.error && <ErrorSummary problems={problemsOf(query.error)} />}
      {query.data && (
        <>
          <RegisterTable
            view={view}
            rows={query.data.items}
            editPath={writes ? (id) => `/register/${key}/${id}/edit` : undefined}
          />
          <Pagination
            offset={state.offset}
            limit={PAGE_SIZE}
            total={query.data.total}
            onPage={(offset) => setState({ ...state, offset })}
          />
        </>
      )}
    </>
  );
}
