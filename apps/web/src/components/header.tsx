import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { ApiUser } from "@tt/contract";
import { api } from "../api";
import { Link } from "../components/link";
import { forgetKeptDays } from "../driver/outbox";
import { isCurrent, navFor, roleName } from "../navigation";
import { keepUser } from "../session";

interface HeaderProps {
  readonly user: ApiUser | null;
  readonly organisationName: string | undefined;
  readonly path: string;
}

/** The masthead (organisation, who is signed in and their role) and the service navigation. */
export function Header({ user, organisationName, path }: HeaderProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = async () => {
    await api.signOut().catch(() => undefined);
    // Nobody is signed in now, even on the page already shown; nothing read stays cached.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "me" });
    queryClient.setQueryData(["me"], null);
    // Nor on the phone: the driver's days kept for working without signal are forgotten.
    keepUser(null);
    await forgetKeptDays().catch(() => undefined);
    await navigate({ to: "/", replace: true });
  };
  return (
    <header>
      <div className="app-masthead">
        <div className="govuk-width-container app-width app-masthead__inner">
          <span className="app-masthead__org" data-testid="organisation-name">
            {user ? (organisationName ?? "Your organisation") : "Total Transport"}
          </span>
          {user && (
            <span className="app-masthead__user">
              <span data-testid="user-name">{user.displayName}</span>,{" "}
              <span data-testid="user-role">{roleName(user.role)}</span>
              <button type="button" className="app-masthead__signout" onClick={signOut}>
                Sign out
              </button>
            </span>
          )}
        </div>
      </div>
      <section className="govuk-service-navigation" aria-label="Service information">
        <div className="govuk-width-container app-width">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link to="/" className="govuk-service-navigation__link">
                Total Transport
              </Link>
            </span>
            {user && (
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list" id="navigation">
                  {navFor(user.role).map((item) => {
                    const current = isCurrent(item, path);
                    return (
                      <li
                        key={item.href}
                        className={`govuk-service-navigation__item${current ? " govuk-service-navigation__item--active" : ""}`}
                      >
                        <Link
                          to={item.href}
                          className="govuk-service-navigation__link"
                          current={current}
                        >
                          {item.text}
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              </nav>
            )}
          </div>
        </div>
      </section>
    </header>
  );
}
