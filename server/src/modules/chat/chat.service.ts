import type { Redis } from "ioredis";
import type { Db } from "../../db.js";
import type { Actor } from "../../auth/actor.js";
import { canChat, requireUser, type ActiveViewer } from "../../auth/policy.js";
import { badInput, forbidden } from "../../errors.js";
import { rateLimit } from "../../rate-limit.js";
import type { Events } from "../../pubsub.js";
import { isUuid } from "../../validation.js";
import type { SessionService } from "../sessions/session.service.js";
import { isEnded } from "../sessions/session.state.js";
import type { SessionStatus } from "../../generated/prisma/enums.js";
import type { ChatMessage } from "./chat.type.js";

export const CHAT_MAX_LENGTH = 2000;
export const CHAT_RATE = { messages: 5, windowS: 10 };

const withAuthor = { user: { select: { username: true } } } as const;
type Row = { id: string; sessionId: string; userId: string; body: string; createdAt: Date; user: { username: string } };

/**
 * What every subscriber of one chat event needs, read once per event on this manager: the
 * message, the session's owner and state, and the viewers of its active share. Each subscriber
 * is then decided in memory with the same policy `mayChat` uses.
 */
type EventReading = {
  session: { userId: string; status: SessionStatus } | null;
  viewers: Map<string, ActiveViewer>;
  message: Row | null;
};
/** How long one event's reading serves its subscribers (they all ask within moments of each other). */
const EVENT_READING_MS = 2000;

export class ChatService {
  constructor(
    private readonly db: Db,
    private readonly events: Events,
    private readonly sessions: SessionService,
    private readonly redis: Redis,
  ) {}

  private readonly readings = new Map<string, Promise<EventReading>>();

  async send(actor: Actor, sessionId: string, rawBody: string): Promise<ChatMessage> {
    const user = requireUser(actor);
    const body = rawBody.replace(/\r\n?/g, "\n").trim();
    if (!body) throw badInput("a message cannot be empty");
    if (body.length > CHAT_MAX_LENGTH) throw badInput(`a message is at most ${CHAT_MAX_LENGTH} characters (this one has ${body.length})`);
    await this.mayChat(actor, sessionId);
    await this.rateLimit(user.userId);
    const row = await this.db.chatMessage.create({ data: { sessionId, userId: user.userId, body }, include: withAuthor });
    await this.events.publish(`chat/${sessionId}`, { id: row.id });
    return view(row);
  }

  async history(actor: Actor, sessionId: string, limit = 200): Promise<ChatMessage[]> {
    await this.mayChat(actor, sessionId);
    const rows = await this.db.chatMessage.findMany({ where: { sessionId }, include: withAuthor, orderBy: { createdAt: "desc" }, take: Math.min(limit, 500) });
    return rows.reverse().map(view);
  }

  /**
   * One message for a subscriber, re-authorised: a removed viewer gets FORBIDDEN and the
   * subscription ends. The reading behind it is shared by every subscriber of the same event.
   */
  async forSubscriber(actor: Actor, sessionId: string, id: string): Promise<ChatMessage> {
    const user = requireUser(actor);
    if (!isUuid(sessionId) || !isUuid(id)) throw forbidden("you cannot chat in this session");
    const { session, viewers, message } = await this.reading(sessionId, id);
    const viewer = session && session.userId !== user.userId ? (viewers.get(user.userId) ?? null) : null;
    if (!session || isEnded(session.status) || !canChat(actor, session, viewer)) throw forbidden("you cannot chat in this session");
    if (!message || message.sessionId !== sessionId) throw forbidden("that message is gone");
    return view(message);
  }

  /** The reading for one event: the first subscriber to ask starts it, the others await it. */
  private reading(sessionId: string, messageId: string): Promise<EventReading> {
    const key = `${sessionId}/${messageId}`;
    let reading = this.readings.get(key);
    if (!reading) {
      reading = this.read(sessionId, messageId);
      this.readings.set(key, reading);
      const forget = () => this.readings.delete(key);
      setTimeout(forget, EVENT_READING_MS).unref();
      reading.catch(forget);
    }
    return reading;
  }

  private async read(sessionId: string, messageId: string): Promise<EventReading> {
    const [session, viewerRows, message] = await Promise.all([
      this.db.session.findUnique({ where: { id: sessionId }, select: { userId: true, status: true } }),
      this.db.shareViewer.findMany({
        where: { removedAt: null, share: { sessionId, active: true } },
        select: { userId: true, shareId: true, share: { select: { mode: true } } },
      }),
      this.db.chatMessage.findUnique({ where: { id: messageId }, include: withAuthor }),
    ]);
    const viewers = new Map<string, ActiveViewer>(viewerRows.map((v) => [v.userId, { shareId: v.shareId, mode: v.share.mode }]));
    return { session, viewers, message };
  }

  async mayChat(actor: Actor, sessionId: string) {
    if (!isUuid(sessionId)) throw forbidden("you cannot chat in this session");
    const s = await this.sessions.get(actor, sessionId, { strict: true });
    if (!s.viewerCan.chat) throw forbidden("you cannot chat in this session");
  }

  private rateLimit(userId: string) {
    return rateLimit(this.redis, `chat:${userId}`, CHAT_RATE.messages, CHAT_RATE.windowS, "messages");
  }
}

const view = (r: Row): ChatMessage => ({ id: r.id, sessionId: r.sessionId, authorId: r.userId, authorName: r.user.username, body: r.body, createdAt: r.createdAt });
