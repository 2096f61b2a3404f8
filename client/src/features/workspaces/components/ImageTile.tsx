import { ImageArt } from "../../../components/Monogram";
import { Icon } from "../../../components/Icon";
import { Spinner } from "../../../components/Spinner";
import type { ImagesQuery } from "../../../generated/graphql";
import { cores, memory } from "../../../format";

export type WorkspaceImage = ImagesQuery["images"][number];

type Props = {
  image: WorkspaceImage;
  launching: boolean;
  /** Another launch is in flight: one at a time keeps double clicks from starting two. */
  blocked: boolean;
  runningCount: number;
  onLaunch: (image: WorkspaceImage) => void;
};

/** A workspace card; the whole card is the launch button (Enter and Space work). */
export function ImageTile({ image, launching, blocked, runningCount, onLaunch }: Props) {
  const label = `Launch ${image.friendlyName}`;
  return (
    <li className="tile-cell">
      <button
        type="button"
        className={`tile${launching ? " tile--launching" : ""}${image.enabled ? "" : " tile--disabled"}`}
        onClick={() => onLaunch(image)}
        disabled={blocked && !launching}
        aria-busy={launching}
        aria-label={launching ? `Launching ${image.friendlyName}` : label}
        aria-describedby={`tile-desc-${image.id}`}
        data-testid={`image-tile-${image.name}`}
      >
        <div className="tile__art">
          <ImageArt name={image.friendlyName} seed={image.name} thumbnailUrl={image.thumbnailUrl} />
          <span className="tile__launch" aria-hidden="true">
            {launching ? (
              <>
                <Spinner size="sm" /> Launching…
              </>
            ) : (
              <>
                <Icon name="play" /> Launch
              </>
            )}
          </span>
          {runningCount > 0 && (
            <span className="tile__running" aria-hidden="true">
              <span className="status__dot" /> {runningCount} open
            </span>
          )}
        </div>
        <div className="tile__body">
          <span className="tile__name">{image.friendlyName}</span>
          <span className="tile__desc" id={`tile-desc-${image.id}`}>
            {image.description || "No description yet."}
          </span>
          <span className="tile__meta">
            {cores(image.cores)} · {memory(image.memoryMb)}
          </span>
          {(image.categories.length > 0 || !image.enabled) && (
            <span className="chips">
              {!image.enabled && <span className="chip chip--warn">Disabled</span>}
              {image.categories.map((c) => (
                <span key={c} className="chip">{c}</span>
              ))}
            </span>
          )}
        </div>
      </button>
    </li>
  );
}
