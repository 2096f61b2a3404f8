import { useState } from "react";
import { EmptyState } from "../../../components/EmptyState";
import type { AdminImageFieldsFragment, AdminWarmPoolFieldsFragment, AdminZoneFieldsFragment } from "../../../generated/graphql";
import { ConfirmAction } from "../components/ConfirmAction";
import { LoadState } from "../components/LoadState";
import { PageHeader } from "../components/PageHeader";
import { AddPoolForm } from "./components/AddPoolForm";
import { PoolRow } from "./components/PoolRow";
import { poolsSummary, visiblePools } from "./pools";

type Pool = AdminWarmPoolFieldsFragment;
/** A new size for the pool of an image in a zone; `what` names it in messages ("Firefox in eu"). */
export type PoolChange = { imageId: string; zoneId: string; size: number; what: string };

type Props = {
  pools?: Pool[];
  images: AdminImageFieldsFragment[];
  zones: AdminZoneFieldsFragment[];
  loading: boolean;
  error?: string;
  onRetry: () => void;
  /** Rejects when the API refused; inlineErrors: the caller shows the refusal itself (no toast). */
  onChange: (change: PoolChange, opts?: { inlineErrors?: boolean }) => Promise<void>;
};

export function PoolsPageView(p: Props) {
  const [removing, setRemoving] = useState<Pool>();
  const all = p.pools ?? [];
  const shown = visiblePools(all);
  const friendly = (pool: Pool) => p.images.find((i) => i.id === pool.imageId)?.friendlyName;
  const what = (pool: Pool) => `${friendly(pool) ?? pool.imageName} in ${pool.zoneName}`;

  return (
    <div className="adm-page" data-testid="admin-page-pools">
      <PageHeader
        title="Warm pools"
        lead="Sessions started ahead of demand: a launch of this image in this zone takes one at once; the pool refills in the background, only into free capacity, and gives way to on-demand launches."
      />

      {p.pools && <AddPoolForm pools={all} images={p.images} zones={p.zones} onSave={(c) => p.onChange(c)} />}

      {!p.pools && <LoadState loading={p.loading} error={p.error} what="warm pools" onRetry={p.onRetry} />}
      {p.pools && shown.length === 0 && (
        <EmptyState icon="clock" title="No warm pools" testId="pools-empty">
          Every launch starts its session from scratch. Add a pool above to keep sessions of a popular image ready in a zone, so
          its launches open at once.
        </EmptyState>
      )}
      {shown.length > 0 && (
        <section className="adm-section" aria-label="Pools">
          <div className="adm-toolbar">
            <span className="adm-toolbar__note" data-testid="pools-summary">{poolsSummary(all)}</span>
          </div>
          <div className="adm-table-wrap adm-card adm-card--flush">
            <table className="adm-table adm-table--pools adm-table--stack">
              <thead>
                <tr>
                  <th scope="col">Image and zone</th>
                  <th scope="col">Ready</th>
                  <th scope="col" className="adm-num">Starting</th>
                  <th scope="col">Size</th>
                  <th scope="col"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {shown.map((pool) => (
                  <PoolRow
                    key={pool.id}
                    pool={pool}
                    friendlyName={friendly(pool)}
                    onResize={(size) => p.onChange({ imageId: pool.imageId, zoneId: pool.zoneId, size, what: what(pool) })}
                    onRemove={() => setRemoving(pool)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <ConfirmAction
        open={removing !== undefined}
        title={`Remove the pool of ${removing ? what(removing) : "this image"}?`}
        confirmLabel="Remove pool"
        busyLabel="Removing…"
        onConfirm={() => p.onChange({ imageId: removing!.imageId, zoneId: removing!.zoneId, size: 0, what: what(removing!) }, { inlineErrors: true })}
        onClose={() => setRemoving(undefined)}
        testId="pool-remove-confirm"
      >
        <p>
          Its {removing?.ready ?? 0} waiting {removing?.ready === 1 ? "session ends" : "sessions end"} and launches start from scratch
          again. Sessions users already took from it keep running.
        </p>
      </ConfirmAction>
    </div>
  );
}
