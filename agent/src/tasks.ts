import type { ReportTaskMutationVariables } from "./api/generated/graphql.js";
import { errorText, log } from "./log.js";
import type { Provider } from "./providers/provider.js";
import type { DesiredState } from "./reconcile.js";

export type AgentTask = DesiredState["tasks"][number];
type TaskResult = ReportTaskMutationVariables["input"];

const MAX_OUTPUT = 1 << 20;

/**
 * Runs the manager's tasks (a command, a screenshot) in session containers, each once: a task
 * stays in the desired state until reported, so it is remembered while it runs.
 */
export class TaskRunner {
  private readonly started = new Set<string>();

  constructor(
    private readonly provider: Pick<Provider, "list" | "exec">,
    private readonly report: (r: TaskResult) => Promise<void>,
  ) {}

  apply(tasks: AgentTask[]): void {
    const current = new Set(tasks.map((t) => t.id));
    for (const id of this.started) if (!current.has(id)) this.started.delete(id);
    for (const t of tasks) {
      if (this.started.has(t.id)) continue;
      this.started.add(t.id);
      void this.run(t);
    }
  }

  private async run(t: AgentTask): Promise<void> {
    const started = Date.now();
    try {
      const container = (await this.provider.list()).find((c) => c.sessionId === t.sessionId && c.state === "running");
      if (!container) throw new Error("the session has no running container on this server");
      const r = await this.provider.exec(container.containerId, t.command, { timeoutMs: t.timeoutS * 1000, maxOutputBytes: t.kind === "screenshot" ? 4 * MAX_OUTPUT : MAX_OUTPUT });
      await this.report({ taskId: t.id, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr.slice(0, MAX_OUTPUT), truncated: r.truncated });
      log.info("task done", { taskId: t.id, kind: t.kind, sessionId: t.sessionId, exitCode: r.exitCode, ms: Date.now() - started });
    } catch (e) {
      log.warn("task failed", { taskId: t.id, kind: t.kind, sessionId: t.sessionId, error: errorText(e) });
      await this.report({ taskId: t.id, exitCode: -1, stdout: "", stderr: "", truncated: false, error: errorText(e) });
    }
  }
}
