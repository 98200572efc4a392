import { type ReactNode, useEffect, useRef } from "react";

/**
 * A GOV.UK success banner, focused when it appears so that screen readers announce it. `children`
 * follow the heading (details, a link); `id` names the banner when a page can show two at once.
 */
export function NotificationBanner({
  message,
  children,
  id = "notification-banner",
}: {
  message: string;
  children?: ReactNode;
  id?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      ref={ref}
      data-testid={id}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={`${id}-title`}>
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{message}</p>
        {children}
      </div>
    </div>
  );
}
