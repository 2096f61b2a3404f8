import type { ServerStatus } from "../../../generated/graphql";

const LOOK: Record<ServerStatus, { tone: string; label: string; hint: string }> = {
  ONLINE: { tone: "ok", label: "Online", hint: "Checking in and taking sessions" },
  OFFLINE: { tone: "bad", label: "Offline", hint: "Missed its check-ins" },
  DRAINING: { tone: "warn", label: "Draining", hint: "Keeps its sessions; takes no new ones" },
  DISABLED: { tone: "neutral", label: "Disabled", hint: "Switched off by an administrator" },
};

export function ServerStatusBadge({ status }: { status: ServerStatus }) {
  const look = LOOK[status];
  return (
    <span className={`status status--${look.tone}`} data-status={status} title={look.hint} data-testid="server-status">
      <span className="status__dot" aria-hidden="true" />
      {look.label}
    </span>
  );
}
