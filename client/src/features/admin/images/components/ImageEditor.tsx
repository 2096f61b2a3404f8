import { useEffect, useRef, useState, type ReactNode } from "react";
import type { AdminImageFieldsFragment, AdminServerFieldsFragment, AdminZoneFieldsFragment, ImageInput } from "../../../../generated/graphql";
import { Modal } from "../../components/Modal";
import { apiProblem } from "../../errors";
import { timeLimit } from "../../format";
import type { ImageDownload } from "../downloads";
import { fieldOfProblem, imageForm, imageInputs, imageProblems, type ImageField, type ImageForm } from "../imageForm";
import { CategoryInput } from "./CategoryInput";
import { DownloadList } from "./DownloadCell";
import { EnvEditor, VolumeEditor } from "./ListEditors";

type Props = {
  open: boolean;
  image?: AdminImageFieldsFragment;
  zones: AdminZoneFieldsFragment[];
  servers: AdminServerFieldsFragment[];
  downloads?: ImageDownload[];
  onClose: () => void;
  onSave: (inputs: ImageInput[]) => Promise<void>;
};

/** Every setting of an image, in a side panel: create one, or change one. */
export function ImageEditor({ open, image, zones, servers, downloads, onClose, onSave }: Props) {
  const [form, setForm] = useState<ImageForm>(imageForm());
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ field?: ImageField; message: string; key?: string }>();
  const body = useRef<HTMLDivElement>(null);
  const imageId = image?.id;

  useEffect(() => {
    if (!open) return;
    setForm(imageForm(image));
    setTried(false);
    setRefusal(undefined);
    // A different image (or a new one) resets the form; live updates of the same one do not.
  }, [open, imageId]);

  const problems = imageProblems(form);
  const shown: Partial<Record<ImageField, string>> = tried ? { ...problems } : {};
  if (refusal?.field) shown[refusal.field] = refusal.message;
  const set = (patch: Partial<ImageForm>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async () => {
    setTried(true);
    setRefusal(undefined);
    if (Object.keys(problems).length) {
      requestAnimationFrame(() => body.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
      return;
    }
    setBusy(true);
    try {
      await onSave(imageInputs(form, image));
    } catch (e) {
      const p = apiProblem(e);
      const field = fieldOfProblem(p.field);
      setRefusal({ field, message: p.message, key: p.key });
      requestAnimationFrame(() => body.current?.querySelector<HTMLElement>(`[data-field='${field}']`)?.scrollIntoView({ block: "nearest" }));
    } finally {
      setBusy(false);
    }
  };

  const err = (f: ImageField) => shown[f];
  const invalidCount = tried ? Object.keys(problems).length : 0;

  return (
    <Modal
      open={open}
      variant="drawer"
      title={image ? `Edit ${image.friendlyName}` : "Add image"}
      description={image ? <span className="adm-mono">{image.name}</span> : "Servers start downloading it as soon as it is saved."}
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={busy}
      testId="image-form"
      footer={
        <>
          {(refusal || invalidCount > 0) && (
            <p className="adm-form-error adm-modal__footer-msg" role="alert" data-testid="image-form-error">
              {refusal
                ? refusal.field && FIELD_LABELS[refusal.field]
                  ? `Not saved: ${FIELD_LABELS[refusal.field]} needs a change (see above).`
                  : refusal.message
                : `Not saved: ${invalidCount === 1 ? "one field needs" : `${invalidCount} fields need`} a change.`}
            </p>
          )}
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="image-form-save">
            {busy ? "Saving…" : image ? "Save changes" : "Add image"}
          </button>
        </>
      }
    >
      <div className="adm-form adm-editor" ref={body}>
        <Section title="What users see">
          <div className="adm-form__row">
            <TextField label="Display name" field="friendlyName" value={form.friendlyName} onChange={(v) => set({ friendlyName: v })} error={err("friendlyName")} placeholder="Firefox" testId="image-friendly-name" />
            <TextField
              label="Short name"
              field="name"
              value={form.name}
              onChange={(v) => set({ name: v.toLowerCase() })}
              error={err("name")}
              placeholder="firefox"
              mono
              hint="Unique; lowercase letters, digits, . _ -"
              testId="image-name"
            />
          </div>
          <label className="field" data-field="description">
            <span className="field__label">Description</span>
            <textarea className="input adm-textarea" rows={2} value={form.description} onChange={(e) => set({ description: e.target.value })} maxLength={4000} data-testid="image-description" />
          </label>
          <div className="adm-form__row adm-form__row--thumb">
            <TextField label="Thumbnail URL" field="thumbnailUrl" value={form.thumbnailUrl} onChange={(v) => set({ thumbnailUrl: v })} placeholder="https://…/firefox.png" hint="Empty: a coloured monogram." testId="image-thumbnail" />
            {form.thumbnailUrl.trim() && <img className="adm-thumb" src={form.thumbnailUrl.trim()} alt="" />}
          </div>
          <div className="field" data-field="categories">
            <span className="field__label" id="image-categories-label">Categories</span>
            <CategoryInput value={form.categories} onChange={(categories) => set({ categories })} labelledBy="image-categories-label" />
          </div>
          <label className="toggle">
            <input type="checkbox" checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} data-testid="image-form-enabled" />
            <span className="toggle__track" aria-hidden="true" />
            Enabled: users can launch it
          </label>
        </Section>

        <Section title="Container">
          <TextField label="Image reference" field="ref" value={form.ref} onChange={(v) => set({ ref: v })} error={err("ref")} placeholder="registry.example.com/berth/firefox:1.0" mono testId="image-ref" />
          <div className="adm-form__row adm-form__row--3">
            <TextField label="Cores" field="cores" value={form.cores} onChange={(v) => set({ cores: v })} error={err("cores")} inputMode="decimal" testId="image-cores" />
            <TextField label="Memory (MB)" field="memoryMb" value={form.memoryMb} onChange={(v) => set({ memoryMb: v })} error={err("memoryMb")} inputMode="numeric" testId="image-memory" />
            <TextField label="Shared memory (MB)" field="shmMb" value={form.shmMb} onChange={(v) => set({ shmMb: v })} error={err("shmMb")} inputMode="numeric" hint="/dev/shm; browsers want 256+" testId="image-shm" />
          </div>
          <div className="adm-form__row">
            <TextField label="Network" field="network" value={form.network} onChange={(v) => set({ network: v })} error={err("network")} mono hint="bridge, none, or a Docker network name" testId="image-network" />
            <TextField
              label="Session time limit (minutes)"
              field="timeLimitMinutes"
              value={form.timeLimitMinutes}
              onChange={(v) => set({ timeLimitMinutes: v })}
              error={err("timeLimitMinutes")}
              inputMode="numeric"
              placeholder="No limit"
              hint={Number(form.timeLimitMinutes) > 0 ? `Sessions end after ${timeLimit(Math.round(Number(form.timeLimitMinutes) * 60))}.` : "Empty: sessions run until ended."}
              testId="image-time-limit"
            />
          </div>
        </Section>

        <Section title="Placement" hint="Restrict where its sessions run. Without a restriction, the user's zone decides.">
          <div className="adm-form__row">
            <label className="field" data-field="zoneId">
              <span className="field__label">Zone</span>
              <select className="input" value={form.zoneId} onChange={(e) => set({ zoneId: e.target.value })} aria-invalid={!!err("zoneId")} data-testid="image-zone">
                <option value="">Any zone</option>
                {zones.map((z) => (
                  <option key={z.id} value={z.id}>{z.name}</option>
                ))}
              </select>
              {err("zoneId") && <span className="adm-field-error">{err("zoneId")}</span>}
            </label>
            <label className="field" data-field="serverId">
              <span className="field__label">Server</span>
              <select className="input" value={form.serverId} onChange={(e) => set({ serverId: e.target.value })} aria-invalid={!!err("serverId")} data-testid="image-server">
                <option value="">Any server</option>
                {servers.map((s) => (
                  <option key={s.id} value={s.id}>{s.hostname} ({s.zoneName})</option>
                ))}
              </select>
              {err("serverId") && <span className="adm-field-error">{err("serverId")}</span>}
            </label>
          </div>
        </Section>

        <Section title="Environment variables" hint="Set in every session of this image.">
          <div data-field="env">
            <EnvEditor rows={form.env} onChange={(env) => set({ env })} />
            {err("env") && <p className="adm-field-error">{err("env")}</p>}
          </div>
        </Section>

        <Section title="Volumes" hint="Host folders mapped into each session. {username} and {userId} in the host path are filled in per user.">
          <div data-field="volumes">
            <VolumeEditor rows={form.volumes} onChange={(volumes) => set({ volumes })} />
            {err("volumes") && <p className="adm-field-error" data-testid="image-volumes-error">{err("volumes")}</p>}
          </div>
        </Section>

        <Section title="Registry credentials" hint="For a private registry. Stored encrypted and never shown again.">
          <div className="adm-form" data-field="registryAuth">
            {image?.hasRegistryAuth && (
              <div className="adm-stored" data-testid="image-registry-stored">
                <span className="status status--ok"><span className="status__dot" aria-hidden="true" />Stored</span>
                <span className="adm-hint">Enter new ones to replace them.</span>
                <label className="adm-check adm-stored__clear">
                  <input type="checkbox" checked={form.clearRegistryAuth} onChange={(e) => set({ clearRegistryAuth: e.target.checked })} data-testid="image-registry-clear" />
                  Forget the stored credentials
                </label>
              </div>
            )}
            {!form.clearRegistryAuth && (
              <div className="adm-form__row">
                <label className="field">
                  <span className="field__label">Username</span>
                  <input className="input" value={form.registryUsername} onChange={(e) => set({ registryUsername: e.target.value })} autoComplete="off" aria-invalid={!!err("registryAuth")} data-testid="image-registry-username" />
                </label>
                <label className="field">
                  <span className="field__label">Password or token</span>
                  <input className="input" type="password" value={form.registryPassword} onChange={(e) => set({ registryPassword: e.target.value })} autoComplete="new-password" aria-invalid={!!err("registryAuth")} data-testid="image-registry-password" />
                </label>
              </div>
            )}
            {err("registryAuth") && <p className="adm-field-error">{err("registryAuth")}</p>}
          </div>
        </Section>

        <Section title="Run-config (advanced)" hint="A JSON object of Docker create options, checked against an allow-list: Cmd, Entrypoint, Env, User, WorkingDir, and HostConfig Dns, ExtraHosts, Ulimits, Tmpfs, ShmSize, Binds, Init and a few more.">
          <label className="field" data-field="runConfig">
            <span className="sr-only">Run-config JSON</span>
            <textarea
              className="input adm-textarea adm-code"
              rows={6}
              spellCheck={false}
              value={form.runConfig}
              onChange={(e) => set({ runConfig: e.target.value })}
              aria-invalid={!!err("runConfig")}
              data-testid="image-run-config"
            />
            {err("runConfig") && (
              <span className="adm-field-error" data-testid="image-run-config-error">
                {refusal?.key && refusal.field === "runConfig" && <code className="adm-key">{refusal.key}</code>} {err("runConfig")}
              </span>
            )}
          </label>
        </Section>

        {image && downloads && (
          <Section title="Downloads" hint="Each server keeps enabled images ready.">
            {!image.enabled ? (
              <p className="muted adm-small">Servers do not download a disabled image.</p>
            ) : downloads.length === 0 ? (
              <p className="muted adm-small">No servers yet.</p>
            ) : (
              <DownloadList downloads={downloads} />
            )}
          </Section>
        )}
      </div>
    </Modal>
  );
}

