import type { PlacementStrategy } from "../../../generated/graphql";

/** What each placement strategy does, for people choosing one. */
export const STRATEGIES: { value: PlacementStrategy; label: string; explain: string }[] = [
  { value: "LEAST_LOAD", label: "Least load", explain: "Spread out: each session goes to the server with the most free memory (then cores). Best for performance." },
  { value: "MOST_LOAD", label: "Most load", explain: "Pack tightly: fill the fullest server that still fits before using another. Leaves whole servers free to scale down." },
  { value: "ROUND_ROBIN", label: "Round robin", explain: "Take turns: the server that waited longest for a session gets the next one." },
];

export const strategyLabel = (s: PlacementStrategy) => STRATEGIES.find((x) => x.value === s)?.label ?? s;
export const strategyExplain = (s: PlacementStrategy) => STRATEGIES.find((x) => x.value === s)?.explain ?? "";

/** The one line an administrator runs on a new Docker host. */
export function agentCommand(origin: string, token: string): string {
  return `bash scripts/agent-host.sh --manager ${origin.replace(/\/+$/, "")}/graphql --token ${token}`;
}
