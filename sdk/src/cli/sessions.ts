import { writeFileSync } from "node:fs";
import type { BerthClient } from "../client.js";
import { BerthError } from "../errors.js";
import { pngSize } from "../png.js";
import type { Session, SessionStatus } from "../types.js";
import { ENDED_STATUSES } from "../wait.js";
import type { Command, CommandContext } from "./command.js";
import { age, line, printFields, printJson, printTable, ProgressLine } from "./output.js";
import { EXIT, flag, intOption, list, str, UsageError } from "./usage.js";

const STATUSES: SessionStatus[] = ["REQUESTED", "STARTING", "RUNNING", "PAUSED", "STOPPING", "STOPPED", "FAILED", "LOST"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const timeoutOption = { name: "timeout", arg: "SECONDS", help: "give up waiting after this long (exit 3); default 300" };

/** A session with its full view address, for --json. */
const withViewUrl = (client: BerthClient, s: Session) => ({ ...s, viewUrl: client.viewUrl(s) });

function statuses(raw: string[]): SessionStatus[] {
  const out = raw.flatMap((s) => s.split(",")).map((s) => s.trim().toUpperCase()).filter(Boolean);
  const bad = out.filter((s) => !STATUSES.includes(s as SessionStatus));
  if (bad.length) throw new UsageError(`unknown status '${bad.join(", ")}' (one of ${STATUSES.join(", ")})`);
  return out as SessionStatus[];
}

function printSessions(ctx: CommandContext, sessions: Session[]) {
  if (ctx.json) return printJson(ctx.io, sessions.map((s) => withViewUrl(ctx.client(), s)));
  if (!sessions.length) return line(ctx.io.stderr, "no sessions");
  printTable(
    ctx.io,
    ["ID", "STATUS", "USER", "IMAGE", "SERVER", "AGE", "MESSAGE"],
    sessions.map((s) => [s.id, s.status, s.ownerName, s.image.name, s.serverHostname ?? "-", age(s.createdAt), s.statusMessage]),
  );
}

/** Waits with a live progress line on stderr; TIMEOUT and SESSION_ENDED are thrown on. */
async function waitWithProgress(ctx: CommandContext, id: string, until: SessionStatus[]): Promise<Session> {
  const progress = new ProgressLine(ctx.io);
  try {
    return await ctx.client().waitForSession(id, {
      until,
      timeoutMs: intOption(ctx.values, "timeout", 300) * 1000,
      onProgress: (s) => progress.update(`${s.status}${s.statusMessage ? `  ${s.statusMessage}` : ""}`),
    });
  } finally {
    progress.done();
  }
}

/** "<id> <url>" (read -r id url), or the session as JSON. */
function printSessionLine(ctx: CommandContext, s: Session) {
  if (ctx.json) return printJson(ctx.io, withViewUrl(ctx.client(), s));
  line(ctx.io.stdout, `${s.id} ${ctx.client().viewUrl(s)}`);
}

const list_: Command = {
  path: ["sessions", "list"],
  args: "[--user U] [--status S] [--all]",
  summary: "list sessions, newest first",
  details: "Live sessions unless --all or --status say otherwise. Needs sessions:read.",
  options: [
    { name: "user", arg: "U", help: "only this user's sessions (username or id)" },
    { name: "status", arg: "S", multiple: true, help: `only these statuses, comma-separated or repeated (${STATUSES.join(",")})` },
    { name: "image", arg: "ID", help: "only sessions of this image id" },
    { name: "all", help: "include ended sessions (STOPPED, FAILED, LOST)" },
    { name: "limit", arg: "N", help: "at most N sessions (default 200, at most 1000)" },
  ],
  async run(ctx) {
    const user = str(ctx.values, "user");
    const status = list(ctx.values, "status").length ? statuses(list(ctx.values, "status")) : undefined;
    const first = intOption(ctx.values, "limit", 200);
    const byId = user && UUID.test(user);
    const sessions = await ctx.client().listSessions({
      status,
      includeEnded: flag(ctx.values, "all"),
      imageId: str(ctx.values, "image"),
      userId: byId ? user : undefined,
      // The API filters by user id; a username is matched here, so look further back for it.
      first: user && !byId ? 1000 : first,
    });
    printSessions(ctx, user && !byId ? sessions.filter((s) => s.ownerName === user).slice(0, first) : sessions);
    return EXIT.OK;
  },
};

const request: Command = {
  path: ["sessions", "request"],
  args: "--image <name|id> --user <username> [--env K=V ...] [--start-url URL] [--wait]",
  summary: "launch a session for a user",
  details: [
    "Prints '<id> <view url>' on stdout (with --json: the session). With --wait, shows progress",
    "on stderr and prints once the session is RUNNING; exit 3 if it is not within --timeout,",
    "exit 1 (code SESSION_ENDED) if it fails. Needs sessions:write.",
    "",
    "Example:",
    "  read -r id url < <(berth sessions request --image tiny --user alice --env CUSTOMER=acme --wait)",
  ].join("\n"),
  options: [
    { name: "image", arg: "NAME|ID", help: "the image to launch (see: berth images list)" },
    { name: "user", arg: "USERNAME", help: "who the session is for (see: berth users ensure)" },
    { name: "env", arg: "K=V", multiple: true, help: "an environment variable for this session; repeat for more" },
    { name: "start-url", arg: "URL", help: "an http(s) address the session opens first (BERTH_START_URL)" },
    { name: "wait", help: "wait until it is RUNNING, showing progress on stderr" },
    timeoutOption,
  ],
  async run(ctx) {
    const image = str(ctx.values, "image");
    const user = str(ctx.values, "user");
    if (!image) throw new UsageError("--image is required");
    if (!user) throw new UsageError("--user is required");
    const env: Record<string, string> = {};
    for (const kv of list(ctx.values, "env")) {
      const eq = kv.indexOf("=");
      if (eq < 1) throw new UsageError(`--env takes NAME=VALUE, not '${kv}'`);
      env[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    const client = ctx.client();
    const found = await client.findImage(image);
    if (!found) {
      const names = (await client.listImages()).map((i) => i.name).join(", ");
      throw new BerthError("NOT_FOUND", `no image '${image}' (images: ${names || "none"})`);
    }
    let s = await client.requestSession({ imageId: found.id, forUser: user, env, startUrl: str(ctx.values, "start-url") });
    if (flag(ctx.values, "wait")) s = await waitWithProgress(ctx, s.id, ["RUNNING"]);
    printSessionLine(ctx, s);
    return EXIT.OK;
  },
};

const get: Command = {
  path: ["sessions", "get"],
  args: "<id>",
  summary: "show one session",
  positionals: [1, 1],
  async run(ctx) {
    const client = ctx.client();
    const s = await client.getSession(ctx.positionals[0]);
    if (ctx.json) return printJson(ctx.io, withViewUrl(client, s)), EXIT.OK;
    printFields(ctx.io, [
      ["id", s.id],
      ["status", s.status],
      ["message", s.statusMessage || "-"],
      ["user", `${s.ownerName} (${s.userId})`],
      ["image", `${s.image.name} (${s.image.id})`],
      ["server", s.serverHostname ?? "-"],
      ["url", client.viewUrl(s)],
      ["size", `${s.cores} cores, ${s.memoryMb} MB`],
      ["created", s.createdAt],
      ["started", s.startedAt ?? "-"],
      ["ended", s.endedAt ?? "-"],
      ["expires", s.expiresAt ?? "-"],
      ["last keepalive", s.lastKeepaliveAt],
    ]);
    return EXIT.OK;
  },
};

const wait: Command = {
  path: ["sessions", "wait"],
  args: "<id> [--until STATUS] [--timeout SECONDS]",
  summary: "wait until a session reaches a status (default RUNNING)",
  details: "Shows progress on stderr, then prints '<id> <view url>'. Exit 3 on timeout; exit 1 (SESSION_ENDED) if it ends first.",
  positionals: [1, 1],
  options: [{ name: "until", arg: "STATUS", multiple: true, help: "the status(es) to wait for, comma-separated or repeated" }, timeoutOption],
  async run(ctx) {
    const until = list(ctx.values, "until").length ? statuses(list(ctx.values, "until")) : (["RUNNING"] as SessionStatus[]);
    printSessionLine(ctx, await waitWithProgress(ctx, ctx.positionals[0], until));
    return EXIT.OK;
  },
};

const end: Command = {
  path: ["sessions", "end"],
  args: "<id> [--wait]",
  summary: "end a session (its container is removed)",
  details: "Prints '<id> <status>'. With --wait, returns once the session has ended.",
  positionals: [1, 1],
  options: [{ name: "wait", help: "wait until it has ended" }, timeoutOption],
  async run(ctx) {
    let s = await ctx.client().endSession(ctx.positionals[0]);
    if (flag(ctx.values, "wait") && !ENDED_STATUSES.includes(s.status)) s = await waitWithProgress(ctx, s.id, [...ENDED_STATUSES]);
    if (ctx.json) printJson(ctx.io, withViewUrl(ctx.client(), s));
    else line(ctx.io.stdout, `${s.id} ${s.status}`);
    return EXIT.OK;
  },
};

const keepalive: Command = {
  path: ["sessions", "keepalive"],
  args: "<id>",
  summary: "mark a session as in use, so it is not reaped as idle",
  positionals: [1, 1],
  async run(ctx) {
    const ok = await ctx.client().keepalive(ctx.positionals[0]);
    if (ctx.json) printJson(ctx.io, { keepalive: ok });
    else line(ctx.io.stdout, ok ? "ok" : "not kept alive");
    return ok ? EXIT.OK : EXIT.API_ERROR;
  },
};

const share: Command = {
  path: ["sessions", "share"],
  args: "<id> [--mode view|collaborate]",
  summary: "turn sharing on for a running session and print the link",
  positionals: [1, 1],
  options: [{ name: "mode", arg: "MODE", help: "view (guests watch; default) or collaborate (guests use keyboard and mouse)" }],
  async run(ctx) {
    const mode = (str(ctx.values, "mode") ?? "view").toUpperCase();
    if (mode !== "VIEW" && mode !== "COLLABORATE") throw new UsageError(`--mode is view or collaborate, not '${str(ctx.values, "mode")}'`);
    const client = ctx.client();
    const sh = await client.share(ctx.positionals[0], mode);
    if (ctx.json) printJson(ctx.io, { ...sh, shareUrl: client.viewUrl(sh) });
    else line(ctx.io.stdout, client.viewUrl(sh));
    return EXIT.OK;
  },
};

const join: Command = {
  path: ["sessions", "join"],
  args: "<share-id or share link> --user <name>",
  summary: "make a user a viewer of a shared session (then: berth sessions link <id> --user <name>)",
  details: "Needs sessions:write. Prints the session's id (--json: the session).",
  positionals: [1, 1],
  options: [{ name: "user", arg: "NAME", help: "username (or id) who joins" }],
  async run(ctx) {
    const user = str(ctx.values, "user");
    if (!user) throw new UsageError("--user <name> is required: whom to join to the share");
    const shareId = ctx.positionals[0].replace(/^.*\/share\//, "").replace(/[/?#].*$/, "");
    const s = await ctx.client().joinShare(shareId, user);
    if (ctx.json) printJson(ctx.io, s);
    else line(ctx.io.stdout, s.id);
    return EXIT.OK;
  },
};

const unshare: Command = {
  path: ["sessions", "unshare"],
  args: "<id>",
  summary: "turn sharing off: every viewer is cut off at once",
  positionals: [1, 1],
  async run(ctx) {
    const stopped = await ctx.client().stopSharing(ctx.positionals[0]);
    if (ctx.json) printJson(ctx.io, { stopped });
    else line(ctx.io.stdout, stopped ? "sharing stopped" : "was not shared");
    return EXIT.OK;
  },
};

const link: Command = {
  path: ["sessions", "link"],
  args: "<id> [--user NAME] [--ttl SECONDS]",
  summary: "print a single-use link that signs a user in and opens the session (for an iframe)",
  details: [
    "The link works once, within --ttl seconds (5 to 600, default 60). It signs in the session's owner,",
    "or with --user a viewer who joined its share. Needs sessions:write.",
  ].join("\n"),
  positionals: [1, 1],
  options: [
    { name: "user", arg: "NAME", help: "whom the link signs in (default: the owner)" },
    { name: "ttl", arg: "SECONDS", help: "how long the link stays valid (default 60)" },
  ],
  async run(ctx) {
    const l = await ctx.client().viewingLink(ctx.positionals[0], { ttlS: intOption(ctx.values, "ttl", 60), forUser: str(ctx.values, "user") });
    if (ctx.json) printJson(ctx.io, l);
    else line(ctx.io.stdout, l.url);
    return EXIT.OK;
  },
};

const screenshot: Command = {
  path: ["sessions", "screenshot"],
  args: "<id> -o <file.png>",
  summary: "save a PNG of a running session's screen",
  details: "'-o -' writes the PNG to stdout. Needs sessions:read.",
  positionals: [1, 1],
  options: [{ name: "output", short: "o", arg: "FILE", help: "where to write the PNG ('-': stdout)" }],
  async run(ctx) {
    const file = str(ctx.values, "output");
    if (!file) throw new UsageError("-o <file.png> is required");
    const png = await ctx.client().screenshot(ctx.positionals[0]);
    const { width, height } = pngSize(png);
    if (file === "-") {
      ctx.io.stdout.write(png);
      return EXIT.OK;
    }
    writeFileSync(file, png);
    if (ctx.json) printJson(ctx.io, { file, width, height, bytes: png.length });
    else line(ctx.io.stdout, `${file} ${width}x${height}`);
    return EXIT.OK;
  },
};

const exec: Command = {
  path: ["sessions", "exec"],
  args: "<id> [--timeout SECONDS] -- <command> [args...]",
  summary: "run a command in a running session; exit with its exit code",
  details: [
    "Prints the command's stdout on stdout and its stderr on stderr, then exits with its exit",
    "code (so 1, 2 or 3 may be the command's own: use --json to tell them apart). With --json,",
    "prints { exitCode, stdout, stderr, truncated } instead. Output is cut at 1 MB per stream.",
    "Needs sessions:write.",
    "",
    "Example:",
    "  berth sessions exec 5f0c... -- sh -c 'echo hello; exit 7'; echo $?   # hello, 7",
  ].join("\n"),
  positionals: [1, 1],
  takesRest: true,
  options: [{ name: "timeout", arg: "SECONDS", help: "the command's time limit, 1 to 300 (default 30)" }],
  async run(ctx) {
    if (!ctx.rest.length) throw new UsageError("give the command after --, e.g. berth sessions exec <id> -- ls -l /");
    const r = await ctx.client().runCommand(ctx.positionals[0], ctx.rest, { timeoutS: intOption(ctx.values, "timeout", 30) });
    if (ctx.json) printJson(ctx.io, r);
    else {
      ctx.io.stdout.write(r.stdout);
      ctx.io.stderr.write(r.stderr);
      if (r.truncated) line(ctx.io.stderr, "berth: output was cut at 1 MB");
    }
    return r.exitCode >= 0 && r.exitCode <= 255 ? r.exitCode : EXIT.API_ERROR;
  },
};

export const sessionCommands: Command[] = [list_, request, get, wait, end, exec, screenshot, keepalive, share, join, unshare, link];
