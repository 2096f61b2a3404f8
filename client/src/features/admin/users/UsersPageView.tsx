import { useState } from "react";
import { EmptyState } from "../../../components/EmptyState";
import type { AdminUserFieldsFragment, AdminZoneFieldsFragment, CreateUserInput, UpdateUserInput } from "../../../generated/graphql";
import { Link } from "../../../router";
import { AdminIcon } from "../components/AdminIcon";
import { ConfirmAction } from "../components/ConfirmAction";
import { LoadState } from "../components/LoadState";
import { Modal } from "../components/Modal";
import { PageHeader } from "../components/PageHeader";
import { OneTimeSecret } from "../components/Secret";
import { date, dateTime, plural } from "../format";
import { adminPath } from "../routes";
import { EditUserDialog } from "./components/EditUserDialog";
import { NewUserDialog } from "./components/NewUserDialog";

type User = AdminUserFieldsFragment;
type Props = {
  users?: User[];
  zones: AdminZoneFieldsFragment[];
  meId: string;
  loading: boolean;
  error?: string;
  onRetry: () => void;
  /** Resolves to the password (given or generated), shown once. */
  onCreate: (input: CreateUserInput) => Promise<string>;
  onUpdate: (user: User, input: UpdateUserInput) => Promise<void>;
  onResetPassword: (user: User) => Promise<string>;
  onDelete: (user: User) => Promise<void>;
};

