import { Field, ID, InputType, ObjectType } from "type-graphql";
import { ArrayMaxSize, IsOptional, Length } from "class-validator";

@ObjectType({ description: "An API key, without its secret." })
export class ApiKey {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => String, { description: "The secret's first characters, to tell keys apart." }) prefix: string;
  @Field(() => [String]) scopes: string[];
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) expiresAt: Date | null;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}

@ObjectType()
export class NewApiKey {
  @Field(() => String, { description: "Send as 'Authorization: Bearer <secret>'. Shown only in this answer." }) secret: string;
  @Field(() => ApiKey) key: ApiKey;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String) @Length(1, 100) name: string;
  @Field(() => [String], { description: "sessions:read, sessions:write, users:write, images:write, fleet:read, admin" }) @ArrayMaxSize(10) scopes: string[];
  @Field(() => Date, { nullable: true }) @IsOptional() expiresAt?: Date;
}
