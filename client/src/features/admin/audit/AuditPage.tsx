import { useQuery } from "@apollo/client/react";
import { useEffect, useMemo, useState } from "react";
import { errorMessage } from "../../../errors";
import { AdminAuditEventsDocument } from "../../../generated/graphql";
import { navigate, useLocationPath } from "../../../router";
import { useTitle } from "../../../useTitle";
import { useTick } from "../hooks";
import { adminPath } from "../routes";
import { AuditPageView } from "./AuditPageView";
import { PAGE_SIZE, auditVariables, filtersFromSearch, filtersToQuery, mayHaveMore, mergeActions, nextLimit, sameFilters, type AuditFilters } from "./filters";

/** How long typing rests before the list follows it. */
const TYPING_MS = 400;

/**
 * The audit log, newest first. The filters live in the address (a link can open a filtered
 * log); typed ones are applied once typing rests. The API pages only by "the newest N", so
 * "Show older events" asks again for more.
 */
export function AuditPage() {
  useTitle("Admin · Audit log");
  const search = new URL(useLocationPath(), location.origin).search;
  const applied = useMemo(() => filtersFromSearch(search), [search]);
  const [draft, setDraft] = useState(applied);
  // The address changed from elsewhere (a link, back and forward): the inputs follow it.
  useEffect(() => setDraft((d) => (sameFilters(d, applied) ? d : applied)), [applied]);

  const [more, setMore] = useState({ search, first: PAGE_SIZE });
  const first = more.search === search ? more.first : PAGE_SIZE;
  const [refreshes, setRefreshes] = useState(0);
  // "Last hour" counts back from when the filters were set or Refresh pressed, not from each render.
  const anchor = useMemo(() => Date.now(), [search, refreshes]);

  const events = useQuery(AdminAuditEventsDocument, { variables: auditVariables(applied, first, anchor), fetchPolicy: "cache-and-network" });
  // While other filters or more events load, the rows already shown stay (marked as updating).
  const list = events.data?.auditEvents ?? (events.loading ? events.previousData?.auditEvents : undefined);

  const [actions, setActions] = useState<string[]>([]);
  useEffect(() => {
    if (list) setActions((known) => mergeActions(known, list));
  }, [list]);

  const apply = (f: AuditFilters) => navigate(adminPath("audit", filtersToQuery(f)), { replace: true });
  useEffect(() => {
    if (sameFilters(draft, applied)) return;
    const t = setTimeout(() => apply(draft), TYPING_MS);
    return () => clearTimeout(t);
  }, [draft, applied]);

  const now = useTick(15_000);
  const refetch = () => void events.refetch().catch(() => {});

  return (
    <AuditPageView
      events={list}
      filters={draft}
      actions={actions}
      now={now}
      loading={events.loading}
      refreshing={events.loading && list !== undefined}
      error={events.error && !list ? errorMessage(events.error) : undefined}
      limit={first}
      mayHaveMore={!!list && mayHaveMore(list.length, first)}
      onType={(patch) => setDraft((d) => ({ ...d, ...patch }))}
      onFiltersChange={(f) => {
        setDraft(f);
        apply(f);
      }}
      // A time range moves with a new anchor (new variables); otherwise ask again as they are.
      onRefresh={() => (applied.since === "all" ? refetch() : setRefreshes((n) => n + 1))}
      onMore={() => setMore({ search, first: nextLimit(first) })}
    />
  );
}
