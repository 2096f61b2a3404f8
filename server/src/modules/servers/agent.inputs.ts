import { Field, Float, ID, InputType, Int, registerEnumType } from "type-graphql";
import { IsIn, IsOptional, Length, Matches, Max, MaxLength, Min, ArrayMaxSize, ValidateNested } from "class-validator";
import { ImagePullStatus } from "../../generated/prisma/enums.js";

/** Text that is stored: Postgres refuses NUL, so refuse it here (a clear BAD_USER_INPUT, not a database error). */
const NoNul = () => Matches(/^[^\u0000]*$/, { message: "$property must not contain NUL characters" });

registerEnumType(ImagePullStatus, { name: "ImagePullStatus", description: "Download state of an image on a server." });

@InputType({ description: "Facts about the agent's host, sent at registration and every check-in." })
export class HostFactsInput {
  @Field(() => String) @Length(1, 253) @NoNul() hostname: string;
  @Field(() => Float) @Min(0) @Max(4096) cores: number;
  @Field(() => Int) @Min(0) @Max(1 << 30) memoryMb: number;
  @Field(() => Int, { defaultValue: 0 }) @Min(0) @Max(2 ** 31 - 1) diskMb: number;
  @Field(() => Int, { defaultValue: 0 }) @Min(0) @Max(1024) gpus: number;
  @Field(() => String) @MaxLength(64) @NoNul() dockerVersion: string;
  @Field(() => String) @MaxLength(64) @NoNul() agentVersion: string;
  @Field(() => String, { description: "Address session ports are published on; the proxy connects there." })
  @Matches(/^[0-9a-fA-F.:]{2,45}$|^[a-zA-Z0-9.-]{1,253}$/)
  publishHost: string;
}

@InputType({ description: "Live utilisation of the host." })
export class ResourcesInput {
  @Field(() => Float) @Min(0) @Max(100000) cpuPercent: number;
  @Field(() => Int) @Min(0) @Max(1 << 30) memoryUsedMb: number;
}

export const CONTAINER_STATES = ["created", "running", "paused", "restarting", "removing", "exited", "dead"];

@InputType({ description: "A session container the agent found by its labels." })
export class ContainerReportInput {
  @Field(() => ID) @Length(36, 36) sessionId: string;
  @Field(() => String) @Length(1, 128) containerId: string;
  @Field(() => String) @IsIn(CONTAINER_STATES) state: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(65535) hostPort?: number | null;
}

@InputType({ description: "Download state of one image on this host." })
export class ImageReportInput {
  @Field(() => String) @Length(1, 512) ref: string;
  @Field(() => ImagePullStatus) status: ImagePullStatus;
  @Field(() => Float, { defaultValue: 0 }) @Min(0) @Max(1) progress: number;
  @Field(() => String, { defaultValue: "" }) @MaxLength(2000) @NoNul() message: string;
}

@InputType()
export class CheckInInput {
  @Field(() => HostFactsInput) @ValidateNested() host: HostFactsInput;
  @Field(() => ResourcesInput) @ValidateNested() resources: ResourcesInput;
  @Field(() => [ContainerReportInput]) @ArrayMaxSize(10000) @ValidateNested({ each: true })
  containers: ContainerReportInput[];
  @Field(() => [ImageReportInput], { defaultValue: [] }) @ArrayMaxSize(1000) @ValidateNested({ each: true })
  images: ImageReportInput[];
  @Field(() => [ID], { defaultValue: [], description: "Sessions the agent is working on right now (not yet judged missing)." })
  @ArrayMaxSize(10000)
  busySessionIds: string[];
}

export const REPORTABLE = ["STARTING", "RUNNING", "FAILED", "STOPPED"] as const;
export type ReportableStatus = (typeof REPORTABLE)[number];
export enum SessionReportStatus {
  STARTING = "STARTING",
  RUNNING = "RUNNING",
  FAILED = "FAILED",
  STOPPED = "STOPPED",
}
registerEnumType(SessionReportStatus, { name: "SessionReportStatus" });

@InputType({ description: "What the agent did with a session." })
export class SessionReportInput {
  @Field(() => ID) @Length(36, 36) sessionId: string;
  @Field(() => SessionReportStatus) status: SessionReportStatus;
  @Field(() => String, { defaultValue: "" }) @MaxLength(2000) @NoNul() message: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 128) @NoNul() containerId?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(65535) hostPort?: number | null;
}
