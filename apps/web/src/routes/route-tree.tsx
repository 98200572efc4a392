import { createRootRoute, createRoute } from "@tanstack/react-router";
import type { ApiUser } from "@tt/contract";
import type { ReactNode } from "react";
import { AccessLogPage } from "../audit/access-log-page";
import { readAccessLogSearch } from "../audit/access-log-search";
import { BookingPage } from "../booking/booking-page";
import { CommunityTransportPage } from "../community-transport/community-transport-page";
import { DriverPage } from "../driver/driver-page";
import { IntegrationPage } from "../integration/integration-page";
import { CrewPage } from "../operations/crew-page";
import { JourneysPage } from "../operations/journeys-page";
import { OccupancyPage } from "../operations/occupancy-page";
import { StatusBoardPage } from "../operations/status-board-page";
import { EntitlementPage } from "../pages/entitlement-page";
import { HomePage } from "../pages/home-page";
import { IMPORT_KINDS, ImportPage } from "../pages/import-page";
import { NotFoundPage } from "../pages/not-found-page";
import { OptOutPage } from "../pages/opt-out-page";
import { PartnershipPlansPage } from "../partnership-plans/partnership-plans-page";
import { ManifestPage } from "../planning/manifest-page";
import { PlanPage } from "../planning/plan-page";
import { PlanningPage } from "../planning/planning-page";
import { CompetitionsPage } from "../procurement/competitions-page";
import { CompliancePage } from "../procurement/compliance-page";
import { ContractsPage } from "../procurement/contracts-page";
import { DelegationsPage } from "../procurement/delegations-page";
import { DpsPage } from "../procurement/dps-page";
import { useSession } from "../session";
import { PartnershipPage } from "../sharing/partnership-page";
import { AppShell } from "./app-shell";
import { idParam } from "./path-params";
import { registerRoutes } from "./register-routes";
import { RouteError } from "./route-error";
import { choiceParam, dateParam } from "./search-params";

/** The page for the signed-in user (the shell shows the sign-in page to everyone else). */
function SignedIn({ page }: { page: (user: ApiUser) => ReactNode }): ReactNode {
  const { user } = useSession();
  return user ? page(user) : null;
}

export const rootRoute = createRootRoute({
  component: AppShell,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  validateSearch: (raw: Record<string, unknown>): { date?: string } => {
    const date = dateParam(raw, "date", "your start page");
    return date === undefined ? {} : { date };
  },
  component: function Home(): ReactNode {
    const { date } = homeRoute.useSearch();
    return <SignedIn page={(user) => <HomePage user={user} date={date} />} />;
  },
});

const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "import",
  validateSearch: (raw: Record<string, unknown>) => ({
    kind: choiceParam(
      raw,
      "kind",
      IMPORT_KINDS.map((k) => k.key),
      "the import page",
    ),
  }),
  component: function Import(): ReactNode {
    return <ImportPage kind={importRoute.useSearch().kind} />;
  },
});

const planningRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "planning",
  validateSearch: (raw: Record<string, unknown>) => ({
    date: dateParam(raw, "date", "the planning page"),
  }),
  component: function Planning(): ReactNode {
    const { date } = planningRoute.useSearch();
    return <SignedIn page={(user) => <PlanningPage user={user} date={date} />} />;
  },
});

const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "planning/plans/$planId",
  params: { parse: (raw) => ({ planId: idParam(raw.planId) }) },
  component: function Plan(): ReactNode {
    return <PlanPage planId={planRoute.useParams().planId} />;
  },
});

const manifestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "planning/plans/$planId/runs/$runId",
  params: { parse: (raw) => ({ planId: idParam(raw.planId), runId: idParam(raw.runId) }) },
  component: function Manifest(): ReactNode {
    const { planId, runId } = manifestRoute.useParams();
    return <ManifestPage planId={planId} runId={runId} />;
  },
});

const bookingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "booking",
  component: BookingPage,
});

const driverRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "driver",
  validateSearch: (raw: Record<string, unknown>) => ({
    date: dateParam(raw, "date", "your runs"),
  }),
  component: function Driver(): ReactNode {
    const { date } = driverRoute.useSearch();
    return <SignedIn page={(user) => <DriverPage user={user} date={date} />} />;
  },
});

const statusBoardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "status-board",
  validateSearch: (raw: Record<string, unknown>) => ({
    date: dateParam(raw, "date", "the status board"),
  }),
  component: function StatusBoard(): ReactNode {
    return <StatusBoardPage date={statusBoardRoute.useSearch().date} />;
  },
});

const crewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "crew",
  validateSearch: (raw: Record<string, unknown>) => ({
    date: dateParam(raw, "date", "the crew rota"),
  }),
  component: function Crew(): ReactNode {
    return <CrewPage date={crewRoute.useSearch().date} />;
  },
});

const occupancyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "occupancy",
  validateSearch: (raw: Record<string, unknown>) => ({
    from: dateParam(raw, "from", "taps and occupancy"),
    to: dateParam(raw, "to", "taps and occupancy"),
  }),
  component: function Occupancy(): ReactNode {
    const { from, to } = occupancyRoute.useSearch();
    return <OccupancyPage from={from ?? ""} to={to ?? ""} />;
  },
});

const journeysRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "journeys",
  validateSearch: (raw: Record<string, unknown>) => ({
    from: dateParam(raw, "from", "completed journeys"),
    to: dateParam(raw, "to", "completed journeys"),
  }),
  component: function Journeys(): ReactNode {
    const { from, to } = journeysRoute.useSearch();
    return <JourneysPage from={from ?? ""} to={to ?? ""} />;
  },
});

const entitlementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "entitlement",
  component: EntitlementPage,
});

const integrationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "integration",
  component: IntegrationPage,
});

const partnershipRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "partnership",
  component: () => <SignedIn page={(user) => <PartnershipPage user={user} />} />,
});

const partnershipPlansRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "partnership-plans",
  validateSearch: (raw: Record<string, unknown>) => ({
    date: dateParam(raw, "date", "your trips in partnership plans"),
  }),
  component: function PartnershipPlans(): ReactNode {
    return <PartnershipPlansPage date={partnershipPlansRoute.useSearch().date} />;
  },
});

const accessLogRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "access-log",
  validateSearch: readAccessLogSearch,
  component: function AccessLog(): ReactNode {
    const search = accessLogRoute.useSearch();
    return <SignedIn page={(user) => <AccessLogPage user={user} search={search} />} />;
  },
});

const complianceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "compliance",
  component: () => <SignedIn page={(user) => <CompliancePage user={user} />} />,
});

const dpsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "dps",
  component: () => <SignedIn page={(user) => <DpsPage user={user} />} />,
});

const contractsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "contracts",
  component: () => <SignedIn page={(user) => <ContractsPage user={user} />} />,
});

const communityTransportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "community-transport",
  component: () => <SignedIn page={(user) => <CommunityTransportPage user={user} />} />,
});

const delegationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "delegations",
  component: () => <SignedIn page={(user) => <DelegationsPage user={user} />} />,
});

const competitionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "competitions",
  component: () => <SignedIn page={(user) => <CompetitionsPage user={user} />} />,
});

/** The page a message's opt-out link opens: public, the shell shows it to anyone. */
const optOutRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "opt-out",
  component: OptOutPage,
});

export const routeTree = rootRoute.addChildren([
  optOutRoute,
  homeRoute,
  importRoute,
  planningRoute,
  planRoute,
  manifestRoute,
  bookingRoute,
  driverRoute,
  statusBoardRoute,
  crewRoute,
  occupancyRoute,
  journeysRoute,
  entitlementRoute,
  integrationRoute,
  partnershipRoute,
  partnershipPlansRoute,
  accessLogRoute,
  complianceRoute,
  dpsRoute,
  contractsRoute,
  communityTransportRoute,
  delegationsRoute,
  competitionsRoute,
  ...registerRoutes(rootRoute, "passengers"),
  ...registerRoutes(rootRoute, "places"),
  ...registerRoutes(rootRoute, "vehicles"),
  ...registerRoutes(rootRoute, "trip-requests"),
]);
