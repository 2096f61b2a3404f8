/** The API expects a keepalive about every minute from a page showing the session. */
export const KEEPALIVE_EVERY_MS = 60_000;

/**
 * Whether the page should send a keepalive now: only while the tab is visible (a hidden tab is
 * nobody watching), at once the first time, then once a minute at most.
 */
export function keepaliveDue(lastSentAt: number | undefined, now: number, visible: boolean): boolean {
  if (!visible) return false;
  return lastSentAt === undefined || now - lastSentAt >= KEEPALIVE_EVERY_MS;
}
