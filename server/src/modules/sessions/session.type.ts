import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { SessionStatus } from "../../generated/prisma/enums.js";
import { Image } from "../images/image.type.js";

registerEnumType(SessionStatus, {
  name: "SessionStatus",
  description: "REQUESTED: placed, waiting for its agent. STARTING: the agent is creating it. RUNNING: ready to view. " +
    "PAUSED: frozen. STOPPING: being removed. STOPPED, FAILED, LOST: ended (LOST: its server or container vanished).",
});

@ObjectType({ description: "What the signed-in user may do with a session; the UI never re-derives these rules." })
export class SessionPermissions {
  @Field(() => Boolean, { description: "Open its view now (it is running and you may see it)." }) view: boolean;
  @Field(() => Boolean, { description: "Use keyboard and mouse in it." }) control: boolean;
  @Field(() => Boolean) destroy: boolean;
  @Field(() => Boolean, { description: "Pause, resume and share it." }) manage: boolean;
  @Field(() => Boolean) chat: boolean;
}

export enum SessionRole {
  OWNER = "OWNER",
  ADMIN = "ADMIN",
  VIEWER = "VIEWER",
}
registerEnumType(SessionRole, { name: "SessionRole", description: "How the signed-in user relates to a session." });

@ObjectType({ description: "An instance of an image for one user: a container on one server." })
export class Session {
  @Field(() => ID) id: string;
  @Field(() => SessionStatus) status: SessionStatus;
  @Field(() => String, { description: "What is happening now, for people (e.g. 'creating the container')." })
  statusMessage: string;
  @Field(() => Image) image: Image;
  @Field(() => ID) userId: string;
  @Field(() => Float) cores: number;
  @Field(() => Int) memoryMb: number;
  @Field(() => String, { nullable: true, description: "Hostname of the server it runs on." }) serverHostname: string | null;
  @Field(() => String, { description: "Path of the session's view through the proxy." }) url: string;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) endedAt: Date | null;
  @Field(() => SessionPermissions, { description: "What the signed-in user may do with this session." }) viewerCan: SessionPermissions;
  @Field(() => SessionRole) viewerRole: SessionRole;
  @Field(() => String, { description: "Owner's username." }) ownerName: string;
  @Field(() => Date, { nullable: true, description: "When the image's time limit ends it." }) expiresAt: Date | null;
  @Field(() => Date) lastKeepaliveAt: Date;
  @Field(() => Date, { nullable: true, description: "When it was taken from a warm pool (null: started for this launch)." }) claimedAt: Date | null;
}
