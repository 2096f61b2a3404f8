import { Icon } from "../../components/Icon";
import { guestBadgeText } from "./guest";
import "./sharing.css";

/** Tells a guest whose session this is and whether their keyboard and mouse reach it. */
export function GuestBadge({ ownerName, canControl }: { ownerName: string; canControl: boolean }) {
  return (
    <div className={`guest-badge${canControl ? " guest-badge--control" : ""}`} data-testid="guest-badge" data-control={canControl}>
      <Icon name={canControl ? "users" : "eye"} />
      <span>{guestBadgeText(ownerName, canControl)}</span>
    </div>
  );
}

/** Over the session itself, so a guest without control knows why clicks do nothing. */
export function ViewOnlyIndicator() {
  return (
    <div className="view-only" role="status" data-testid="view-only-indicator">
      <Icon name="eye" /> View only
    </div>
  );
}
