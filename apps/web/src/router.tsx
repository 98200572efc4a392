import {
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  useEffect,
  useSyncExternalStore,
} from "react";

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

const snapshot = () => `${window.location.pathname}${window.location.search}`;

/**
 * Goes to a path inside the app without reloading the page. `state` travels with the history
 * entry (e.g. a banner to show once); read it with `takeHistoryState`.
 */
export function navigate(to: string, options: { replace?: boolean; state?: unknown } = {}): void {
  const state = options.state ?? null;
  if (options.replace) window.history.replaceState(state, "", to);
  else window.history.pushState(state, "", to);
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
  // As on a page load, keyboard and screen reader users start again at the top of the content
  // (a banner or error summary on the new page then takes focus for itself).
  document.getElementById("main-content")?.focus({ preventScroll: true });
}

/** The current history entry's state, cleared so that it shows once (not again on reload). */
export function takeHistoryState(): unknown {
  const state: unknown = window.history.state;
  if (state !== null) window.history.replaceState(null, "", window.location.href);
  return state;
}

/** The current path and query, re-rendering when they change. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const location = useSyncExternalStore(subscribe, snapshot);
  const [path = "/", search = ""] = location.split("?");
  return { path, query: new URLSearchParams(search) };
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; children: ReactNode };

/** An ordinary link that navigates inside the app (new tab and modifier clicks still work). */
export function Link({ to, children, className, ...rest }: LinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className ?? "govuk-link"} {...rest}>
      {children}
    </a>
  );
}

/** Sets the document title, as GOV.UK pages do: "Page – Total Transport". */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Total Transport`;
  }, [title]);
}
