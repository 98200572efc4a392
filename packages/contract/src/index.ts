export * from "./client";
export * from "./common";
export * from "./errors";
export * from "./resources";
export * from "./routes";
