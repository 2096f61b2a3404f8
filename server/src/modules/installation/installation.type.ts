import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "This Berth installation." })
export class Installation {
  @Field(() => ID, { description: "Generated once at first set-up; never changes." }) id: string;
  @Field(() => Date) createdAt: Date;
  @Field(() => String, { description: "Version of the manager answering." }) version: string;
}
