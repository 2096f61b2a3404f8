import type { Redis } from "ioredis";
import type { Db } from "../../db.js";
import type { Actor } from "../../auth/actor.js";
import { requireUser } from "../../auth/policy.js";
import { badInput, forbidden } from "../../errors.js";
import { rateLimit } from "../../rate-limit.js";
import type { Events } from "../../pubsub.js";
import { isUuid } from "../../validation.js";
import type { SessionService } from "../sessions/session.service.js";
import type { ChatMessage } from "./chat.type.js";

export const CHAT_MAX_LENGTH = 2000;
export const CHAT_RATE = { messages: 5, windowS: 10 };

const withAuthor = { user: { select: { username: true } } } as const;
type Row = { id: string; sessionId: string; userId: string; body: string; createdAt: Date; user: { username: string } };

export class ChatService {
  constructor(
    private readonly db: Db,
    private readonly events: Events,
    private readonly sessions: SessionService,
    private readonly redis: Redis,
  ) {}

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

  /** One message for a subscriber, re-authorised: a removed viewer gets FORBIDDEN and the subscription ends. */
  async forSubscriber(actor: Actor, sessionId: string, id: string): Promise<ChatMessage> {
    await this.mayChat(actor, sessionId);
    const row = await this.db.chatMessage.findUnique({ where: { id }, include: withAuthor });
    if (!row || row.sessionId !== sessionId) throw forbidden("that message is gone");
    return view(row);
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
