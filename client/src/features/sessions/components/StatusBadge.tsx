import type { SessionStatus } from "../../../generated/graphql";
import { statusLabel, statusTone } from "../status";

export function StatusBadge({ status, testId }: { status: SessionStatus; testId?: string }) {
  return (
    <span className={`status status--${statusTone(status)}`} data-status={status} data-testid={testId}>
      <span className="status__dot" aria-hidden="true" />
      {statusLabel(status)}
    </span>
  );
}
