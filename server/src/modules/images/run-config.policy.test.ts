import { describe, expect, it } from "vitest";
import { checkRunConfig, checkHostPath } from "./run-config.policy.js";

const rules = { allowedBindRoots: ["/srv/berth"] };

describe("checkRunConfig", () => {
  it.each([
    [{ HostConfig: { Privileged: true } }, "HostConfig.Privileged"],
    [{ HostConfig: { CapAdd: ["SYS_ADMIN"] } }, "HostConfig.CapAdd"],
    [{ HostConfig: { Devices: [{ PathOnHost: "/dev/kvm" }] } }, "HostConfig.Devices"],
    [{ HostConfig: { NetworkMode: "host" } }, "HostConfig.NetworkMode"],
    [{ HostConfig: { PidMode: "host" } }, "HostConfig.PidMode"],
    [{ HostConfig: { IpcMode: "host" } }, "HostConfig.IpcMode"],
    [{ HostConfig: { SecurityOpt: ["seccomp=unconfined"] } }, "HostConfig.SecurityOpt"],
    [{ HostConfig: { Binds: ["/etc:/host-etc"] } }, "HostConfig.Binds"],
    [{ HostConfig: { Binds: ["/srv/berth/../etc:/x"] } }, "HostConfig.Binds"],
    [{ HostConfig: { Binds: ["/srv/berth/docker.sock:/var/run/docker.sock"] } }, "HostConfig.Binds"],
    [{ HostConfig: { Memory: 1 << 40 } }, "HostConfig.Memory"],
    [{ HostConfig: { PidsLimit: -1 } }, "HostConfig.PidsLimit"],
    [{ User: "root" }, "User"],
    [{ User: "0:0" }, "User"],
    [{ User: "00" }, "User"],
    [{ User: "+0" }, "User"],
    [{ User: "-0:1000" }, "User"],
    [{ Labels: { "berth.session": "x" } }, "Labels"],
    [{ Volumes: { "/x": {} } }, "Volumes"],
  ])("refuses %j naming %s", (config, key) => {
    const r = checkRunConfig(config, rules);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.key).toBe(key);
      expect(r.message).toContain(`'${key}'`);
    }
  });

  it("allows harmless options", () => {
    expect(
      checkRunConfig(
        { Hostname: "desk", WorkingDir: "/home/user", User: "1000", HostConfig: { Dns: ["127.0.0.1"], Binds: ["/srv/berth/shared:/shared:ro"], ReadonlyRootfs: false } },
        rules,
      ),
    ).toEqual({ ok: true });
  });

  it("refuses things that are not objects", () => {
    expect(checkRunConfig([], rules).ok).toBe(false);
    expect(checkRunConfig("x", rules).ok).toBe(false);
  });
});

describe("checkHostPath", () => {
  it("keeps paths inside the allowed roots", () => {
    expect(checkHostPath("/srv/berth/home/alice", rules)).toBeNull();
    expect(checkHostPath("/srv/berthx", rules)).toMatch(/outside/);
    expect(checkHostPath("relative/path", rules)).toMatch(/absolute/);
  });
});
