import { useQuery } from "@tanstack/react-query";
import type { ResourceKind, ResourceRecord } from "@tt/contract";
import { api } from "../api";

const PAGE = 500;

/** Every row of a register kind, page by page (the API's largest page is 500). */
export async function listAll<K extends ResourceKind>(kind: K): Promise<ResourceRecord<K>[]> {
  const rows: ResourceRecord<K>[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await api.list(kind, { offset, limit: PAGE } as never);
    rows.push(...(page.items as ResourceRecord<K>[]));
    if (rows.length >= page.total || page.items.length === 0) return rows;
  }
}

/** Every row of a kind, or none when `enabled` is false (the role may not read it). */
export function useAll<K extends ResourceKind>(kind: K, enabled = true) {
  return useQuery({
    queryKey: ["all", kind],
    queryFn: () => listAll(kind),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function byId<T extends { id: string }>(rows: readonly T[] | undefined): Map<string, T> {
  return new Map((rows ?? []).map((row) => [row.id, row]));
}
