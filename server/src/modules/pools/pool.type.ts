import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Ready sessions of an image kept waiting in a zone, so a launch takes one at once." })
export class WarmPool {
  @Field(() => ID) id: string;
  @Field(() => ID) imageId: string;
  @Field(() => String) imageName: string;
  @Field(() => ID) zoneId: string;
  @Field(() => String) zoneName: string;
  @Field(() => Int, { description: "How many ready sessions to keep waiting." }) size: number;
  @Field(() => Int, { description: "Waiting now, ready to be taken." }) ready: number;
  @Field(() => Int, { description: "Being started to refill the pool." }) starting: number;
  @Field(() => String, { description: "Why the pool is short, if it is (e.g. no capacity); empty otherwise." }) message: string;
}
