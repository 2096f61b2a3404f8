import { describe, expect, it } from "vitest";
import type { WorkspaceImage } from "./components/ImageTile";
import { categoriesOf, matches } from "./filter";

const image = (o: Partial<WorkspaceImage>): WorkspaceImage => ({
  id: "1",
  name: "desktop",
  friendlyName: "Desktop",
  description: "A light desktop",
  categories: [],
  thumbnailUrl: "",
  enabled: true,
  cores: 1,
  memoryMb: 2048,
  ...o,
});

describe("matches", () => {
  it("finds words in the name, description or categories, in any case", () => {
    const img = image({ friendlyName: "Desktop Deluxe", description: "Office software", categories: ["Productivity"] });
    expect(matches(img, "deluxe", null)).toBe(true);
    expect(matches(img, "OFFICE", null)).toBe(true);
    expect(matches(img, "product desk", null)).toBe(true);
    expect(matches(img, "firefox", null)).toBe(false);
  });
  it("keeps only the chosen category", () => {
    const img = image({ categories: ["Browser"] });
    expect(matches(img, "", "browser")).toBe(true);
    expect(matches(img, "", "Desktop")).toBe(false);
  });
});

describe("categoriesOf", () => {
  it("lists categories most used first, then by name", () => {
    const imgs = [image({ categories: ["B", "A"] }), image({ categories: ["B"] }), image({ categories: ["C"] })];
    expect(categoriesOf(imgs)).toEqual(["B", "A", "C"]);
  });
});
