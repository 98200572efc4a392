import type { MouseEvent, ReactNode } from "react";
import { focusById } from "./focus";

/** A GOV.UK skip link inside the page: shown when focused, it moves focus past a block. */
export function SkipLink({ to, children }: { to: string; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (focusById(to)) event.preventDefault();
  };
  return (
    <a href={`#${to}`} className="govuk-skip-link app-skip-link" onClick={onClick}>
      {children}
    </a>
  );
}
