import { useState } from "react";
import { EmptyState } from "../../../components/EmptyState";
import { ImageArt } from "../../../components/Monogram";
import type { AdminImageFieldsFragment, AdminServerFieldsFragment, AdminZoneFieldsFragment, ImageInput } from "../../../generated/graphql";
import { AdminIcon } from "../components/AdminIcon";
import { ConfirmAction } from "../components/ConfirmAction";
import { LoadState } from "../components/LoadState";
import { PageHeader } from "../components/PageHeader";
import { coreCount, mb, plural, timeLimit } from "../format";
import { DownloadCell } from "./components/DownloadCell";
import { ImageEditor } from "./components/ImageEditor";
import { downloadsFor, type ImageDownload } from "./downloads";

type Image = AdminImageFieldsFragment;
type Props = {
  images?: Image[];
  zones: AdminZoneFieldsFragment[];
  servers: AdminServerFieldsFragment[];
  downloads: Map<string, ImageDownload[]>;
  loading: boolean;
  error?: string;
  onRetry: () => void;
  /** Rejects with the API's refusal; the editor shows it beside the field it names. */
  onSave: (inputs: ImageInput[], existing?: Image) => Promise<void>;
  onSetEnabled: (image: Image, enabled: boolean) => Promise<void>;
  onDelete: (image: Image, force: boolean) => Promise<void>;
};

