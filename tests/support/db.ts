import pg from "pg";
import { createDb, type Db } from "../../server/src/db.js";
import { env } from "./env.js";

let db: Db | undefined;

/** The test database through the same Prisma client the manager uses (never mocked). */
export function testDb(): Db {
  return (db ??= createDb(env.databaseUrl, 5));
}

export async function closeTestDb() {
  await db?.$disconnect();
  db = undefined;
}

/** Runs one SQL statement on the maintenance database (for creating and dropping databases). */
export async function adminQuery(sql: string, params: unknown[] = []) {
  const url = new URL(env.databaseUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}
