import { useState, type FormEvent } from "react";
import type { AdminImageFieldsFragment, AdminWarmPoolFieldsFragment, AdminZoneFieldsFragment } from "../../../../generated/graphql";
import { AdminIcon } from "../../components/AdminIcon";
import { MAX_POOL_SIZE, activePool, imageOptions, parseSize, zoneForImage, zoneOptions } from "../pools";
import type { PoolChange } from "../PoolsPageView";

type Props = {
  pools: AdminWarmPoolFieldsFragment[];
  images: AdminImageFieldsFragment[];
  zones: AdminZoneFieldsFragment[];
  /** Rejects when the API refused (it has said why in a toast): the form keeps what was typed. */
  onSave: (change: PoolChange) => Promise<void>;
};

/** Image, zone and how many sessions to keep ready: one line, saved with Add pool. */
export function AddPoolForm({ pools, images, zones, onSave }: Props) {
  const [imageId, setImageId] = useState("");
  const [chosenZone, setZoneId] = useState("");
  const [size, setSize] = useState("1");
  const [busy, setBusy] = useState(false);
  const image = images.find((i) => i.id === imageId);
  const zoneId = zoneForImage(zones, image, chosenZone);
  const zone = zones.find((z) => z.id === zoneId);
  const parsed = parseSize(size);
  const sizeProblem = "problem" in parsed ? parsed.problem : parsed.size === 0 ? "At least 1 (remove a pool from its row)." : undefined;
  const existing = activePool(pools, imageId, zoneId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!image || !zone || sizeProblem || !("size" in parsed)) return;
    setBusy(true);
    try {
      await onSave({ imageId: image.id, zoneId: zone.id, size: parsed.size, what: `${image.friendlyName} in ${zone.name}` });
      setImageId("");
      setSize("1");
    } catch {
      // The toast said why; keep the form as it was.
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="adm-card adm-pool-form" onSubmit={(e) => void submit(e)} data-testid="pool-form" aria-labelledby="pool-form-title">
      <h2 className="adm-section__title" id="pool-form-title">Add a pool</h2>
      <div className="adm-filters">
        <label className="adm-filter adm-filter--wide">
          <span className="adm-filter__label">Image</span>
          <select className="input" value={imageId} onChange={(e) => setImageId(e.target.value)} required data-testid="pool-image">
            <option value="">Choose an image…</option>
            {imageOptions(images).map((o) => (
              <option key={o.id} value={o.id} disabled={o.disabled}>{o.label}</option>
            ))}
          </select>
        </label>
        <label className="adm-filter">
          <span className="adm-filter__label">Zone</span>
          <select className="input" value={zoneId} onChange={(e) => setZoneId(e.target.value)} required data-testid="pool-zone">
            {zones.length === 0 && <option value="">No zones yet</option>}
            {zoneOptions(zones, image).map((o) => (
              <option key={o.id} value={o.id} disabled={o.disabled}>{o.label}</option>
            ))}
          </select>
        </label>
        <label className="adm-filter adm-pool-form__size">
          <span className="adm-filter__label">Ready sessions</span>
          <input
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_POOL_SIZE}
            step={1}
            value={size}
            onChange={(e) => setSize(e.target.value)}
            aria-invalid={sizeProblem ? true : undefined}
            aria-describedby="pool-form-note"
            data-testid="pool-size"
          />
        </label>
        <button type="submit" className="button button--primary adm-pool-form__save" disabled={busy || !image || !zone || Boolean(sizeProblem)} data-testid="pool-save">
          <AdminIcon name="plus" /> {busy ? "Saving…" : "Add pool"}
        </button>
      </div>
      <p className={sizeProblem && size !== "" ? "adm-field-error" : "adm-hint"} id="pool-form-note">
        {sizeProblem && size !== ""
          ? sizeProblem
          : existing
            ? `This pool exists already (it keeps ${existing.size} ready): adding it again sets its size.`
            : `Each waiting session holds its image's cores and memory on a server. Up to ${MAX_POOL_SIZE} per pool.`}
      </p>
    </form>
  );
}
