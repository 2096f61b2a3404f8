import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { requireAgent } from "../../auth/policy.js";
import { CommandResult, Screenshot, TaskResultInput } from "./task.types.js";

@Resolver()
export class TaskResolver {
  @Mutation(() => CommandResult, { description: "Runs a command inside a running session as its user (owner, administrators, API keys with sessions:write)." })
  runCommand(
    @Arg("sessionId", () => ID) sessionId: string,
    @Arg("command", () => [String]) command: string[],
    @Arg("timeoutS", () => Int, { defaultValue: 30 }) timeoutS: number,
    @Ctx() { actor, services }: Context,
  ): Promise<CommandResult> {
    return services.tasks.runCommand(actor, sessionId, command, timeoutS);
  }

  @Query(() => Screenshot, { description: "A PNG of a running session's screen (owner, administrators, API keys with sessions:read)." })
  screenshot(@Arg("sessionId", () => ID) sessionId: string, @Ctx() { actor, services }: Context): Promise<Screenshot> {
    return services.tasks.screenshot(actor, sessionId);
  }

  @Mutation(() => Boolean, { description: "Agents: the result of a task." })
  reportTask(@Arg("input", () => TaskResultInput) input: TaskResultInput, @Ctx() { actor, services }: Context): Promise<boolean> {
    return services.tasks.report(requireAgent(actor), input);
  }
}
