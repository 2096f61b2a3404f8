import type { Events } from "../../pubsub.js";

/** Publishes what changed about a session; call only after the change committed. */
export async function publishSessionChanged(events: Events, s: { id: string; userId: string }) {
  await Promise.all([events.publish(`session/${s.id}`, { id: s.id }), events.publish(`user/${s.userId}/sessions`, { id: s.id })]);
}

/** Tells the agent of a server to check in now rather than at its next tick. */
export async function nudgeServer(events: Events, serverId: string | null, reason: string) {
  if (serverId) await events.publish(`server/${serverId}/sync`, { reason });
}
