import type { SessionStatus } from "../../generated/prisma/enums.js";

/** Statuses in which a session holds a reservation on its server. */
export const RESERVING: SessionStatus[] = ["REQUESTED", "STARTING", "RUNNING", "PAUSED", "STOPPING"];
/** Statuses in which the agent should keep (or create) the container. */
export const WANTED: SessionStatus[] = ["REQUESTED", "STARTING", "RUNNING", "PAUSED"];
/** Statuses that end a session; nothing leaves them. */
export const ENDED: SessionStatus[] = ["STOPPED", "FAILED", "LOST"];

const next: Record<SessionStatus, SessionStatus[]> = {
  REQUESTED: ["STARTING", "RUNNING", "STOPPING", "FAILED", "LOST"],
  STARTING: ["RUNNING", "STOPPING", "FAILED", "LOST"],
  RUNNING: ["PAUSED", "STOPPING", "FAILED", "LOST"],
  PAUSED: ["RUNNING", "STARTING", "STOPPING", "FAILED", "LOST"],
  STOPPING: ["STOPPED", "FAILED", "LOST"],
  STOPPED: [],
  FAILED: [],
  LOST: [],
};

export const canTransition = (from: SessionStatus, to: SessionStatus): boolean => next[from].includes(to);

/** The statuses from which `to` may be reached: used as the WHERE of a conditional update. */
export const sourcesOf = (to: SessionStatus): SessionStatus[] =>
  (Object.keys(next) as SessionStatus[]).filter((from) => next[from].includes(to));

export const isEnded = (s: SessionStatus): boolean => ENDED.includes(s);
