export {
  buildDemoIntegrationScenario,
  DEMO_INTEGRATION_DATE,
  type DemoIntegrationOptions,
} from "./analysis/scenario";
export { buildDemoScenario, DEFAULT_DEMO_SEED } from "./build-scenario";
export type {
  DemoBusStop,
  DemoGeography,
  DemoGpPractice,
  DemoHospital,
  DemoLocality,
  DemoLsoa,
  DemoSchool,
} from "./geography";
export { DEMO_BOUNDS } from "./geography";
export { DEMO_FINANCIAL_YEAR, DEMO_PASSWORD } from "./organisations";
export type {
  DemoOrganisation,
  DemoOrganisationKey,
  DemoPassenger,
  DemoScenario,
  DemoService,
  DemoTrip,
} from "./scenario-types";
export { DEMO_SERVICES } from "./scenario-types";
export type { DemoOrganisationSummary, DemoSummary } from "./seed-demo";
export { DEMO_MARKER_EMAIL, findDemo, seedDemo } from "./seed-demo";
