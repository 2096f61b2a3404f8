import { useState } from "react";
import type { AdminEnrollmentTokenFieldsFragment } from "../../../../generated/graphql";
import { AdminIcon } from "../../components/AdminIcon";
import { dateTime } from "../../format";

type Token = AdminEnrollmentTokenFieldsFragment;
type Props = { tokens: Token[]; zoneName: string; onNew: () => void; onRevoke: (t: Token) => void };

/** A zone's enrollment tokens, masked: only their first characters are ever shown again. */
export function TokenList({ tokens, zoneName, onNew, onRevoke }: Props) {
  const [showRevoked, setShowRevoked] = useState(false);
  const active = tokens.filter((t) => !t.revokedAt);
  const revoked = tokens.filter((t) => t.revokedAt);
  const shown = showRevoked ? tokens : active;

  return (
    <section className="adm-tokens" aria-label={`Enrollment tokens of ${zoneName}`}>
      <div className="adm-tokens__head">
        <h3 className="adm-tokens__title">
          <AdminIcon name="key" /> Enrollment tokens
        </h3>
        <div className="adm-tokens__tools">
          {revoked.length > 0 && (
            <button type="button" className="button button--ghost button--sm" onClick={() => setShowRevoked((v) => !v)} aria-pressed={showRevoked}>
              {showRevoked ? "Hide revoked" : `Show ${revoked.length} revoked`}
            </button>
          )}
          <button type="button" className="button button--secondary button--sm" onClick={onNew} data-testid="token-create">
            <AdminIcon name="plus" /> New token
          </button>
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="adm-tokens__empty">No active tokens. Create one to add a server to this zone.</p>
      ) : (
        <div className="adm-table-wrap">
          <table className="adm-table adm-table--compact adm-table--stack">
            <thead>
              <tr>
                <th scope="col">Token</th>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Status</th>
                <th scope="col"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {shown.map((t) => (
                <tr key={t.id} data-testid="token-row" data-prefix={t.prefix} className={t.revokedAt ? "adm-row--muted" : undefined}>
                  <td><code className="adm-mono">{t.prefix}••••••••</code></td>
                  <td data-label="Name">{t.name || <span className="muted">—</span>}</td>
                  <td data-label="Created" className="adm-nowrap">{dateTime(t.createdAt)}</td>
                  <td data-label="Status">
                    {t.revokedAt ? (
                      <span className="status status--neutral" title={dateTime(t.revokedAt)}>Revoked</span>
                    ) : (
                      <span className="status status--ok"><span className="status__dot" aria-hidden="true" />Active</span>
                    )}
                  </td>
                  <td className="adm-cell-actions">
                    {!t.revokedAt && (
                      <button type="button" className="button button--ghost button--sm" onClick={() => onRevoke(t)} data-testid="token-revoke">
                        <AdminIcon name="ban" /> Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
