import type { TestProject } from "vitest/node";
import { bootstrapStack } from "../support/bootstrap.js";
import { stopProc } from "../support/stack.js";

declare module "vitest" {
  export interface ProvidedContext {
    adminPassword: string;
    installationId: string;
    stackStarted: boolean;
  }
}

const ADMIN_PASSWORD = "admin-test-password";

/**
 * Brings up the test stack once for the whole run: a fresh database, the manager and one
 * agent (Postgres, Redis, dockerd, the registry and nginx were started by scripts/test.sh).
 * Set BERTH_TEST_UNIT_ONLY=1 to skip it when running only pure unit tests.
 */
export default async function setup(project: TestProject) {
  project.provide("adminPassword", ADMIN_PASSWORD);
  if (process.env.BERTH_TEST_UNIT_ONLY === "1") {
    project.provide("installationId", "");
    project.provide("stackStarted", false);
    return;
  }
  const { installationId } = await bootstrapStack(ADMIN_PASSWORD);
  project.provide("installationId", installationId);
  project.provide("stackStarted", true);

  return async () => {
    await stopProc("agent");
    await stopProc("manager");
  };
}
