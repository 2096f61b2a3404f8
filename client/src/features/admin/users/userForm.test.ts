import { describe, expect, it } from "vitest";
import { createUserInput, editUserForm, newUserProblems, updateUserInput } from "./userForm";

const user = { id: "u1", username: "alice", role: "USER" as const, disabled: false, zoneId: "z1", zoneName: "eu", activeSessions: 0, createdAt: "" };

describe("new users", () => {
  it("leaves the password out when empty, so the API generates one", () => {
    expect(createUserInput({ username: " bob ", password: "", role: "USER", zoneId: "" })).toEqual({ username: "bob", role: "USER" });
    expect(createUserInput({ username: "bob", password: "longenough", role: "ADMIN", zoneId: "z1" })).toEqual({ username: "bob", role: "ADMIN", password: "longenough", zoneId: "z1" });
  });
  it("refuses a bad username or a short password", () => {
    expect(Object.keys(newUserProblems({ username: ".x", password: "short", role: "USER", zoneId: "" }))).toEqual(["username", "password"]);
    expect(newUserProblems({ username: "a.b@c", password: "", role: "USER", zoneId: "" })).toEqual({});
  });
});

describe("updateUserInput", () => {
  it("sends only changes; an emptied zone means clearZone", () => {
    expect(updateUserInput(user, editUserForm(user))).toEqual({});
    expect(updateUserInput(user, { ...editUserForm(user), role: "ADMIN", disabled: true })).toEqual({ role: "ADMIN", disabled: true });
    expect(updateUserInput(user, { ...editUserForm(user), zoneId: "" })).toEqual({ clearZone: true });
    expect(updateUserInput(user, { ...editUserForm(user), zoneId: "z2" })).toEqual({ zoneId: "z2" });
  });
});
