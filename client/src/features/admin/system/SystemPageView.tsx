import type { ReactNode } from "react";
import type { AdminSystemInfoQuery } from "../../../generated/graphql";
import { Link } from "../../../router";
import { CopyButton } from "../components/CopyButton";
import { LoadState } from "../components/LoadState";
import { PageHeader } from "../components/PageHeader";
import { dateTime, duration } from "../format";
import { adminPath, type AdminTab } from "../routes";

type Props = {
  info?: AdminSystemInfoQuery["systemInfo"];
  uptimeS: number;
  loading: boolean;
  error?: string;
  onRetry: () => void;
};

export function SystemPageView({ info, uptimeS, loading, error, onRetry }: Props) {
  return (
    <div className="adm-page" data-testid="admin-page-system">
      <PageHeader title="System info" lead="What identifies this installation, and what it is made of right now." />
      {!info && <LoadState loading={loading} error={error} what="system information" onRetry={onRetry} />}
      {info && (
        <>
          <section className="adm-card adm-install" aria-labelledby="installation-id-label">
            <span id="installation-id-label" className="adm-install__label">Installation ID</span>
            <div className="adm-install__row">
              <code className="adm-install__id" data-testid="installation-id">{info.installationId}</code>
              <CopyButton text={info.installationId} label="Copy ID" testId="installation-id-copy" size="md" />
            </div>
            <p className="adm-hint">Generated once when Berth was set up; it never changes. Quote it when you ask for support.</p>
          </section>

          <dl className="adm-facts adm-card" data-testid="system-facts">
            <Fact label="Version" value={<code>{info.version}</code>} testId="system-version" />
            <Fact label="Manager uptime" value={duration(uptimeS)} note="of the manager answering this page" testId="system-uptime" />
            <Fact label="Installed" value={dateTime(info.installedAt)} text />
          </dl>

          <section className="adm-section">
            <h2 className="adm-section__title">Counts</h2>
            <dl className="adm-facts adm-facts--counts adm-card">
              <Fact label="Users" value={info.users} tab="users" />
              <Fact label="Images" value={info.images} tab="images" />
              <Fact label="Servers online" value={`${info.serversOnline} of ${info.servers}`} tab="servers" />
              <Fact label="Sessions running" value={info.sessionsRunning} tab="sessions" />
              <Fact label="Sessions live" value={info.sessions} note="not yet ended" tab="sessions" />
              <Fact label="Managers alive" value={info.managersAlive} tab="managers" />
            </dl>
          </section>
        </>
      )}
    </div>
  );
}

function Fact({ label, value, note, tab, testId, text }: { label: string; value: ReactNode; note?: string; tab?: AdminTab; testId?: string; text?: boolean }) {
  return (
    <div className="adm-fact">
      <dt className="adm-fact__label">{tab ? <Link to={adminPath(tab)}>{label}</Link> : label}</dt>
      <dd className={`adm-fact__value ${text ? "adm-fact__value--text" : ""}`} data-testid={testId}>{value}</dd>
      {note && <dd className="adm-fact__note">{note}</dd>}
    </div>
  );
}
