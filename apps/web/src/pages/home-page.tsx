import type { ApiUser } from "@tt/contract";
import { Link } from "../components/link";
import { useTitle } from "../components/use-title";
import { todayOnPhone } from "../driver/driver-words";
import { navFor, roleName } from "../navigation";
import { StartPanels } from "../start/start-panels";

const DESCRIPTIONS: Record<string, string> = {
  "/register/passengers": "Passengers and their needs, places, vehicles and trip requests.",
  "/register/vehicles": "Your vehicles, their layouts and features.",
  "/import": "Add passengers, places, vehicles or trip requests from a CSV file.",
  "/planning": "Plan a day on the shared fleet, see it on a map and print run manifests.",
  "/booking":
    "Book a trip, once or every week, into the day's plan, for your passengers or a partner's, or cancel a trip for a day with a reason.",
  "/status-board":
    "Today's runs as they run: progress, late stops, no-shows and cancellations, live.",
  "/driver": "Your runs stop by stop on your phone; marks kept without signal and sent later.",
  "/occupancy":
    "Import smartcard taps; travellers per run against the plan and the seats to plan for.",
  "/journeys":
    "What really happened: on-time rates by service and operator, no-shows, missed appointments.",
  "/integration": "Silo against pooled planning: savings, funders' shares, overlap and peaks.",
  "/entitlement": "Decide whether a passenger may travel at a funder's cost, with reasons.",
  "/partnership":
    "Your partnership's members and data-sharing agreements: what each permits, who must approve.",
  "/partnership-plans":
    "Your trips in your partnerships' plans of a day: on which vehicle, when, and what they cost.",
  "/access-log": "Who has seen which personal data, when, why and under which agreement.",
};

/**
 * Each role's start page: the day as their work needs it (a driver's next stop, the desk's
 * cancellations and exceptions, the commissioner's operating plan and agreements due, the finance
 * officer's week), then what the product does and every section the role may use.
 */
export function HomePage({ user, date }: { user: ApiUser; date: string | undefined }) {
  useTitle("Home");
  const items = navFor(user.role);
  return (
    <>
      <h1 className="govuk-heading-l">Total Transport</h1>
      <p className="govuk-body-l">
        Signed in as {user.displayName} ({roleName(user.role)}).
      </p>
      <StartPanels role={user.role} date={date ?? todayOnPhone()} />
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">What Total Transport does</span>
        </summary>
        <div className="govuk-details__text">
          One place for a county, its NHS partners and community groups to decide who may travel at
          public cost, plan every such journey on one shared fleet, book and cancel trips in the
          day's plan, run the day with drivers' phones, and prove what pooling saved.
        </div>
      </details>
      <h2 className="govuk-heading-m">Everything you can do</h2>
      {items.length === 0 ? (
        <p className="govuk-body">
          Your role has no pages here yet. The API reference lists what you can do.
        </p>
      ) : (
        <ul className="govuk-list app-cards">
          {items.map((item) => (
            <li key={item.href}>
              <h2 className="govuk-heading-m">
                <Link to={item.href}>{item.text}</Link>
              </h2>
              <p className="govuk-body">{DESCRIPTIONS[item.href]}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
