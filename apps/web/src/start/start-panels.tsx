import { useQuery } from "@tanstack/react-query";
import type { ApiUser } from "@tt/contract";
import { api } from "../api";
import { Link } from "../components/link";
import { totalsText } from "../operations/board-words";
import { warningText } from "../procurement/compliance-words";
import { expiringAgreements, nextStop, pounds, publishedOf, weekOf } from "./start-words";

type Role = ApiUser["role"];

/** A panel of the start page: a heading, what it found, and where to go next. */
function Panel({
  title,
  children,
  testId,
}: {
  title: string;
  children: React.ReactNode;
  testId: string;
}) {
  return (
    <section className="app-start-panel" data-testid={testId}>
      <h2 className="govuk-heading-m">{title}</h2>
      {children}
    </section>
  );
}

const loading = <p className="govuk-body">Loading…</p>;

/** The driver's next run: the next stop not yet marked. */
function NextRun({ date }: { date: string }) {
  const day = useQuery({ queryKey: ["driver-day", date], queryFn: () => api.driverDay(date) });
  if (!day.data) return loading;
  const next = nextStop(day.data);
  return (
    <Panel title="Your next stop" testId="start-next-run">
      {next ? (
        <p className="govuk-body">
          {next.stop.time}: {next.stop.kind === "pickup" ? "pick up" : "drop off"}{" "}
          {next.stop.passenger ?? ""} on {next.vehicle}.
        </p>
      ) : (
        <p className="govuk-body">No stop left to serve on {date}.</p>
      )}
      <p className="govuk-body">
        <Link to="/driver" search={{ date: undefined }}>
          Open your runs
        </Link>
      </p>
    </Panel>
  );
}

/** Without an operating plan on the day: the latest day that has one, to look at instead. */
function NoPlanYet({ date }: { date: string }) {
  const recent = useQuery({
    queryKey: ["plans-recent"],
    queryFn: () => api.listPlans({ limit: 50 }),
  });
  const latest = recent.data && publishedOf(recent.data.items);
  return (
    <p className="govuk-body" data-testid="start-no-plan">
      No operating plan is published for {date} yet.
      {latest && (
        <>
          {" "}
          The latest is for{" "}
          <Link to="/" search={{ date: latest.serviceDate }}>
            {latest.serviceDate}
          </Link>
          .
        </>
      )}
    </p>
  );
}

/** The day's operating plan and its board: for everyone who watches or changes the day. */
function Today({ date }: { date: string }) {
  const plans = useQuery({
    queryKey: ["plans", date],
    queryFn: () => api.listPlans({ serviceDate: date, limit: 20 }),
  });
  const board = useQuery({
    queryKey: ["status-board", date],
    queryFn: () => api.statusBoard(date),
  });
  if (!plans.data || !board.data) return loading;
  const plan = publishedOf(plans.data.items);
  return (
    <Panel title={`The day: ${date}`} testId="start-today">
      {plan ? (
        <p className="govuk-body">
          Operating plan (revision {plan.revision}): {plan.summary.assigned} of{" "}
          {plan.summary.requests} trips placed, {plan.summary.unassigned} without a place.{" "}
          {totalsText(board.data.totals)}
        </p>
      ) : (
        <NoPlanYet date={date} />
      )}
      <ul className="govuk-list">
        <li>
          <Link to="/status-board" search={{ date }}>
            Status board
          </Link>
        </li>
        <li>
          <Link to="/planning" search={{ date }}>
            Plans
          </Link>
        </li>
      </ul>
    </Panel>
  );
}

/** The booking agent's day: cancellations so far and the exceptions on the road. */
function DeskDay({ date }: { date: string }) {
  const counts = useQuery({
    queryKey: ["cancellations", date],
    queryFn: () => api.cancellations(date, date),
  });
  const board = useQuery({
    queryKey: ["status-board", date],
    queryFn: () => api.statusBoard(date),
  });
  if (!counts.data || !board.data) return loading;
  return (
    <Panel title="At the desk today" testId="start-desk">
      <p className="govuk-body">
        {counts.data.total} trips cancelled for {date}; {board.data.exceptions.length} exceptions on
        the road ({board.data.totals.noShows} no-shows, {board.data.totals.late} late stops).
      </p>
      <p className="govuk-body">
        <Link to="/booking">Open the booking desk</Link>
      </p>
    </Panel>
  );
}

