import { useQuery } from "@tanstack/react-query";
import { isAllowed, type PlanView } from "@tt/contract";
import { lazy, Suspense, useMemo } from "react";
import { api, problemsOf } from "../api";
import { ErrorSummary } from "../components/error-summary";
import { useTitle } from "../components/use-title";
import { useSession } from "../session";
import { pounds, reasonText, runColour } from "./format";
import { MoveRequest } from "./move-request";
import { planGeo, planNames } from "./plan-geo";
import { PlanPool } from "./plan-pool";
import { PlanRevisions } from "./plan-revisions";
import { RunTimeline } from "./run-timeline";
import { RunsTable } from "./runs-table";
import { UnassignedTable } from "./unassigned-table";

/** MapLibre is large: it loads only when a plan is opened. */
const PlanMap = lazy(() => import("./plan-map").then((m) => ({ default: m.PlanMap })));

function Summary({ plan }: { plan: PlanView }) {
  const s = plan.summary;
  const rows: [string, string][] = [
    ["Date", plan.serviceDate],
    ["Trip requests", s.requests.toLocaleString("en-GB")],
    ["Assigned", s.assigned.toLocaleString("en-GB")],
    ["Unassigned", s.unassigned.toLocaleString("en-GB")],
    ["Vehicles used", `${s.vehiclesUsed} of ${s.vehiclesAvailable}`],
    ["Cost (without penalties)", pounds(s.cost.total)],
    ["Distance", `${s.distanceKm.toLocaleString("en-GB")} km`],
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

function UnassignedList({
  plan,
  reference,
}: {
  plan: PlanView;
  reference: (id: string) => string;
}) {
  const byReason = new Map<string, number>();
  for (const u of plan.unassigned) byReason.set(u.reason, (byReason.get(u.reason) ?? 0) + 1);
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
          <UnassignedTable plan={plan} reference={reference} />
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

/**
 * One plan: its summary (for a partnership's plan, the members it pooled and left out), the map,
 * the vehicle timeline, the runs and the unassigned list.
 */
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
      {plan.data.summary.pool && <PlanPool pool={plan.data.summary.pool} />}
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
      {user && isAllowed(user.role, "trip-requests", "read") && (
        <PlanRevisions planId={planId} vehicleName={vehicleName} />
      )}
      {user && isAllowed(user.role, "plans", "write") && (
        <MoveRequest plan={plan.data} reference={reference} vehicle={vehicleName} />
      )}
    </>
  );
}