export function UsersPageView(p: Props) {
  const [query, setQuery] = useState("");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User>();
  const [resetting, setResetting] = useState<User>();
  const [deleting, setDeleting] = useState<User>();
  const [revealed, setRevealed] = useState<{ username: string; password: string; why: "created" | "reset" }>();

  const all = p.users ?? [];
  const q = query.trim().toLowerCase();
  const shown = q ? all.filter((u) => u.username.toLowerCase().includes(q) || (u.zoneName ?? "").toLowerCase().includes(q)) : all;
  const admins = all.filter((u) => u.role === "ADMIN").length;

  return (
    <div className="adm-page" data-testid="admin-page-users">
      <PageHeader
        title="Users"
        lead="Everyone who can sign in. Administrators also see these screens."
        actions={
          <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="user-create">
            <AdminIcon name="plus" /> New user
          </button>
        }
      />
      {!p.users && <LoadState loading={p.loading} error={p.error} what="users" onRetry={p.onRetry} />}
      {p.users && (
        <>
          <div className="adm-toolbar">
            <label className="search">
              <span className="sr-only">Search users</span>
              <input
                className="input search__input"
                type="search"
                placeholder="Search by username or zone"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                data-testid="users-search"
              />
              <svg className="icon search__icon" viewBox="0 0 24 24" aria-hidden="true">
                <path d="m20 20-4.2-4.2M17 11a6 6 0 1 1-12 0 6 6 0 0 1 12 0Z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
            </label>
            <span className="adm-toolbar__note">
              {plural(all.length, "user")} · {plural(admins, "administrator")}
            </span>
          </div>
          {shown.length === 0 ? (
            <EmptyState icon="search" title={`No user matches “${query}”`} actions={<button type="button" className="button button--secondary" onClick={() => setQuery("")}>Clear the search</button>}>
              Search looks at usernames and zone names.
            </EmptyState>
          ) : (
            <div className="adm-table-wrap adm-card adm-card--flush">
              <table className="adm-table adm-table--stack">
                <thead>
                  <tr>
                    <th scope="col">User</th>
                    <th scope="col">Role</th>
                    <th scope="col">Zone</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="adm-num">Sessions</th>
                    <th scope="col" className="adm-col-optional">Created</th>
                    <th scope="col"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((u) => (
                    <tr key={u.id} data-testid="user-row" data-username={u.username} className={u.disabled ? "adm-row--muted" : undefined}>
                      <td>
                        <div className="adm-user">
                          <span className="avatar" aria-hidden="true">{u.username.slice(0, 1).toUpperCase()}</span>
                          <span className="adm-cell-main">{u.username}</span>
                          {u.id === p.meId && <span className="chip">You</span>}
                        </div>
                      </td>
                      <td data-label="Role">{u.role === "ADMIN" ? <span className="chip chip--accent">Admin</span> : <span className="chip">User</span>}</td>
                      <td data-label="Zone">{u.zoneName ?? <span className="muted adm-nowrap" title="Uses the default zone from Settings">Default zone</span>}</td>
                      <td data-label="Status">
                        {u.disabled ? (
                          <span className="status status--neutral" data-testid="user-status">Disabled</span>
                        ) : (
                          <span className="status status--ok" data-testid="user-status"><span className="status__dot" aria-hidden="true" />Active</span>
                        )}
                      </td>
                      <td data-label="Sessions" className="adm-num">
                        {u.activeSessions > 0 ? <Link to={adminPath("sessions", { userId: u.id })}>{u.activeSessions}</Link> : <span className="muted">0</span>}
                      </td>
                      <td data-label="Created" className="adm-nowrap adm-col-optional" title={dateTime(u.createdAt)}>{date(u.createdAt)}</td>
                      <td className="adm-cell-actions">
                        <button type="button" className="button button--ghost button--sm" onClick={() => setEditing(u)} data-testid="user-edit" aria-label={`Edit ${u.username}`}>
                          <AdminIcon name="edit" /> <span className="adm-hide-narrow">Edit</span>
                        </button>
                        <button type="button" className="icon-button" onClick={() => setResetting(u)} data-testid="user-reset-password" aria-label={`Reset the password of ${u.username}`} title="Reset password">
                          <AdminIcon name="key" />
                        </button>
                        <button
                          type="button"
                          className="icon-button adm-danger-text"
                          onClick={() => setDeleting(u)}
                          disabled={u.id === p.meId}
                          data-testid="user-delete"
                          aria-label={u.id === p.meId ? "You cannot delete yourself" : `Delete ${u.username}`}
                          title={u.id === p.meId ? "You cannot delete yourself" : "Delete"}
                        >
                          <AdminIcon name="trash" />
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}

      <NewUserDialog
        open={creating}
        zones={p.zones}
        onClose={() => setCreating(false)}
        onCreate={async (input) => {
          const password = await p.onCreate(input);
          setCreating(false);
          setRevealed({ username: input.username, password, why: "created" });
        }}
      />
      <EditUserDialog user={editing} isMe={editing?.id === p.meId} zones={p.zones} onClose={() => setEditing(undefined)} onSave={async (input) => {
        await p.onUpdate(editing!, input);
        setEditing(undefined);
      }} />
      <ConfirmAction
        open={resetting !== undefined}
        title={`Reset the password of ${resetting?.username ?? ""}?`}
        confirmLabel="Reset password"
        busyLabel="Resetting…"
        tone="primary"
        onConfirm={async () => {
          const user = resetting!;
          const password = await p.onResetPassword(user);
          setRevealed({ username: user.username, password, why: "reset" });
        }}
        onClose={() => setResetting(undefined)}
        testId="user-reset-confirm"
      >
        <p>A new password is generated and shown once. {resetting?.id === p.meId ? "You are" : "They are"} signed out everywhere at once.</p>
      </ConfirmAction>
      <ConfirmAction
        open={deleting !== undefined}
        title={`Delete ${deleting?.username ?? ""}?`}
        confirmLabel="Delete user"
        busyLabel="Deleting…"
        onConfirm={() => p.onDelete(deleting!)}
        onClose={() => setDeleting(undefined)}
        testId="user-delete-confirm"
      >
        <p>Their account and session history go. This cannot be undone.</p>
        {deleting && deleting.activeSessions > 0 && (
          <p className="adm-warn-text">
            They have {plural(deleting.activeSessions, "live session")}: end {deleting.activeSessions === 1 ? "it" : "them"} under{" "}
            <Link to={adminPath("sessions", { userId: deleting.id })}>Sessions</Link> first.
          </p>
        )}
      </ConfirmAction>
      <Modal
        open={revealed !== undefined}
        title={revealed?.why === "created" ? `${revealed.username} can sign in now` : `New password for ${revealed?.username ?? ""}`}
        onClose={() => setRevealed(undefined)}
        testId="user-password-dialog"
        footer={
          <button type="button" className="button button--primary" onClick={() => setRevealed(undefined)} data-testid="user-password-done">
            Done
          </button>
        }
      >
        {revealed && <OneTimeSecret value={revealed.password} label="Password" testId="user-password" />}
      </Modal>
    </div>
  );
}
