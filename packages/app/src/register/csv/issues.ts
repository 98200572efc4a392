import type { DomainIssue } from "@tt/domain";
import { AppError } from "../../shared";

/** Most problems listed in one error; the rest are counted in a final note. */
export const MAX_LISTED_ISSUES = 1000;

/** Collects every problem of a file, with row numbers, up to a cap. */
export class IssueList {
  private readonly listed: DomainIssue[] = [];
  private readonly rows = new Set<number>();
  private total = 0;

  add(issue: DomainIssue & { row: number }): void {
    this.total += 1;
    this.rows.add(issue.row);
    if (this.listed.length < MAX_LISTED_ISSUES) this.listed.push(issue);
  }

  get isEmpty(): boolean {
    return this.total === 0;
  }

  /** How many problems are listed so far (at most `MAX_LISTED_ISSUES`). */
  get listedCount(): number {
    return this.listed.length;
  }

  hasRow(row: number): boolean {
    return this.rows.has(row);
  }

  /** `validation-failed` listing every problem (capped), saying that nothing was stored. */
  toError(): AppError {
    const n = this.rows.size;
    const issues = [...this.listed];
    const more = this.total - this.listed.length;
    if (more > 0) issues.push({ path: "", message: `…and ${more} more problems not listed` });
    const message = `${n} ${n === 1 ? "row has" : "rows have"} problems; nothing was stored.`;
    return new AppError("validation-failed", message, issues);
  }
}
