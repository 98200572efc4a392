import type { ApiUser } from "@tt/contract";
import type { ReactNode } from "react";
import { Footer } from "./components/footer";
import { Header } from "./components/header";
import { IntegrationPage } from "./integration/integration-page";
import { EntitlementPage } from "./pages/entitlement-page";
import { HomePage } from "./pages/home-page";
import { ImportPage } from "./pages/import-page";
import { NotFoundPage } from "./pages/not-found-page";
import { SignInPage } from "./pages/sign-in-page";
import { ManifestPage } from "./planning/manifest-page";
import { PlanPage } from "./planning/plan-page";
import { PlanningPage } from "./planning/planning-page";
import { RegisterPage } from "./register/register-page";
import { REGISTER_VIEWS, type RegisterViewKey } from "./register/register-views";
import { useLocation } from "./router";
import { useSession } from "./session";

/** Picks the page for a path; null when the path is not one of the app's. */
function pageFor(path: string, user: ApiUser): ReactNode {
  if (path === "/") return <HomePage user={user} />;
  if (path === "/import") return <ImportPage />;
  if (path === "/planning") return <PlanningPage user={user} />;
  if (path === "/entitlement") return <EntitlementPage />;
  if (path === "/integration") return <IntegrationPage />;
  const register = /^\/register\/([\w-]+)$/.exec(path)?.[1];
  if (register && register in REGISTER_VIEWS) {
    return <RegisterPage key={register} view={register as RegisterViewKey} />;
  }
  const run = /^\/planning\/plans\/([\w-]+)\/runs\/([\w-]+)$/.exec(path);
  if (run?.[1] && run[2]) return <ManifestPage planId={run[1]} runId={run[2]} />;
  const plan = /^\/planning\/plans\/([\w-]+)$/.exec(path)?.[1];
  if (plan) return <PlanPage planId={plan} />;
  return null;
}

export function App() {
  const { path } = useLocation();
  const session = useSession();
  let content: ReactNode;
  if (session.loading) content = <p className="govuk-body">Loading…</p>;
  else if (!session.user) content = <SignInPage />;
  else content = pageFor(path, session.user) ?? <NotFoundPage />;
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
