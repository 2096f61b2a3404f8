import { useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { throttle } from "./throttle";

/** The current time, ticking every `everyMs` (relative times like "4 s ago" stay true). */
export function useTick(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

/** A stable throttled wrapper around the latest `fn`; pending calls are dropped on unmount. */
export function useThrottled(fn: () => void, ms: number): () => void {
  const latest = useRef(fn);
  latest.current = fn;
  const throttled = useMemo(() => throttle(() => latest.current(), ms), [ms]);
  useEffect(() => () => throttled.cancel(), [throttled]);
  return throttled;
}

/** The width of an element, following resizes (charts draw at their real pixel size). */
export function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}
