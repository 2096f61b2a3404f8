import { skipToken, useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { errorMessage } from "../../errors";
import {
  RemoveViewerDocument,
  SessionShareDocument,
  ShareSessionDocument,
  StopSharingDocument,
  type ShareMode,
} from "../../generated/graphql";
import { shareLink } from "./guest";
import { ShareDialogView } from "./ShareDialogView";

type Props = {
  sessionId: string;
  sessionName: string;
  open: boolean;
  onClose: () => void;
  /** Changes whenever sessionUpdated fires (someone joined or left): the viewer list is asked again. */
  liveTick: number;
};

/** The owner's sharing controls: turn it on with a mode, hand out the link, see and remove viewers. */
export function ShareDialog({ sessionId, sessionName, open, onClose, liveTick }: Props) {
  const share = useQuery(SessionShareDocument, open ? { variables: { sessionId }, fetchPolicy: "cache-and-network" } : skipToken);
  const [shareSession, sharing] = useMutation(ShareSessionDocument);
  const [stopSharing, stopping] = useMutation(StopSharingDocument);
  const [removeViewer] = useMutation(RemoveViewerDocument);
  const [removing, setRemoving] = useState<string>();
  const [actionError, setActionError] = useState<string>();

  const { refetch } = share;
  useEffect(() => {
    if (open && liveTick > 0) void refetch().catch(() => {});
  }, [open, liveTick, refetch]);

  const run = async (action: () => Promise<unknown>) => {
    setActionError(undefined);
    try {
      await action();
    } catch (e) {
      setActionError(errorMessage(e));
    }
  };

  // The answers land in the cache as this session's active share (or none), which the dialog shows.
  const start = (mode: ShareMode) =>
    run(() =>
      shareSession({
        variables: { sessionId, mode },
        update: (cache, { data }) => data && cache.writeQuery({ query: SessionShareDocument, variables: { sessionId }, data: { sessionShare: data.shareSession } }),
      }),
    );
  const stop = () =>
    run(() =>
      stopSharing({
        variables: { sessionId },
        update: (cache) => cache.writeQuery({ query: SessionShareDocument, variables: { sessionId }, data: { sessionShare: null } }),
      }),
    );
  const remove = (userId: string) =>
    run(async () => {
      setRemoving(userId);
      try {
        await removeViewer({ variables: { sessionId, userId } });
      } finally {
        setRemoving(undefined);
      }
    });

  const active = share.data?.sessionShare ?? undefined;
  return (
    <ShareDialogView
      open={open}
      sessionName={sessionName}
      loading={share.loading && !share.data}
      loadError={share.error && !share.data ? errorMessage(share.error) : undefined}
      share={active}
      link={active ? shareLink(location.origin, active.url) : undefined}
      busy={sharing.loading || stopping.loading}
      removing={removing}
      error={actionError}
      onStart={start}
      onChangeMode={start}
      onStop={stop}
      onRemove={remove}
      onClose={() => {
        setActionError(undefined);
        onClose();
      }}
    />
  );
}
