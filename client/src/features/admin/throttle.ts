/**
 * Runs `fn` at most once per `ms`: the first call at once, later ones folded into one call at
 * the end of the window (so the last event is never lost). `cancel` drops a pending call.
 */
export function throttle(fn: () => void, ms: number, timers: { set: typeof setTimeout; clear: typeof clearTimeout; now: () => number } = defaultTimers) {
  let last = -Infinity;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    pending = undefined;
    last = timers.now();
    fn();
  };
  const call = () => {
    if (pending) return;
    const wait = last + ms - timers.now();
    if (wait <= 0) run();
    else pending = timers.set(run, wait);
  };
  call.cancel = () => {
    if (pending) timers.clear(pending);
    pending = undefined;
  };
  return call;
}

const defaultTimers = {
  set: (fn: () => void, ms?: number) => setTimeout(fn, ms),
  clear: (t: ReturnType<typeof setTimeout> | undefined) => clearTimeout(t),
  now: () => Date.now(),
} as { set: typeof setTimeout; clear: typeof clearTimeout; now: () => number };
