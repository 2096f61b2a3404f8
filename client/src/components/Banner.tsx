import type { ReactNode } from "react";
import { Icon } from "./Icon";

type Props = {
  tone?: "error" | "info";
  title?: string;
  children: ReactNode;
  onDismiss?: () => void;
  testId?: string;
};

/** A message across the page; errors are announced to screen readers as they appear. */
export function Banner({ tone = "error", title, children, onDismiss, testId = "error-banner" }: Props) {
  return (
    <div className={`banner banner--${tone}`} role={tone === "error" ? "alert" : "status"} data-testid={testId}>
      <Icon name={tone === "error" ? "alert" : "info"} className="banner__icon" />
      <div className="banner__body">
        {title && <strong className="banner__title">{title}</strong>}
        <div>{children}</div>
      </div>
      {onDismiss && (
        <button type="button" className="icon-button banner__close" onClick={onDismiss} aria-label="Dismiss" data-testid={`${testId}-dismiss`}>
          <Icon name="close" />
        </button>
      )}
    </div>
  );
}
