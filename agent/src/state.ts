import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";

/** What makes this host the same server across restarts. Keep it secret: agentToken is a credential. */
const agentState = z.object({
  serverId: z.string().min(1),
  agentToken: z.string().min(1),
  // Kept so the first check-in after a restart can already list this installation's containers.
  installationId: z.string().min(1).optional(),
});
export type AgentState = z.infer<typeof agentState>;

/** The saved identity, or null when there is none yet (first start). A damaged file is an error, not a fresh start. */
export async function loadState(path: string): Promise<AgentState | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`cannot read the state file ${path}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`the state file ${path} is not valid JSON: fix it, or remove it to enroll as a new server`);
  }
  const parsed = agentState.safeParse(json);
  if (!parsed.success) throw new Error(`the state file ${path} lacks serverId/agentToken: remove it to enroll as a new server`);
  return parsed.data;
}

/** Written to a temporary file first and renamed, so a crash never leaves half a file; mode 0600. */
export async function saveState(path: string, state: AgentState): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(state, null, 2) + "\n", { mode: 0o600 });
  await rename(tmp, path);
}
