export * from "./retention-job";
export * from "./retention-service";
export * from "./subject-access";
export * from "./subject-access-html";
export * from "./subject-rights-service";
