export * from "./audit";
export * from "./health";
export * from "./register";
export * from "./security";
export * from "./session";
