/** Identity, owner and stamps of a stored row, as strings. */
export function storedFields(row: Record<string, unknown>) {
  return {
    id: String(row.id),
    organisationId: String(row.organisationId),
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}

/** SQL NULL becomes an absent optional field. */
export function opt<T>(value: T | null | undefined): T | undefined {
  return value ?? undefined;
}

function toIso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}
