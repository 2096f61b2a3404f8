// The generated Prisma client (npm run prisma:generate) works at run time through
// @prisma/adapter-pg, with no engine binary, on a database made by migrate().
import { execFileSync } from "node:child_process";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../server/src/db/migrate.js";
// @ts-expect-error plain ESM helper without type declarations
import { createScratchDb } from "../../scripts/db/scratch-db.mjs";

const root = path.resolve(__dirname, "..", "..");

type Scratch = { name: string; url: string; drop: () => Promise<void> };
let db: Scratch;
// Loaded after generation so a fresh checkout works.
let prisma: any;

beforeAll(async () => {
  // Idempotent and quick when the client is up to date.
  execFileSync("bash", [path.join(root, "scripts", "prisma-generate.sh")], { cwd: root, stdio: "pipe" });
  db = (await createScratchDb("berth_migrate_scratch")) as Scratch;
  await migrate(db.url);
  const { PrismaClient } = await import("../../server/src/generated/prisma/client.js");
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: 5 }) });
}, 60_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

describe("generated Prisma client", () => {
  it("creates and reads rows with relations, enums, JSON and arrays", async () => {
    const zone = await prisma.zone.create({ data: { name: "default" } });
    expect(zone.strategy).toBe("LEAST_LOAD");
    const user = await prisma.user.create({
      data: { username: "alice", passwordHash: "x", role: "ADMIN", zoneId: zone.id },
    });
    const image = await prisma.image.create({
      data: { name: "desktop", friendlyName: "Desktop", ref: "berth/desktop:1", env: { A: "1" }, categories: ["os"] },
    });
    const session = await prisma.session.create({
      data: { userId: user.id, imageId: image.id, cores: 1, memoryMb: 1024, secret: "s", viewSecret: "v" },
    });
    expect(session.status).toBe("REQUESTED");

    const loaded = await prisma.user.findUnique({
      where: { username: "alice" },
      include: { zone: true, sessions: { include: { image: true } } },
    });
    expect(loaded.zone.name).toBe("default");
    expect(loaded.sessions).toHaveLength(1);
    expect(loaded.sessions[0].image.env).toEqual({ A: "1" });
    expect(loaded.sessions[0].image.categories).toEqual(["os"]);
  });

  it("runs interactive transactions with raw row locks", async () => {
    const n = await prisma.$transaction(async (tx: any) => {
      const rows = await tx.$queryRaw`SELECT id FROM "Zone" WHERE name = ${"default"} FOR UPDATE`;
      await tx.setting.upsert({
        where: { key: "sessionsPerUser" },
        create: { key: "sessionsPerUser", value: 2 },
        update: { value: 2 },
      });
      return rows.length;
    });
    expect(n).toBe(1);
    expect((await prisma.setting.findUnique({ where: { key: "sessionsPerUser" } })).value).toBe(2);
  });
});
