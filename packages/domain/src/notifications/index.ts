export * from "./contact";
export * from "./message";
