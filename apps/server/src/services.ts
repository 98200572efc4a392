import {
  AuthService,
  type Clock,
  type CsvTransfer,
  RegisterService,
  systemClock,
  type UnitOfWork,
} from "@tt/app";
import { createUnitOfWork, type DbHandle } from "@tt/db";

/** Everything the HTTP layer may call: use cases only, never the database itself. */
export interface ServerServices {
  readonly unitOfWork: UnitOfWork;
  readonly register: RegisterService;
  readonly auth: AuthService;
  readonly csv: CsvTransfer;
  readonly clock: Clock;
  /** Set `secure` on cookies (true unless serving plain HTTP on localhost for development). */
  readonly secureCookies: boolean;
  readonly driver: DbHandle["driver"];
}

export function buildServices(
  handle: DbHandle,
  options: { csv: (unitOfWork: UnitOfWork) => CsvTransfer; secureCookies: boolean; clock?: Clock },
): ServerServices {
  const unitOfWork = createUnitOfWork(handle.db);
  const clock = options.clock ?? systemClock;
  return {
    unitOfWork,
    register: new RegisterService(unitOfWork),
    auth: new AuthService(unitOfWork, clock),
    csv: options.csv(unitOfWork),
    clock,
    secureCookies: options.secureCookies,
    driver: handle.driver,
  };
}
