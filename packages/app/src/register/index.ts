export * from "./actor";
export * from "./register-service";
export * from "./resources";
export * from "./validation";
