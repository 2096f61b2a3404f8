import type { WorkspaceImage } from "./components/ImageTile";

/** Every word of the query must appear in the name, description or a category. */
export function matches(image: WorkspaceImage, query: string, category: string | null): boolean {
  if (category && !image.categories.some((c) => c.toLowerCase() === category.toLowerCase())) return false;
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [image.friendlyName, image.name, image.description, ...image.categories].join(" ").toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** Categories in use, most common first, for the filter row. */
export function categoriesOf(images: WorkspaceImage[]): string[] {
  const counts = new Map<string, number>();
  for (const img of images) for (const c of img.categories) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}
