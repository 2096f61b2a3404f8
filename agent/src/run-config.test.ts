import { describe, expect, it } from "vitest";
import { parseRunConfig } from "./run-config.js";

describe("parseRunConfig", () => {
  it("keeps allowed options and splits out the environment", () => {
    const rc = parseRunConfig(JSON.stringify({ Env: ["A=1", "B=x=y"], WorkingDir: "/w", HostConfig: { Init: true, ShmSize: 1024 } }));
    expect(rc).toEqual({ env: { A: "1", B: "x=y" }, create: { WorkingDir: "/w" }, host: { Init: true, ShmSize: 1024 }, dropped: [] });
  });

  it("drops anything that could lift a session's isolation, whatever the manager sent", () => {
    const rc = parseRunConfig(
      JSON.stringify({
        User: "root",
        Privileged: true,
        Labels: { "berth.session": "other", mine: "1" },
        HostConfig: { Privileged: true, CapAdd: ["SYS_ADMIN"], NetworkMode: "host", Binds: ["/run/berth/docker.sock:/var/run/docker.sock", "/srv/data:/data:ro"] },
      }),
    );
    expect(rc.dropped).toEqual(["User", "Privileged", "HostConfig.Privileged", "HostConfig.CapAdd", "HostConfig.NetworkMode"]);
    expect(rc.create).toEqual({ Labels: { mine: "1" } });
    expect(rc.host).toEqual({ Binds: ["/srv/data:/data:ro"] });
  });

  it("drops root by any of the names Docker accepts for uid 0", () => {
    for (const user of ["root", "0", "00", "+0", "-0", "0000:0000", " 0:1000"]) expect(parseRunConfig(JSON.stringify({ User: user })).dropped, user).toEqual(["User"]);
    expect(parseRunConfig(JSON.stringify({ User: "1000:1000" })).create).toEqual({ User: "1000:1000" });
  });

  it("treats an empty or broken value as no override", () => {
    expect(parseRunConfig("")).toMatchObject({ env: {}, create: {}, host: {} });
    expect(parseRunConfig("not json").dropped).toEqual(["(not JSON)"]);
    expect(parseRunConfig("[1]").dropped).toEqual(["(not an object)"]);
  });
});
