import type { OpenAPIHono } from "@hono/zod-openapi";
import { authorise, REGISTER } from "@tt/app";
import {
  addContactRoute,
  analysableFundersRoute,
  answerCommissionRoute,
  answerDelegationRoute,
  applicantComplianceRoute,
  applyToDpsRoute,
  approveAgreementRoute,
  assessEntitlementRoute,
  assignCrewRoute,
  auditLogRoute,
  awardLotRoute,
  bookingOptionsRoute,
  bookRoute,
  CSV_RESOURCE_KINDS,
  CSV_ROUTES,
  cancelJobRoute,
  cancellationSummaryRoute,
  cancelTripRoute,
  changeAgreementStatusRoute,
  competitionBidsRoute,
  completeCommissionRoute,
  contractAlignmentRoute,
  createCompetitionRoute,
  createContractRoute,
  createDelegationRoute,
  crewRotaRoute,
  decideDpsApplicationRoute,
  delegationSpendRoute,
  deleteComplianceRoute,
  disputeCommissionRoute,
  draftAgreementRoute,
  driverDayRoute,
  erasePassengerRoute,
  evaluatePlanChangeRoute,
  getAgreementRoute,
  getCompetitionRoute,
  getContractRoute,
  getEntitlementDecisionRoute,
  getPlanRoute,
  handBackContractRoute,
  importNeedsSurveyRoute,
  importTapsRoute,
  integrationReportCsvRoute,
  integrationReportHtmlRoute,
  journeyExportRoute,
  journeyReportRoute,
  listAgreementsRoute,
  listCommissionsRoute,
  listCompetitionsRoute,
  listComplianceRoute,
  listContactsRoute,
  listContractsRoute,
  listDelegationsRoute,
  listDpsApplicationsRoute,
  listDpsBuyersRoute,
  listEntitlementDecisionsRoute,
  listGrantsRoute,
  listPartnershipsRoute,
  listPartnersRoute,
  listPlansRoute,
  listUnmetDemandRoute,
  markBidQualityRoute,
  memberPlansRoute,
  memberSharesRoute,
  messageLogRoute,
  moveContractRoute,
  occupancyRoute,
  offerCommissionsRoute,
  offerGrantRoute,
  optOutContactRoute,
  organisationRoute,
  partnerBookingOptionsRoute,
  partnerBookRoute,
  partnerCancelTripRoute,
  partnerFundersRoute,
  partnerPassengersCsvRoute,
  partnerPassengersRoute,
  partnerPlacesRoute,
  partnerStandingRoute,
  partnershipRoute,
  partnerTripsRoute,
  passengerMessagesRoute,
  passengerStandingRoute,
  placeBidRoute,
  planChangesRoute,
  planLotsRoute,
  planMapRoute,
  planRevisionsRoute,
  publishPlanRoute,
  REGISTER_ROUTES,
  RESOURCE_KINDS,
  reconciliationCsvRoute,
  reconciliationRoute,
  recordComplianceRoute,
  recordRunEventsRoute,
  removeContactRoute,
  retryJobRoute,
  runManifestRoute,
  savePlanRunsRoute,
  startIntegrationAnalysisRoute,
  startPlanRoute,
  startRetentionRoute,
  statusBoardEventsRoute,
  statusBoardRoute,
  subjectAccessRoute,
  updateContractRoute,
  updateDelegationRoute,
  withdrawDelegationRoute,
  withdrawDpsApplicationRoute,
  withdrawGrantRoute,
  withdrawPlanRoute,
} from "@tt/contract";
import type { Access, Resource } from "@tt/domain";
import type { MiddlewareHandler } from "hono";
import { actorOf, type HttpEnv } from "../context";

interface RouteRef {
  readonly method: string;
  readonly path: string;
}

/** The grant a route needs: checked before its parameters, query or body are validated. */
export interface RouteAccess {
  readonly route: RouteRef;
  readonly resource: Resource;
  readonly access: Access;
}

const rule = (route: RouteRef, resource: Resource, access: Access): RouteAccess => ({
  route,
  resource,
  access,
});

function registerRules(): RouteAccess[] {
  return RESOURCE_KINDS.flatMap((kind) => {
    const routes = REGISTER_ROUTES[kind];
    const resource = REGISTER[kind].resource;
    return [
      rule(routes.list, resource, "read"),
      rule(routes.get, resource, "read"),
      rule(routes.create, resource, "write"),
      rule(routes.update, resource, "write"),
      rule(routes.remove, resource, "write"),
    ];
  });
}

