// Prisma CLI configuration (read by `prisma generate`, `prisma validate`, `prisma format`).
// Migrations are NOT made or applied with `prisma migrate` here: see docs/database.md.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    // Only used by CLI commands that talk to a database; generate and validate don't connect.
    url: process.env.DATABASE_URL ?? "postgresql://berth:berth@127.0.0.1:5432/berth",
  },
});
