import { useState, type FormEvent } from "react";
import { EmptyState } from "../../../components/EmptyState";
import type { AdminApiKeysQuery } from "../../../generated/graphql";
import { LoadState } from "../components/LoadState";
import { PageHeader } from "../components/PageHeader";
import { OneTimeSecret } from "../components/Secret";
import { ago, dateTime } from "../format";
import { SCOPES, keyState } from "./scopes";

export interface NewKey {
  name: string;
  scopes: string[];
  expiresInDays: number | null;
}

type Props = {
  keys?: AdminApiKeysQuery["apiKeys"];
  loading: boolean;
  error?: string;
  formError?: string;
  creating: boolean;
  secret: { name: string; value: string } | null;
  onDismissSecret: () => void;
  onCreate: (k: NewKey) => Promise<boolean>;
  onRevoke: (id: string) => Promise<void>;
  onRetry: () => void;
};

export function ApiKeysPageView(p: Props) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>(["sessions:read", "sessions:write", "users:write"]);
  const [days, setDays] = useState("90");
  const now = Date.now();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await p.onCreate({ name: name.trim(), scopes, expiresInDays: days ? Number(days) : null });
    if (ok) setName("");
  };
  const toggle = (s: string) => setScopes((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : [...cur, s]));

  return (
    <div className="adm-page" data-testid="admin-page-apikeys">
      <PageHeader
        title="API keys"
        lead="Keys for programs that script Berth (the SDK, the berth CLI, your own). A key can do only what its scopes allow; revoking it takes effect at once."
      />
      {p.secret && (
        <div className="adm-card" data-testid="apikey-created">
          <OneTimeSecret value={p.secret.value} label={`Secret of “${p.secret.name}” — send it as Authorization: Bearer …`} testId="apikey-secret" />
          <button type="button" className="button button--secondary" onClick={p.onDismissSecret}>
            Done
          </button>
        </div>
      )}
      <form className="adm-card adm-form" onSubmit={submit} data-testid="apikey-form">
        <h2 className="adm-card__title">New key</h2>
        <label className="adm-field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} placeholder="e.g. LMS integration" data-testid="apikey-name" />
        </label>
        <fieldset className="adm-field">
          <legend>Scopes</legend>
          {SCOPES.map((s) => (
            <label key={s.scope} className="adm-check">
              <input type="checkbox" checked={scopes.includes(s.scope)} onChange={() => toggle(s.scope)} data-testid={`apikey-scope-${s.scope}`} />
              <span>
                <code>{s.scope}</code> — {s.label}
              </span>
            </label>
          ))}
        </fieldset>
        <label className="adm-field">
          <span>Expires after (days, empty: never)</span>
          <input type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} data-testid="apikey-days" />
        </label>
        {p.formError && (
          <p className="adm-error" role="alert" data-testid="apikey-error">
            {p.formError}
          </p>
        )}
        <button type="submit" className="button" disabled={p.creating || !name.trim() || scopes.length === 0} data-testid="apikey-create">
          {p.creating ? "Creating…" : "Create key"}
        </button>
      </form>
      {!p.keys && <LoadState loading={p.loading} error={p.error} what="API keys" onRetry={p.onRetry} />}
      {p.keys && p.keys.length === 0 && (
        <EmptyState icon="server" title="No API keys yet">
          Create one above, then give its secret to the program that will use it.
        </EmptyState>
      )}
      {p.keys && p.keys.length > 0 && (
        <div className="adm-table-wrap adm-card adm-card--flush">
          <table className="adm-table adm-table--stack">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Scopes</th>
                <th scope="col">State</th>
                <th scope="col">Last used</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.keys.map((k) => {
                const state = keyState(k, now);
                return (
                  <tr key={k.id} data-testid="apikey-row" data-name={k.name} data-state={state} className={state === "active" ? undefined : "adm-row--muted"}>
                    <td>
                      <div className="adm-cell-main">{k.name}</div>
                      <div className="adm-cell-sub adm-mono">{k.prefix}…</div>
                    </td>
                    <td>{k.scopes.join(", ")}</td>
                    <td>{state === "active" ? (k.expiresAt ? `active until ${dateTime(k.expiresAt)}` : "active") : state}</td>
                    <td>{k.lastUsedAt ? ago(k.lastUsedAt, now) : "never"}</td>
                    <td>{dateTime(k.createdAt)}</td>
                    <td>
                      {state === "active" && (
                        <button type="button" className="button button--secondary" onClick={() => void p.onRevoke(k.id)} data-testid="apikey-revoke">
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
