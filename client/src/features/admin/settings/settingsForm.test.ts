import { describe, expect, it } from "vitest";
import { settingsChanges, settingsForm, settingsProblems } from "./settingsForm";

const current = { sessionsPerUser: 2, keepaliveExpiryS: 3600, keepaliveAction: "DESTROY" as const, defaultZone: "" };

describe("settingsForm", () => {
  it("shows the keepalive expiry in minutes", () => {
    expect(settingsForm(current).keepaliveMinutes).toBe("60");
  });
  it("sends only what changed, the expiry back in seconds", () => {
    expect(settingsChanges(current, settingsForm(current))).toEqual({});
    expect(settingsChanges(current, { ...settingsForm(current), keepaliveMinutes: "90", keepaliveAction: "PAUSE" })).toEqual({ keepaliveExpiryS: 5400, keepaliveAction: "PAUSE" });
    expect(settingsChanges({ ...current, defaultZone: "eu" }, { ...settingsForm(current), defaultZone: "" })).toEqual({ defaultZone: "" });
  });
  it("refuses what the API would", () => {
    expect(settingsProblems(settingsForm(current))).toEqual({});
    expect(Object.keys(settingsProblems({ ...settingsForm(current), sessionsPerUser: "1.5", keepaliveMinutes: "0" }))).toEqual(["sessionsPerUser", "keepaliveMinutes"]);
  });
});
