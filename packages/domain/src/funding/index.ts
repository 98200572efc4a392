export * from "./funder";
export * from "./mixing-policies";
export * from "./services";
