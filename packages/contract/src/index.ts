export * from "./client";
export * from "./client-bookings";
export * from "./client-community-transport";
export * from "./client-consortia";
export * from "./client-messages";
export * from "./client-operations";
export * from "./client-partner-desk";
export * from "./client-plan-overrides";
export * from "./client-plans";
export * from "./client-procurement";
export * from "./client-sharing";
export * from "./common";
/** Which role may read or write what: the server's own grants, for menus and buttons. */
/** How agreements are put in words: the lawful bases' and data items' own labels. */
/** The booking desk's lists: trip purposes, and cancellation reasons with their labels. */
/** Contacts' channels and relationships, messages' kinds and statuses, and masked addresses. */
/** The driver's list of no-show reasons with their labels, and what marks at a stop add up to. */
/** The week's days and a date's weekday, for a repeating booking. */
/** Compliance documents' kinds and warnings; the DPS's categories and application statuses. */
/** Which of a person's checks have lapsed on a day, as the crew rota refuses them. */
export {
  ARTICLE_6_LABELS,
  ARTICLE_9_LABELS,
  CANCELLATION_REASON_CODES,
  CANCELLATION_REASONS,
  COMPLIANCE_DOCUMENT_KIND_CODES,
  COMPLIANCE_DOCUMENT_KINDS,
  CONTACT_CHANNELS,
  CONTACT_RELATIONSHIPS,
  DATA_ITEM_DESCRIPTIONS,
  DPS_APPLICATION_STATUSES,
  DPS_CATEGORIES,
  EXPIRY_WARNING_DAYS,
  foldRunEvents,
  isAllowed,
  listLapsedChecks,
  MAX_RUN_EVENT_DAYS,
  MAX_RUN_EVENTS_PER_UPLOAD,
  MESSAGE_KINDS,
  MESSAGE_STATUSES,
  maskedAddress,
  NO_SHOW_REASON_CODES,
  NO_SHOW_REASONS,
  stopKey,
  TRIP_PURPOSES,
  WEEKDAYS,
  weekdayOf,
} from "./domain";
export * from "./errors";
export * from "./resources";
export * from "./routes";
