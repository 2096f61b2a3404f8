import { Banner } from "../../components/Banner";
import { EmptyState } from "../../components/EmptyState";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Spinner";
import type { SessionFieldsFragment } from "../../generated/graphql";
import { Link } from "../../router";
import { SessionList } from "./components/SessionList";
import type { Notice } from "./useSessionActions";

type Props = {
  sessions?: SessionFieldsFragment[];
  loading: boolean;
  error?: string;
  onRetry: () => void;
  includeEnded: boolean;
  onIncludeEndedChange: (v: boolean) => void;
  onEnd: (session: SessionFieldsFragment) => Promise<unknown>;
  onRelaunch: (session: SessionFieldsFragment) => void;
  notice?: Notice;
  onDismissNotice: () => void;
};

export function SessionsPageView(p: Props) {
  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">My sessions</h1>
          <p className="page__lead">Open a running session to pick up where you left off, or end it to free its resources.</p>
        </div>
        <label className="toggle">
          <input type="checkbox" checked={p.includeEnded} onChange={(e) => p.onIncludeEndedChange(e.target.checked)} data-testid="sessions-include-ended" />
          <span className="toggle__track" aria-hidden="true" />
          Show ended sessions
        </label>
      </header>

      {p.notice && (
        <div className="notice-dock">
          <Banner title={p.notice.title} onDismiss={p.onDismissNotice}>
            {p.notice.message}
          </Banner>
        </div>
      )}

      {p.sessions === undefined && p.loading && <Loading label="Loading your sessions…" />}
      {p.sessions === undefined && p.error && (
        <EmptyState
          icon="alert"
          title="Your sessions could not be loaded"
          actions={
            <button type="button" className="button button--secondary" onClick={p.onRetry}>
              <Icon name="refresh" /> Try again
            </button>
          }
        >
          {p.error}
        </EmptyState>
      )}
      {p.sessions && p.sessions.length === 0 && (
        <EmptyState
          icon="monitor"
          title={p.includeEnded ? "No sessions yet" : "No open sessions"}
          testId="sessions-empty"
          actions={
            <Link to="/" className="button button--primary">
              <Icon name="grid" /> Browse workspaces
            </Link>
          }
        >
          Launch a workspace and it appears here while it runs.
        </EmptyState>
      )}
      {p.sessions && p.sessions.length > 0 && <SessionList sessions={p.sessions} onEnd={p.onEnd} onRelaunch={p.onRelaunch} />}
    </div>
  );
}
