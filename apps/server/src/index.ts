export * from "./compose";
export * from "./config";
export * from "./services";
export * from "./start";
