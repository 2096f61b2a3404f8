import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadConfig } from "./config.js";
import { createDb } from "./db.js";
import { migrate } from "./db/migrate.js";
import { createSchema } from "./schema.js";
import { generatePassword } from "./auth/password.js";
import { UserService } from "./modules/users/user.service.js";
import { ZoneService } from "./modules/zones/zone.service.js";
import { seedImage } from "./modules/images/image.seed.js";
import { InstallationService } from "./modules/installation/installation.service.js";
import { repoRoot } from "./paths.js";

const usage = `berth <command>
  setup                  migrate, create the installation, default zone, admin user and images
  emit-schema [path]     write the GraphQL schema (default: schema.graphql)
  reset-password <user>  set a new generated password and print it
  enrollment-token [zone] print a new enrollment token for a zone (default: default)`;

async function main(argv: string[]) {
  const [cmd, ...args] = argv;
  switch (cmd) {
    case "emit-schema": {
      const path = args[0] ?? join(repoRoot(), "schema.graphql");
      await createSchema(path);
      console.log(`schema written to ${path}`);
      return;
    }
    case "setup":
      return setup();
    case "reset-password": {
      if (!args[0]) throw new Error("usage: berth reset-password <username>");
      const config = loadConfig();
      const db = createDb(config.DATABASE_URL, 2);
      const password = generatePassword();
      await new UserService(db, config.BERTH_SIGNIN_TTL_H).setPassword(args[0], password);
      console.log(`New password for ${args[0]}: ${password}`);
      return db.$disconnect();
    }
    case "enrollment-token": {
      const config = loadConfig();
      const db = createDb(config.DATABASE_URL, 2);
      const zones = new ZoneService(db);
      const zone = await zones.ensure(args[0] ?? "default");
      console.log((await zones.createEnrollmentToken(zone.id, "cli")).token);
      return db.$disconnect();
    }
    default:
      console.error(usage);
      process.exitCode = cmd ? 2 : 0;
  }
}

/** Idempotent first-time set-up. Prints the admin password only when it creates the admin. */
async function setup() {
  const config = loadConfig();
  const stateDir = process.env.BERTH_STATE_DIR ?? join(repoRoot(), ".berth", "dev");
  const registry = process.env.BERTH_REGISTRY ?? "127.0.0.1:5000";
  await migrate(config.DATABASE_URL, { log: (m) => console.log(`  ${m}`) });
  const db = createDb(config.DATABASE_URL, 2);
  try {
    const installation = await new InstallationService(db).ensure();
    console.log(`Installation ID: ${installation.id}`);
    const zones = new ZoneService(db);
    const zone = await zones.ensure("default");

    const keyFile = join(stateDir, "secret.key");
    if (!existsSync(keyFile)) {
      mkdirSync(stateDir, { recursive: true });
      writeFileSync(keyFile, randomBytes(32).toString("base64") + "\n", { mode: 0o600 });
      console.log(`Secret key for stored registry credentials written to ${keyFile} (back it up)`);
    }

    const tokenFile = join(stateDir, "enrollment-token");
    if (!existsSync(tokenFile)) {
      mkdirSync(dirname(tokenFile), { recursive: true });
      writeFileSync(tokenFile, (await zones.createEnrollmentToken(zone.id, "local agent")).token + "\n", { mode: 0o600 });
      chmodSync(tokenFile, 0o600);
      console.log(`Enrollment token for zone 'default' written to ${tokenFile}`);
    }

    await seedImage(db, {
      name: "tiny",
      friendlyName: "Tiny test session",
      description: "A few-kilobyte session that answers HTTP and echoes WebSocket messages. For tests and demos.",
      ref: `${registry}/berth/tiny:latest`,
      cores: 0.25,
      memoryMb: 64,
      categories: ["Testing"],
    });

    // The default workspaces, once images/build.sh has pushed them to the registry.
    for (const image of process.env.BERTH_SETUP_DEFAULT_IMAGES === "0" ? [] : DEFAULT_IMAGES) {
      if (!(await inRegistry(registry, image.repo))) {
        console.log(`Image '${image.name}' is not in the registry yet (build it: bash images/build.sh ${image.name})`);
        continue;
      }
      const { repo, ...seed } = image;
      await seedImage(db, { ...seed, ref: `${registry}/${repo}:latest` });
      console.log(`Image '${image.name}' registered`);
    }

    const admins = await db.user.count({ where: { role: "ADMIN" } });
    if (admins === 0) {
      const password = process.env.BERTH_ADMIN_PASSWORD || generatePassword();
      await new UserService(db, config.BERTH_SIGNIN_TTL_H).create({ username: "admin", password, role: "ADMIN", zoneId: zone.id });
      console.log("");
      console.log("  Administrator created. This password is shown only once:");
      console.log(`    username: admin`);
      console.log(`    password: ${password}`);
      console.log("");
    } else {
      console.log("Administrator exists (forgot the password? npm run berth -- reset-password admin)");
    }
  } finally {
    await db.$disconnect();
  }
}

const DEFAULT_IMAGES = [
  {
    name: "desktop",
    repo: "berth/desktop",
    friendlyName: "Desktop",
    description: "A clean Debian desktop with a taskbar, a terminal and a file manager.",
    cores: 1,
    memoryMb: 1024,
    shmMb: 256,
    categories: ["Desktop"],
  },
  {
    name: "desktop-deluxe",
    repo: "berth/desktop-deluxe",
    friendlyName: "Desktop Deluxe",
    description: "The desktop plus LibreOffice, a text editor, an image viewer and a PDF viewer.",
    cores: 2,
    memoryMb: 2048,
    shmMb: 512,
    categories: ["Desktop", "Productivity"],
  },
  {
    name: "firefox",
    repo: "berth/firefox",
    friendlyName: "Firefox",
    description: "Firefox ESR on its own, full screen: an isolated browser.",
    cores: 1,
    memoryMb: 1536,
    shmMb: 512,
    categories: ["Browsers"],
  },
];

/** Whether the registry (Docker Registry HTTP API v2) has a latest tag for the repository. */
async function inRegistry(registry: string, repo: string): Promise<boolean> {
  try {
    const res = await fetch(`http://${registry}/v2/${repo}/tags/list`, { signal: AbortSignal.timeout(3000) });
    if (!res.ok) return false;
    const body = (await res.json()) as { tags?: string[] | null };
    return (body.tags ?? []).includes("latest");
  } catch {
    return false;
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
