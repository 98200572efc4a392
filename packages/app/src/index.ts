export * from "./auth";
export * from "./csv";
export * from "./errors";
export * from "./ports";
export * from "./register";
export * from "./demo";
