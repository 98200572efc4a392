export * from "./client";
export * from "./client-bookings";
export * from "./client-plan-overrides";
export * from "./client-plans";
export * from "./client-sharing";
export * from "./common";
/** Which role may read or write what: the server's own grants, for menus and buttons. */
/** How agreements are put in words: the lawful bases' and data items' own labels. */
/** The booking desk's lists: trip purposes, and cancellation reasons with their labels. */
export {
  ARTICLE_6_LABELS,
  ARTICLE_9_LABELS,
  CANCELLATION_REASON_CODES,
  CANCELLATION_REASONS,
  DATA_ITEM_DESCRIPTIONS,
  isAllowed,
  TRIP_PURPOSES,
} from "./domain";
export * from "./errors";
export * from "./resources";
export * from "./routes";
