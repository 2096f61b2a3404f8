import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A chat message beside a shared session. Plain text: never render it as HTML." })
export class ChatMessage {
  @Field(() => ID) id: string;
  @Field(() => ID) sessionId: string;
  @Field(() => ID) authorId: string;
  @Field(() => String) authorName: string;
  @Field(() => String) body: string;
  @Field(() => Date) createdAt: Date;
}
