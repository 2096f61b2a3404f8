import { describe, expect, it } from "vitest";
import { agentCommand, strategyExplain, strategyLabel } from "./strategy";

describe("agentCommand", () => {
  it("is the one line to run on a new host", () => {
    expect(agentCommand("https://berth.example.com", "bz_abc")).toBe("bash scripts/agent-host.sh --manager https://berth.example.com/graphql --token bz_abc");
    expect(agentCommand("https://berth.example.com/", "t")).toBe("bash scripts/agent-host.sh --manager https://berth.example.com/graphql --token t");
  });
});

describe("strategies", () => {
  it("have a label and an explanation each", () => {
    expect(strategyLabel("MOST_LOAD")).toBe("Most load");
    expect(strategyExplain("ROUND_ROBIN")).toMatch(/waited longest/);
  });
});
