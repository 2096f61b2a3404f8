import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Role } from "../../generated/prisma/enums.js";

registerEnumType(Role, { name: "Role", description: "What a user may do: ADMIN runs the fleet, USER launches sessions." });

@ObjectType({ description: "A person who signs in to Berth." })
export class User {
  @Field(() => ID) id: string;
  @Field(() => String) username: string;
  @Field(() => Role) role: Role;
  @Field(() => Date) createdAt: Date;
}
