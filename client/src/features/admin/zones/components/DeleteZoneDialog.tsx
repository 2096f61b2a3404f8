import type { AdminZoneFieldsFragment } from "../../../../generated/graphql";
import { ConfirmAction } from "../../components/ConfirmAction";
import { plural } from "../../format";
import type { ZoneUsage } from "../ZonesPageView";

type Props = { zone?: AdminZoneFieldsFragment; usage?: ZoneUsage; onClose: () => void; onDelete: (zone: AdminZoneFieldsFragment) => Promise<unknown> };

/** Deleting a zone; the API refuses while servers or users belong to it, and its words are shown. */
export function DeleteZoneDialog({ zone, usage, onClose, onDelete }: Props) {
  const inUse = usage && (usage.servers > 0 || usage.users > 0);
  return (
    <ConfirmAction
      open={zone !== undefined}
      title={`Delete zone ${zone?.name ?? ""}?`}
      confirmLabel="Delete zone"
      busyLabel="Deleting…"
      onConfirm={() => onDelete(zone!)}
      onClose={onClose}
      testId="zone-delete-confirm"
    >
      <p>Its enrollment tokens go with it. This cannot be undone.</p>
      {inUse && (
        <p className="adm-warn-text">
          It still has {plural(usage!.servers, "server")} and {plural(usage!.users, "user")}: Berth refuses to delete a zone in use. Move them to another zone first.
        </p>
      )}
    </ConfirmAction>
  );
}