/** Agreements ending or due for review within 60 days. */
function Agreements({ date }: { date: string }) {
  const list = useQuery({ queryKey: ["agreements"], queryFn: () => api.listAgreements() });
  if (!list.data) return loading;
  const due = expiringAgreements(list.data, date);
  return (
    <Panel title="Agreements due" testId="start-agreements">
      {due.length === 0 ? (
        <p className="govuk-body">No agreement ends or falls due for review in the next 60 days.</p>
      ) : (
        <ul className="govuk-list">
          {due.map((d) => (
            <li key={`${d.reference}-${d.what}`}>
              {d.reference}: {d.what === "end" ? "ends" : "review due"} on {d.date} ({d.days} days)
            </li>
          ))}
        </ul>
      )}
      <p className="govuk-body">
        <Link to="/partnership">Agreements</Link>
      </p>
    </Panel>
  );
}

/** This week's operating plans' cost against a week's share of the year's budgets. */
function WeekCost({ date }: { date: string }) {
  const days = weekOf(date);
  const week = useQuery({
    queryKey: ["week-plans", days[0]],
    queryFn: async () => Promise.all(days.map((d) => api.listPlans({ serviceDate: d, limit: 20 }))),
  });
  const budgets = useQuery({
    queryKey: ["budgets-all"],
    queryFn: () => api.list("budgets", { limit: 200 }),
  });
  if (!week.data || !budgets.data) return loading;
  const cost = week.data.reduce(
    (sum, page) => sum + (publishedOf(page.items)?.summary.cost.total ?? 0),
    0,
  );
  const days5 = week.data.filter((page) => publishedOf(page.items)).length;
  const annual = budgets.data.items.reduce((sum, b) => sum + b.amountPence, 0) / 100;
  return (
    <Panel title={`This week: ${days[0]} to ${days[6]}`} testId="start-week-cost">
      <p className="govuk-body">
        Operating plans of {days5} days cost {pounds(cost)}, against {pounds(annual / 52)} a week of
        this organisation's budgets ({pounds(annual)} a year, all years listed). Runs only:
        contracts and hand-backs are not yet counted.
      </p>
    </Panel>
  );
}

/** The organisation's licences, permits, insurance and MOTs lapsed or lapsing within 60 days. */
function ComplianceDue() {
  const found = useQuery({ queryKey: ["compliance"], queryFn: () => api.complianceRecord() });
  if (!found.data) return found.error ? null : loading;
  const record = found.data;
  const shown = record.warnings.slice(0, 5);
  return (
    <Panel title="Documents to renew" testId="start-compliance">
      {shown.length === 0 ? (
        <p className="govuk-body">No document lapses in the next 60 days.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {shown.map((w) => (
            <li key={w.documentId}>{warningText(w, record)}</li>
          ))}
        </ul>
      )}
      {record.warnings.length > shown.length && (
        <p className="govuk-body">And {record.warnings.length - shown.length} more.</p>
      )}
      <p className="govuk-body">
        <Link to="/compliance">Compliance documents</Link>
      </p>
    </Panel>
  );
}

/** What each role sees first: the day as its work needs it. */
export function StartPanels({ role, date }: { role: Role; date: string }) {
  if (role === "driver") return <NextRun date={date} />;
  if (role === "booking-agent") {
    return (
      <>
        <DeskDay date={date} />
        <Today date={date} />
      </>
    );
  }
  if (role === "finance") return <WeekCost date={date} />;
  if (role === "commissioner" || role === "admin") {
    return (
      <>
        <Today date={date} />
        <Agreements date={date} />
        <ComplianceDue />
      </>
    );
  }
  if (role === "operator") return <ComplianceDue />;
  return null;
}
