import { Field, InputType } from "type-graphql";
import { IsOptional, Length, Matches } from "class-validator";
import { PlacementStrategy } from "../../generated/prisma/enums.js";

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9 _.-]*$/;

@InputType()
export class CreateZoneInput {
  @Field(() => String) @Length(1, 64) @Matches(NAME, { message: "a zone name is letters, digits, spaces, . _ -" }) name: string;
  @Field(() => PlacementStrategy, { defaultValue: "LEAST_LOAD" }) strategy: PlacementStrategy;
  @Field(() => Boolean, { defaultValue: false }) searchAlternateZones: boolean;
}

@InputType()
export class UpdateZoneInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 64) @Matches(NAME) name?: string;
  @Field(() => PlacementStrategy, { nullable: true }) @IsOptional() strategy?: PlacementStrategy;
  @Field(() => Boolean, { nullable: true }) @IsOptional() searchAlternateZones?: boolean;
}
