export * from "./emission-class";
export * from "./factors";
