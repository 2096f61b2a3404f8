import { describe, expect, it } from "vitest";
import { adminPath, parseAdminTab } from "./routes";

describe("parseAdminTab", () => {
  it("maps the path after /admin to a tab", () => {
    expect(parseAdminTab("")).toBe("dashboard");
    expect(parseAdminTab("/")).toBe("dashboard");
    expect(parseAdminTab("/servers")).toBe("servers");
    expect(parseAdminTab("/system/")).toBe("system");
    expect(parseAdminTab("/audit")).toBe("audit");
    expect(parseAdminTab("/pools")).toBe("pools");
  });
  it("knows no other pages", () => {
    expect(parseAdminTab("/dashboard")).toBeNull();
    expect(parseAdminTab("/servers/x")).toBeNull();
    expect(parseAdminTab("/nope")).toBeNull();
  });
});

describe("adminPath", () => {
  it("builds links, leaving out empty filters", () => {
    expect(adminPath("dashboard")).toBe("/admin");
    expect(adminPath("sessions", { serverId: "s1", userId: undefined })).toBe("/admin/sessions?serverId=s1");
  });
});
