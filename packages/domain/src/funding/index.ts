export * from "./funder";
