/** The API's limit on one message (after it trims the message and turns CRLF into LF). */
export const CHAT_MAX_LENGTH = 2000;

/** The message as the API will store it: line breaks made uniform, surrounding space trimmed. */
export function normalizeBody(text: string): string {
  return text.replace(/\r\n?/g, "\n").trim();
}

export type Draft = {
  /** Characters the API will count. */
  length: number;
  /** Characters left; negative when over the limit. */
  remaining: number;
  tooLong: boolean;
  empty: boolean;
  canSend: boolean;
};

export function draftState(text: string): Draft {
  const length = normalizeBody(text).length;
  const tooLong = length > CHAT_MAX_LENGTH;
  const empty = length === 0;
  return { length, remaining: CHAT_MAX_LENGTH - length, tooLong, empty, canSend: !empty && !tooLong };
}

/**
 * What a key press in the message box does: Enter sends, Shift+Enter (and Enter while an input
 * method is composing text, e.g. Japanese) types a new line as usual.
 */
export function enterAction(e: { key: string; shiftKey: boolean; isComposing: boolean }): "send" | "type" {
  return e.key === "Enter" && !e.shiftKey && !e.isComposing ? "send" : "type";
}
