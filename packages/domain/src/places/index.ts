export * from "./place";
