export * from "./client";
export * from "./client-plan-overrides";
export * from "./client-plans";
export * from "./client-sharing";
export * from "./common";
/** Which role may read or write what: the server's own grants, for menus and buttons. */
/** How agreements are put in words: the lawful bases' and data items' own labels. */
export { ARTICLE_6_LABELS, ARTICLE_9_LABELS, DATA_ITEM_DESCRIPTIONS, isAllowed } from "./domain";
export * from "./errors";
export * from "./resources";
export * from "./routes";
