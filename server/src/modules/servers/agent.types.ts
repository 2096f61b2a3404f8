import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { SessionStatus } from "../../generated/prisma/enums.js";
import { AgentTask } from "../tasks/task.types.js";

@ObjectType({ description: "What an agent receives once, at registration. Keep agentToken secret." })
export class AgentRegistration {
  @Field(() => ID) serverId: string;
  @Field(() => String, { description: "The agent's credential from now on (Bearer). Shown only once." }) agentToken: string;
  @Field(() => ID) installationId: string;
  @Field(() => Int) checkInIntervalS: number;
}

@ObjectType()
export class EnvVar {
  @Field(() => String) name: string;
  @Field(() => String) value: string;
}

@ObjectType({ description: "A session the agent must have a container for." })
export class DesiredSession {
  @Field(() => ID) sessionId: string;
  @Field(() => SessionStatus) status: SessionStatus;
  @Field(() => String) imageRef: string;
  @Field(() => Float) cores: number;
  @Field(() => Int) memoryMb: number;
  @Field(() => Int) shmMb: number;
  @Field(() => String) network: string;
  @Field(() => [EnvVar]) env: EnvVar[];
  @Field(() => String, { description: "Full-control credential the container requires." }) secret: string;
  @Field(() => String, { description: "View-only credential." }) viewSecret: string;
  @Field(() => [String], { description: "Docker binds (host:container[:ro]), placeholders filled in." }) binds: string[];
  @Field(() => String, { description: "The image's checked run-config override, a JSON object of Docker create options." }) runConfig: string;
  @Field(() => String, { description: "While PAUSED: PAUSE (docker pause) or STOP (docker stop, container kept)." }) pauseMode: string;
  @Field(() => [String], { description: "Viewer principals the container must refuse and cut off (berth-gateway revoke)." })
  revokedPrincipals: string[];
  @Field(() => String, {
    nullable: true,
    description:
      "Set while a session taken from a warm pool is handed to its user: the credential its container has now. " +
      "Send POST /.berth/claim to the container with it (X-Berth-Secret, X-Berth-View-Secret: the new ones), then report RUNNING.",
  })
  claimWith: string | null;
}

@ObjectType({ description: "Credentials to pull a private image (decrypted for the agent only)." })
export class RegistryAuth {
  @Field(() => String) username: string;
  @Field(() => String) password: string;
  @Field(() => String) serveraddress: string;
}

@ObjectType({ description: "An image the agent must keep downloaded." })
export class DesiredImage {
  @Field(() => ID) imageId: string;
  @Field(() => String) ref: string;
  @Field(() => RegistryAuth, { nullable: true }) registryAuth: RegistryAuth | null;
}

@ObjectType({ description: "The manager's answer to a check-in: everything this server should be running." })
export class DesiredState {
  @Field(() => ID) serverId: string;
  @Field(() => ID) installationId: string;
  @Field(() => [DesiredSession]) sessions: DesiredSession[];
  @Field(() => [DesiredImage]) images: DesiredImage[];
  @Field(() => Boolean, { description: "Remove images that are no longer registered." }) pruneImages: boolean;
  @Field(() => Int) checkInIntervalS: number;
  @Field(() => [AgentTask], { description: "Commands and screenshots to run; report each with reportTask." }) tasks: AgentTask[];
}

@ObjectType({ description: "A nudge to the agent: check in now." })
export class AgentSignal {
  @Field(() => String) reason: string;
}
