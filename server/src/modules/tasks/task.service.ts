import { randomUUID } from "node:crypto";
import type { Db } from "../../db.js";
import type { Actor, AgentActor } from "../../auth/actor.js";
import { acting, authorize, canManageSession, requireUser } from "../../auth/policy.js";
import { DomainError, badInput, conflict, notFound } from "../../errors.js";
import type { Events } from "../../pubsub.js";
import { isUuid } from "../../validation.js";
import { nudgeServer } from "../sessions/session.topics.js";
import type { AgentTask, CommandResult, Screenshot, TaskResultInput } from "./task.types.js";

const TASK_TTL_S = 600;

/**
 * Commands and screenshots run by a session's agent. The manager never dials agents: a task
 * waits in Redis (any manager can hand it out), the agent gets it with its next check-in (nudged
 * at once), runs it in the container and reports; the waiting manager hears of it through Redis.
 */
export class TaskService {
  constructor(private readonly db: Db, private readonly events: Events) {}

  async runCommand(actor: Actor, sessionId: string, command: string[], timeoutS: number): Promise<CommandResult> {
    if (command.length === 0 || command.some((c) => c.length > 8192) || command.length > 256) throw badInput("command is 1 to 256 arguments of at most 8192 characters");
    const r = await this.run(acting(actor, "sessions:write"), sessionId, { kind: "exec", command, timeoutS: Math.min(Math.max(timeoutS, 1), 300) });
    return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, truncated: r.truncated };
  }

  async screenshot(actor: Actor, sessionId: string): Promise<Screenshot> {
    const r = await this.run(acting(actor, "sessions:read"), sessionId, { kind: "screenshot", command: ["berth-gateway", "screenshot"], timeoutS: 20 });
    if (r.exitCode !== 0) throw new DomainError("UNAVAILABLE", `the session could not take a screenshot: ${(r.stderr || r.stdout).trim().slice(0, 300)}`);
    const png = Buffer.from(r.stdout.trim(), "base64");
    if (png.length < 24 || png.toString("latin1", 1, 4) !== "PNG") throw new DomainError("UNAVAILABLE", "the session's screenshot was not a PNG");
    return { pngBase64: png.toString("base64"), width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  }

  /** Tasks waiting for a server's agent (part of its desired state). */
  async pendingFor(serverId: string): Promise<AgentTask[]> {
    const all = await this.events.redis.hgetall(`berth:tasks:${serverId}`);
    return Object.values(all).map((v) => JSON.parse(v) as AgentTask);
  }

  async report(agent: AgentActor, input: TaskResultInput): Promise<boolean> {
    const key = `berth:tasks:${agent.serverId}`;
    const removed = await this.events.redis.hdel(key, input.taskId);
    if (!removed) return false; // unknown, or already reported
    await this.events.redis.set(`berth:task-result:${input.taskId}`, JSON.stringify(input), "EX", TASK_TTL_S);
    await this.events.publish(`task/${input.taskId}`, { id: input.taskId });
    return true;
  }

  private async run(actor: Actor, sessionId: string, t: Omit<AgentTask, "id" | "sessionId">): Promise<TaskResultInput> {
    requireUser(actor);
    const session = isUuid(sessionId) ? await this.db.session.findUnique({ where: { id: sessionId } }) : null;
    if (!session) throw notFound("session", sessionId);
    authorize(canManageSession(actor, session), "only the session's owner, an administrator or an API key with the right scope can do that");
    if (session.status !== "RUNNING" || !session.serverId) throw conflict(`the session is ${session.status.toLowerCase()}, not running`);
    const task: AgentTask = { id: randomUUID(), sessionId, ...t };
    // Listen before handing the task out, so the answer cannot slip past.
    const answer = this.events.subscribe(`task/${task.id}`)[Symbol.asyncIterator]();
    const arrived = answer.next();
    await this.events.redis.hset(`berth:tasks:${session.serverId}`, task.id, JSON.stringify(task));
    await this.events.redis.expire(`berth:tasks:${session.serverId}`, TASK_TTL_S);
    await nudgeServer(this.events, session.serverId, `task ${t.kind}`);
    const timeoutMs = (t.timeoutS + 15) * 1000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), timeoutMs)));
    const outcome = await Promise.race([arrived, timedOut]);
    clearTimeout(timer);
    void answer.return?.();
    const stored = await this.events.redis.get(`berth:task-result:${task.id}`);
    if (!stored) {
      await this.events.redis.hdel(`berth:tasks:${session.serverId}`, task.id);
      throw new DomainError("UNAVAILABLE", outcome === "timeout" ? `the session's server did not answer within ${Math.round(timeoutMs / 1000)} s` : "the task's result was lost; try again");
    }
    const result = JSON.parse(stored) as TaskResultInput;
    if (result.error) throw new DomainError("UNAVAILABLE", `the command could not run: ${result.error}`);
    return result;
  }
}
