export * from "./create-db";
export * from "./raw-query";
export * from "./repositories";
export * as schema from "./schema";
export * from "./test-databases";
