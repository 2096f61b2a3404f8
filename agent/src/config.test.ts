import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("fills defaults and splits the manager list", () => {
    const c = loadConfig({ BERTH_AGENT_MANAGER_URLS: "http://127.0.0.1:4000/graphql, https://m2.example:8443/api/graphql" });
    expect(c.BERTH_AGENT_MANAGER_URLS).toEqual(["http://127.0.0.1:4000/graphql", "https://m2.example:8443/api/graphql"]);
    expect(c.BERTH_AGENT_PUBLISH_HOST).toBe("127.0.0.1");
    expect(c.dockerSocketPath).toBe("/var/run/docker.sock");
    expect(c.BERTH_AGENT_INSECURE_TLS).toBe(false);
    expect(c.BERTH_AGENT_CHECKIN_INTERVAL_S).toBeUndefined();
    expect(c.BERTH_AGENT_SESSION_PORTS).toBe("30000-30999");
  });

  it("takes a session port range, or any free port", () => {
    const url = "http://127.0.0.1:4000/graphql";
    expect(loadConfig({ BERTH_AGENT_MANAGER_URLS: url, BERTH_AGENT_SESSION_PORTS: "40000-40099" }).BERTH_AGENT_SESSION_PORTS).toBe("40000-40099");
    expect(loadConfig({ BERTH_AGENT_MANAGER_URLS: url, BERTH_AGENT_SESSION_PORTS: "any" }).BERTH_AGENT_SESSION_PORTS).toBe("");
    for (const bad of ["30000", "30999-30000", "80-90", "30000-70000", "a-b"])
      expect(() => loadConfig({ BERTH_AGENT_MANAGER_URLS: url, BERTH_AGENT_SESSION_PORTS: bad })).toThrow(/BERTH_AGENT_SESSION_PORTS: must be a range/);
  });

  it("lists every problem at once", () => {
    let message = "";
    try {
      loadConfig({ BERTH_AGENT_MANAGER_URLS: "ftp://x/graphql", DOCKER_HOST: "tcp://1.2.3.4:2375", BERTH_AGENT_PUBLISH_HOST: "my host", BERTH_AGENT_CHECKIN_INTERVAL_S: "0" });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    for (const v of ["BERTH_AGENT_MANAGER_URLS", "DOCKER_HOST", "BERTH_AGENT_PUBLISH_HOST", "BERTH_AGENT_CHECKIN_INTERVAL_S"]) expect(message).toContain(v);
  });

  it("treats an empty variable as unset", () => {
    const c = loadConfig({ BERTH_AGENT_MANAGER_URLS: "http://127.0.0.1:4000/graphql", BERTH_AGENT_ENROLLMENT_TOKEN: "", BERTH_AGENT_PUBLISH_HOST: "" });
    expect(c.BERTH_AGENT_ENROLLMENT_TOKEN).toBeUndefined();
    expect(c.BERTH_AGENT_PUBLISH_HOST).toBe("127.0.0.1");
  });

  it("requires at least one manager URL", () => {
    expect(() => loadConfig({})).toThrow(/BERTH_AGENT_MANAGER_URLS/);
  });
});
