export * from "./compose";
export * from "./config";
export { createHttpApp } from "./http";
export * from "./services";
export * from "./start";
