import { useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { EmptyState } from "./components/EmptyState";
import { Icon } from "./components/Icon";
import { Loading } from "./components/Spinner";
import { errorMessage } from "./errors";
import { AdminRoute } from "./features/admin/AdminRoute";
import { SignInPage } from "./features/auth/SignInPage";
import { SessionPage } from "./features/sessions/SessionPage";
import { SessionsPage } from "./features/sessions/SessionsPage";
import { JoinSharePage } from "./features/sharing/JoinSharePage";
import { AppShell } from "./features/shell/AppShell";
import { WorkspacesPage } from "./features/workspaces/WorkspacesPage";
import { MeDocument } from "./generated/graphql";
import { Link, currentPath, navigate, useRoute } from "./router";

/** Who is signed in decides what can be shown; the address decides which page. */
export function App() {
  const route = useRoute();
  const me = useQuery(MeDocument);

  if (me.data === undefined) {
    if (me.error) return <Unreachable message={errorMessage(me.error)} onRetry={() => void me.refetch().catch(() => {})} />;
    return <div className="splash"><Loading label="Loading Berth…" /></div>;
  }

  const user = me.data.me;
  if (!user) {
    if (route.name === "signin") return <SignInPage />;
    return <Redirect to={`/signin?next=${encodeURIComponent(currentPath())}`} />;
  }
  if (route.name === "signin") return <Redirect to={route.next} />;

  return (
    <AppShell me={user} route={route}>
      {route.name === "workspaces" && <WorkspacesPage isAdmin={user.role === "ADMIN"} />}
      {route.name === "sessions" && <SessionsPage />}
      {route.name === "session" && <SessionPage key={route.id} id={route.id} />}
      {route.name === "share" && <JoinSharePage key={route.shareId} shareId={route.shareId} />}
      {route.name === "admin" && <AdminRoute sub={route.sub} me={user} />}
      {route.name === "notFound" && (
        <div className="page">
          <EmptyState
            icon="search"
            title="There is no page here"
            actions={
              <Link to="/" className="button button--primary">
                <Icon name="grid" /> Go to workspaces
              </Link>
            }
          >
            The address may be mistyped, or the page has moved.
          </EmptyState>
        </div>
      )}
    </AppShell>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function Unreachable({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="splash">
      <EmptyState
        icon="alert"
        title="Berth is not reachable"
        actions={
          <button type="button" className="button button--primary" onClick={onRetry}>
            <Icon name="refresh" /> Try again
          </button>
        }
      >
        {message}
      </EmptyState>
    </div>
  );
}
