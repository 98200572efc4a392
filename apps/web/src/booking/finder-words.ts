/** A passenger or place a finder found: its id, reference and name. */
export interface Found {
  readonly id: string;
  readonly reference: string;
  readonly name: string;
}

export const foundText = (found: Found) => `${found.name} (${found.reference})`;

export const sameReference = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The row with exactly this reference (a search also finds those that contain it). */
export function withReference<T extends { readonly reference: string }>(
  rows: readonly T[],
  text: string,
): T | undefined {
  return rows.find((row) => sameReference(row.reference, text.trim()));
}

/** The row a finder's search settles on by itself: the exact reference, or the only row found. */
export function settledChoice<T extends { readonly reference: string }>(
  rows: readonly T[],
  text: string,
): T | undefined {
  return withReference(rows, text) ?? (rows.length === 1 ? rows[0] : undefined);
}
