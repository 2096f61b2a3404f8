import { Field, Float, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A workspace: a container image a session can be made from." })
export class Image {
  @Field(() => ID) id: string;
  @Field(() => String, { description: "Short unique name, e.g. 'desktop'." }) name: string;
  @Field(() => String) friendlyName: string;
  @Field(() => String) description: string;
  @Field(() => String, { description: "Image reference the agents pull (registry/name:tag)." }) ref: string;
  @Field(() => Float) cores: number;
  @Field(() => Int) memoryMb: number;
  @Field(() => [String]) categories: string[];
  @Field(() => String) thumbnailUrl: string;
  @Field(() => Boolean) enabled: boolean;
}
