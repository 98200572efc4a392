export * from "./subject-access";
export * from "./subject-access-html";
export * from "./subject-rights-service";
