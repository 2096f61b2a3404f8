import type { ChatMessageFieldsFragment } from "../../generated/graphql";

type Message = Pick<ChatMessageFieldsFragment, "id" | "authorId" | "createdAt">;

/**
 * Adds a message to the history unless it is there already (it arrives twice when it is our
 * own: as the answer to sending it and through the subscription), keeping the oldest first.
 */
export function addMessage<M extends Message>(history: readonly M[], message: M): M[] {
  if (history.some((m) => m.id === message.id)) return history as M[];
  const at = Date.parse(message.createdAt);
  let i = history.length;
  while (i > 0 && Date.parse(history[i - 1].createdAt) > at) i--;
  return [...history.slice(0, i), message, ...history.slice(i)];
}

/** Messages from others after the last one the user had in view (all of theirs when none was). */
export function unreadCount(history: readonly Message[], seenUpToId: string | undefined, myId: string | undefined): number {
  const seen = seenUpToId === undefined ? -1 : history.findIndex((m) => m.id === seenUpToId);
  return history.slice(seen + 1).filter((m) => m.authorId !== myId).length;
}
