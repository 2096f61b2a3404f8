import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { acting } from "../../auth/policy.js";
import { CreateZoneInput, UpdateZoneInput } from "./zone.inputs.js";
import { EnrollmentToken, NewEnrollmentToken, Zone } from "./zone.type.js";

@Resolver(() => Zone)
export class ZoneResolver {
  @Query(() => [Zone], { description: "Administrators: every zone." })
  zones(@Ctx() { actor, services }: Context): Promise<Zone[]> {
    return services.zones.list(acting(actor, "fleet:read"));
  }

  @Mutation(() => Zone)
  createZone(@Arg("input", () => CreateZoneInput) input: CreateZoneInput, @Ctx() { actor, services }: Context): Promise<Zone> {
    return services.zones.create(actor, input);
  }

  @Mutation(() => Zone, { description: "Rename a zone or change its placement settings." })
  updateZone(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateZoneInput) input: UpdateZoneInput,
    @Ctx() { actor, services }: Context,
  ): Promise<Zone> {
    return services.zones.update(actor, id, input);
  }

  @Mutation(() => Zone, { description: "Deletes an empty zone (refused while servers or users belong to it)." })
  deleteZone(@Arg("id", () => ID) id: string, @Ctx() { actor, services }: Context): Promise<Zone> {
    return services.zones.delete(actor, id);
  }

  @Query(() => [EnrollmentToken], { description: "Administrators: enrollment tokens (masked), newest first." })
  enrollmentTokens(@Arg("zoneId", () => ID, { nullable: true }) zoneId: string | null, @Ctx() { actor, services }: Context): Promise<EnrollmentToken[]> {
    return services.zones.enrollmentTokens(actor, zoneId);
  }

  @Mutation(() => NewEnrollmentToken, { description: "A new token agents use to join a zone. The token is shown only in this answer." })
  createEnrollmentToken(
    @Arg("zoneId", () => ID) zoneId: string,
    @Arg("name", () => String, { defaultValue: "" }) name: string,
    @Ctx() { actor, services }: Context,
  ): Promise<NewEnrollmentToken> {
    return services.zones.issueEnrollmentToken(actor, zoneId, name);
  }

  @Mutation(() => EnrollmentToken, { description: "Revokes a token at once; agents already enrolled keep working." })
  revokeEnrollmentToken(@Arg("id", () => ID) id: string, @Ctx() { actor, services }: Context): Promise<EnrollmentToken> {
    return services.zones.revokeEnrollmentToken(actor, id);
  }
}
