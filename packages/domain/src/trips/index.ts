export * from "./occurrences";
export * from "./term-calendar";
export * from "./trip-request";
