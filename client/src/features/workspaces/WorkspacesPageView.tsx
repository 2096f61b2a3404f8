import { useDeferredValue, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { Banner } from "../../components/Banner";
import { EmptyState } from "../../components/EmptyState";
import { Icon } from "../../components/Icon";
import { Loading } from "../../components/Spinner";
import type { SessionFieldsFragment } from "../../generated/graphql";
import { Link } from "../../router";
import { SessionList } from "../sessions/components/SessionList";
import type { Notice } from "../sessions/useSessionActions";
import { ImageTile, type WorkspaceImage } from "./components/ImageTile";
import { categoriesOf, matches } from "./filter";

type Props = {
  images?: WorkspaceImage[];
  imagesLoading: boolean;
  imagesError?: string;
  onRetryImages: () => void;
  sessions: SessionFieldsFragment[];
  isAdmin: boolean;
  launchingId?: string;
  onLaunch: (image: WorkspaceImage) => void;
  onEnd: (session: SessionFieldsFragment) => Promise<unknown>;
  notice?: Notice;
  onDismissNotice: () => void;
};

export function WorkspacesPageView(p: Props) {
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState<string | null>(null);
  const deferredQuery = useDeferredValue(query);
  const search = useRef<HTMLInputElement>(null);
  useSlashToSearch(search);

  const images = p.images ?? [];
  const categories = useMemo(() => categoriesOf(images), [images]);
  const shown = images.filter((img) => matches(img, deferredQuery, category));
  const openCount = (imageId: string) => p.sessions.filter((s) => s.image.id === imageId).length;

  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Workspaces</h1>
          <p className="page__lead">Launch a fresh desktop or app. Each one runs in its own container and is gone when you end it.</p>
        </div>
        <label className="search">
          <Icon name="search" className="search__icon" />
          <span className="sr-only">Search workspaces</span>
          <input
            ref={search}
            type="search"
            className="input search__input"
            placeholder="Search workspaces"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && setQuery("")}
            data-testid="workspace-search"
          />
          <kbd className="search__kbd" aria-hidden="true">/</kbd>
        </label>
      </header>

      {p.notice && (
        <div className="notice-dock">
          <Banner title={p.notice.title} onDismiss={p.onDismissNotice}>
            {p.notice.message}
          </Banner>
        </div>
      )}

      {p.sessions.length > 0 && (
        <section className="section" aria-labelledby="open-sessions">
          <div className="section__head">
            <h2 id="open-sessions" className="section__title">Your open sessions</h2>
            <Link to="/sessions" className="section__link">All sessions</Link>
          </div>
          <SessionList sessions={p.sessions} onEnd={p.onEnd} />
        </section>
      )}

      <section className="section" aria-labelledby="all-workspaces">
        <div className="section__head">
          <h2 id="all-workspaces" className="section__title">
            {category ?? "All workspaces"}
            {p.images && <span className="section__count">{shown.length}</span>}
          </h2>
          {categories.length > 1 && (
            <div className="filters" role="group" aria-label="Filter by category">
              <button type="button" className="filter" aria-pressed={category === null} onClick={() => setCategory(null)}>
                All
              </button>
              {categories.map((c) => (
                <button key={c} type="button" className="filter" aria-pressed={category === c} onClick={() => setCategory(category === c ? null : c)}>
                  {c}
                </button>
              ))}
            </div>
          )}
        </div>

        {p.images === undefined && p.imagesLoading && <Loading label="Loading workspaces…" />}

        {p.images === undefined && p.imagesError && (
          <EmptyState
            icon="alert"
            title="Workspaces could not be loaded"
            actions={
              <button type="button" className="button button--secondary" onClick={p.onRetryImages}>
                <Icon name="refresh" /> Try again
              </button>
            }
          >
            {p.imagesError}
          </EmptyState>
        )}

        {p.images && images.length === 0 && (
          <EmptyState icon="grid" title="No workspaces yet" testId="workspaces-empty">
            {p.isAdmin
              ? "Add an image under Images, or run Berth's setup to register the default desktop, desktop-deluxe and firefox images."
              : "An administrator adds them under Images. Ask yours to make a workspace available to you."}
          </EmptyState>
        )}

        {images.length > 0 && shown.length === 0 && (
          <EmptyState
            icon="search"
            title="Nothing matches"
            actions={
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setQuery("");
                  setCategory(null);
                }}
              >
                Clear search
              </button>
            }
          >
            No workspace matches “{query || category}”. Try another word, or clear the search to see all {images.length}.
          </EmptyState>
        )}

        {shown.length > 0 && (
          <ul className="tiles" data-testid="image-tiles">
            {shown.map((img) => (
              <ImageTile
                key={img.id}
                image={img}
                launching={p.launchingId === img.id}
                blocked={!!p.launchingId}
                runningCount={openCount(img.id)}
                onLaunch={p.onLaunch}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** "/" anywhere outside a text field jumps to the search box, as on many sites. */
function useSlashToSearch(ref: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      e.preventDefault();
      ref.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [ref]);
}
