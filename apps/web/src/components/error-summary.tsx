import { type MouseEvent, useEffect, useRef } from "react";
import type { Problem } from "../api";
import { focusById } from "./focus";

/** Each link moves focus to its field (and its label into view) instead of changing the URL. */
function focusField(event: MouseEvent<HTMLAnchorElement>, href: string): void {
  if (focusById(href.replace(/^#/, ""))) event.preventDefault();
}

/** GOV.UK error summary: focused when it appears, each problem linking to its field. */
export function ErrorSummary({
  problems,
  title = "There is a problem",
}: {
  problems: readonly Problem[];
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1} data-testid="error-summary">
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {problems.map((problem) => (
              <li key={`${problem.row ?? ""}-${problem.href ?? ""}-${problem.text}`}>
                {problem.href ? (
                  <a href={problem.href} onClick={(e) => focusField(e, problem.href ?? "")}>
                    {problem.text}
                  </a>
                ) : (
                  problem.text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
