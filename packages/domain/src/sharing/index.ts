export * from "./agreement";
export * from "./agreement-rules";
export * from "./coarsen";
export * from "./lawful-basis";
export * from "./partnership";
export * from "./purposes";
