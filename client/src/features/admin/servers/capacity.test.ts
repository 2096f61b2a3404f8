import { describe, expect, it } from "vitest";
import { capacityForm, capacityProblems, capacityUpdates } from "./capacity";

const server = { coresOverride: null, memoryMbOverride: null, zoneId: "z1", pruneImages: false };

describe("capacityUpdates", () => {
  it("sends nothing when nothing changed", () => {
    expect(capacityUpdates(server, capacityForm(server))).toEqual([]);
  });
  it("sets overrides, memory typed in GB", () => {
    expect(capacityUpdates(server, { ...capacityForm(server), cores: "2", memoryGb: "1.5" })).toEqual([{ coresOverride: 2, memoryMbOverride: 1536 }]);
  });
  it("clears both with one call", () => {
    const s = { ...server, coresOverride: 2, memoryMbOverride: 2048 };
    expect(capacityUpdates(s, { ...capacityForm(s), cores: "", memoryGb: "" })).toEqual([{ clearOverrides: true }]);
  });
  it("clears one and keeps the other in two calls (the API clears both at once)", () => {
    const s = { ...server, coresOverride: 2, memoryMbOverride: 2048 };
    expect(capacityUpdates(s, { ...capacityForm(s), cores: "" })).toEqual([{ clearOverrides: true }, { memoryMbOverride: 2048 }]);
  });
  it("moves the server and changes pruning", () => {
    expect(capacityUpdates(server, { ...capacityForm(server), zoneId: "z2", pruneImages: true })).toEqual([{ zoneId: "z2", pruneImages: true }]);
  });
});

describe("capacityProblems", () => {
  it("accepts empty fields and refuses nonsense", () => {
    expect(capacityProblems(capacityForm(server))).toEqual({});
    expect(Object.keys(capacityProblems({ ...capacityForm(server), cores: "0", memoryGb: "lots" }))).toEqual(["cores", "memoryGb"]);
  });
});
