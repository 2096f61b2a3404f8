/** How one audit event reads in the table: who, when, the outcome's tone, and the detail. */

const KINDS: Record<string, string> = { user: "user", apikey: "API key" };

/**
 * "alice" and what kind of actor that is. Someone not signed in is named by the username they
 * tried (signIn's argument), or "anonymous" when they gave none.
 */
export function actorLabel(e: { actorKind: string; actorName: string }): { name: string; kind: string } {
  if (e.actorKind === "anonymous") return e.actorName ? { name: e.actorName, kind: "signing in" } : { name: "anonymous", kind: "not signed in" };
  return { name: e.actorName || "anonymous", kind: KINDS[e.actorKind] ?? e.actorKind };
}

export const outcomeTone = (outcome: string): "ok" | "bad" => (outcome === "OK" ? "ok" : "bad");

/** A local date and time to the second: "Nov 29, 14:05:09", with the year when it is not this one's. */
export function preciseTime(iso: string, now: number): string {
  const d = new Date(iso);
  const thisYear = d.getFullYear() === new Date(now).getFullYear();
  return d.toLocaleString(undefined, {
    day: "numeric",
    month: "short",
    ...(thisYear ? {} : { year: "numeric" }),
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}

/**
 * The variables as one short line ("input.name: Lab · input.cores: 2"), and whole, indented,
 * when the line had to be shortened or flattened (so nothing is hidden from the administrator).
 */
export function detailSummary(detail: string, max = 120): { line: string; full?: string } {
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return clip(detail, max);
  }
  if (value === null || typeof value !== "object") return clip(String(value), max);
  const parts = flatten(value as Record<string, unknown>, "");
  if (parts.length === 0) return { line: "" };
  const line = parts.map(([k, v]) => `${k}: ${v}`).join(" · ");
  const nested = parts.some(([k]) => k.includes("."));
  const clipped = line.length > max;
  if (!clipped && !nested) return { line };
  return { line: clipped ? `${line.slice(0, max - 1)}…` : line, full: JSON.stringify(value, null, 2) };
}

function flatten(o: Record<string, unknown>, prefix: string): [string, string][] {
  return Object.entries(o).flatMap(([k, v]): [string, string][] => {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object" && !Array.isArray(v)) return flatten(v as Record<string, unknown>, key);
    if (Array.isArray(v)) return [[key, v.map((x) => (typeof x === "object" ? JSON.stringify(x) : String(x))).join(", ")]];
    return [[key, v === null ? "null" : String(v)]];
  });
}

function clip(s: string, max: number): { line: string; full?: string } {
  return s.length > max ? { line: `${s.slice(0, max - 1)}…`, full: s } : { line: s };
}
