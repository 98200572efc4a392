import type {
  AssessBody,
  JobView,
  MemberPlanView,
  OrganisationView,
  PlanHeaderView,
  PlanMapView,
  PlanView,
  StartPlanBody,
  StoredEntitlementDecisionView,
} from "./routes";
import type { StartIntegrationAnalysisBody } from "./routes/analyses";

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;
type Query = Readonly<Record<string, string | number | undefined>>;

interface PageOf<T> {
  readonly items: T[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

function queryOf(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

const at = (id: string) => encodeURIComponent(id);

/** Day plans, their jobs and entitlement decisions: the client methods over those routes. */
export function planClientMethods(call: Call, base: string) {
  return {
    /** The signed-in user's organisation: its name and kind. */
    organisation: () => call<OrganisationView>("GET", "/api/organisation"),
    /** Starts a day plan as a job; follow it with `getJob` or the events at `jobEventsUrl`. */
    startPlan: (input: StartPlanBody) => call<{ jobId: string }>("POST", "/api/plans", input),
    /** Silo versus pooled planning as a job; the finished job's `result.report` is the report. */
    startIntegrationAnalysis: (input: StartIntegrationAnalysisBody) =>
      call<{ jobId: string }>("POST", "/api/analyses/integration", input),
    /** The finished analysis as one self-contained HTML page. */
    integrationReportUrl: (jobId: string) =>
      `${base}/api/analyses/integration/${at(jobId)}/report.html`,
    getJob: (id: string) => call<JobView>("GET", `/api/jobs/${at(id)}`),
    /** Where the job's server-sent events are (`progress`, then `done` or `timeout`). */
    jobEventsUrl: (id: string) => `${base}/api/jobs/${at(id)}/events`,
    listPlans: (query: { offset?: number; limit?: number; serviceDate?: string } = {}) =>
      call<PageOf<PlanHeaderView>>("GET", `/api/plans${queryOf(query)}`),
    getPlan: (id: string) => call<PlanView>("GET", `/api/plans/${at(id)}`),
    /** The organisation's own trips in its partnerships' plans of a day, with their cost. */
    partnershipPlans: (date: string) =>
      call<{ items: MemberPlanView[] }>("GET", `/api/partnership-plans${queryOf({ date })}`),
    /** The plan's stops and unassigned requests with positions; homes rounded, never named. */
    getPlanMap: (id: string) => call<PlanMapView>("GET", `/api/plans/${at(id)}/map`),
    assessEntitlement: (input: AssessBody) =>
      call<StoredEntitlementDecisionView>("POST", "/api/entitlement/assess", input),
    listEntitlementDecisions: (query: { offset?: number; limit?: number; passengerId?: string }) =>
      call<PageOf<StoredEntitlementDecisionView>>(
        "GET",
        `/api/entitlement/decisions${queryOf(query)}`,
      ),
  };
}
