import { useState } from "react";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { Icon } from "../../../components/Icon";
import { ImageArt } from "../../../components/Monogram";
import { Spinner } from "../../../components/Spinner";
import { sentence } from "../../../errors";
import { useNow } from "../../../format";
import type { SessionFieldsFragment } from "../../../generated/graphql";
import type { ProgressEntry } from "../SessionPage";
import { BackButton } from "./BackButton";
import { StatusBadge } from "./StatusBadge";

type Props = { session: SessionFieldsFragment; log: ProgressEntry[]; onCancel: () => Promise<void> };

type StepState = "done" | "active" | "todo";

/**
 * The launch as three steps people recognise: a server is reserved (done when the session
 * exists), the agent creates the container and waits for the desktop (REQUESTED, then
 * STARTING with its progress messages), then the session opens (RUNNING: this page then
 * switches to the session itself).
 */
export function LaunchProgress({ session, log, onCancel }: Props) {
  const now = useNow(1_000);
  const [confirming, setConfirming] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const starting = session.status === "STARTING";
  const name = session.image.friendlyName;

  const placedMessage = log.find((e) => e.status === "REQUESTED")?.message || (!starting ? session.statusMessage : "");
  const startingMessages = dedupe(log.filter((e) => e.status === "STARTING").map((e) => e.message).filter(Boolean));
  if (starting && session.statusMessage && startingMessages[startingMessages.length - 1] !== session.statusMessage) {
    startingMessages.push(session.statusMessage);
  }
  const percent = starting ? Math.min(90, 50 + 15 * Math.max(0, startingMessages.length - 1)) : 25;
  const elapsed = Math.max(0, Math.round((now - Date.parse(session.createdAt)) / 1000));
  const server = session.serverHostname;

  // requestSession only answers once a server is reserved, so the first step is always done.
  const steps: { label: string; state: StepState; details: string[] }[] = [
    { label: "Server reserved", state: "done", details: placedMessage ? [placedMessage] : [] },
    {
      label: "Starting the container",
      state: "active",
      details: starting ? startingMessages : [server ? `waiting for ${server} to pick it up` : "waiting for the server to pick it up"],
    },
    { label: "Opening your workspace", state: "todo", details: [] },
  ];

  const cancel = async () => {
    setCancelling(true);
    try {
      await onCancel();
    } catch {
      setCancelling(false);
      setConfirming(false);
    }
  };

  return (
    <div className="card launch" data-testid="launch-progress" aria-live="polite">
      <div className="launch__head">
        <ImageArt name={name} seed={session.image.name} thumbnailUrl={session.image.thumbnailUrl} size="sm" />
        <div className="launch__heading">
          <h1 className="card__title">Starting {name}</h1>
          <div className="launch__sub">
            <StatusBadge status={session.status} testId="session-status" />
            <span className="muted">{elapsed} s</span>
          </div>
        </div>
      </div>

      <div
        className="progress"
        role="progressbar"
        aria-label={`Starting ${name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={sentence(session.statusMessage || "starting")}
      >
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>

      <ol className="steps">
        {steps.map((step, i) => (
          <li key={step.label} className={`step step--${step.state}`} aria-current={step.state === "active" ? "step" : undefined}>
            <span className="step__marker" aria-hidden="true">
              {step.state === "done" ? <Icon name="check" /> : step.state === "active" ? <Spinner size="sm" /> : i + 1}
            </span>
            <div className="step__body">
              <span className="step__label">{step.label}</span>
              {step.details.map((d, j) => (
                <span
                  key={`${j}-${d}`}
                  className={`step__detail${step.state === "active" && j === step.details.length - 1 ? " step__detail--current" : ""}`}
                  data-testid={step.state === "active" && j === step.details.length - 1 ? "launch-message" : undefined}
                >
                  {sentence(d)}
                </span>
              ))}
            </div>
          </li>
        ))}
      </ol>

      <div className="card__actions card__actions--split">
        <BackButton />
        {session.viewerCan.destroy && (
          <button type="button" className="button button--danger-ghost" onClick={() => setConfirming(true)} data-testid="cancel-launch">
            Cancel launch
          </button>
        )}
      </div>
      <p className="launch__note muted">You can leave this page: the session keeps starting and waits for you under My sessions.</p>

      <ConfirmDialog
        open={confirming}
        title={`Cancel ${name}?`}
        confirmLabel="Cancel launch"
        busy={cancelling}
        onConfirm={cancel}
        onCancel={() => setConfirming(false)}
        testId="confirm-cancel"
      >
        The session is ended before it opens.
      </ConfirmDialog>
    </div>
  );
}

function dedupe(messages: string[]): string[] {
  return messages.filter((m, i) => m !== messages[i - 1]);
}
