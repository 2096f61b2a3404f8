import type { SessionStatus } from "../../generated/graphql";

/** "Shared by alice · view only" / "Shared by alice · you can control it". */
export function guestBadgeText(ownerName: string, canControl: boolean): string {
  return `Shared by ${ownerName} · ${canControl ? "you can control it" : "view only"}`;
}

/**
 * Why a guest's view closed. The API answers FORBIDDEN alike for a removed viewer, a stopped
 * share and an ended session; only the last state the guest saw tells an ending session apart.
 */
export function accessEndedMessage(lastStatus: SessionStatus | undefined): string {
  if (lastStatus === "STOPPING" || lastStatus === "STOPPED") return "The owner ended this session.";
  return "The owner stopped sharing this session with you.";
}

/** The link to hand out: the API gives its path; the address people paste needs the origin. */
export function shareLink(origin: string, path: string): string {
  return new URL(path, origin).toString();
}
