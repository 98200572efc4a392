export * from "./access-log-service";
export * from "./agreement-service";
export * from "./grant-service";
export * from "./partner-service";
export * from "./partnership-service";
export * from "./passenger-view";
export * from "./sharing-gate";
