import { errorText, log } from "./log.js";
import type { ContainerEvent, Provider } from "./providers/provider.js";
import { backoffMs, sleep } from "./timing.js";

/**
 * Follows the engine's container deaths and removals for as long as the agent runs.
 * When the engine goes away (dockerd restarted), waits for it with backoff and follows again;
 * onReconnected then lets the caller catch up on what it missed (a check-in does).
 */
export async function watchContainerEvents(
  provider: Provider,
  signal: AbortSignal,
  on: { onEvent: (e: ContainerEvent) => void; onReconnected: () => void },
): Promise<void> {
  let down = false;
  for (let attempt = 0; !signal.aborted; ) {
    try {
      await provider.info(); // fails fast while the engine is down
      if (down) {
        log.info("docker is back; following container events again");
        on.onReconnected();
      }
      down = false;
      attempt = 0;
      for await (const e of provider.events(signal)) on.onEvent(e);
      if (signal.aborted) return;
      log.warn("docker event stream ended (engine restarting?); reconnecting");
      down = true;
      await sleep(500, signal);
    } catch (e) {
      if (signal.aborted) return;
      if (!down || attempt % 10 === 0) log.warn("docker is not reachable; retrying", { error: errorText(e), attempt });
      down = true;
      await sleep(backoffMs(attempt++, 500, 10_000), signal);
    }
  }
}
