import { useState, type CSSProperties } from "react";

/** Initials of the name: "Desktop Deluxe" → "DD", "Firefox" → "F". */
export function initials(name: string): string {
  const words = name.trim().split(/[\s\-_]+/).filter(Boolean);
  if (words.length === 0) return "?";
  return words.slice(0, 2).map((w) => w[0].toUpperCase()).join("");
}

/** A stable hue per name, so each workspace keeps its colour between visits. */
export function hueOf(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 360;
}

type Props = { name: string; seed: string; thumbnailUrl?: string; size?: "tile" | "sm" };

/** The image's thumbnail, or a generated monogram when it has none (or it fails to load). */
export function ImageArt({ name, seed, thumbnailUrl, size = "tile" }: Props) {
  const [broken, setBroken] = useState(false);
  if (thumbnailUrl && !broken) {
    return (
      <div className={`art art--${size}`}>
        <img src={thumbnailUrl} alt="" loading="lazy" onError={() => setBroken(true)} />
      </div>
    );
  }
  const hue = hueOf(seed);
  return (
    <div
      className={`art art--${size} art--monogram`}
      style={{ "--hue": hue, "--hue2": (hue + 40) % 360 } as CSSProperties}
      aria-hidden="true"
    >
      <span>{initials(name)}</span>
    </div>
  );
}
