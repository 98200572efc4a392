import type { ApiUser } from "@tt/contract";
import { Link } from "../components/link";
import { useTitle } from "../components/use-title";
import { navFor, roleName } from "../navigation";

const DESCRIPTIONS: Record<string, string> = {
  "/register/passengers": "Passengers and their needs, places, vehicles and trip requests.",
  "/register/vehicles": "Your vehicles, their layouts and features.",
  "/import": "Add passengers, places, vehicles or trip requests from a CSV file.",
  "/planning": "Plan a day on the shared fleet, see it on a map and print run manifests.",
  "/booking": "Book a one-off trip into the day's plan, or cancel a trip for a day with a reason.",
  "/integration": "Silo against pooled planning: savings, funders' shares, overlap and peaks.",
  "/entitlement": "Decide whether a passenger may travel at a funder's cost, with reasons.",
  "/partnership":
    "Your partnership's members and data-sharing agreements: what each permits, who must approve.",
  "/partnership-plans":
    "Your trips in your partnerships' plans of a day: on which vehicle, when, and what they cost.",
  "/access-log": "Who has seen which personal data, when, why and under which agreement.",
};

export function HomePage({ user }: { user: ApiUser }) {
  useTitle("Home");
  const items = navFor(user.role);
  return (
    <>
      <h1 className="govuk-heading-l">Total Transport</h1>
      <p className="govuk-body-l">
        Signed in as {user.displayName} ({roleName(user.role)}).
      </p>
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
