import { lazy, Suspense } from "react";
import { EmptyState } from "../../components/EmptyState";
import { Loading } from "../../components/Spinner";
import { Link } from "../../router";

// The admin screens load only when an administrator opens them: users never download them.
const AdminPage = lazy(() => import("./AdminPage").then((m) => ({ default: m.AdminPage })));

type Props = { sub: string; me: { id: string; role: string } };

/** /admin and below: administrators get the admin area; everyone else is told it is not for them. */
export function AdminRoute({ sub, me }: Props) {
  if (me.role !== "ADMIN") {
    return (
      <div className="page" data-testid="admin-forbidden">
        <EmptyState
          icon="alert"
          title="Only administrators can open this page"
          actions={
            <Link to="/" className="button button--primary">
              Go to workspaces
            </Link>
          }
        >
          Ask an administrator if you need something changed.
        </EmptyState>
      </div>
    );
  }
  return (
    <Suspense fallback={<Loading label="Loading administration…" />}>
      <AdminPage sub={sub} meId={me.id} />
    </Suspense>
  );
}
