import { useQuery } from "@tanstack/react-query";
import { api, isUnauthenticated } from "./api";

/** Who is signed in: `user` is null when nobody is. */
export function useSession() {
  const me = useQuery({
    queryKey: ["me"],
    queryFn: async () => {
      try {
        return await api.me();
      } catch (error) {
        if (isUnauthenticated(error)) return null;
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
