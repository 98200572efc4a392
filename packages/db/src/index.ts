export * from "./create-db";
export * from "./postgres-job-queue";
export * from "./raw-query";
export * from "./repositories";
export * as schema from "./schema";
export * from "./test-databases";
