import type { ApolloCache } from "@apollo/client";
import { skipToken, useMutation, useQuery, useSubscription } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { errorMessage } from "../../errors";
import {
  ChatMessageAddedDocument,
  ChatMessagesDocument,
  MeDocument,
  SendChatMessageDocument,
  type ChatMessageFieldsFragment,
} from "../../generated/graphql";
import { normalizeBody } from "./chatInput";
import { addMessage, unreadCount } from "./messages";

export type Chat = {
  messages: ChatMessageFieldsFragment[];
  myId?: string;
  loading: boolean;
  loadError?: string;
  sending: boolean;
  sendError?: string;
  /** Resolves true when sent (the draft can be cleared), false when the API refused it. */
  send: (body: string) => Promise<boolean>;
  clearSendError: () => void;
  /** Others' messages that arrived while the panel was closed. */
  unread: number;
};

/**
 * The chat beside a session: its history, new messages as they are sent, and sending. Runs while
 * the session is shown (not only while the panel is open) so closed-panel messages can be counted.
 */
export function useChat(sessionId: string, enabled: boolean, open: boolean): Chat {
  const me = useQuery(MeDocument, { fetchPolicy: "cache-only" });
  const history = useQuery(ChatMessagesDocument, enabled ? { variables: { sessionId } } : skipToken);
  useSubscription(
    ChatMessageAddedDocument,
    enabled
      ? {
          variables: { sessionId },
          onData: ({ client, data }) => {
            if (data.data) addToHistory(client.cache, sessionId, data.data.chatMessageAdded);
          },
        }
      : skipToken,
  );
  const [sendMessage, { loading: sending }] = useMutation(SendChatMessageDocument);
  const [sendError, setSendError] = useState<string>();
  const messages = history.data?.chatMessages ?? [];
  const myId = me.data?.me?.id;
  const seen = useSeenUpTo(messages, !!history.data, open);

  const send = async (body: string) => {
    setSendError(undefined);
    try {
      await sendMessage({
        variables: { sessionId, body: normalizeBody(body) },
        update: (cache, { data }) => data && addToHistory(cache, sessionId, data.sendChatMessage),
      });
      return true;
    } catch (e) {
      setSendError(errorMessage(e));
      return false;
    }
  };

  return {
    messages,
    myId,
    loading: history.loading && !history.data,
    loadError: history.error && !history.data ? errorMessage(history.error) : undefined,
    sending,
    sendError,
    send,
    clearSendError: () => setSendError(undefined),
    unread: open || !seen.ready ? 0 : unreadCount(messages, seen.upTo, myId),
  };
}

/** The last message the user had in view: the history as first loaded, then whatever the open panel showed. */
function useSeenUpTo(messages: ChatMessageFieldsFragment[], loaded: boolean, open: boolean) {
  const [seen, setSeen] = useState<{ ready: boolean; upTo?: string }>({ ready: false });
  const lastId = messages[messages.length - 1]?.id;
  useEffect(() => {
    if (!loaded) return;
    setSeen((prev) => (open || !prev.ready ? { ready: true, upTo: lastId } : prev));
  }, [loaded, open, lastId]);
  return seen;
}

function addToHistory(cache: ApolloCache, sessionId: string, message: ChatMessageFieldsFragment) {
  cache.updateQuery({ query: ChatMessagesDocument, variables: { sessionId } }, (prev) =>
    prev ? { chatMessages: addMessage(prev.chatMessages, message) } : undefined,
  );
}
