export { hashAuditEntry } from "./audit-log";
export { createSignInAttemptStore } from "./sign-in-attempt-store";
export { createUnitOfWork } from "./unit-of-work";
