import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { SessionStatus } from "../../generated/prisma/enums.js";
import { Image } from "../images/image.type.js";

registerEnumType(SessionStatus, {
  name: "SessionStatus",
  description: "REQUESTED: placed, waiting for its agent. STARTING: the agent is creating it. RUNNING: ready to view. " +
    "PAUSED: frozen. STOPPING: being removed. STOPPED, FAILED, LOST: ended (LOST: its server or container vanished).",
});

@ObjectType()
export class SessionPermissions {
  @Field(() => Boolean) view: boolean;
  @Field(() => Boolean) destroy: boolean;
}

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
  @Field(() => SessionPermissions, { description: "What the viewer may do with this session." }) viewerCan: SessionPermissions;
}
