import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { IsIn, IsOptional, Max, MaxLength, Min } from "class-validator";

export enum KeepaliveAction {
  DESTROY = "DESTROY",
  STOP = "STOP",
  PAUSE = "PAUSE",
}
registerEnumType(KeepaliveAction, { name: "KeepaliveAction", description: "What happens to a session nobody kept alive." });

@ObjectType({ description: "Global defaults (administrators)." })
export class Settings {
  @Field(() => Int) sessionsPerUser: number;
  @Field(() => Int, { description: "Seconds without a keepalive before a running session is reaped." }) keepaliveExpiryS: number;
  @Field(() => KeepaliveAction) keepaliveAction: KeepaliveAction;
  @Field(() => String, { description: "Zone (by name) for users without one; empty: the oldest zone." }) defaultZone: string;
}

@InputType()
export class SettingsInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(1000) sessionsPerUser?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(60) @Max(30 * 24 * 3600) keepaliveExpiryS?: number;
  @Field(() => KeepaliveAction, { nullable: true }) @IsOptional() @IsIn(Object.values(KeepaliveAction)) keepaliveAction?: KeepaliveAction;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) defaultZone?: string;
}
