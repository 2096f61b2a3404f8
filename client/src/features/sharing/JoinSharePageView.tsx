import { EmptyState } from "../../components/EmptyState";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Spinner";
import { Link } from "../../router";

export function JoinSharePageView({ error }: { error?: string }) {
  if (!error) {
    return <div className="page"><Loading label="Joining the shared session…" /></div>;
  }
  return (
    <div className="page">
      <EmptyState
        icon="alert"
        title="You cannot join this session"
        testId="share-join-error"
        actions={
          <Link to="/" className="button button--primary">
            <Icon name="grid" /> Go to workspaces
          </Link>
        }
      >
        {error} Ask its owner for a new link if you should have access.
      </EmptyState>
    </div>
  );
}
