import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { PlacementStrategy } from "../../generated/prisma/enums.js";

registerEnumType(PlacementStrategy, {
  name: "PlacementStrategy",
  description: "LEAST_LOAD: the server with the most free memory (then cores). MOST_LOAD: pack the fullest server that fits. ROUND_ROBIN: the server that waited longest.",
});

@ObjectType({ description: "A deployment zone: a group of servers (and managers) in one area." })
export class Zone {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => PlacementStrategy) strategy: PlacementStrategy;
  @Field(() => Boolean, { description: "Place sessions in other zones when this one is full." }) searchAlternateZones: boolean;
  @Field(() => Date) createdAt: Date;
}

@ObjectType({ description: "An enrollment token, masked: only its first characters are ever shown again." })
export class EnrollmentToken {
  @Field(() => ID) id: string;
  @Field(() => ID) zoneId: string;
  @Field(() => String) name: string;
  @Field(() => String, { description: "The token's first characters, to tell tokens apart." }) prefix: string;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}

@ObjectType()
export class NewEnrollmentToken {
  @Field(() => String, { description: "The token itself. Shown only now: copy it to the agent host." }) token: string;
  @Field(() => EnrollmentToken) enrollmentToken: EnrollmentToken;
}
