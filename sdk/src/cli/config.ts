import { readFileSync } from "node:fs";
import { BerthClient } from "../client.js";
import type { Io } from "./output.js";
import { str, UsageError, type Values } from "./usage.js";

/** The client, from --url/--api-key/--ca-file or BERTH_URL/BERTH_API_KEY/BERTH_CA_FILE (flags win). */
export function clientFrom(values: Values, io: Io): BerthClient {
  const url = str(values, "url") ?? io.env.BERTH_URL;
  const apiKey = str(values, "api-key") ?? io.env.BERTH_API_KEY;
  const caFile = str(values, "ca-file") ?? io.env.BERTH_CA_FILE;
  const missing = [!url && "a Berth address (--url or BERTH_URL)", !apiKey && "an API key (--api-key or BERTH_API_KEY)"].filter(Boolean);
  if (missing.length) throw new UsageError(`missing ${missing.join(" and ")}`);
  if (!/^https?:\/\//.test(url!)) throw new UsageError(`the Berth address must start with https:// or http://, not '${url}'`);
  let ca: string | undefined;
  if (caFile) {
    try {
      ca = readFileSync(caFile, "utf8");
    } catch (e) {
      throw new UsageError(`cannot read the CA file '${caFile}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  return new BerthClient({ url: url!, apiKey: apiKey!, ca });
}
