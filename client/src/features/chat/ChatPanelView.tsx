import { useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { Icon } from "../../components/Icon";
import { Spinner } from "../../components/Spinner";
import type { ChatMessageFieldsFragment } from "../../generated/graphql";
import { CHAT_MAX_LENGTH, draftState, enterAction } from "./chatInput";
import "../sharing/sharing.css";

type Props = {
  messages: ChatMessageFieldsFragment[];
  myId?: string;
  loading: boolean;
  loadError?: string;
  sending: boolean;
  sendError?: string;
  onSend: (body: string) => Promise<boolean>;
  onDraftEdit: () => void;
  onClose: () => void;
};

/**
 * The chat beside a session. Messages are people's plain text: they are rendered as React text
 * nodes only (CSS keeps their line breaks), never as HTML.
 */
export function ChatPanelView(p: Props) {
  const [draft, setDraft] = useState("");
  const state = draftState(draft);
  const list = useStickToBottom(p.messages.length);

  const submit = async () => {
    if (!state.canSend || p.sending) return;
    if (await p.onSend(draft)) setDraft("");
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (enterAction({ key: e.key, shiftKey: e.shiftKey, isComposing: e.nativeEvent.isComposing }) !== "send") return;
    e.preventDefault();
    void submit();
  };

  return (
    <aside className="chat" aria-label="Chat" data-testid="chat-panel">
      <header className="chat__head">
        <Icon name="chat" />
        <h2 className="chat__title">Chat</h2>
        <button type="button" className="icon-button" onClick={p.onClose} aria-label="Close chat" data-testid="chat-close">
          <Icon name="close" />
        </button>
      </header>

      <div className="chat__scroll" ref={list}>
        {p.loading && <div className="chat__empty"><Spinner size="sm" /> Loading messages…</div>}
        {p.loadError && <div className="chat__empty chat__empty--error">{p.loadError}</div>}
        {!p.loading && !p.loadError && p.messages.length === 0 && (
          <div className="chat__empty">No messages yet. Everyone watching this session sees what you write here.</div>
        )}
        <ol className="chat__list">
          {p.messages.map((m) => (
            <li key={m.id} className={`chat__msg${m.authorId === p.myId ? " chat__msg--own" : ""}`} data-testid="chat-message" data-author={m.authorName}>
              <div className="chat__meta">
                <span className="chat__author">{m.authorName}</span>
                <time className="chat__time" dateTime={m.createdAt} title={new Date(m.createdAt).toLocaleString()}>
                  {clock(m.createdAt)}
                </time>
              </div>
              <p className="chat__body">{m.body}</p>
            </li>
          ))}
        </ol>
      </div>

      <form
        className="chat__compose"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {p.sendError && (
          <p className="chat__error" role="alert" data-testid="chat-error">{p.sendError}</p>
        )}
        <textarea
          className="chat__input"
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            if (p.sendError) p.onDraftEdit();
          }}
          onKeyDown={onKeyDown}
          rows={3}
          placeholder="Write a message…"
          aria-label="Message"
          aria-describedby="chat-hint"
          aria-invalid={state.tooLong || undefined}
          data-testid="chat-input"
        />
        <div className="chat__row">
          <span id="chat-hint" className="chat__hint">Shift+Enter for a new line</span>
          <span className={state.tooLong ? "chat__count chat__count--over" : "chat__count"} data-testid="chat-counter">
            {state.length} / {CHAT_MAX_LENGTH}
          </span>
          <button type="submit" className="button button--primary button--sm" disabled={!state.canSend || p.sending} data-testid="chat-send">
            <Icon name="send" /> {p.sending ? "Sending…" : "Send"}
          </button>
        </div>
      </form>
    </aside>
  );
}

function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** Keeps the newest message in view as messages arrive, unless the reader scrolled up to read. */
function useStickToBottom(count: number) {
  const ref = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onScroll = () => {
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    };
    el.addEventListener("scroll", onScroll);
    return () => el.removeEventListener("scroll", onScroll);
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [count]);
  return ref;
}
