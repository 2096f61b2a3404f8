import type { SessionStatus } from "../../generated/graphql";
import { isEnded } from "./status";

/** A cached "my sessions" list: which sessions it holds, and whether it keeps ended ones. */
export type CachedList = { includeEnded: boolean; ids: readonly string[] };

/**
 * Whether a change to one session alters which sessions a cached list should hold. A change to
 * a session already in the list only updates its cache entry (Apollo does that on its own); a
 * session that is new to a list, or one that ended in a list of live ones, needs the list asked again.
 */
export function listNeedsRefetch(list: CachedList, changed: { id: string; status: SessionStatus }): boolean {
  const present = list.ids.includes(changed.id);
  const belongs = list.includeEnded || !isEnded(changed.status);
  return present !== belongs;
}
