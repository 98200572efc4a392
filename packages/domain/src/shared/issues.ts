/** A problem with an input, named precisely enough for a person to fix it. */
export interface DomainIssue {
  /** Dotted path of the field, e.g. `pickupTime` or `layouts.1.seats`. */
  readonly path: string;
  readonly message: string;
  /** For file imports: the 1-based line of the file (the header is line 1). */
  readonly row?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: DomainIssue[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(issues: DomainIssue[]): Result<T> {
  return { ok: false, issues };
}
