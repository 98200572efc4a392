import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  AuthService,
  type Boundaries,
  type Clock,
  type CsvTransfer,
  IntegrationAnalysisService,
  ManifestService,
  PlanMapService,
  type PlanningFailure,
  PlanningService,
  PlanOverrideService,
  RegisterService,
  systemClock,
  type TravelTimeProvider,
  type UnitOfWork,
} from "@tt/app";
import { createSignInAttemptStore, createUnitOfWork, type DbHandle } from "@tt/db";
import { createTravelTimeProvider, defaultDataDir } from "@tt/integrations";

/** Everything the HTTP layer may call: use cases only, never the database itself. */
export interface ServerServices {
  readonly unitOfWork: UnitOfWork;
  readonly register: RegisterService;
  readonly auth: AuthService;
  readonly csv: CsvTransfer;
  readonly planning: PlanningService;
  /** The planner's desk: check and save overrides of a stored plan. */
  readonly planOverrides: PlanOverrideService;
  /** Run manifests for drivers and passenger assistants (audited reads). */
  readonly manifests: ManifestService;
  /** Plans on a map: positions without names, homes rounded (audited reads). */
  readonly planMaps: PlanMapService;
  readonly analyses: IntegrationAnalysisService;
  /** District boundaries for report maps (data/districts.geojson), or undefined without them. */
  boundaries(): Promise<Boundaries | undefined>;
  readonly clock: Clock;
  /** Set `secure` on cookies (true unless serving plain HTTP on localhost for development). */
  readonly secureCookies: boolean;
  readonly driver: DbHandle["driver"];
}

export function buildServices(
  handle: DbHandle,
  options: {
    csv: (unitOfWork: UnitOfWork) => CsvTransfer;
    secureCookies: boolean;
    clock?: Clock;
    /** Built once at start; when omitted, the geometric provider is loaded on first use. */
    travelTimes?: TravelTimeProvider;
    /** Where unexpected planning failures are logged (their details never reach API clients). */
    logPlanningFailure?: (failure: PlanningFailure) => void;
  },
): ServerServices {
  const unitOfWork = createUnitOfWork(handle.db);
  const clock = options.clock ?? systemClock;
  const travelTimes = options.travelTimes ?? lazyGeometricTravelTimes();
  return {
    unitOfWork,
    register: new RegisterService(unitOfWork),
    auth: new AuthService(unitOfWork, clock, {
      signInAttempts: createSignInAttemptStore(handle.db),
    }),
    csv: options.csv(unitOfWork),
    planning: new PlanningService(unitOfWork, {
      travelTimes,
      clock,
      ...(options.logPlanningFailure ? { log: options.logPlanningFailure } : {}),
    }),
    planOverrides: new PlanOverrideService(unitOfWork),
    manifests: new ManifestService(unitOfWork),
    planMaps: new PlanMapService(unitOfWork),
    analyses: new IntegrationAnalysisService(unitOfWork, {
      travelTimes,
      clock,
      ...(options.logPlanningFailure ? { log: options.logPlanningFailure } : {}),
    }),
    boundaries: lazyBoundaries(),
    clock,
    secureCookies: options.secureCookies,
    driver: handle.driver,
  };
}

/** The geometric travel-time provider, loaded from its data file the first time it is asked. */
function lazyGeometricTravelTimes(): TravelTimeProvider {
  let loading: Promise<TravelTimeProvider> | undefined;
  return {
    name: "geometric",
    async matrix(origins, destinations) {
      loading ??= createTravelTimeProvider({ kind: "geometric" });
      return (await loading).matrix(origins, destinations);
    },
  };
}

/** The district boundaries in data/, read the first time they are asked for. */
function lazyBoundaries(): () => Promise<Boundaries | undefined> {
  let loading: Promise<Boundaries | undefined> | undefined;
  return () => {
    loading ??= readFile(join(defaultDataDir(), "districts.geojson"), "utf8")
      .then((text) => JSON.parse(text) as Boundaries)
      .catch(() => undefined);
    return loading;
  };
}
