import { describe, expect, it } from "vitest";
import { CHAT_MAX_LENGTH, draftState, enterAction, normalizeBody } from "./chatInput";
import { addMessage, unreadCount } from "./messages";

describe("draftState", () => {
  it("counts what the API counts: trimmed, with CRLF as one character", () => {
    expect(normalizeBody("  hi\r\nthere \n")).toBe("hi\nthere");
    expect(draftState("  hi\r\nthere \n").length).toBe(8);
  });
  it("cannot send an empty or blank message", () => {
    expect(draftState("").canSend).toBe(false);
    expect(draftState(" \n\t ").empty).toBe(true);
  });
  it("allows exactly the limit and refuses one more", () => {
    const atLimit = draftState("x".repeat(CHAT_MAX_LENGTH));
    expect(atLimit).toMatchObject({ remaining: 0, tooLong: false, canSend: true });
    const over = draftState("x".repeat(CHAT_MAX_LENGTH + 1));
    expect(over).toMatchObject({ remaining: -1, tooLong: true, canSend: false });
  });
});

describe("enterAction", () => {
  it("sends on Enter", () => {
    expect(enterAction({ key: "Enter", shiftKey: false, isComposing: false })).toBe("send");
  });
  it("types a new line on Shift+Enter and while an input method composes", () => {
    expect(enterAction({ key: "Enter", shiftKey: true, isComposing: false })).toBe("type");
    expect(enterAction({ key: "Enter", shiftKey: false, isComposing: true })).toBe("type");
    expect(enterAction({ key: "a", shiftKey: false, isComposing: false })).toBe("type");
  });
});

describe("addMessage", () => {
  const m = (id: string, createdAt: string, authorId = "u1") => ({ id, createdAt, authorId });
  const history = [m("1", "2025-01-01T12:00:00Z"), m("3", "2025-01-01T12:02:00Z")];

  it("keeps a message that arrives twice once", () => {
    expect(addMessage(history, m("3", "2025-01-01T12:02:00Z"))).toBe(history);
  });
  it("appends a new message and keeps the oldest first when one arrives late", () => {
    expect(addMessage(history, m("4", "2025-01-01T12:03:00Z")).map((x) => x.id)).toEqual(["1", "3", "4"]);
    expect(addMessage(history, m("2", "2025-01-01T12:01:00Z")).map((x) => x.id)).toEqual(["1", "2", "3"]);
  });
});

describe("unreadCount", () => {
  const history = [
    { id: "1", createdAt: "", authorId: "me" },
    { id: "2", createdAt: "", authorId: "bob" },
    { id: "3", createdAt: "", authorId: "me" },
    { id: "4", createdAt: "", authorId: "bob" },
  ];
  it("counts others' messages after the last one seen", () => {
    expect(unreadCount(history, "2", "me")).toBe(1);
    expect(unreadCount(history, "4", "me")).toBe(0);
  });
  it("counts all of others' messages when none was seen", () => {
    expect(unreadCount(history, undefined, "me")).toBe(2);
  });
});
