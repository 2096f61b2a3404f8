import { useMutation } from "@apollo/client/react";
import { apolloClient, resetForNewUser } from "../../apollo";
import { errorMessage } from "../../errors";
import { MeDocument, SignInDocument } from "../../generated/graphql";
import { useTitle } from "../../useTitle";
import { SignInPageView } from "./SignInPageView";

/** Signs in; the app then returns to the page the user first asked for. */
export function SignInPage() {
  useTitle("Sign in");
  const [signIn, { loading, error, reset }] = useMutation(SignInDocument);

  const submit = async (username: string, password: string) => {
    const { data } = await signIn({ variables: { username, password } }).catch(() => ({ data: undefined }));
    if (!data) return;
    // A fresh start for the new user: nothing cached from before, a new authenticated socket,
    // and `me` asked again, which takes the app to the page the user wanted.
    await resetForNewUser().catch(() => {
      apolloClient.cache.writeQuery({ query: MeDocument, data: { me: data.signIn } });
    });
  };

  return <SignInPageView busy={loading} error={error ? errorMessage(error) : undefined} onSubmit={submit} onEdit={reset} />;
}
