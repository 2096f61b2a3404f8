import { Field, ID, Int, ObjectType } from "type-graphql";
import { Role } from "../../generated/prisma/enums.js";

@ObjectType({ description: "A user as administrators see them." })
export class UserAccount {
  @Field(() => ID) id: string;
  @Field(() => String) username: string;
  @Field(() => Role) role: Role;
  @Field(() => Boolean) disabled: boolean;
  @Field(() => ID, { nullable: true }) zoneId: string | null;
  @Field(() => String, { nullable: true }) zoneName: string | null;
  @Field(() => Int, { description: "Sessions not yet ended." }) activeSessions: number;
  @Field(() => Date) createdAt: Date;
}

@ObjectType()
export class NewPassword {
  @Field(() => UserAccount) user: UserAccount;
  @Field(() => String, { description: "Shown only in this answer." }) password: string;
}
