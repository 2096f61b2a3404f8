import { execFileSync } from "node:child_process";
import { env } from "./env.js";

/** Runs one function of scripts/lib/services.sh for the test profile (start/stop/reload a service). */
export function service(...fns: string[]) {
  execFileSync("bash", ["-c", `source scripts/lib/env.sh && source scripts/lib/services.sh && ${fns.join(" && ")}`], {
    cwd: env.root,
    env: { ...process.env, BERTH_PROFILE: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}
