import type { ReactNode } from "react";
import { Banner } from "../../components/Banner";
import { Icon, Logo } from "../../components/Icon";
import type { InstallationQuery } from "../../generated/graphql";
import { Link, type Route } from "../../router";

type Props = {
  username: string;
  isAdmin: boolean;
  route: Route;
  activeSessions: number;
  installation?: InstallationQuery["installation"];
  signingOut: boolean;
  signOutError?: string;
  onDismissSignOutError: () => void;
  onSignOut: () => void;
  children: ReactNode;
};

export function AppShellView(p: Props) {
  const current = (name: Route["name"]) => (p.route.name === name ? "page" : undefined);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to="/" className="brand" aria-label="Berth: workspaces">
            <Logo />
            <span className="brand__name">Berth</span>
          </Link>
          <nav className="nav" aria-label="Main">
            <Link to="/" className="nav__link" aria-current={current("workspaces")}>
              Workspaces
            </Link>
            <Link to="/sessions" className="nav__link" aria-current={current("sessions") ?? current("session")} data-testid="nav-sessions">
              My sessions
              {p.activeSessions > 0 && (
                <span className="nav__count" aria-label={`${p.activeSessions} active`}>{p.activeSessions}</span>
              )}
            </Link>
            {p.isAdmin && (
              <Link to="/admin" className="nav__link" aria-current={current("admin")} data-testid="nav-admin">
                Admin
              </Link>
            )}
          </nav>
          <div className="topbar__user">
            <span className="avatar" aria-hidden="true">{p.username.slice(0, 1).toUpperCase()}</span>
            <span className="topbar__username" data-testid="current-user" title={p.username}>
              {p.username}
            </span>
            {p.isAdmin && <span className="chip chip--accent">Admin</span>}
            <button type="button" className="button button--ghost button--sm" onClick={p.onSignOut} disabled={p.signingOut} data-testid="sign-out">
              <Icon name="logout" />
              <span className="hide-narrow">{p.signingOut ? "Signing out…" : "Sign out"}</span>
            </button>
          </div>
        </div>
      </header>
      {p.signOutError && (
        <div className="page page--flush">
          <Banner title="Could not sign out" onDismiss={p.onDismissSignOutError}>{p.signOutError}</Banner>
        </div>
      )}
      <main id="main" className="main" tabIndex={-1}>
        {p.children}
      </main>
      {p.installation && (
        <footer className="footer">
          Berth {p.installation.version} · Installation ID <code>{p.installation.id}</code>
        </footer>
      )}
    </div>
  );
}
