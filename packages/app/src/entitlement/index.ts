export * from "./assess-cohort";
export * from "./entitlement-service";
export * from "./policy-choice";
