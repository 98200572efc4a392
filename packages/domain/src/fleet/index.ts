export * from "./availability-grant";
export * from "./staff";
export * from "./vehicle";
