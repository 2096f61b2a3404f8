import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { IsOptional, Max, Min } from "class-validator";
import { ImagePullStatus } from "../../generated/prisma/enums.js";

export enum ServerStatusEnum {
  ONLINE = "ONLINE",
  OFFLINE = "OFFLINE",
  DRAINING = "DRAINING",
  DISABLED = "DISABLED",
}
registerEnumType(ServerStatusEnum, {
  name: "ServerStatus",
  description: "ONLINE: checking in and taking sessions. OFFLINE: missed its check-ins. DRAINING: no new sessions. DISABLED: switched off by an administrator.",
});

@ObjectType({ description: "Download state of one image on one server." })
export class ServerImageState {
  @Field(() => ID) serverId: string;
  @Field(() => ID) imageId: string;
  @Field(() => String) imageName: string;
  @Field(() => ImagePullStatus) status: ImagePullStatus;
  @Field(() => Float, { description: "0 to 1 while PULLING." }) progress: number;
  @Field(() => String) message: string;
  @Field(() => Date) updatedAt: Date;
}

@ObjectType({ description: "A Docker host running an agent." })
export class Server {
  @Field(() => ID) id: string;
  @Field(() => String) hostname: string;
  @Field(() => ID) zoneId: string;
  @Field(() => String) zoneName: string;
  @Field(() => ServerStatusEnum) status: ServerStatusEnum;
  @Field(() => Boolean) enabled: boolean;
  @Field(() => Boolean) draining: boolean;
  @Field(() => Boolean, { description: "Remove images that are no longer registered." }) pruneImages: boolean;
  @Field(() => String) agentVersion: string;
  @Field(() => String) dockerVersion: string;
  @Field(() => String) publishHost: string;
  @Field(() => Float, { description: "Cores the host reports." }) cores: number;
  @Field(() => Int) memoryMb: number;
  @Field(() => Float, { nullable: true }) coresOverride: number | null;
  @Field(() => Int, { nullable: true }) memoryMbOverride: number | null;
  @Field(() => Float, { description: "Cores placement may use (the override, if set)." }) effectiveCores: number;
  @Field(() => Int) effectiveMemoryMb: number;
  @Field(() => Float, { description: "Cores reserved by its sessions." }) allocatedCores: number;
  @Field(() => Int) allocatedMemoryMb: number;
  @Field(() => Int) sessionCount: number;
  @Field(() => Int) diskMb: number;
  @Field(() => Int) gpus: number;
  @Field(() => Float) cpuPercent: number;
  @Field(() => Int) memoryUsedMb: number;
  @Field(() => Date, { nullable: true }) lastCheckInAt: Date | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => [ServerImageState]) images: ServerImageState[];
}

@InputType({ description: "Changes to a server; omitted fields stay as they are. Set clearOverrides to drop both overrides." })
export class UpdateServerInput {
  @Field(() => Boolean, { nullable: true }) enabled?: boolean;
  @Field(() => Boolean, { nullable: true }) draining?: boolean;
  @Field(() => Boolean, { nullable: true }) pruneImages?: boolean;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(4096) coresOverride?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(1 << 30) memoryMbOverride?: number;
  @Field(() => Boolean, { nullable: true }) clearOverrides?: boolean;
  @Field(() => ID, { nullable: true, description: "Move the server to another zone." }) zoneId?: string;
}
