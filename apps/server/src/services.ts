import {
  AuthService,
  type Clock,
  type CsvTransfer,
  type PlanningFailure,
  PlanningService,
  RegisterService,
  systemClock,
  type TravelTimeProvider,
  type UnitOfWork,
} from "@tt/app";
import { createUnitOfWork, type DbHandle } from "@tt/db";
import { createTravelTimeProvider } from "@tt/integrations";

/** Everything the HTTP layer may call: use cases only, never the database itself. */
export interface ServerServices {
  readonly unitOfWork: UnitOfWork;
  readonly register: RegisterService;
  readonly auth: AuthService;
  readonly csv: CsvTransfer;
  readonly planning: PlanningService;
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
  return {
    unitOfWork,
    register: new RegisterService(unitOfWork),
    auth: new AuthService(unitOfWork, clock),
    csv: options.csv(unitOfWork),
    planning: new PlanningService(unitOfWork, {
      travelTimes: options.travelTimes ?? lazyGeometricTravelTimes(),
      clock,
      ...(options.logPlanningFailure ? { log: options.logPlanningFailure } : {}),
    }),
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
