import { Field, Float, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "What administrators see under System Info." })
export class SystemInfo {
  @Field(() => ID, { description: "Generated once at first set-up; never changes." }) installationId: string;
  @Field(() => Date) installedAt: Date;
  @Field(() => String) version: string;
  @Field(() => Int, { description: "Seconds this manager has been running." }) uptimeS: number;
  @Field(() => Int) users: number;
  @Field(() => Int) images: number;
  @Field(() => Int) servers: number;
  @Field(() => Int, { description: "Servers checking in now." }) serversOnline: number;
  @Field(() => Int, { description: "Sessions not yet ended." }) sessions: number;
  @Field(() => Int) sessionsRunning: number;
  @Field(() => Int, { description: "Managers with a fresh heartbeat." }) managersAlive: number;
}

@ObjectType({ description: "One utilisation sample of one server." })
export class ServerSample {
  @Field(() => ID) serverId: string;
  @Field(() => Date) at: Date;
  @Field(() => Float) cpuPercent: number;
  @Field(() => Int) memoryUsedMb: number;
  @Field(() => Int) sessions: number;
}
