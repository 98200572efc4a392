export * from "./csv";
export * from "./register-service";
export * from "./resources";
