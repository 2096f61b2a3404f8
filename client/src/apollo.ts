import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { ErrorLink } from "@apollo/client/link/error";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { OperationTypeNode } from "graphql";
import { createClient } from "graphql-ws";
import { MeDocument } from "./generated/graphql";

// Same origin: nginx serves this app and forwards /graphql to a manager. The sign-in cookie
// (httpOnly) authenticates both the HTTP requests and the WebSocket.
const httpLink = new HttpLink({
  uri: "/graphql",
  credentials: "same-origin",
  // Apollo Server's CSRF prevention only accepts JSON POSTs (or a preflight header).
  headers: { "content-type": "application/json" },
});

const wsUrl = () => `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/graphql`;

export const wsClient = createClient({
  url: wsUrl,
  lazy: true,
  retryAttempts: Infinity,
  shouldRetry: () => true,
  // Back off up to ~10 s so a restarting manager is not hammered, yet comes back quickly.
  retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries))),
});

const wsLink = new GraphQLWsLink(wsClient);

// When the sign-in has expired, forget the user: the app then shows the sign-in page.
const signedOutLink = new ErrorLink(({ error, operation }) => {
  if (operation.operationName === "Me") return;
  if (!CombinedGraphQLErrors.is(error)) return;
  if (error.errors.some((e) => e.extensions?.code === "UNAUTHENTICATED")) {
    apolloClient.cache.writeQuery({ query: MeDocument, data: { me: null } });
  }
});

const transport = ApolloLink.split(
  (op) => op.operationType === OperationTypeNode.SUBSCRIPTION,
  wsLink,
  httpLink,
);

export const apolloClient = new ApolloClient({
  link: ApolloLink.from([signedOutLink, transport]),
  cache: new InMemoryCache(),
});

/**
 * After signing in or out: the WebSocket was authenticated by the old cookie, so drop it (the
 * next subscription opens a fresh one), forget everything cached for the old user and refetch
 * what is on screen (at least `me`). clearStore() would also drop the screen's cache watches.
 */
export async function resetForNewUser() {
  wsClient.terminate();
  await apolloClient.resetStore();
}
