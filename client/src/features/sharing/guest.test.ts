import { describe, expect, it } from "vitest";
import { accessEndedMessage, guestBadgeText, shareLink } from "./guest";

describe("guestBadgeText", () => {
  it("names the owner and says what the guest may do", () => {
    expect(guestBadgeText("alice", false)).toBe("Shared by alice · view only");
    expect(guestBadgeText("alice", true)).toBe("Shared by alice · you can control it");
  });
});

describe("accessEndedMessage", () => {
  it("says sharing stopped unless the guest saw the session ending", () => {
    expect(accessEndedMessage("RUNNING")).toBe("The owner stopped sharing this session with you.");
    expect(accessEndedMessage(undefined)).toBe("The owner stopped sharing this session with you.");
    expect(accessEndedMessage("STOPPING")).toBe("The owner ended this session.");
  });
});

describe("shareLink", () => {
  it("puts the API's path on this site's origin", () => {
    expect(shareLink("https://berth.example", "/share/abc")).toBe("https://berth.example/share/abc");
    expect(shareLink("https://localhost:8443", "/share/abc")).toBe("https://localhost:8443/share/abc");
  });
});
