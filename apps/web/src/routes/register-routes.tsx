import { createRoute, useParams, useSearch } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { NotFoundPage } from "../pages/not-found-page";
import { RegisterFormPage } from "../register/register-form-page";
import { canWrite } from "../register/register-forms";
import { RegisterPage } from "../register/register-page";
import { readRegisterSearch } from "../register/register-search";
import { REGISTER_VIEWS, type RegisterViewKey } from "../register/register-views";
import { useSession } from "../session";
import { isId } from "./path-params";
import type { rootRoute } from "./route-tree";

/** A register's form, or the not-found page for roles that may not write that register. */
function WriteOnly({ view, children }: { view: RegisterViewKey; children: ReactNode }) {
  const { user } = useSession();
  if (!user) return null;
  return canWrite(user.role, view) ? children : <NotFoundPage />;
}

/**
 * A register's three pages: its table (`/register/places?page=2&kind=school`), and for roles that
 * may write it, the add form (`/register/places/new`) and the edit form (`…/{id}/edit`).
 */
export function registerRoutes<K extends RegisterViewKey>(parent: typeof rootRoute, key: K) {
  const table = createRoute({
    getParentRoute: () => parent,
    path: `register/${key}`,
    validateSearch: (raw: Record<string, unknown>) => readRegisterSearch(REGISTER_VIEWS[key], raw),
    component: function RegisterTable(): ReactNode {
      const { user } = useSession();
      // Read without the route's own type, which stays generic in `key` here: the same fields.
      const search = useSearch({ strict: false });
      return user ? <RegisterPage view={key} role={user.role} search={search} /> : null;
    },
  });
  const add = createRoute({
    getParentRoute: () => parent,
    path: `register/${key}/new`,
    component: () => (
      <WriteOnly view={key}>
        <RegisterFormPage key={`${key}-new`} view={key} />
      </WriteOnly>
    ),
  });
  const edit = createRoute({
    getParentRoute: () => parent,
    path: `register/${key}/$id/edit`,
    component: function EditRow(): ReactNode {
      const { id } = useParams({ strict: false });
      if (id === undefined || !isId(id)) return <NotFoundPage />;
      return (
        <WriteOnly view={key}>
          <RegisterFormPage key={`${key}-${id}`} view={key} id={id} />
        </WriteOnly>
      );
    },
  });
  return [table, add, edit] as const;
}
