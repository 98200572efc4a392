import { Outlet, useLocation } from "@tanstack/react-router";
import { Footer } from "../components/footer";
import { Header } from "../components/header";
import { SignInPage } from "../pages/sign-in-page";
import { useSession } from "../session";

/** Pages anyone may open without signing in: a message's opt-out link. */
const PUBLIC_PATHS = new Set(["/opt-out"]);

/**
 * Every page's frame: the skip link, the header and menu, the main content and the footer. Anyone
 * not signed in gets the sign-in page at any address, and the page asked for once signed in.
 */
export function AppShell() {
  const path = useLocation({ select: (location) => location.pathname });
  const session = useSession();
  let content = <Outlet />;
  if (session.loading) content = <p className="govuk-body">Loading…</p>;
  else if (!session.user && !PUBLIC_PATHS.has(path)) content = <SignInPage />;
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <Header user={session.user} organisationName={session.organisationName} path={path} />
      <div className="govuk-width-container app-width">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {content}
        </main>
      </div>
      <Footer />
    </>
  );
}
