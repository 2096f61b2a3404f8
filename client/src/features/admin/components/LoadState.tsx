import { EmptyState } from "../../../components/EmptyState";
import { Loading } from "../../../components/Spinner";
import { AdminIcon } from "./AdminIcon";

/**
 * What a tab shows before its data is there: a spinner saying what is loading, or the reason
 * it could not load and a way to try again. Returns null once there is data.
 */
export function LoadState({ loading, error, what, onRetry }: { loading: boolean; error?: string; what: string; onRetry: () => void }) {
  if (error) {
    return (
      <EmptyState
        icon="alert"
        title={`The ${what} could not be loaded`}
        testId="admin-load-error"
        actions={
          <button type="button" className="button button--secondary" onClick={onRetry}>
            <AdminIcon name="refresh" /> Try again
          </button>
        }
      >
        {error}
      </EmptyState>
    );
  }
  if (loading) return <Loading label={`Loading ${what}…`} />;
  return null;
}
