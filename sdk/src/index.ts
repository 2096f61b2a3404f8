export { BerthClient, type BerthClientOptions } from "./client.js";
export { BerthError, isBerthError, type ClientErrorCode, type ServerError } from "./errors.js";
export { ENDED_STATUSES, type WaitOptions } from "./wait.js";
export { pngSize } from "./png.js";
export type { CommandResult, Image, RequestSessionInput, Server, Session, SessionFilter, SessionStatus, Share, ShareMode, User, WarmPool, Zone } from "./types.js";
