import { EmptyState } from "../../components/EmptyState";
import { Icon } from "../../components/Icon";
import { Link } from "../../router";

/** A guest's view closed: removed, the share stopped, or the session ended. */
export function AccessEnded({ message }: { message: string }) {
  return (
    <div className="page">
      <EmptyState
        icon="eye"
        title="Your view of this session has closed"
        testId="session-access-ended"
        actions={
          <Link to="/" className="button button--primary">
            <Icon name="grid" /> Go to workspaces
          </Link>
        }
      >
        {message}
      </EmptyState>
    </div>
  );
}