export function ImagesPageView(p: Props) {
  const [query, setQuery] = useState("");
  const [editing, setEditing] = useState<{ image?: Image }>();
  const [deleting, setDeleting] = useState<Image>();
  const [force, setForce] = useState(false);
  const all = [...(p.images ?? [])].sort((a, b) => a.friendlyName.localeCompare(b.friendlyName));
  const q = query.trim().toLowerCase();
  const shown = q
    ? all.filter((i) => [i.friendlyName, i.name, i.ref, ...i.categories].some((t) => t.toLowerCase().includes(q)))
    : all;
  const placement = (i: Image) => {
    const server = i.serverId && p.servers.find((s) => s.id === i.serverId);
    const zone = i.zoneId && p.zones.find((z) => z.id === i.zoneId);
    if (i.serverId) return `Server ${server ? server.hostname : "(deleted)"}`;
    if (i.zoneId) return `Zone ${zone ? zone.name : "(deleted)"}`;
    return "Any server";
  };

  return (
    <div className="adm-page" data-testid="admin-page-images">
      <PageHeader
        title="Images"
        lead="The workspaces users can launch. Every server downloads enabled images ahead of time, so launches start fast."
        actions={
          <button type="button" className="button button--primary" onClick={() => setEditing({})} data-testid="image-create">
            <AdminIcon name="plus" /> Add image
          </button>
        }
      />
      {!p.images && <LoadState loading={p.loading} error={p.error} what="images" onRetry={p.onRetry} />}
      {p.images && all.length === 0 && (
        <EmptyState
          icon="grid"
          title="No images yet"
          actions={
            <button type="button" className="button button--primary" onClick={() => setEditing({})}>
              <AdminIcon name="plus" /> Add the first image
            </button>
          }
        >
          An image is a container image users launch as a workspace, such as a desktop or a browser. Add one by its reference
          (registry/name:tag).
        </EmptyState>
      )}
      {all.length > 0 && (
        <>
          <div className="adm-toolbar">
            <label className="search">
              <span className="sr-only">Search images</span>
              <input className="input search__input" type="search" placeholder="Search images" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="images-search" />
              <svg className="icon search__icon" viewBox="0 0 24 24" aria-hidden="true">
                <path d="m20 20-4.2-4.2M17 11a6 6 0 1 1-12 0 6 6 0 0 1 12 0Z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
            </label>
            <span className="adm-toolbar__note">
              {plural(all.length, "image")} · {all.filter((i) => i.enabled).length} enabled
            </span>
          </div>
          {shown.length === 0 ? (
            <EmptyState icon="search" title={`No image matches “${query}”`} actions={<button type="button" className="button button--secondary" onClick={() => setQuery("")}>Clear the search</button>} />
          ) : (
            <div className="adm-table-wrap adm-card adm-card--flush">
              <table className="adm-table adm-table--images adm-table--stack">
                <thead>
                  <tr>
                    <th scope="col">Image</th>
                    <th scope="col" className="adm-col-optional">Runs with</th>
                    <th scope="col">Downloads</th>
                    <th scope="col">Enabled</th>
                    <th scope="col"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((i) => (
                    <tr key={i.id} data-testid="image-row" data-name={i.name} data-enabled={i.enabled} className={i.enabled ? undefined : "adm-row--muted"}>
                      <td>
                        <div className="adm-image">
                          <ImageArt name={i.friendlyName} seed={i.name} thumbnailUrl={i.thumbnailUrl} size="sm" />
                          <div className="adm-image__text">
                            <div className="adm-cell-main">
                              {i.friendlyName} <span className="adm-cell-sub adm-mono">{i.name}</span>
                            </div>
                            <div className="adm-cell-sub adm-mono adm-ellipsis" title={i.ref}>{i.ref}</div>
                            {(i.categories.length > 0 || i.hasRegistryAuth) && (
                              <div className="chips adm-image__chips">
                                {i.categories.map((c) => (
                                  <span key={c} className="chip">{c}</span>
                                ))}
                                {i.hasRegistryAuth && <span className="chip chip--accent" title="Registry credentials are stored">Private registry</span>}
                              </div>
                            )}
                          </div>
                        </div>
                      </td>
                      <td data-label="Runs with" className="adm-nowrap adm-col-optional">
                        <div>
                          <div>{coreCount(i.cores)} · {mb(i.memoryMb)}</div>
                          <div className="adm-cell-sub">
                            {placement(i)} · {i.sessionTimeLimitS ? `ends after ${timeLimit(i.sessionTimeLimitS)}` : "no time limit"}
                          </div>
                        </div>
                      </td>
                      <td data-label="Downloads">
                        <DownloadCell enabled={i.enabled} downloads={downloadsFor(i.id, p.downloads, p.servers)} />
                      </td>
                      <td data-label="Enabled">
                        <label className="toggle" title={i.enabled ? "Users can launch it" : "Hidden from users"}>
                          <input type="checkbox" checked={i.enabled} onChange={(e) => void p.onSetEnabled(i, e.target.checked)} data-testid="image-enabled" aria-label={`${i.friendlyName} enabled`} />
                          <span className="toggle__track" aria-hidden="true" />
                        </label>
                      </td>
                      <td className="adm-cell-actions">
                        <button type="button" className="button button--ghost button--sm" onClick={() => setEditing({ image: i })} data-testid="image-edit" aria-label={`Edit ${i.friendlyName}`}>
                          <AdminIcon name="edit" /> <span className="adm-hide-narrow">Edit</span>
                        </button>
                        <button
                          type="button"
                          className="button button--ghost button--sm adm-danger-text"
                          onClick={() => {
                            setForce(false);
                            setDeleting(i);
                          }}
                          data-testid="image-delete"
                          aria-label={`Delete ${i.friendlyName}`}
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

      <ImageEditor
        open={editing !== undefined}
        image={editing?.image && (all.find((i) => i.id === editing.image!.id) ?? editing.image)}
        zones={p.zones}
        servers={p.servers}
        downloads={editing?.image ? downloadsFor(editing.image.id, p.downloads, p.servers) : undefined}
        onClose={() => setEditing(undefined)}
        onSave={async (inputs) => {
          await p.onSave(inputs, editing?.image);
          setEditing(undefined);
        }}
      />
      <ConfirmAction
        open={deleting !== undefined}
        title={`Delete ${deleting?.friendlyName ?? "image"}?`}
        confirmLabel={force ? "End sessions and delete" : "Delete image"}
        busyLabel="Deleting…"
        onConfirm={() => p.onDelete(deleting!, force)}
        onClose={() => setDeleting(undefined)}
        testId="image-delete-confirm"
      >
        <p>It leaves the catalogue and servers may remove their copy. Its ended sessions' history goes with it.</p>
        <label className="adm-check">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} data-testid="image-delete-force" />
          Also end its running sessions (otherwise Berth refuses while any run)
        </label>
      </ConfirmAction>
    </div>
  );
}
