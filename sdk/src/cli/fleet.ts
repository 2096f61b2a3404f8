import type { Command } from "./command.js";
import { age, line, printFields, printJson, printTable } from "./output.js";
import { EXIT, intOption, str, UsageError } from "./usage.js";

const imagesList: Command = {
  path: ["images", "list"],
  args: "",
  summary: "list the images sessions can be launched from",
  details: "Any API key may list images; one with images:write also sees disabled ones.",
  async run(ctx) {
    const images = await ctx.client().listImages();
    if (ctx.json) return printJson(ctx.io, images), EXIT.OK;
    if (!images.length) return line(ctx.io.stderr, "no images"), EXIT.OK;
    printTable(
      ctx.io,
      ["ID", "NAME", "CORES", "MEMORY", "ENABLED", "DESCRIPTION"],
      images.map((i) => [i.id, i.name, String(i.cores), `${i.memoryMb} MB`, i.enabled ? "yes" : "no", i.friendlyName]),
    );
    return EXIT.OK;
  },
};

const serversList: Command = {
  path: ["servers", "list"],
  args: "",
  summary: "list servers with their status and capacity",
  details: "CORES and MEMORY show what sessions reserved of what placement may use. Needs fleet:read.",
  async run(ctx) {
    const servers = await ctx.client().listServers();
    if (ctx.json) return printJson(ctx.io, servers), EXIT.OK;
    if (!servers.length) return line(ctx.io.stderr, "no servers"), EXIT.OK;
    printTable(
      ctx.io,
      ["ID", "HOSTNAME", "STATUS", "ZONE", "SESSIONS", "CORES", "MEMORY", "CPU", "CHECK-IN"],
      servers.map((s) => [
        s.id,
        s.hostname,
        s.status,
        s.zoneName,
        String(s.sessionCount),
        `${round(s.allocatedCores)}/${round(s.effectiveCores)}`,
        `${s.allocatedMemoryMb}/${s.effectiveMemoryMb} MB`,
        `${Math.round(s.cpuPercent)}%`,
        s.lastCheckInAt ? `${age(s.lastCheckInAt)} ago` : "never",
      ]),
    );
    return EXIT.OK;
  },
};

const poolsList: Command = {
  path: ["pools", "list"],
  args: "",
  summary: "list warm pools: ready sessions kept waiting per image and zone",
  details: "READY/SIZE: sessions waiting now of those wanted; STARTING: refilling. Needs an admin key.",
  async run(ctx) {
    const pools = (await ctx.client().listWarmPools()).filter((p) => p.size > 0 || p.ready + p.starting > 0);
    if (ctx.json) return printJson(ctx.io, pools), EXIT.OK;
    if (!pools.length) return line(ctx.io.stderr, "no warm pools"), EXIT.OK;
    printTable(
      ctx.io,
      ["IMAGE", "ZONE", "READY", "STARTING", "NOTE"],
      pools.map((p) => [p.imageName, p.zoneName, `${p.ready}/${p.size}`, String(p.starting), p.message]),
    );
    return EXIT.OK;
  },
};

const poolsSet: Command = {
  path: ["pools", "set"],
  args: "--image <name> --zone <name> --size <n>",
  summary: "keep n ready sessions of an image waiting in a zone (0 ends them)",
  details: [
    "Launches of the image in the zone (without their own environment) then take a waiting one at",
    "once; the pool refills in the background, only into free capacity. Needs an admin key.",
    "",
    "Example:",
    "  berth pools set --image firefox --zone default --size 5",
  ].join("\n"),
  options: [
    { name: "image", arg: "NAME", help: "image name (or id)" },
    { name: "zone", arg: "NAME", help: "zone name (or id); default: default" },
    { name: "size", arg: "N", help: "how many to keep ready, 0 to 100" },
  ],
  async run(ctx) {
    const image = str(ctx.values, "image");
    if (!image) throw new UsageError("--image <name> is required");
    if (str(ctx.values, "size") === undefined) throw new UsageError("--size <n> is required (0 ends the pool)");
    const p = await ctx.client().setWarmPool(image, str(ctx.values, "zone") ?? "default", intOption(ctx.values, "size", 0, 0));
    if (ctx.json) return printJson(ctx.io, p), EXIT.OK;
    line(ctx.io.stdout, `${p.imageName} in ${p.zoneName}: ${p.size} wanted, ${p.ready} ready, ${p.starting} starting${p.message ? ` (${p.message})` : ""}`);
    return EXIT.OK;
  },
};

const zonesList: Command = {
  path: ["zones", "list"],
  args: "",
  summary: "list zones",
  details: "Needs fleet:read.",
  async run(ctx) {
    const zones = await ctx.client().listZones();
    if (ctx.json) return printJson(ctx.io, zones), EXIT.OK;
    if (!zones.length) return line(ctx.io.stderr, "no zones"), EXIT.OK;
    printTable(
      ctx.io,
      ["ID", "NAME", "STRATEGY", "ALTERNATES"],
      zones.map((z) => [z.id, z.name, z.strategy, z.searchAlternateZones ? "yes" : "no"]),
    );
    return EXIT.OK;
  },
};

const usersEnsure: Command = {
  path: ["users", "ensure"],
  args: "<username>",
  summary: "the user with this username, created if missing",
  details: "New users get role USER and a random password (they sign in through your application). Needs users:write.",
  positionals: [1, 1],
  async run(ctx) {
    const u = await ctx.client().ensureUser(ctx.positionals[0]);
    if (ctx.json) return printJson(ctx.io, u), EXIT.OK;
    printFields(ctx.io, [
      ["id", u.id],
      ["username", u.username],
      ["role", u.role],
      ["zone", u.zoneName ?? "(default)"],
      ["disabled", u.disabled ? "yes" : "no"],
      ["active sessions", String(u.activeSessions)],
      ["created", u.createdAt],
    ]);
    return EXIT.OK;
  },
};

const round = (n: number) => String(Math.round(n * 100) / 100);

export const fleetCommands: Command[] = [imagesList, serversList, zonesList, poolsList, poolsSet, usersEnsure];
