import { Icon } from "../../../components/Icon";
import { ImageArt } from "../../../components/Monogram";
import { sentence } from "../../../errors";
import type { SessionFieldsFragment } from "../../../generated/graphql";
import { BackButton } from "./BackButton";
import { StatusBadge } from "./StatusBadge";

type Props = { session: SessionFieldsFragment; onRelaunch: () => void; relaunching: boolean };

const COPY = {
  STOPPED: { title: (n: string) => `${n} has ended`, hint: "Its container was removed, along with anything saved inside it." },
  FAILED: { title: (n: string) => `${n} could not start`, hint: "Try launching it again. If it keeps failing, tell your administrator what this page says." },
  LOST: { title: (n: string) => `${n} was lost`, hint: "Its server or container went away unexpectedly. Launch it again to get a fresh one." },
} as const;

export function SessionEnded({ session, onRelaunch, relaunching }: Props) {
  const kind = session.status === "FAILED" || session.status === "LOST" ? session.status : "STOPPED";
  const copy = COPY[kind];
  const name = session.image.friendlyName;
  return (
    <div className={`card card--center ended ended--${kind.toLowerCase()}`} data-testid="session-ended">
      <ImageArt name={name} seed={session.image.name} thumbnailUrl={session.image.thumbnailUrl} size="sm" />
      <h1 className="card__title">{copy.title(name)}</h1>
      <StatusBadge status={session.status} testId="session-status" />
      {showReason(session) && (
        <p className="ended__reason" data-testid="session-message">{sentence(session.statusMessage)}</p>
      )}
      <p className="muted">{copy.hint}</p>
      <div className="card__actions">
        <BackButton />
        <button type="button" className="button button--primary" onClick={onRelaunch} disabled={relaunching}>
          <Icon name="refresh" /> {relaunching ? "Launching…" : `Launch ${name} again`}
        </button>
      </div>
    </div>
  );
}

/** "ended" says nothing the title does not; failures and unusual endings say why. */
function showReason(s: SessionFieldsFragment): boolean {
  const m = s.statusMessage.trim().toLowerCase();
  return m !== "" && !(s.status === "STOPPED" && (m === "ended" || m === "ending the session" || m === "ended: requested by its owner"));
}
