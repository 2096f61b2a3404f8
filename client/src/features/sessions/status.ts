import type { SessionStatus } from "../../generated/graphql";

const LABELS: Record<SessionStatus, string> = {
  REQUESTED: "Starting",
  STARTING: "Starting",
  RUNNING: "Running",
  PAUSED: "Paused",
  STOPPING: "Ending",
  STOPPED: "Ended",
  FAILED: "Failed",
  LOST: "Lost",
};

export type Tone = "progress" | "ok" | "neutral" | "bad";

const TONES: Record<SessionStatus, Tone> = {
  REQUESTED: "progress",
  STARTING: "progress",
  RUNNING: "ok",
  PAUSED: "neutral",
  STOPPING: "neutral",
  STOPPED: "neutral",
  FAILED: "bad",
  LOST: "bad",
};

export const statusLabel = (s: SessionStatus) => LABELS[s];
export const statusTone = (s: SessionStatus) => TONES[s];

/** Being prepared: show the launch progress. */
export const isLaunching = (s: SessionStatus) => s === "REQUESTED" || s === "STARTING";
/** Over: nothing more will happen to it. */
export const isEnded = (s: SessionStatus) => s === "STOPPED" || s === "FAILED" || s === "LOST";
/** Holds a container (or will soon): counts towards the user's limit. */
export const isActive = (s: SessionStatus) => !isEnded(s);
