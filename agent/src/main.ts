import { Agent } from "./agent.js";
import { ManagerClient } from "./api/client.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { hostFacts } from "./host-facts.js";
import { errorText, log } from "./log.js";
import { DockerProvider } from "./providers/docker.provider.js";
import type { Scope } from "./providers/provider.js";
import { StartupError, enroll, savedIdentity, waitForDocker } from "./startup.js";
import { sleep } from "./timing.js";
import { AGENT_VERSION } from "./version.js";

/** The agent process: read the configuration, find (or get) this server's identity, then work until SIGTERM. */
async function main(): Promise<number> {
  const config = readConfig();
  log.setLevel(config.BERTH_LOG_LEVEL);
  if (config.BERTH_AGENT_INSECURE_TLS) {
    // Node's fetch has no per-request switch; this process talks TLS only to its managers.
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
    log.warn("accepting any TLS certificate from the managers (BERTH_AGENT_INSECURE_TLS)");
  }
  const stopping = new AbortController();
  let exitCode = 0;
  const exit = (code: number) => {
    if (stopping.signal.aborted) return;
    exitCode = code;
    stopping.abort();
  };
  process.once("SIGTERM", () => exit(0));
  process.once("SIGINT", () => exit(0));
  log.info("agent starting", { version: AGENT_VERSION, managers: config.BERTH_AGENT_MANAGER_URLS, docker: config.DOCKER_HOST });

  const scope: Scope = { installationId: "", serverId: "" };
  const provider = new DockerProvider(config.dockerSocketPath, scope);
  const client = new ManagerClient(config.BERTH_AGENT_MANAGER_URLS);
  const saved = await savedIdentity(config);
  const engine = await waitForDocker(provider, stopping.signal);
  if (!engine) return 0;
  const hostname = config.BERTH_AGENT_HOSTNAME;
  const state = saved ?? (await enroll(config, client, await hostFacts({ hostname, publishHost: config.BERTH_AGENT_PUBLISH_HOST, engine }), stopping.signal));
  if (!state) return 0;

  Object.assign(scope, { serverId: state.serverId, installationId: state.installationId ?? "" });
  client.setToken(state.agentToken);
  if (!state.installationId) log.warn("the state file has no installationId: the first check-in cannot list session containers");
  log.info("agent identity", { serverId: state.serverId, installationId: scope.installationId, stateFile: config.BERTH_AGENT_STATE_FILE });

  const running = new Agent({ config, provider, scope, client, state, engine, exit }).run(stopping.signal);
  await new Promise((resolve) => stopping.signal.addEventListener("abort", resolve, { once: true }));
  // Containers stay: sessions outlive an agent restart, and the next agent takes them over by their labels.
  log.info("agent stopping; session containers keep running", { exitCode });
  await Promise.race([running, sleep(5000)]);
  return exitCode;
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(e.message + "\n");
    process.exit(1);
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof StartupError) log.error(e.message);
    else log.error("agent crashed", { error: String((e as Error)?.stack ?? errorText(e)) });
    process.exit(1);
  },
);
