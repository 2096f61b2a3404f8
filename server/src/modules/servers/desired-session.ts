import type { Prisma } from "../../generated/prisma/client.js";
import type { DesiredSession } from "./agent.types.js";

/** A session an agent should run, as read for its check-in answer. */
export type WantedSession = Prisma.SessionGetPayload<{ include: { image: true; user: { select: { username: true } } } }>;

/** What the agent is told about one session: the container to run and what to hand it. */
export function desiredSession(s: WantedSession, revokedPrincipals: string[]): DesiredSession {
  return {
    sessionId: s.id,
    status: s.status,
    imageRef: s.image.ref,
    cores: s.cores,
    memoryMb: s.memoryMb,
    shmMb: s.image.shmMb,
    network: s.image.network,
    env: envList({ ...(s.image.env as Record<string, string>), ...(s.env as Record<string, string>) }),
    secret: s.secret,
    viewSecret: s.viewSecret,
    binds: bindsFor(s.image.volumes as unknown as Volume[], { username: s.user.username, userId: s.userId }),
    runConfig: JSON.stringify(s.image.runConfig ?? {}),
    pauseMode: s.pauseMode,
    revokedPrincipals,
    claimWith: s.status === "STARTING" && s.claimedAt && s.poolSecret ? s.poolSecret : null,
  };
}

interface Volume {
  hostPath: string;
  containerPath: string;
  readOnly: boolean;
}

/** Volume mappings as Docker binds, with {username} and {userId} filled in for the session's owner. */
export function bindsFor(volumes: Volume[], who: { username: string; userId: string }): string[] {
  return (volumes ?? []).map((v) => {
    const host = v.hostPath.replaceAll("{username}", who.username).replaceAll("{userId}", who.userId);
    return `${host}:${v.containerPath}${v.readOnly ? ":ro" : ""}`;
  });
}

const envList = (env: Record<string, string>) => Object.entries(env).map(([name, value]) => ({ name, value: String(value) }));
