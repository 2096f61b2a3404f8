import { describe, expect, it } from "vitest";
import type { AdminImageFieldsFragment } from "../../../generated/graphql";
import { addCategories, fieldOfProblem, imageForm, imageInputs, imageProblems, prettyJson } from "./imageForm";

const image: AdminImageFieldsFragment = {
  id: "i1",
  name: "firefox",
  friendlyName: "Firefox",
  description: "",
  ref: "registry.local/firefox:1",
  cores: 1,
  memoryMb: 2048,
  shmMb: 256,
  network: "bridge",
  env: [{ name: "LANG", value: "en_GB.UTF-8" }],
  volumes: [],
  runConfig: "{}",
  hasRegistryAuth: true,
  zoneId: "z1",
  serverId: "s1",
  sessionTimeLimitS: 3600,
  categories: ["Browsers"],
  thumbnailUrl: "",
  enabled: true,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
};

describe("imageForm", () => {
  it("starts a new image with the API's defaults", () => {
    const f = imageForm();
    expect(f).toMatchObject({ cores: "1", memoryMb: "1024", shmMb: "64", network: "bridge", runConfig: "{}", enabled: true });
    expect(Object.keys(imageProblems({ ...f, name: "x", friendlyName: "X", ref: "reg/x:1" }))).toEqual([]);
  });
  it("shows the time limit in minutes and never the stored credentials", () => {
    const f = imageForm(image);
    expect(f.timeLimitMinutes).toBe("60");
    expect(f.registryUsername).toBe("");
  });
});

describe("imageProblems", () => {
  it("names each field that would be refused", () => {
    const f = { ...imageForm(image), name: "Fire Fox", cores: "0", runConfig: "{nope", env: [{ name: "1X", value: "" }], registryUsername: "me" };
    expect(Object.keys(imageProblems(f)).sort()).toEqual(["cores", "env", "name", "registryAuth", "runConfig"]);
  });
  it("wants the run-config to be an object", () => {
    expect(imageProblems({ ...imageForm(image), runConfig: "[1]" }).runConfig).toMatch(/JSON object/);
  });
});

describe("imageInputs", () => {
  it("leaves out an unchanged run-config and stored credentials", () => {
    const [input] = imageInputs(imageForm(image), image);
    expect(input.runConfig).toBeUndefined();
    expect(input.registryAuth).toBeUndefined();
    expect(input.sessionTimeLimitS).toBe(3600);
    expect(input).toMatchObject({ zoneId: "z1", serverId: "s1" });
  });
  it("sends new credentials, or forgets the stored ones", () => {
    expect(imageInputs({ ...imageForm(image), registryUsername: "u", registryPassword: "p" }, image)[0].registryAuth).toEqual({ username: "u", password: "p" });
    expect(imageInputs({ ...imageForm(image), clearRegistryAuth: true, registryUsername: "u", registryPassword: "p" }, image)[0]).toMatchObject({ clearRegistryAuth: true });
  });
  it("turns an empty time limit into 0 (no limit) and compacts the run-config", () => {
    const [input] = imageInputs({ ...imageForm(image), timeLimitMinutes: "", runConfig: '{\n  "Cmd": ["x"]\n}' }, image);
    expect(input.sessionTimeLimitS).toBe(0);
    expect(input.runConfig).toBe('{"Cmd":["x"]}');
  });
  it("drops one restriction and keeps the other in two calls", () => {
    const inputs = imageInputs({ ...imageForm(image), serverId: "" }, image);
    expect(inputs).toHaveLength(2);
    expect(inputs[0].clearRestrictions).toBe(true);
    expect(inputs[1]).toEqual({ zoneId: "z1" });
  });
  it("drops both restrictions in one call", () => {
    const inputs = imageInputs({ ...imageForm(image), serverId: "", zoneId: "" }, image);
    expect(inputs).toHaveLength(1);
    expect(inputs[0].clearRestrictions).toBe(true);
  });
});

describe("small helpers", () => {
  it("adds comma-separated categories without repeats", () => {
    expect(addCategories(["Browsers"], "dev, browsers , Office")).toEqual(["Browsers", "dev", "Office"]);
  });
  it("indents a run-config for reading", () => {
    expect(prettyJson('{"Cmd":["x"]}')).toBe('{\n  "Cmd": [\n    "x"\n  ]\n}');
    expect(prettyJson("{}")).toBe("{}");
  });
  it("maps API fields onto form fields", () => {
    expect(fieldOfProblem("sessionTimeLimitS")).toBe("timeLimitMinutes");
    expect(fieldOfProblem("registryAuth")).toBe("registryAuth");
    expect(fieldOfProblem(undefined)).toBeUndefined();
  });
});
