import type { ErrorComponentProps } from "@tanstack/react-router";
import { ErrorSummary } from "../components/error-summary";
import { Link } from "../components/link";
import { useTitle } from "../components/use-title";

const messageOf = (error: unknown) =>
  error instanceof Error && error.message ? error.message : "The page could not be shown.";

/** A page the router could not show, e.g. an address whose query cannot be read. */
export function RouteError({ error }: ErrorComponentProps) {
  useTitle("Error: There is a problem with the address");
  return (
    <>
      <ErrorSummary
        title="There is a problem with the address"
        problems={[{ text: messageOf(error) }]}
      />
      <p className="govuk-body">
        <Link to="/">Go to the start page</Link>
      </p>
    </>
  );
}
