export * from "./erasure";
export * from "./retention";
