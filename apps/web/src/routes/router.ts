import { createRouter } from "@tanstack/react-router";
import { routeTree } from "./route-tree";
import { parseSearch, stringifySearch } from "./search-params";

/** Moves focus to the new page's main content, as a page load would for keyboard users. */
function focusMainContent(): void {
  document.getElementById("main-content")?.focus({ preventScroll: true });
}

export function makeRouter() {
  const router = createRouter({ routeTree, parseSearch, stringifySearch });
  // On a change of page (not of its query, e.g. paging a table): focus starts again at the top of
  // the content, before the new page draws, so that a banner or error summary on it can take focus
  // for itself. The first page of a visit keeps the browser's own focus.
  // The path is remembered here: the router's own "from" is the last page it finished drawing,
  // which is still the old one while the new page clears its history entry (a banner shown once).
  let shownPath: string | undefined;
  router.subscribe("onBeforeNavigate", ({ toLocation }) => {
    if (shownPath !== undefined && shownPath !== toLocation.pathname) focusMainContent();
    shownPath = toLocation.pathname;
  });
  return router;
}

export type AppRouter = ReturnType<typeof makeRouter>;

declare module "@tanstack/react-router" {
  interface Register {
    router: AppRouter;
  }
}

declare module "@tanstack/history" {
  interface HistoryState {
    /** A message to show once on the page navigated to ("Passenger added"). */
    banner?: string;
  }
}
