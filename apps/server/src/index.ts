export * from "./compose";
export * from "./config";
export { createHttpApp } from "./http";
/** The booking desk's answers as the API gives them, for `tt book`. */
export { presentBooked, presentBookingOptions, presentCancelled } from "./http/presenters/booking";
export * from "./services";
export * from "./start";
