import { useQuery } from "@tanstack/react-query";
import { type ApiUser, userSchema } from "@tt/contract";
import { api, isUnauthenticated } from "./api";

/** Where a phone user's session is remembered, to open their runs without signal. */
const KEPT_USER = "tt-signed-in";
/** Roles that work from a phone on the road: only theirs is remembered. */
const ON_THE_ROAD: readonly ApiUser["role"][] = ["driver", "operator"];

function keptUser(): ApiUser | null {
  try {
    const text = localStorage.getItem(KEPT_USER);
    const kept = text ? userSchema.safeParse(JSON.parse(text)) : undefined;
    return kept?.success ? kept.data : null;
  } catch {
    return null;
  }
}

/** Remembers a driver on this device, or forgets whoever was remembered (signing out). */
export function keepUser(user: ApiUser | null): void {
  try {
    if (user && ON_THE_ROAD.includes(user.role))
      localStorage.setItem(KEPT_USER, JSON.stringify(user));
    else localStorage.removeItem(KEPT_USER);
  } catch {
    // Storage refused (private browsing): the phone then needs signal to open the app.
  }
}

/**
 * Who is signed in: `user` is null when nobody is. Without signal, a driver remembered on this
 * device stays signed in, so their runs open from the phone's copy; the server still checks the
 * session on everything sent.
 */
export function useSession() {
  const me = useQuery({
    queryKey: ["me"],
    networkMode: "always",
    queryFn: async () => {
      try {
        const user = await api.me();
        keepUser(user);
        return user;
      } catch (error) {
        if (isUnauthenticated(error)) {
          keepUser(null);
          return null;
        }
        const kept = error instanceof TypeError ? keptUser() : null;
        if (kept) return kept;
        throw error;
      }
    },
  });
  const organisation = useQuery({
    queryKey: ["organisation", me.data?.organisationId],
    queryFn: () => api.organisation(),
    enabled: Boolean(me.data),
  });
  return {
    loading: me.isPending,
    error: me.error,
    user: me.data ?? null,
    organisationName: organisation.data?.name,
  };
}