function csvRules(): RouteAccess[] {
  return CSV_RESOURCE_KINDS.flatMap((kind) => {
    const resource = REGISTER[kind].resource;
    return [
      rule(CSV_ROUTES[kind].importCsv, resource, "write"),
      rule(CSV_ROUTES[kind].exportCsv, resource, "read"),
    ];
  });
}

/**
 * Every route that needs a grant, and which. Routes not listed need only a signed-in user
 * (session and tokens) or nobody (health, docs, sign-in). The use cases check again; this table
 * answers first, so a forbidden role learns nothing about the input schema.
 */
export const ROUTE_ACCESS: readonly RouteAccess[] = [
  ...registerRules(),
  ...csvRules(),
  rule(organisationRoute, "organisation", "read"),
  rule(auditLogRoute, "audit-log", "read"),
  rule(startPlanRoute, "plans", "write"),
  rule(listPlansRoute, "plans", "read"),
  rule(getPlanRoute, "plans", "read"),
  rule(planMapRoute, "plans", "read"),
  rule(publishPlanRoute, "plans", "write"),
  rule(withdrawPlanRoute, "plans", "write"),
  // Reading a job needs its kind's grant (plans for plans and analyses, subject-rights for
  // retention runs), which only the job service knows: it checks it before anything is shown.
  // Cancelling and retrying are for the plans grant's holders (and administrators).
  rule(cancelJobRoute, "plans", "write"),
  rule(retryJobRoute, "plans", "write"),
  rule(evaluatePlanChangeRoute, "plans", "write"),
  rule(savePlanRunsRoute, "plans", "write"),
  rule(runManifestRoute, "plans", "read"),
  rule(startIntegrationAnalysisRoute, "plans", "write"),
  rule(analysableFundersRoute, "plans", "read"),
  rule(memberSharesRoute, "budgets", "read"),
  rule(memberPlansRoute, "budgets", "read"),
  rule(integrationReportHtmlRoute, "plans", "read"),
  rule(integrationReportCsvRoute, "plans", "read"),
  rule(crewRotaRoute, "staff", "read"),
  rule(listGrantsRoute, "vehicles", "read"),
  rule(offerGrantRoute, "vehicles", "write"),
  rule(withdrawGrantRoute, "vehicles", "write"),
  rule(listComplianceRoute, "compliance", "read"),
  rule(recordComplianceRoute, "compliance", "write"),
  rule(deleteComplianceRoute, "compliance", "write"),
  rule(listDpsApplicationsRoute, "dps", "read"),
  rule(listDpsBuyersRoute, "dps", "read"),
  rule(applyToDpsRoute, "dps", "write"),
  rule(decideDpsApplicationRoute, "dps", "write"),
  rule(withdrawDpsApplicationRoute, "dps", "write"),
  rule(applicantComplianceRoute, "dps", "read"),
  rule(listContractsRoute, "contracts", "read"),
  rule(contractAlignmentRoute, "contracts", "read"),
  rule(getContractRoute, "contracts", "read"),
  rule(createContractRoute, "contracts", "write"),
  rule(updateContractRoute, "contracts", "write"),
  rule(moveContractRoute, "contracts", "write"),
  rule(handBackContractRoute, "hand-backs", "write"),
  rule(planLotsRoute, "plans", "read"),
  rule(planLotsRoute, "contracts", "read"),
  rule(listCompetitionsRoute, "contracts", "read"),
  rule(getCompetitionRoute, "contracts", "read"),
  rule(createCompetitionRoute, "contracts", "write"),
  rule(createCompetitionRoute, "plans", "read"),
  rule(placeBidRoute, "bids", "write"),
  rule(competitionBidsRoute, "contracts", "read"),
  rule(markBidQualityRoute, "contracts", "write"),
  rule(awardLotRoute, "contracts", "write"),
  rule(offerCommissionsRoute, "commissions", "write"),
  rule(offerCommissionsRoute, "plans", "read"),
  rule(listCommissionsRoute, "commissions", "read"),
  rule(answerCommissionRoute, "commission-answers", "write"),
  rule(completeCommissionRoute, "completions", "write"),
  rule(disputeCommissionRoute, "commissions", "write"),
  rule(reconciliationRoute, "commissions", "read"),
  rule(reconciliationCsvRoute, "commissions", "read"),
  rule(listDelegationsRoute, "delegations", "read"),
  rule(createDelegationRoute, "delegations", "write"),
  rule(updateDelegationRoute, "delegations", "write"),
  rule(answerDelegationRoute, "delegations", "write"),
  rule(withdrawDelegationRoute, "delegations", "write"),
  rule(delegationSpendRoute, "delegations", "read"),
  rule(importNeedsSurveyRoute, "delegations", "write"),
  rule(listUnmetDemandRoute, "delegations", "read"),
  rule(partnershipRoute, "organisation", "read"),
  rule(listPartnershipsRoute, "organisation", "read"),
  rule(listAgreementsRoute, "agreements", "read"),
  rule(getAgreementRoute, "agreements", "read"),
  rule(draftAgreementRoute, "agreements", "write"),
  rule(approveAgreementRoute, "agreements", "write"),
  rule(changeAgreementStatusRoute, "agreements", "write"),
  rule(subjectAccessRoute, "subject-rights", "read"),
  rule(erasePassengerRoute, "subject-rights", "write"),
  rule(startRetentionRoute, "subject-rights", "write"),
  rule(listPartnersRoute, "organisation", "read"),
  rule(partnerPassengersRoute, "passengers", "read"),
  rule(partnerPassengersCsvRoute, "passengers", "read"),
  rule(assignCrewRoute, "staff", "write"),
  rule(assessEntitlementRoute, "entitlements", "write"),
  // The booking desk writes trip requests into a plan it may read: both grants, before the body.
  rule(bookingOptionsRoute, "trip-requests", "write"),
  rule(bookingOptionsRoute, "plans", "read"),
  rule(bookRoute, "trip-requests", "write"),
  rule(bookRoute, "plans", "read"),
  rule(cancelTripRoute, "trip-requests", "write"),
  rule(passengerStandingRoute, "trip-requests", "write"),
  rule(passengerStandingRoute, "plans", "read"),
  // The desk for a partner's passengers: the same grants as the organisation's own desk.
  ...[
    partnerBookingOptionsRoute,
    partnerBookRoute,
    partnerCancelTripRoute,
    partnerPlacesRoute,
    partnerFundersRoute,
    partnerStandingRoute,
    partnerTripsRoute,
  ].flatMap((route) => [rule(route, "trip-requests", "write"), rule(route, "plans", "read")]),
  rule(cancelTripRoute, "plans", "read"),
  rule(cancellationSummaryRoute, "trip-requests", "read"),
  rule(planRevisionsRoute, "plans", "read"),
  rule(planRevisionsRoute, "trip-requests", "read"),
  rule(planChangesRoute, "plans", "read"),
  rule(planChangesRoute, "trip-requests", "read"),
  rule(listEntitlementDecisionsRoute, "entitlements", "read"),
  rule(driverDayRoute, "run-events", "write"),
  rule(driverDayRoute, "plans", "read"),
  rule(recordRunEventsRoute, "run-events", "write"),
  rule(statusBoardRoute, "run-events", "read"),
  rule(statusBoardEventsRoute, "run-events", "read"),
  rule(importTapsRoute, "run-events", "write"),
  rule(importTapsRoute, "plans", "write"),
  rule(occupancyRoute, "run-events", "read"),
  rule(occupancyRoute, "plans", "read"),
  rule(journeyReportRoute, "run-events", "read"),
  rule(journeyReportRoute, "plans", "read"),
  rule(journeyExportRoute, "run-events", "read"),
  rule(journeyExportRoute, "plans", "read"),
  rule(getEntitlementDecisionRoute, "entitlements", "read"),
  // Contacts and messages belong to the passenger's record: its grant, before the body.
  rule(listContactsRoute, "passengers", "read"),
  rule(addContactRoute, "passengers", "write"),
  rule(optOutContactRoute, "passengers", "write"),
  rule(removeContactRoute, "passengers", "write"),
  rule(passengerMessagesRoute, "passengers", "read"),
  rule(messageLogRoute, "passengers", "read"),
];

/** `/api/plans/{id}` → `/api/plans/:id`, as Hono routes it. */
export function honoPath(path: string): string {
  return path.replaceAll(/\/{(.+?)}/g, "/:$1");
}

function requireAccess(resource: Resource, access: Access): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    authorise(actorOf(c), resource, access);
    await next();
  };
}

/**
 * Registers the role check of every route in `ROUTE_ACCESS`. Call before mounting the routes:
 * Hono runs handlers in the order they were added, so this runs before the route's validators.
 */
export function checkRouteAccess(app: OpenAPIHono<HttpEnv>): void {
  for (const { route, resource, access } of ROUTE_ACCESS) {
    app.on(route.method.toUpperCase(), honoPath(route.path), requireAccess(resource, access));
  }
}
