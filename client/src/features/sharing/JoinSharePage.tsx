import { useMutation } from "@apollo/client/react";
import { useEffect, useRef } from "react";
import { errorMessage } from "../../errors";
import { JoinShareDocument } from "../../generated/graphql";
import { navigate } from "../../router";
import { useTitle } from "../../useTitle";
import { JoinSharePageView } from "./JoinSharePageView";

/**
 * A share link: joins, then opens the session page (which shows the guest's view). Signing in
 * comes first: the app sends signed-out visitors to /signin?next=/share/<id> and back here after.
 */
export function JoinSharePage({ shareId }: { shareId: string }) {
  useTitle("Joining a shared session");
  const [join, { error }] = useMutation(JoinShareDocument);
  const asked = useRef(false);

  useEffect(() => {
    // Once per link, even when React runs effects twice in development.
    if (asked.current) return;
    asked.current = true;
    join({ variables: { shareId } })
      .then(({ data }) => data && navigate(`/sessions/${data.joinShare.id}`, { replace: true }))
      .catch(() => {});
  }, [join, shareId]);

  return <JoinSharePageView error={error ? errorMessage(error) : undefined} />;
}
