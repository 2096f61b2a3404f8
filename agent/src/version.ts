import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The agent's version: the nearest package.json above this file (the repository's). */
export const AGENT_VERSION: string = (() => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      try {
        return String(JSON.parse(readFileSync(file, "utf8")).version ?? "0.0.0");
      } catch {
        return "0.0.0";
      }
    }
    if (dirname(dir) === dir) return "0.0.0";
  }
})();
