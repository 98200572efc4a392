export { hashAuditEntry } from "./audit-log";
export { createUnitOfWork } from "./unit-of-work";
