import { createLink } from "@tanstack/react-router";
import type { AnchorHTMLAttributes, Ref } from "react";

type AnchorProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  ref?: Ref<HTMLAnchorElement>;
  /** Marks the link as the current page (`aria-current="page"`); only the caller decides. */
  current?: boolean;
};

/**
 * A GOV.UK link. The router marks every link whose address starts the current one as the current
 * page; here only the caller's `current` does, so that "Back to the plan" is not "current".
 */
function GovukAnchor({ className, current, ...props }: AnchorProps) {
  return (
    <a
      {...props}
      className={className ?? "govuk-link"}
      aria-current={current ? "page" : undefined}
    />
  );
}

/** A typed link to one of the app's routes (new tab and modifier clicks still work). */
export const Link = createLink(GovukAnchor);
