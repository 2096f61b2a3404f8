import type {
  BerthSessionFragment,
  EnsureUserMutation,
  ImagesQuery,
  RunCommandMutation,
  ServersQuery,
  SessionStatus,
  ShareSessionMutation,
  ZonesQuery,
  BerthWarmPoolFragment,
} from "./generated/graphql.js";

export type { SessionStatus, ShareMode } from "./generated/graphql.js";

/** A session as every SDK method returns it. url is a path: BerthClient.viewUrl makes it absolute. */
export type Session = BerthSessionFragment;
export type User = EnsureUserMutation["ensureUser"];
export type Image = ImagesQuery["images"][number];
export type Server = ServersQuery["servers"][number];
export type Zone = ZonesQuery["zones"][number];
export type Share = ShareSessionMutation["shareSession"];
export type CommandResult = RunCommandMutation["runCommand"];
export type WarmPool = BerthWarmPoolFragment;

export interface RequestSessionInput {
  /** The image's id (BerthClient.findImage finds it by name). */
  imageId: string;
  /** Username (or id) to launch for; ensureUser creates them. */
  forUser?: string;
  /** Environment variables for this session only. */
  env?: Record<string, string>;
  /** An http(s) address the session opens first (as BERTH_START_URL). */
  startUrl?: string;
}

export interface SessionFilter {
  status?: SessionStatus | SessionStatus[];
  userId?: string;
  imageId?: string;
  serverId?: string;
  /** Include STOPPED, FAILED and LOST sessions. */
  includeEnded?: boolean;
  /** At most this many (default 200, at most 1000). */
  first?: number;
}
