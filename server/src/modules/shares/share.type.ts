import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { ShareMode } from "../../generated/prisma/enums.js";

registerEnumType(ShareMode, { name: "ShareMode", description: "VIEW: guests watch. COLLABORATE: guests may use keyboard and mouse too." });

@ObjectType({ description: "Someone watching a shared session." })
export class ShareViewer {
  @Field(() => ID) userId: string;
  @Field(() => String) username: string;
  @Field(() => Date) joinedAt: Date;
  @Field(() => Date) lastSeenAt: Date;
}

@ObjectType({ description: "A running session's share link." })
export class Share {
  @Field(() => ID, { description: "The unguessable part of the link." }) id: string;
  @Field(() => ID) sessionId: string;
  @Field(() => ShareMode) mode: ShareMode;
  @Field(() => String, { description: "Path of the link to give to other signed-in users." }) url: string;
  @Field(() => Date) createdAt: Date;
  @Field(() => [ShareViewer], { description: "Current viewers (the owner and administrators only)." }) viewers: ShareViewer[];
}
