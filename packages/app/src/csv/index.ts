export * from "./csv-port";
