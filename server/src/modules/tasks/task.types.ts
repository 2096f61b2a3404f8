import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { IsOptional, Length, Max, MaxLength, Min } from "class-validator";

@ObjectType({ description: "What a command run inside a session printed and returned." })
export class CommandResult {
  @Field(() => Int) exitCode: number;
  @Field(() => String) stdout: string;
  @Field(() => String) stderr: string;
  @Field(() => Boolean, { description: "Output was cut at 1 MB." }) truncated: boolean;
}

@ObjectType({ description: "A picture of a session's screen." })
export class Screenshot {
  @Field(() => String, { description: "The PNG, base64-encoded." }) pngBase64: string;
  @Field(() => Int) width: number;
  @Field(() => Int) height: number;
}

@ObjectType({ description: "Work the manager asks an agent to do in one session's container." })
export class AgentTask {
  @Field(() => ID) id: string;
  @Field(() => ID) sessionId: string;
  @Field(() => String, { description: "exec or screenshot" }) kind: string;
  @Field(() => [String]) command: string[];
  @Field(() => Int) timeoutS: number;
}

@InputType()
export class TaskResultInput {
  @Field(() => ID) @Length(1, 64) taskId: string;
  @Field(() => Int) @Min(-1) @Max(255) exitCode: number;
  @Field(() => String) @MaxLength(4 << 20) stdout: string;
  @Field(() => String) @MaxLength(1 << 20) stderr: string;
  @Field(() => Boolean) truncated: boolean;
  @Field(() => String, { nullable: true, description: "Why the task could not run at all." }) @IsOptional() @MaxLength(2000) error?: string;
}
