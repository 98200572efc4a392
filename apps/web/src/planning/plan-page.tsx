import { useQuery } from "@tanstack/react-query";
import { isAllowed, type PlanView } from "@tt/contract";
import { lazy, Suspense, useMemo, useState } from "react";
import { api, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { Pagination } from "../components/pagination";
import { Link, useTitle } from "../router";
import { useSession } from "../session";
import { clock, kilometres, pounds, reasonText, runColour } from "./format";
import { MoveRequest } from "./move-request";
import { planGeo, planNames } from "./plan-geo";
import { RunTimeline } from "./run-timeline";

/** MapLibre is large: it loads only when a plan is opened. */
const PlanMap = lazy(() => import("./plan-map").then((m) => ({ default: m.PlanMap })));

const num = (value: unknown) => (typeof value === "number" ? value : 0);

function Summary({ plan }: { plan: PlanView }) {
  const s = plan.summary;
  const cost = (s.cost ?? {}) as Record<string, unknown>;
  const rows: [string, string][] = [
    ["Date", plan.serviceDate],
    ["Trip requests", num(s.requests).toLocaleString("en-GB")],
    ["Assigned", num(s.assigned).toLocaleString("en-GB")],
    ["Unassigned", num(s.unassigned).toLocaleString("en-GB")],
    ["Vehicles used", `${num(s.vehiclesUsed)} of ${num(s.vehiclesAvailable)}`],
    ["Cost (without penalties)", pounds(num(cost.total))],
    ["Distance", `${num(s.distanceKm).toLocaleString("en-GB")} km`],
  ];
  return (
    <dl className="govuk-summary-list" data-testid="plan-summary">
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function RunsTable({ plan, vehicleName }: { plan: PlanView; vehicleName: (id: string) => string }) {
  return (
    <table className="govuk-table" data-testid="runs-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Runs</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {["Vehicle", "Colour", "From", "To", "Stops", "Distance", "Cost", "Manifest"].map((h) => (
            <th scope="col" className="govuk-table__header" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {plan.runs.map((run, index) => (
          <tr className="govuk-table__row" key={run.id}>
            <td className="govuk-table__cell">{vehicleName(run.vehicleId)}</td>
            <td className="govuk-table__cell">
              <span className="app-swatch" style={{ background: runColour(index) }} />
              <span className="govuk-visually-hidden">run {index + 1}</span>
            </td>
            <td className="govuk-table__cell">{clock(run.stops[0]?.start ?? 0)}</td>
            <td className="govuk-table__cell">{clock(run.stops.at(-1)?.departure ?? 0)}</td>
            <td className="govuk-table__cell">{run.stops.length}</td>
            <td className="govuk-table__cell">{kilometres(run.distanceMetres)}</td>
            <td className="govuk-table__cell">{pounds(run.costPence / 100)}</td>
            <td className="govuk-table__cell">
              <Link to={`/planning/plans/${plan.id}/runs/${run.id}`}>
                Manifest
                <span className="govuk-visually-hidden"> for {vehicleName(run.vehicleId)}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const UNASSIGNED_PAGE = 50;

function UnassignedList({
  plan,
  reference,
}: {
  plan: PlanView;
  reference: (id: string) => string;
}) {
  const [offset, setOffset] = useState(0);
  const byReason = new Map<string, number>();
  for (const u of plan.unassigned) byReason.set(u.reason, (byReason.get(u.reason) ?? 0) + 1);
  const page = plan.unassigned.slice(offset, offset + UNASSIGNED_PAGE);
  return (
    <section aria-labelledby="unassigned-heading" data-testid="unassigned">
      <h2 className="govuk-heading-m" id="unassigned-heading">
        Unassigned trip requests
      </h2>
      {plan.unassigned.length === 0 ? (
        <p className="govuk-body">Every trip request has a place on a run.</p>
      ) : (
        <>
          <ul className="govuk-list govuk-list--bullet">
            {[...byReason].map(([reason, count]) => (
              <li key={reason}>
                {count.toLocaleString("en-GB")}: {reasonText(reason)}
              </li>
            ))}
          </ul>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">
              Unassigned trip requests and why
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Trip request
                </th>
                <th scope="col" className="govuk-table__header">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {page.map((u) => (
                <tr className="govuk-table__row" key={u.tripRequestId}>
                  <td className="govuk-table__cell">{reference(u.tripRequestId)}</td>
                  <td className="govuk-table__cell">
                    {reasonText(u.reason)}
                    {u.message ? ` (${u.message})` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination
            offset={offset}
            limit={UNASSIGNED_PAGE}
            total={plan.unassigned.length}
            onPage={setOffset}
          />
        </>
      )}
    </section>
  );
}

/**
 * Recorded in the audit log when the map places passengers' homes (rounded, never named): only for
 * roles that may read passengers; other roles get homes without a position and nothing is audited.
 */
const MAP_PURPOSE = "plan map for the planner";

/** One plan: its summary, the map, the vehicle timeline, the runs and the unassigned list. */
export function PlanPage({ planId }: { planId: string }) {
  useTitle("Plan");
  const { user } = useSession();
  const plan = useQuery({ queryKey: ["plan", planId], queryFn: () => api.getPlan(planId) });
  const map = useQuery({
    queryKey: ["plan-map", planId],
    queryFn: () => api.withPurpose(MAP_PURPOSE).getPlanMap(planId),
  });
  const { vehicle: vehicleName, reference } = useMemo(() => planNames(map.data), [map.data]);
  const geo = useMemo(() => map.data && planGeo(map.data, runColour), [map.data]);
  if (plan.error) return <ErrorSummary problems={problemsOf(plan.error)} />;
  if (!plan.data) return <p className="govuk-body">Loading the plan…</p>;
  return (
    <>
      <span className="govuk-caption-l">Plan</span>
      <h1 className="govuk-heading-l">{plan.data.name}</h1>
      <Summary plan={plan.data} />
      <h2 className="govuk-heading-m">Map</h2>
      {map.error && <ErrorSummary problems={problemsOf(map.error)} title="The map is missing" />}
      {geo ? (
        <Suspense fallback={<p className="govuk-body">Loading the map…</p>}>
          <PlanMap geo={geo} skipTo="timeline-caption" />
        </Suspense>
      ) : (
        !map.error && <p className="govuk-body">Loading the map…</p>
      )}
      {geo && geo.unplaced > 0 && (
        <p className="govuk-body">{geo.unplaced} stops could not be placed on the map.</p>
      )}
      {geo && geo.withheldHomes > 0 && (
        <p className="govuk-body" data-testid="homes-withheld">
          Home positions are shown only to roles that may read passengers, so stops at passengers'
          homes are left off this map.
        </p>
      )}
      <RunTimeline runs={plan.data.runs} vehicleName={vehicleName} />
      <RunsTable plan={plan.data} vehicleName={vehicleName} />
      <UnassignedList plan={plan.data} reference={reference} />
      {user && isAllowed(user.role, "plans", "write") && (
        <MoveRequest plan={plan.data} reference={reference} vehicle={vehicleName} />
      )}
    </>
  );
}
