export * from "./staff";
export * from "./vehicle";
