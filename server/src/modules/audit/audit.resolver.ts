import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { requireAdmin } from "../../auth/policy.js";

@ObjectType({ description: "One recorded action." })
export class AuditEvent {
  @Field(() => ID) id: string;
  @Field(() => Date) at: Date;
  @Field(() => String, { description: "user, apikey, anonymous" }) actorKind: string;
  @Field(() => String) actorName: string;
  @Field(() => String, { description: "The operation, e.g. signIn, requestSession, updateServer." }) action: string;
  @Field(() => String, { description: "OK or the error code." }) outcome: string;
  @Field(() => String, { description: "The operation's variables as JSON, secrets redacted." }) detail: string;
  @Field(() => String) ip: string;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => [AuditEvent], { description: "Administrators: the audit log, newest first, filtered." })
  async auditEvents(
    @Ctx() { actor, services }: Context,
    @Arg("action", () => String, { nullable: true }) action: string | null,
    @Arg("actorName", () => String, { nullable: true }) actorName: string | null,
    @Arg("outcome", () => String, { nullable: true, description: "OK, or an error code such as UNAUTHENTICATED" }) outcome: string | null,
    @Arg("since", () => Date, { nullable: true }) since: Date | null,
    @Arg("first", () => Int, { defaultValue: 100 }) first: number,
  ): Promise<AuditEvent[]> {
    requireAdmin(actor);
    const rows = await services.db.auditEvent.findMany({
      where: {
        ...(action ? { action } : {}),
        ...(actorName ? { actorName } : {}),
        ...(outcome ? { outcome } : {}),
        ...(since ? { at: { gte: since } } : {}),
      },
      orderBy: { id: "desc" },
      take: Math.min(Math.max(first, 1), 1000),
    });
    return rows.map((r) => ({ ...r, id: r.id.toString(), detail: JSON.stringify(r.detail) }));
  }
}
