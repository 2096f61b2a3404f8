import { Field, Float, ID, Int, ObjectType } from "type-graphql";

@ObjectType()
export class ImageEnvVar {
  @Field(() => String) name: string;
  @Field(() => String) value: string;
}

@ObjectType()
export class ImageVolume {
  @Field(() => String) hostPath: string;
  @Field(() => String) containerPath: string;
  @Field(() => Boolean) readOnly: boolean;
}

@ObjectType({ description: "A workspace: a container image a session can be made from." })
export class Image {
  @Field(() => ID) id: string;
  @Field(() => String, { description: "Short unique name, e.g. 'desktop'." }) name: string;
  @Field(() => String) friendlyName: string;
  @Field(() => String) description: string;
  @Field(() => String, { description: "Image reference the agents pull (registry/name:tag)." }) ref: string;
  @Field(() => Float) cores: number;
  @Field(() => Int) memoryMb: number;
  @Field(() => Int) shmMb: number;
  @Field(() => String) network: string;
  @Field(() => [ImageEnvVar], { description: "Administrators only; empty for others." }) env: ImageEnvVar[];
  @Field(() => [ImageVolume], { description: "Administrators only; empty for others." }) volumes: ImageVolume[];
  @Field(() => String, { description: "Administrators only: the run-config override as JSON." }) runConfig: string;
  @Field(() => Boolean, { description: "Whether registry credentials are stored (they are never returned)." }) hasRegistryAuth: boolean;
  @Field(() => ID, { nullable: true }) zoneId: string | null;
  @Field(() => ID, { nullable: true }) serverId: string | null;
  @Field(() => Int, { nullable: true }) sessionTimeLimitS: number | null;
  @Field(() => [String]) categories: string[];
  @Field(() => String) thumbnailUrl: string;
  @Field(() => Boolean) enabled: boolean;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date) updatedAt: Date;
}
