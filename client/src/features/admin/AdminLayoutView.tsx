import { useEffect, useRef, type ReactNode } from "react";
import { Link } from "../../router";
import { AdminIcon } from "./components/AdminIcon";
import { ADMIN_TABS, TAB_LABELS, adminPath, type AdminTab } from "./routes";

/** The admin sub-navigation beside the tab's content (above it in narrow windows). */
export function AdminLayoutView({ tab, children }: { tab: AdminTab | null; children: ReactNode }) {
  const nav = useRef<HTMLElement>(null);
  // In narrow windows the tabs scroll sideways: keep the current one in view.
  useEffect(() => {
    const el = nav.current;
    const current = el?.querySelector<HTMLElement>("[aria-current='page']");
    if (!el || !current || el.scrollWidth <= el.clientWidth) return;
    el.scrollLeft = current.offsetLeft - (el.clientWidth - current.offsetWidth) / 2;
  }, [tab]);
  return (
    <div className="adm">
      <nav ref={nav} className="adm-nav" aria-label="Administration">
        <span className="adm-nav__heading">Administration</span>
        <ul className="adm-nav__list">
          {ADMIN_TABS.map((t) => (
            <li key={t}>
              <Link to={adminPath(t)} className="adm-nav__link" aria-current={t === tab ? "page" : undefined} data-testid={`admin-nav-${t}`}>
                <AdminIcon name={t} />
                <span>{TAB_LABELS[t]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="adm-main">{children}</div>
    </div>
  );
}
