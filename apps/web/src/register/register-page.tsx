import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate, useRouter } from "@tanstack/react-router";
import type { ApiUser, ResourceKind } from "@tt/contract";
import { type FormEvent, useEffect, useState } from "react";
import { api, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { Link } from "../components/link";
import { NotificationBanner } from "../components/notification-banner";
import { useTitle } from "../components/use-title";
import { canWrite, REGISTER_FORMS } from "./register-forms";
import { listQuery, type RegisterSearch } from "./register-search";
import { REGISTER_PAGE_SIZE, RegisterTable } from "./register-table";
import {
  type FilterName,
  optionLabel,
  REGISTER_VIEWS,
  type RegisterView,
  type RegisterViewKey,
} from "./register-views";

/** Links between the four register pages. */
function RegisterTabs({ current }: { current: RegisterViewKey }) {
  const keys = Object.keys(REGISTER_VIEWS) as RegisterViewKey[];
  return (
    <nav aria-label="Register" className="app-subnav">
      <ul className="govuk-list app-subnav__list">
        {keys.map((key) => (
          <li key={key}>
            <Link to={`/register/${key}`} current={key === current}>
              {REGISTER_VIEWS[key].title}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type Filters = Partial<Record<FilterName, string>>;

/** The search text and filters of the address, kept in step when the address changes. */
function useSearchFields(view: RegisterView<ResourceKind>, search: RegisterSearch) {
  const fromAddress = (): { text: string; filters: Filters } => ({
    text: search.search ?? "",
    filters: Object.fromEntries(view.filters.map((f) => [f.name, search[f.name] ?? ""])),
  });
  const [fields, setFields] = useState(fromAddress);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refilled only when the address changes.
  useEffect(() => setFields(fromAddress()), [search]);
  return [fields, setFields] as const;
}

/** Search and filters: a new search starts at the first page and keeps the order chosen. */
function SearchForm({
  view,
  search,
  onSearch,
}: {
  view: RegisterView<ResourceKind>;
  search: RegisterSearch;
  onSearch: (search: RegisterSearch) => void;
}) {
  const [fields, setFields] = useSearchFields(view, search);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const filters: Filters = {};
    for (const [name, value] of Object.entries(fields.filters)) {
      if (value) filters[name as FilterName] = value;
    }
    const text = fields.text.trim();
    onSearch({ sort: search.sort, order: search.order, search: text || undefined, ...filters });
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
          maxLength={200}
          value={fields.text}
          onChange={(e) => setFields({ ...fields, text: e.target.value })}
        />
      </div>
      {view.filters.map((filter) => (
        <div className="govuk-form-group" key={filter.name}>
          <label className="govuk-label" htmlFor={`filter-${filter.name}`}>
            {filter.label}
          </label>
          <select
            className="govuk-select"
            id={`filter-${filter.name}`}
            name={filter.name}
            value={fields.filters[filter.name] ?? ""}
            onChange={(e) =>
              setFields({
                ...fields,
                filters: { ...fields.filters, [filter.name]: e.target.value },
              })
            }
          >
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

/** The banner a save left in the history entry ("Passenger added"): shown once, not on reload. */
function useBanner(): string | undefined {
  const router = useRouter();
  const [banner] = useState(() => router.state.location.state.banner);
  useEffect(() => {
    if (banner === undefined) return;
    router.history.replace(router.state.location.href, {});
  }, [router, banner]);
  return banner;
}

/** The API's page for the address: search and filters go to the API, the order stays here. */
function useRegisterPage(view: RegisterView<ResourceKind>, search: RegisterSearch) {
  const query = listQuery(view, search, REGISTER_PAGE_SIZE);
  return useQuery({
    queryKey: ["register", view.kind, query],
    queryFn: () => api.list(view.kind, query),
    placeholderData: keepPreviousData,
  });
}

/**
 * A register as a table with search, filters, sorting and paging, read through the API's list
 * route; all of them are in the address (`?page=2&search=smith&sort=name`). Roles that may write
 * the register see "Add" and "Edit"; a save comes back with a banner.
 */
export function RegisterPage({
  view: key,
  role,
  search,
}: {
  view: RegisterViewKey;
  role: ApiUser["role"];
  search: RegisterSearch;
}) {
  const view: RegisterView<ResourceKind> = REGISTER_VIEWS[key];
  useTitle(view.title);
  const banner = useBanner();
  const navigate = useNavigate();
  const writes = canWrite(role, key);
  const query = useRegisterPage(view, search);
  const go = (next: RegisterSearch) =>
    navigate({ to: `/register/${key}`, search: next, resetScroll: false });
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
        <Link to="/import" search={{ kind: key }}>
          Import {view.title.toLowerCase()} from a CSV file
        </Link>
      </p>
      <SearchForm view={view} search={search} onSearch={go} />
      <p className="govuk-hint">The column headings sort the rows on this page.</p>
      {query.error && <ErrorSummary problems={problemsOf(query.error)} />}
      {query.data && (
        <RegisterTable
          view={view}
          page={query.data}
          search={search}
          editable={writes ? key : undefined}
          onSearch={go}
        />
      )}
    </>
  );
}
