import type { KeepaliveAction, SettingsInput } from "../../../generated/graphql";

export type SettingsValues = { sessionsPerUser: number; keepaliveExpiryS: number; keepaliveAction: KeepaliveAction; defaultZone: string };
export type SettingsForm = { sessionsPerUser: string; keepaliveMinutes: string; keepaliveAction: KeepaliveAction; defaultZone: string };

export const KEEPALIVE_ACTIONS: { value: KeepaliveAction; label: string; explain: string }[] = [
  { value: "DESTROY", label: "End it", explain: "The container is removed and its unsaved work is lost. Frees its resources at once." },
  { value: "STOP", label: "Stop it", explain: "The container is stopped but kept; its owner can resume it later. Frees CPU and memory, keeps the disk." },
  { value: "PAUSE", label: "Pause it", explain: "The container is frozen in place and resumes instantly. Keeps its memory reserved." },
];

export function settingsForm(s: SettingsValues): SettingsForm {
  return {
    sessionsPerUser: String(s.sessionsPerUser),
    keepaliveMinutes: String(+(s.keepaliveExpiryS / 60).toFixed(2)),
    keepaliveAction: s.keepaliveAction,
    defaultZone: s.defaultZone,
  };
}

export type SettingsProblems = Partial<Record<"sessionsPerUser" | "keepaliveMinutes", string>>;

/** What the API would refuse, said before asking it (0–1000 sessions; 1 minute to 30 days). */
export function settingsProblems(f: SettingsForm): SettingsProblems {
  const out: SettingsProblems = {};
  const n = Number(f.sessionsPerUser);
  if (f.sessionsPerUser.trim() === "" || !Number.isInteger(n) || n < 0 || n > 1000) out.sessionsPerUser = "Enter a whole number from 0 to 1000.";
  const m = Number(f.keepaliveMinutes);
  if (f.keepaliveMinutes.trim() === "" || !Number.isFinite(m) || m < 1 || m > 30 * 24 * 60) out.keepaliveMinutes = "Enter minutes from 1 to 43200 (30 days).";
  return out;
}

/** Only what changed: the API keeps omitted settings as they are. */
export function settingsChanges(current: SettingsValues, f: SettingsForm): SettingsInput {
  const input: SettingsInput = {};
  const sessions = Number(f.sessionsPerUser);
  const expiry = Math.round(Number(f.keepaliveMinutes) * 60);
  if (sessions !== current.sessionsPerUser) input.sessionsPerUser = sessions;
  if (expiry !== current.keepaliveExpiryS) input.keepaliveExpiryS = expiry;
  if (f.keepaliveAction !== current.keepaliveAction) input.keepaliveAction = f.keepaliveAction;
  if (f.defaultZone !== current.defaultZone) input.defaultZone = f.defaultZone;
  return input;
}
