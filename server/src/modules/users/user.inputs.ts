import { Field, ID, InputType } from "type-graphql";
import { IsOptional, Length } from "class-validator";
import { Role } from "../../generated/prisma/enums.js";

@InputType()
export class CreateUserInput {
  @Field(() => String) @Length(1, 64) username: string;
  // Checked by the password rules (user.service.ts), which say what is wrong in words.
  @Field(() => String, { nullable: true, description: "Omit to generate one (returned once)." }) @IsOptional() password?: string;
  @Field(() => Role, { defaultValue: "USER" }) role: Role;
  @Field(() => ID, { nullable: true }) @IsOptional() zoneId?: string;
}

@InputType({ description: "Changes to a user; omitted fields stay." })
export class UpdateUserInput {
  @Field(() => Role, { nullable: true }) @IsOptional() role?: Role;
  @Field(() => Boolean, { nullable: true, description: "A disabled user cannot sign in; their sign-ins end at once." }) @IsOptional() disabled?: boolean;
  @Field(() => ID, { nullable: true }) @IsOptional() zoneId?: string;
  @Field(() => Boolean, { nullable: true, description: "Users without a zone use the default zone." }) @IsOptional() clearZone?: boolean;
}
