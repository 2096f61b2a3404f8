import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { errorCode, errorMessage } from "../../errors";
import {
  DestroySessionDocument,
  MySessionsDocument,
  PauseSessionDocument,
  RequestSessionDocument,
  ResumeSessionDocument,
} from "../../generated/graphql";
import { navigate } from "../../router";

export type Notice = { title: string; message: string };

type Named = { id: string; image: { friendlyName: string } };

/** Launching, pausing, resuming and ending sessions, with what went wrong phrased for the page's banner. */
export function useSessionActions() {
  const [request] = useMutation(RequestSessionDocument);
  const [destroy] = useMutation(DestroySessionDocument);
  const [pauseSession] = useMutation(PauseSessionDocument);
  const [resumeSession] = useMutation(ResumeSessionDocument);
  const [launchingId, setLaunchingId] = useState<string>();
  const [notice, setNotice] = useState<Notice>();

  const launch = async (image: { id: string; friendlyName: string }) => {
    if (launchingId) return;
    setLaunchingId(image.id);
    setNotice(undefined);
    try {
      const { data } = await request({
        variables: { imageId: image.id },
        refetchQueries: [MySessionsDocument],
      });
      if (data) navigate(`/sessions/${data.requestSession.id}`);
    } catch (e) {
      setNotice({ title: launchTitle(errorCode(e), image.friendlyName), message: errorMessage(e) });
    } finally {
      setLaunchingId(undefined);
    }
  };

  const end = async (session: Named) => {
    setNotice(undefined);
    try {
      await destroy({ variables: { id: session.id }, refetchQueries: [MySessionsDocument] });
    } catch (e) {
      setNotice({ title: `Could not end ${session.image.friendlyName}`, message: errorMessage(e) });
      throw e;
    }
  };

  /** Pause and resume answer with the session, which lands in the cache; failures show in the banner. */
  const pause = async (session: Named) => {
    setNotice(undefined);
    await pauseSession({ variables: { id: session.id } }).catch((e: unknown) => {
      setNotice({ title: `Could not pause ${session.image.friendlyName}`, message: errorMessage(e) });
    });
  };

  const resume = async (session: Named) => {
    setNotice(undefined);
    await resumeSession({ variables: { id: session.id } }).catch((e: unknown) => {
      setNotice({ title: `Could not resume ${session.image.friendlyName}`, message: errorMessage(e) });
    });
  };

  return { launch, launchingId, end, pause, resume, notice, dismissNotice: () => setNotice(undefined) };
}

function launchTitle(code: string | undefined, name: string): string {
  switch (code) {
    case "NO_CAPACITY":
      return `No room for ${name} right now`;
    case "CONFLICT":
      return "You have reached your session limit";
    case "FORBIDDEN":
      return `You cannot launch ${name}`;
    case "NOT_FOUND":
      return `${name} is no longer available`;
    default:
      return `Could not launch ${name}`;
  }
}
