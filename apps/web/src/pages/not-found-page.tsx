import { Link } from "../components/link";
import { useTitle } from "../components/use-title";

export function NotFoundPage() {
  useTitle("Page not found");
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">
        <Link to="/">Go to the start page</Link>
      </p>
    </>
  );
}
