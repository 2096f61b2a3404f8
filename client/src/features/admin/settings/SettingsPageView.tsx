import { useEffect, useState } from "react";
import type { AdminSettingsQuery, AdminZoneFieldsFragment, SettingsInput } from "../../../generated/graphql";
import { LoadState } from "../components/LoadState";
import { PageHeader } from "../components/PageHeader";
import { apiProblem } from "../errors";
import { duration } from "../format";
import { KEEPALIVE_ACTIONS, settingsChanges, settingsForm, settingsProblems, type SettingsForm } from "./settingsForm";

type Props = {
  settings?: AdminSettingsQuery["settings"];
  zones: AdminZoneFieldsFragment[];
  loading: boolean;
  error?: string;
  onRetry: () => void;
  onSave: (input: SettingsInput) => Promise<void>;
};

export function SettingsPageView(p: Props) {
  const [form, setForm] = useState<SettingsForm>();
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [savedAt, setSavedAt] = useState<number>();

  useEffect(() => {
    if (p.settings) setForm(settingsForm(p.settings));
  }, [p.settings]);

  const problems = form ? settingsProblems(form) : {};
  const changes = form && p.settings && Object.keys(problems).length === 0 ? settingsChanges(p.settings, form) : {};
  const dirty = form && p.settings ? JSON.stringify(form) !== JSON.stringify(settingsForm(p.settings)) : false;
  const set = (patch: Partial<SettingsForm>) => {
    setSavedAt(undefined);
    setForm((f) => (f ? { ...f, ...patch } : f));
  };

  const submit = async () => {
    setTried(true);
    if (Object.keys(problems).length || !Object.keys(changes).length) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await p.onSave(changes);
      setSavedAt(Date.now());
      setTried(false);
    } catch (e) {
      setProblem(apiProblem(e).message);
    } finally {
      setBusy(false);
    }
  };

  const oldest = [...p.zones].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  const zoneMissing = form && form.defaultZone && !p.zones.some((z) => z.name === form.defaultZone);
  const minutes = Number(form?.keepaliveMinutes);

  return (
    <div className="adm-page" data-testid="admin-page-settings">
      <PageHeader title="Settings" lead="Defaults for every user. Changes apply to new launches and to the next reaping round." />
      {!p.settings && <LoadState loading={p.loading} error={p.error} what="settings" onRetry={p.onRetry} />}
      {form && (
        <form
          className="adm-card adm-settings"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          noValidate
          data-testid="settings-form"
        >
          <section className="adm-settings__group">
            <div className="adm-settings__intro">
              <h2 className="adm-settings__title">Sessions per user</h2>
              <p className="adm-hint">How many sessions one person may have at once, running or paused. Administrators count too.</p>
            </div>
            <label className="field adm-settings__control">
              <span className="sr-only">Sessions per user</span>
              <input
                className="input adm-input-num"
                type="number"
                min={0}
                max={1000}
                step={1}
                value={form.sessionsPerUser}
                onChange={(e) => set({ sessionsPerUser: e.target.value })}
                aria-invalid={tried && !!problems.sessionsPerUser}
                data-testid="settings-sessions-per-user"
              />
              {tried && problems.sessionsPerUser ? (
                <span className="adm-field-error">{problems.sessionsPerUser}</span>
              ) : (
                form.sessionsPerUser === "0" && <span className="adm-warn-text">0 means nobody can launch a session.</span>
              )}
            </label>
          </section>

          <section className="adm-settings__group">
            <div className="adm-settings__intro">
              <h2 className="adm-settings__title">Keepalive</h2>
              <p className="adm-hint">
                An open session page keeps its session alive. When no page has done so for this long, the session is reaped.
              </p>
            </div>
            <div className="adm-settings__control adm-form">
              <label className="field">
                <span className="field__label">Reap after (minutes)</span>
                <input
                  className="input adm-input-num"
                  type="number"
                  min={1}
                  step={1}
                  value={form.keepaliveMinutes}
                  onChange={(e) => set({ keepaliveMinutes: e.target.value })}
                  aria-invalid={tried && !!problems.keepaliveMinutes}
                  data-testid="settings-keepalive-minutes"
                />
                {tried && problems.keepaliveMinutes ? (
                  <span className="adm-field-error">{problems.keepaliveMinutes}</span>
                ) : (
                  minutes >= 1 && <span className="adm-hint">{duration(minutes * 60)} without anyone watching.</span>
                )}
              </label>
              <fieldset className="adm-fieldset">
                <legend className="field__label">Then</legend>
                <div className="adm-choices">
                  {KEEPALIVE_ACTIONS.map((a) => (
                    <label key={a.value} className="adm-choice">
                      <input
                        type="radio"
                        name="keepaliveAction"
                        value={a.value}
                        checked={form.keepaliveAction === a.value}
                        onChange={() => set({ keepaliveAction: a.value })}
                        data-testid={`settings-action-${a.value}`}
                      />
                      <span className="adm-choice__body">
                        <span className="adm-choice__label">{a.label}</span>
                        <span className="adm-choice__text">{a.explain}</span>
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </div>
          </section>

          <section className="adm-settings__group">
            <div className="adm-settings__intro">
              <h2 className="adm-settings__title">Default zone</h2>
              <p className="adm-hint">Where users without a zone of their own launch their sessions.</p>
            </div>
            <label className="field adm-settings__control">
              <span className="sr-only">Default zone</span>
              <select className="input" value={form.defaultZone} onChange={(e) => set({ defaultZone: e.target.value })} data-testid="settings-default-zone">
                <option value="">The oldest zone{oldest ? ` (now ${oldest.name})` : ""}</option>
                {zoneMissing && <option value={form.defaultZone}>{form.defaultZone} (no longer exists)</option>}
                {p.zones.map((z) => (
                  <option key={z.id} value={z.name}>
                    {z.name}
                  </option>
                ))}
              </select>
            </label>
          </section>

          <div className="adm-settings__footer">
            {problem && (
              <p className="adm-form-error" role="alert" data-testid="settings-error">
                {problem}
              </p>
            )}
            {savedAt && !dirty && (
              <p className="adm-saved" role="status" data-testid="settings-saved">
                Saved.
              </p>
            )}
            <button type="button" className="button button--ghost" disabled={!dirty || busy} onClick={() => p.settings && setForm(settingsForm(p.settings))}>
              Undo changes
            </button>
            <button type="submit" className="button button--primary" disabled={!dirty || busy} data-testid="settings-save">
              {busy ? "Saving…" : "Save settings"}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
