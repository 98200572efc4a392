export * from "./organisation";
export * from "./roles";