const FIELD_LABELS: Partial<Record<ImageField, string>> = {
  name: "the short name",
  friendlyName: "the display name",
  ref: "the image reference",
  cores: "cores",
  memoryMb: "memory",
  shmMb: "shared memory",
  network: "the network",
  env: "an environment variable",
  volumes: "a volume",
  runConfig: "the run-config",
  registryAuth: "the registry credentials",
  zoneId: "the zone",
  serverId: "the server",
  timeLimitMinutes: "the time limit",
};

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="adm-editor__section">
      <h3 className="adm-editor__title">{title}</h3>
      {hint && <p className="adm-hint adm-editor__hint">{hint}</p>}
      {children}
    </section>
  );
}

type TextFieldProps = {
  label: string;
  field: ImageField;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: string;
  placeholder?: string;
  mono?: boolean;
  inputMode?: "decimal" | "numeric";
  testId?: string;
};

function TextField({ label, field, value, onChange, error, hint, placeholder, mono, inputMode, testId }: TextFieldProps) {
  return (
    <label className="field" data-field={field}>
      <span className="field__label">{label}</span>
      <input
        className={`input ${mono ? "adm-mono" : ""}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        inputMode={inputMode}
        aria-invalid={!!error}
        data-testid={testId}
      />
      {error ? <span className="adm-field-error">{error}</span> : hint && <span className="adm-hint">{hint}</span>}
    </label>
  );
}

