import { Field, Float, ID, InputType, Int } from "type-graphql";
import { ArrayMaxSize, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from "class-validator";

@InputType()
export class EnvVarInput {
  @Field(() => String) @Matches(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, { message: "an environment variable name is letters, digits and _" }) name: string;
  @Field(() => String) @MaxLength(8192) value: string;
}

@InputType({ description: "A host folder mapped into sessions. {username} and {userId} in hostPath are replaced per user." })
export class VolumeInput {
  @Field(() => String) @Length(1, 1024) hostPath: string;
  @Field(() => String) @Matches(/^\/[^:]*$/, { message: "containerPath must be an absolute path without ':'" }) containerPath: string;
  @Field(() => Boolean, { defaultValue: false }) readOnly: boolean;
}

@InputType({ description: "Credentials for a private registry. Stored encrypted; never returned." })
export class RegistryAuthInput {
  @Field(() => String) @Length(1, 256) username: string;
  @Field(() => String) @Length(1, 4096) password: string;
}

const REF = /^[a-z0-9]+([._\-/:@][a-zA-Z0-9_.\-]+)*$/;
const NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const NETWORK = /^(bridge|none|[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63})$/;

/** Every setting of an image. On update, omitted fields keep their value. */
@InputType()
export class ImageInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(NAME, { message: "a name is 1-64 lowercase letters, digits, . _ -" }) name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 128) friendlyName?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(4000) description?: string;
  @Field(() => String, { nullable: true, description: "registry/name:tag" }) @IsOptional() @Length(1, 512) @Matches(REF, { message: "ref must look like registry/name:tag" }) ref?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0.01) @Max(256) cores?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(16) @Max(1 << 20) memoryMb?: number;
  @Field(() => Int, { nullable: true, description: "Size of /dev/shm in MB." }) @IsOptional() @Min(1) @Max(1 << 16) shmMb?: number;
  @Field(() => String, { nullable: true, description: "bridge, none, or a named Docker network." }) @IsOptional() @Matches(NETWORK, { message: "network is bridge, none or a Docker network name (host is never allowed)" }) network?: string;
  @Field(() => [EnvVarInput], { nullable: true }) @IsOptional() @ArrayMaxSize(200) @ValidateNested({ each: true }) env?: EnvVarInput[];
  @Field(() => [VolumeInput], { nullable: true }) @IsOptional() @ArrayMaxSize(50) @ValidateNested({ each: true }) volumes?: VolumeInput[];
  @Field(() => String, { nullable: true, description: "A JSON object of Docker create options, checked against an allow-list." }) @IsOptional() @MaxLength(65536) runConfig?: string;
  @Field(() => RegistryAuthInput, { nullable: true }) @IsOptional() @ValidateNested() registryAuth?: RegistryAuthInput;
  @Field(() => Boolean, { nullable: true, description: "Forget stored registry credentials." }) @IsOptional() clearRegistryAuth?: boolean;
  @Field(() => ID, { nullable: true, description: "Only place sessions in this zone." }) @IsOptional() zoneId?: string;
  @Field(() => ID, { nullable: true, description: "Only place sessions on this server." }) @IsOptional() serverId?: string;
  @Field(() => Boolean, { nullable: true, description: "Drop the zone and server restrictions." }) @IsOptional() clearRestrictions?: boolean;
  @Field(() => Int, { nullable: true, description: "Sessions end after this many seconds; 0 means no limit." }) @IsOptional() @Min(0) @Max(31 * 24 * 3600) sessionTimeLimitS?: number;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(20) @MaxLength(40, { each: true }) categories?: string[];
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200000) thumbnailUrl?: string;
  @Field(() => Boolean, { nullable: true }) @IsOptional() enabled?: boolean;
}
