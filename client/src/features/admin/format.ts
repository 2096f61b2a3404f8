/** Formatting for the admin screens: short, exact, and stable as the clock ticks. */

/** "never", "4 s ago", "3 min ago", "2 h ago", "5 days ago". */
export function ago(iso: string | null | undefined, now: number): string {
  if (!iso) return "never";
  const s = Math.round((now - Date.parse(iso)) / 1000);
  if (s < 2) return "just now";
  if (s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.floor(h / 24);
  return d === 1 ? "1 day ago" : `${d} days ago`;
}

/** How long something has lasted: "45 s", "12 min", "2 h 5 min", "3 d 4 h". */
export function duration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** Memory from MB: "512 MB", "1.5 GB", "12 GB". */
export function mb(n: number): string {
  if (Math.abs(n) < 1024) return `${Math.round(n)} MB`;
  const gb = n / 1024;
  return `${gb >= 10 ? Math.round(gb) : +gb.toFixed(1)} GB`;
}

/** An axis label in GB: "0", "0.5 GB", "12 GB". */
export function gb(n: number): string {
  return n === 0 ? "0" : `${+n.toFixed(2)} GB`;
}

/** "0.5", "2", "1.25": cores without trailing zeros. */
export function num(n: number, digits = 2): string {
  return String(+n.toFixed(digits));
}

/** "1 core", "0.5 cores". */
export function coreCount(n: number): string {
  return `${num(n)} ${n === 1 ? "core" : "cores"}`;
}

export function percent(n: number): string {
  return `${Math.round(n)}%`;
}

/** A fraction for a bar, kept within 0..1 (an over-committed server shows a full bar). */
export function fraction(used: number, total: number): number {
  if (!(total > 0)) return used > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, used / total));
}

/** The tone a resource bar takes as it fills. */
export function loadTone(f: number): "ok" | "warn" | "bad" {
  if (f >= 0.9) return "bad";
  if (f >= 0.75) return "warn";
  return "ok";
}

/** "14:05" in the viewer's time zone. */
export function clock(t: number): string {
  const d = new Date(t);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

/** A date and time for tables: "29 Nov 2026, 14:05". */
export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
}

/** A date for tables: "29 Nov 2026". */
export function date(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
}

/** Seconds as the largest whole unit an administrator would type: 3600 → "60 min". */
export function timeLimit(seconds: number | null | undefined): string {
  if (!seconds) return "No limit";
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** "1 session", "3 sessions". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
