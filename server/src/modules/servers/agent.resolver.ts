import { Arg, Ctx, Mutation, Resolver, Root, Subscription, type SubscribeResolverData } from "type-graphql";
import type { Context } from "../../context.js";
import { requireAgent } from "../../auth/policy.js";
import { CheckInInput, HostFactsInput, SessionReportInput } from "./agent.inputs.js";
import { AgentRegistration, AgentSignal, DesiredState } from "./agent.types.js";

/** The agent protocol. Agents only dial out: these operations are all they use. */
@Resolver()
export class AgentResolver {
  @Mutation(() => AgentRegistration, { description: "Agents: join the zone an enrollment token belongs to." })
  registerAgent(
    @Arg("enrollmentToken", () => String) enrollmentToken: string,
    @Arg("host", () => HostFactsInput) host: HostFactsInput,
    @Ctx() { services }: Context,
  ): Promise<AgentRegistration> {
    return services.agents.register(enrollmentToken, host);
  }

  @Mutation(() => DesiredState, { description: "Agents: report host facts and containers; the answer is the desired state." })
  checkIn(@Arg("input", () => CheckInInput) input: CheckInInput, @Ctx() { actor, services }: Context): Promise<DesiredState> {
    return services.agents.checkIn(requireAgent(actor), input);
  }

  @Mutation(() => Boolean, { description: "Agents: report what happened to one session." })
  reportSession(@Arg("input", () => SessionReportInput) input: SessionReportInput, @Ctx() { actor, services }: Context): Promise<boolean> {
    return services.agents.report(requireAgent(actor), input);
  }

  @Subscription(() => AgentSignal, {
    description: "Agents: a nudge whenever this server's desired state changed; check in on each.",
    subscribe: async function* ({ context }: SubscribeResolverData<unknown, object, Context>) {
      const agent = requireAgent(context.actor);
      yield { reason: "connected" };
      for await (const e of context.services.events.subscribe(`server/${agent.serverId}/sync`)) yield e;
    },
  })
  agentSignals(@Root() signal: AgentSignal): AgentSignal {
    return signal;
  }
}
