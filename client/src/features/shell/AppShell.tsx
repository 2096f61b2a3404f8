import { skipToken, useMutation, useQuery } from "@apollo/client/react";
import { useState, type ReactNode } from "react";
import { apolloClient, resetForNewUser } from "../../apollo";
import { errorMessage } from "../../errors";
import { InstallationDocument, MeDocument, MySessionsDocument, SignOutDocument, type MeQuery } from "../../generated/graphql";
import { navigate, type Route } from "../../router";
import { isActive } from "../sessions/status";
import { useMySessionsLive } from "../sessions/useMySessionsLive";
import { AppShellView } from "./AppShellView";

type Props = { me: NonNullable<MeQuery["me"]>; route: Route; children: ReactNode };

export function AppShell({ me, route, children }: Props) {
  const [signOut, { loading: signingOut }] = useMutation(SignOutDocument);
  const [signOutError, setSignOutError] = useState<string>();
  // The count in the navigation, and every session list on screen, follow mySessionsUpdated.
  const sessions = useQuery(MySessionsDocument, { variables: { includeEnded: false } });
  useMySessionsLive();
  const installation = useQuery(InstallationDocument, me.role === "ADMIN" ? {} : skipToken);

  const onSignOut = async () => {
    setSignOutError(undefined);
    try {
      await signOut();
    } catch (e) {
      setSignOutError(errorMessage(e));
      return;
    }
    // The app leaves the signed-in pages at once; then the cache is emptied and the address
    // loses its "next" (whoever signs in next starts at the dashboard).
    apolloClient.cache.writeQuery({ query: MeDocument, data: { me: null } });
    await resetForNewUser().catch(() => {});
    navigate("/signin", { replace: true });
  };

  const activeCount = sessions.data?.mySessions.filter((s) => isActive(s.status)).length ?? 0;

  return (
    <AppShellView
      username={me.username}
      isAdmin={me.role === "ADMIN"}
      route={route}
      activeSessions={activeCount}
      installation={installation.data?.installation}
      signingOut={signingOut}
      signOutError={signOutError}
      onDismissSignOutError={() => setSignOutError(undefined)}
      onSignOut={onSignOut}
    >
      {children}
    </AppShellView>
  );
}
