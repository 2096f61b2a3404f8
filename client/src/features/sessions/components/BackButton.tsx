import { Icon } from "../../../components/Icon";
import { Link } from "../../../router";

export function BackButton() {
  return (
    <Link to="/" className="button button--secondary" data-testid="session-back">
      <Icon name="arrow-left" /> Back to workspaces
    </Link>
  );
}
