import { inject } from "vitest";
import { ApiClient } from "./api.js";
import { waitFor } from "./stack.js";

export async function adminClient(): Promise<ApiClient> {
  const c = new ApiClient();
  await c.signIn("admin", inject("adminPassword"));
  return c;
}

export interface ServerRow {
  id: string;
  hostname: string;
  status: string;
  zoneId: string;
  sessionCount: number;
  allocatedCores: number;
  images: { imageName: string; status: string; progress: number }[];
}

const SERVER = `id hostname status zoneId sessionCount allocatedCores images { imageName status progress }`;

export async function servers(admin: ApiClient): Promise<ServerRow[]> {
  return (await admin.ok<{ servers: ServerRow[] }>(`{ servers { ${SERVER} } }`)).servers;
}

export async function serverNamed(admin: ApiClient, hostname: string): Promise<ServerRow | undefined> {
  return (await servers(admin)).find((s) => s.hostname === hostname);
}

/** Waits until the server named `hostname` is ONLINE and has `image` READY. */
export function waitServerReady(admin: ApiClient, hostname: string, image = "tiny", timeoutMs = 60_000) {
  return waitFor(
    `${hostname} online with '${image}' downloaded`,
    async () => {
      const s = await serverNamed(admin, hostname);
      return s && s.status === "ONLINE" && s.images.some((i) => i.imageName === image && i.status === "READY") ? s : null;
    },
    timeoutMs,
    200,
  );
}
