export * from "./fleet";
export * from "./funding";
export * from "./operators";
export * from "./organisations";
export * from "./passengers";
export * from "./places";
export * from "./shared";
export * from "./trips";
