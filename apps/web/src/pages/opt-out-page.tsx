import { useState } from "react";
import { api } from "../api";
import { useTitle } from "../components/use-title";

const TITLE = "Stop messages about trips";

type State = "ready" | "busy" | "stopped" | "refused";

/** The token a message's link carries after `#` (never sent to the server with the page). */
function tokenOfLink(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, ""));
}

/**
 * The page a message's opt-out link opens, for anyone, signed in or not. Opening it changes
 * nothing (mail scanners open links); the button stops messages to that address only.
 */
export function OptOutPage() {
  useTitle(TITLE);
  const [token] = useState(tokenOfLink);
  const [state, setState] = useState<State>(token ? "ready" : "refused");
  const stop = async () => {
    setState("busy");
    try {
      await api.optOutByLink(token);
      setState("stopped");
    } catch {
      setState("refused");
    }
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{TITLE}</h1>
        {state === "stopped" && (
          <div className="govuk-panel govuk-panel--confirmation" data-testid="opted-out">
            <h2 className="govuk-panel__title">No more messages</h2>
            <div className="govuk-panel__body">
              Pick-up times and changes will not be sent to this address again.
            </div>
          </div>
        )}
        {state === "refused" && (
          <p className="govuk-body" data-testid="opt-out-refused">
            This link does not stop any messages. Check that you opened the whole link from the
            message, or call your transport team.
          </p>
        )}
        {(state === "ready" || state === "busy") && (
          <>
            <p className="govuk-body">
              You get pick-up times and changes to trips at the address this message came to.
            </p>
            <button
              type="button"
              className="govuk-button govuk-button--warning"
              disabled={state === "busy"}
              onClick={() => void stop()}
            >
              Stop these messages
            </button>
          </>
        )}
        <p className="govuk-body">
          To start them again, or to have them sent somewhere else, call your transport team.
        </p>
      </div>
    </div>
  );
}
