import { ManagerError, ManagerUnreachable, type ManagerClient } from "./api/client.js";
import { RegisterAgentDocument, type HostFactsInput } from "./api/generated/graphql.js";
import type { Config } from "./config.js";
import { errorText, log } from "./log.js";
import type { EngineInfo, Provider } from "./providers/provider.js";
import { loadState, saveState, type AgentState } from "./state.js";
import { backoffMs, sleep } from "./timing.js";

/** Why start-up cannot go on; main prints it and exits non-zero. */
export class StartupError extends Error {}

/** Waits until Docker answers (it may start after the agent); null when stopped meanwhile. */
export async function waitForDocker(provider: Provider, signal: AbortSignal): Promise<EngineInfo | null> {
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      const info = await provider.info();
      log.info("docker reachable", { version: info.version, dataRoot: info.dataRoot });
      return info;
    } catch (e) {
      if (attempt === 0 || attempt % 10 === 0) log.warn("waiting for docker", { error: errorText(e) });
      await sleep(backoffMs(attempt, 500, 5000), signal);
    }
  }
  return null;
}

/** The saved identity, checked before anything waits, so a missing token is said at once. */
export async function savedIdentity(config: Config): Promise<AgentState | null> {
  const saved = await loadState(config.BERTH_AGENT_STATE_FILE);
  if (!saved && !config.BERTH_AGENT_ENROLLMENT_TOKEN) {
    throw new StartupError(
      `no state file at ${config.BERTH_AGENT_STATE_FILE} and BERTH_AGENT_ENROLLMENT_TOKEN is not set: set it to a zone's enrollment token to register this server`,
    );
  }
  return saved;
}

/** First start: join the zone of the enrollment token and remember who we are. Retries while no manager answers. */
export async function enroll(config: Config, client: ManagerClient, host: HostFactsInput, signal: AbortSignal): Promise<AgentState | null> {
  const file = config.BERTH_AGENT_STATE_FILE;
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      const { registerAgent: r } = await client.request(RegisterAgentDocument, { enrollmentToken: config.BERTH_AGENT_ENROLLMENT_TOKEN!, host });
      const state: AgentState = { serverId: r.serverId, agentToken: r.agentToken, installationId: r.installationId };
      await saveState(file, state);
      log.info("registered with the manager", { serverId: r.serverId, stateFile: file });
      return state;
    } catch (e) {
      if (e instanceof ManagerError) throw new StartupError(`the manager refused to register this server: ${e.message} (${e.code})`);
      if (!(e instanceof ManagerUnreachable)) throw e;
      if (attempt === 0 || attempt % 10 === 0) log.warn("cannot reach a manager to register; retrying", { error: e.message });
      await sleep(backoffMs(attempt, 500, 10_000), signal);
    }
  }
  return null;
}
