import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A manager process. Alive while its heartbeat is fresh." })
export class Manager {
  @Field(() => ID) id: string;
  @Field(() => String) hostname: string;
  @Field(() => String) url: string;
  @Field(() => String) version: string;
  @Field(() => String, { nullable: true }) zoneName: string | null;
  @Field(() => Date) startedAt: Date;
  @Field(() => Date) heartbeatAt: Date;
  @Field(() => Boolean) alive: boolean;
}
