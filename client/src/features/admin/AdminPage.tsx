import { EmptyState } from "../../components/EmptyState";
import { Link } from "../../router";
import { AdminLayoutView } from "./AdminLayoutView";
import { ToastProvider } from "./components/Toasts";
import { DashboardPage } from "./dashboard/DashboardPage";
import { ImagesPage } from "./images/ImagesPage";
import { ManagersPage } from "./managers/ManagersPage";
import { PoolsPage } from "./pools/PoolsPage";
import { ApiKeysPage } from "./apikeys/ApiKeysPage";
import { AuditPage } from "./audit/AuditPage";
import { adminPath, parseAdminTab } from "./routes";
import { ServersPage } from "./servers/ServersPage";
import { SessionsPage } from "./sessions/SessionsPage";
import { SettingsPage } from "./settings/SettingsPage";
import { SystemPage } from "./system/SystemPage";
import { UsersPage } from "./users/UsersPage";
import { ZonesPage } from "./zones/ZonesPage";
import "./admin.css";

type Props = { sub: string; meId: string };

/** The admin area: a sub-navigation and one tab, chosen by the path after /admin. */
export function AdminPage({ sub, meId }: Props) {
  const tab = parseAdminTab(sub);
  return (
    <ToastProvider>
      <AdminLayoutView tab={tab}>
        {tab === "dashboard" && <DashboardPage />}
        {tab === "servers" && <ServersPage />}
        {tab === "zones" && <ZonesPage />}
        {tab === "managers" && <ManagersPage />}
        {tab === "apikeys" && <ApiKeysPage />}
        {tab === "audit" && <AuditPage />}
        {tab === "images" && <ImagesPage />}
        {tab === "pools" && <PoolsPage />}
        {tab === "sessions" && <SessionsPage />}
        {tab === "users" && <UsersPage meId={meId} />}
        {tab === "system" && <SystemPage />}
        {tab === "settings" && <SettingsPage />}
        {tab === null && (
          <EmptyState
            icon="search"
            title="There is no admin page here"
            actions={
              <Link to={adminPath("dashboard")} className="button button--primary">
                Go to the dashboard
              </Link>
            }
          >
            The address may be mistyped. The tabs on the left lead to every admin page.
          </EmptyState>
        )}
      </AdminLayoutView>
    </ToastProvider>
  );
}
