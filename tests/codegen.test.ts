import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");

describe("typed operations (client, agent, SDK)", () => {
  it("all validate against schema.graphql and their generated types are current (run `npm run codegen`)", () => {
    let out = "";
    try {
      out = execFileSync("npx", ["graphql-codegen", "--config", "codegen.yml", "--check"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      throw new Error(`codegen check failed:\n${err.stdout ?? ""}\n${err.stderr ?? ""}`);
    }
    expect(out).not.toMatch(/outdated|error/i);
  }, 120_000);

  it("client/ holds no hand-written GraphQL result types", () => {
    // Result types come from client/src/generated only: no file outside it declares a Query/Mutation result shape by hand.
    const hits = execFileSync("bash", ["-c", "grep -rlE '^\\s*(export\\s+)?(interface\\s+\\w+(Query|Mutation|Subscription)\\w*\\s*[{<]|type\\s+\\w+(Query|Mutation|Subscription)\\w*\\s*=)' client/src --include=*.ts --include=*.tsx | grep -v '^client/src/generated/' || true"], { cwd: root, encoding: "utf8" });
    expect(hits.trim()).toBe("");
  });
});
