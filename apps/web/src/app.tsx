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
import { RegisterFormPage } from "./register/register-form-page";
import { canWrite } from "./register/register-forms";
import { RegisterPage } from "./register/register-page";
import { REGISTER_VIEWS, type RegisterViewKey } from "./register/register-views";
import { useLocation } from "./router";
import { useSession } from "./session";

const isView = (key: string | undefined): key is RegisterViewKey =>
  key !== undefined && key in REGISTER_VIEWS;

/** A register's table, or its add and edit forms for roles that may write it. */
function registerPage(path: string, user: ApiUser): ReactNode {
  const [, key, id, action] = /^\/register\/([\w-]+)(?:\/([\w-]+))?(?:\/(edit))?$/.exec(path) ?? [];
  if (!isView(key)) return null;
  if (id === undefined) return <RegisterPage key={key} view={key} role={user.role} />;
  if (!canWrite(user.role, key)) return null;
  if (id === "new" && !action) return <RegisterFormPage key={`${key}-new`} view={key} />;
  if (action) return <RegisterFormPage key={`${key}-${id}`} view={key} id={id} />;
  return null;
}

/** Picks the page for a path; null when the path is not one of the app's. */
function pageFor(path: string, user: ApiUser): ReactNode {
  if (path === "/") return <HomePage user={user} />;
  if (path === "/import") return <ImportPage />;
  if (path === "/planning") return <PlanningPage user={user} />;
  if (path === "/entitlement") return <EntitlementPage />;
  if (path === "/integration") return <IntegrationPage />;
  const register = registerPage(path, user);
  if (register) return register;
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
