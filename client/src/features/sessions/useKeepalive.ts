import { useMutation } from "@apollo/client/react";
import { useEffect } from "react";
import { KeepaliveDocument } from "../../generated/graphql";
import { KEEPALIVE_EVERY_MS, keepaliveDue } from "./keepalive";

/**
 * Tells the manager someone is watching: once when the view opens, then every minute while the
 * tab is visible (and at once when a long-hidden tab comes back). Sessions nobody keeps alive are
 * reaped, so a forgotten background tab does not hold a container forever.
 */
export function useKeepalive(id: string, enabled: boolean) {
  const [keepalive] = useMutation(KeepaliveDocument);

  useEffect(() => {
    if (!enabled) return;
    let lastSentAt: number | undefined;
    const visible = () => document.visibilityState === "visible";
    const send = () => {
      lastSentAt = Date.now();
      // A failed keepalive counts as not sent: the next chance tries again.
      keepalive({ variables: { id } }).catch(() => {
        lastSentAt = undefined;
      });
    };
    const sendIfDue = () => {
      if (keepaliveDue(lastSentAt, Date.now(), visible())) send();
    };
    sendIfDue();
    const timer = setInterval(() => visible() && send(), KEEPALIVE_EVERY_MS);
    document.addEventListener("visibilitychange", sendIfDue);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", sendIfDue);
    };
  }, [id, enabled, keepalive]);
}
