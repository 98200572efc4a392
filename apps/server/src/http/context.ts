import { type Actor, AppError, type User } from "@tt/app";
import { PURPOSE_HEADER } from "@tt/contract";
import type { Context } from "hono";

/** What the middleware leaves on the request context. */
export interface HttpEnv {
  Variables: {
    /** The authenticated user, when the request carried a valid session cookie or API token. */
    user?: User;
    /** How the user was authenticated. */
    credential?: "session" | "token";
  };
}

/** The actor behind the request, or `unauthenticated`. `X-Purpose` becomes the audit purpose. */
export function actorOf(c: Context<HttpEnv>): Actor {
  const user = c.get("user");
  if (!user) throw new AppError("unauthenticated", "Sign in, or send an API token.");
  const purpose = c.req.header(PURPOSE_HEADER)?.trim().slice(0, 200);
  return {
    userId: user.id,
    organisationId: user.organisationId,
    role: user.role,
    ...(user.staffId ? { staffId: user.staffId } : {}),
    ...(user.operatorId ? { operatorId: user.operatorId } : {}),
    ...(purpose ? { purpose } : {}),
  };
}

/** The public view of a user: never the password hash or the disabled flag. */
export function presentUser(user: User) {
  return {
    id: user.id,
    organisationId: user.organisationId,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
  };
}
