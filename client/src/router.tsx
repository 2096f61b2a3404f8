import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from "react";

/** The app's pages, decided from the address bar alone. */
export type Route =
  | { name: "workspaces" }
  | { name: "sessions" }
  | { name: "session"; id: string }
  | { name: "share"; shareId: string }
  | { name: "signin"; next: string }
  | { name: "admin"; sub: string }
  | { name: "notFound" };

const CHANGE = "berth:navigate";

export function parseRoute(pathname: string, search: string): Route {
  const path = pathname.replace(/\/+$/, "") || "/";
  if (path === "/") return { name: "workspaces" };
  if (path === "/sessions") return { name: "sessions" };
  if (path === "/admin" || path.startsWith("/admin/")) return { name: "admin", sub: path.slice("/admin".length) };
  if (path === "/signin") return { name: "signin", next: safeNext(new URLSearchParams(search).get("next")) };
  const m = /^\/sessions\/([^/]+)$/.exec(path);
  if (m) return { name: "session", id: decodeURIComponent(m[1]) };
  const share = /^\/share\/([^/]+)$/.exec(path);
  if (share) return { name: "share", shareId: decodeURIComponent(share[1]) };
  return { name: "notFound" };
}

/** Only same-site paths: "//evil.example" or "https://..." must not become a redirect target. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/signin")) return "/";
  return next;
}

export function currentPath() {
  return location.pathname + location.search;
}

export function navigate(to: string, opts: { replace?: boolean } = {}) {
  if (to === currentPath()) return;
  if (opts.replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  window.dispatchEvent(new Event(CHANGE));
  if (!opts.replace) window.scrollTo(0, 0);
}

function subscribe(onChange: () => void) {
  window.addEventListener("popstate", onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

/** The current path + query; re-renders on pushState (via navigate) and on back/forward. */
export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function useRoute(): Route {
  const path = useLocationPath();
  const url = new URL(path, location.origin);
  return parseRoute(url.pathname, url.search);
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link (middle-click and ctrl-click still open a tab) that navigates in place. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
