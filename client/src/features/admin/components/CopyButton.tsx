import { useEffect, useState } from "react";
import { AdminIcon } from "./AdminIcon";

/** Copies `text`; says "Copied" for a moment. Falls back to a hidden textarea off secure origins. */
export function CopyButton({ text, label = "Copy", testId, size = "sm", focusFirst }: { text: string; label?: string; testId?: string; size?: "sm" | "md"; focusFirst?: boolean }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(t);
  }, [state]);

  const copy = async () => {
    try {
      await copyText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };

  return (
    <button type="button" className={`button button--secondary ${size === "sm" ? "button--sm" : ""} adm-copy`} onClick={() => void copy()} data-testid={testId} data-autofocus={focusFirst || undefined}>
      <AdminIcon name={state === "copied" ? "check" : "copy"} />
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Select and copy" : label}</span>
    </button>
  );
}

async function copyText(text: string) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = document.createElement("textarea");
  area.value = text;
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy refused");
}
