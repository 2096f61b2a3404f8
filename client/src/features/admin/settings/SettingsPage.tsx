import { useMutation, useQuery } from "@apollo/client/react";
import { errorMessage } from "../../../errors";
import { AdminSettingsDocument, AdminUpdateSettingsDocument, AdminZonesDocument } from "../../../generated/graphql";
import { useTitle } from "../../../useTitle";
import { useToast } from "../components/Toasts";
import { SettingsPageView } from "./SettingsPageView";

/** Global defaults: how many sessions a user may hold, and what happens to forgotten ones. */
export function SettingsPage() {
  useTitle("Admin · Settings");
  const settings = useQuery(AdminSettingsDocument, { fetchPolicy: "network-only" });
  const zones = useQuery(AdminZonesDocument, { fetchPolicy: "cache-and-network" });
  const [update] = useMutation(AdminUpdateSettingsDocument, {
    // Settings have no id: put the answer where the query reads it.
    update: (cache, { data }) => {
      if (data) cache.writeQuery({ query: AdminSettingsDocument, data: { settings: data.updateSettings } });
    },
  });
  const toast = useToast();

  return (
    <SettingsPageView
      settings={settings.data?.settings}
      zones={zones.data?.zones ?? []}
      loading={settings.loading}
      error={settings.error && !settings.data ? errorMessage(settings.error) : undefined}
      onRetry={() => void settings.refetch().catch(() => {})}
      onSave={async (input) => {
        await update({ variables: { input } });
        toast.success("Settings saved");
      }}
    />
  );
}
