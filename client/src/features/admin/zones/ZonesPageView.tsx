import { useState } from "react";
import { EmptyState } from "../../../components/EmptyState";
import type { AdminEnrollmentTokenFieldsFragment, AdminZoneFieldsFragment, CreateZoneInput, UpdateZoneInput } from "../../../generated/graphql";
import { AdminIcon } from "../components/AdminIcon";
import { ConfirmAction } from "../components/ConfirmAction";
import { LoadState } from "../components/LoadState";
import { PageHeader } from "../components/PageHeader";
import { DeleteZoneDialog } from "./components/DeleteZoneDialog";
import { TokenDialog } from "./components/TokenDialog";
import { ZoneCard } from "./components/ZoneCard";
import { ZoneFormDialog } from "./components/ZoneFormDialog";

export type ZoneUsage = { servers: number; users: number };
type Zone = AdminZoneFieldsFragment;
type Token = AdminEnrollmentTokenFieldsFragment;

type Props = {
  zones?: Zone[];
  tokens: Token[];
  usage: Record<string, ZoneUsage>;
  usageKnown: boolean;
  /** The default zone's name from settings; "" means the oldest zone. */
  defaultZone?: string;
  origin: string;
  loading: boolean;
  error?: string;
  onRetry: () => void;
  onCreate: (input: CreateZoneInput) => Promise<unknown>;
  /** inlineErrors: the caller shows a refusal itself (no toast). */
  onUpdate: (zone: Zone, input: UpdateZoneInput, done: string, inlineErrors?: boolean) => Promise<unknown>;
  onDelete: (zone: Zone) => Promise<unknown>;
  /** Resolves to the token itself (shown once). */
  onCreateToken: (zone: Zone, name: string) => Promise<string>;
  onRevokeToken: (token: Token) => Promise<unknown>;
};

export function ZonesPageView(p: Props) {
  const [form, setForm] = useState<{ zone?: Zone } | undefined>();
  const [deleting, setDeleting] = useState<Zone>();
  const [tokenFor, setTokenFor] = useState<Zone>();
  const [revoking, setRevoking] = useState<Token>();
  const zones = p.zones ?? [];
  const defaultName = p.defaultZone || zones[0]?.name;

  return (
    <div className="adm-page" data-testid="admin-page-zones">
      <PageHeader
        title="Zones"
        lead="A zone is a group of servers in one place. Each zone decides how it places sessions; servers join a zone with its enrollment token."
        actions={
          <button type="button" className="button button--primary" onClick={() => setForm({})} data-testid="zone-create">
            <AdminIcon name="plus" /> New zone
          </button>
        }
      />

      {!p.zones && <LoadState loading={p.loading} error={p.error} what="zones" onRetry={p.onRetry} />}
      {p.zones && zones.length === 0 && (
        <EmptyState
          icon="server"
          title="No zones yet"
          actions={
            <button type="button" className="button button--primary" onClick={() => setForm({})}>
              <AdminIcon name="plus" /> Create a zone
            </button>
          }
        >
          Servers belong to a zone. Create one, then make an enrollment token to add servers to it.
        </EmptyState>
      )}

      <ul className="adm-zone-list">
        {zones.map((z) => (
          <ZoneCard
            key={z.id}
            zone={z}
            isDefault={z.name === defaultName}
            usage={p.usageKnown ? p.usage[z.id] : undefined}
            tokens={p.tokens.filter((t) => t.zoneId === z.id)}
            onUpdate={(input, done) => p.onUpdate(z, input, done)}
            onRename={() => setForm({ zone: z })}
            onDelete={() => setDeleting(z)}
            onNewToken={() => setTokenFor(z)}
            onRevokeToken={setRevoking}
          />
        ))}
      </ul>

      <ZoneFormDialog
        open={form !== undefined}
        zone={form?.zone}
        onClose={() => setForm(undefined)}
        onSave={async (input) => {
          if (form?.zone) await p.onUpdate(form.zone, input, `Zone '${input.name}' saved`, true);
          else await p.onCreate(input as CreateZoneInput);
          setForm(undefined);
        }}
      />
      <DeleteZoneDialog zone={deleting} usage={deleting && p.usageKnown ? p.usage[deleting.id] : undefined} onClose={() => setDeleting(undefined)} onDelete={p.onDelete} />
      <ConfirmAction
        open={revoking !== undefined}
        title={`Revoke token ${revoking?.prefix ?? ""}…?`}
        confirmLabel="Revoke token"
        busyLabel="Revoking…"
        onConfirm={() => p.onRevokeToken(revoking!)}
        onClose={() => setRevoking(undefined)}
        testId="token-revoke-confirm"
      >
        <p>New agents can no longer enrol with it. Servers that already enrolled with it keep working.</p>
      </ConfirmAction>
      <TokenDialog zone={tokenFor} origin={p.origin} onClose={() => setTokenFor(undefined)} onCreate={p.onCreateToken} />
    </div>
  );
}
