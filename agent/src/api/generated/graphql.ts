/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type CheckInInput = {
  /** Sessions the agent is working on right now (not yet judged missing). */
  busySessionIds?: Array<string | number>;
  containers: Array<ContainerReportInput>;
  host: HostFactsInput;
  images?: Array<ImageReportInput>;
  resources: ResourcesInput;
};

/** A session container the agent found by its labels. */
export type ContainerReportInput = {
  containerId: string;
  hostPort?: number | null | undefined;
  sessionId: string | number;
  state: string;
};

/** Facts about the agent's host, sent at registration and every check-in. */
export type HostFactsInput = {
  agentVersion: string;
  cores: number;
  diskMb?: number;
  dockerVersion: string;
  gpus?: number;
  hostname: string;
  memoryMb: number;
  /** Address session ports are published on; the proxy connects there. */
  publishHost: string;
};

/** Download state of an image on a server. */
export type ImagePullStatus =
  | 'FAILED'
  | 'PULLING'
  | 'READY';

/** Download state of one image on this host. */
export type ImageReportInput = {
  message?: string;
  progress?: number;
  ref: string;
  status: ImagePullStatus;
};

/** Live utilisation of the host. */
export type ResourcesInput = {
  cpuPercent: number;
  memoryUsedMb: number;
};

/** What the agent did with a session. */
export type SessionReportInput = {
  containerId?: string | null | undefined;
  hostPort?: number | null | undefined;
  message?: string;
  sessionId: string | number;
  status: SessionReportStatus;
};

export type SessionReportStatus =
  | 'FAILED'
  | 'RUNNING'
  | 'STARTING'
  | 'STOPPED';

/** REQUESTED: placed, waiting for its agent. STARTING: the agent is creating it. RUNNING: ready to view. PAUSED: frozen. STOPPING: being removed. STOPPED, FAILED, LOST: ended (LOST: its server or container vanished). */
export type SessionStatus =
  | 'FAILED'
  | 'LOST'
  | 'PAUSED'
  | 'REQUESTED'
  | 'RUNNING'
  | 'STARTING'
  | 'STOPPED'
  | 'STOPPING';

export type TaskResultInput = {
  /** Why the task could not run at all. */
  error?: string | null | undefined;
  exitCode: number;
  stderr: string;
  stdout: string;
  taskId: string | number;
  truncated: boolean;
};

export type AgentSignalsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AgentSignalsSubscription = { agentSignals: { reason: string } };

export type CheckInMutationVariables = Exact<{
  input: CheckInInput;
}>;


export type CheckInMutation = { checkIn: { serverId: string, installationId: string, checkInIntervalS: number, pruneImages: boolean, tasks: Array<{ id: string, sessionId: string, kind: string, command: Array<string>, timeoutS: number }>, images: Array<{ imageId: string, ref: string, registryAuth: { username: string, password: string, serveraddress: string } | null }>, sessions: Array<{ sessionId: string, status: SessionStatus, imageRef: string, cores: number, memoryMb: number, shmMb: number, network: string, secret: string, viewSecret: string, binds: Array<string>, runConfig: string, pauseMode: string, revokedPrincipals: Array<string>, claimWith: string | null, env: Array<{ name: string, value: string }> }> } };

export type RegisterAgentMutationVariables = Exact<{
  enrollmentToken: string;
  host: HostFactsInput;
}>;


export type RegisterAgentMutation = { registerAgent: { serverId: string, agentToken: string, installationId: string, checkInIntervalS: number } };

export type ReportSessionMutationVariables = Exact<{
  input: SessionReportInput;
}>;


export type ReportSessionMutation = { reportSession: boolean };

export type ReportTaskMutationVariables = Exact<{
  input: TaskResultInput;
}>;


export type ReportTaskMutation = { reportTask: boolean };


export const AgentSignalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AgentSignals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agentSignals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<AgentSignalsSubscription, AgentSignalsSubscriptionVariables>;
export const CheckInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CheckInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverId"}},{"kind":"Field","name":{"kind":"Name","value":"installationId"}},{"kind":"Field","name":{"kind":"Name","value":"checkInIntervalS"}},{"kind":"Field","name":{"kind":"Name","value":"pruneImages"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"command"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutS"}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageId"}},{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"registryAuth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"password"}},{"kind":"Field","name":{"kind":"Name","value":"serveraddress"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"imageRef"}},{"kind":"Field","name":{"kind":"Name","value":"cores"}},{"kind":"Field","name":{"kind":"Name","value":"memoryMb"}},{"kind":"Field","name":{"kind":"Name","value":"shmMb"}},{"kind":"Field","name":{"kind":"Name","value":"network"}},{"kind":"Field","name":{"kind":"Name","value":"env"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"viewSecret"}},{"kind":"Field","name":{"kind":"Name","value":"binds"}},{"kind":"Field","name":{"kind":"Name","value":"runConfig"}},{"kind":"Field","name":{"kind":"Name","value":"pauseMode"}},{"kind":"Field","name":{"kind":"Name","value":"revokedPrincipals"}},{"kind":"Field","name":{"kind":"Name","value":"claimWith"}}]}}]}}]}}]} as unknown as DocumentNode<CheckInMutation, CheckInMutationVariables>;
export const RegisterAgentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enrollmentToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"host"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HostFactsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerAgent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"enrollmentToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enrollmentToken"}}},{"kind":"Argument","name":{"kind":"Name","value":"host"},"value":{"kind":"Variable","name":{"kind":"Name","value":"host"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverId"}},{"kind":"Field","name":{"kind":"Name","value":"agentToken"}},{"kind":"Field","name":{"kind":"Name","value":"installationId"}},{"kind":"Field","name":{"kind":"Name","value":"checkInIntervalS"}}]}}]}}]} as unknown as DocumentNode<RegisterAgentMutation, RegisterAgentMutationVariables>;
export const ReportSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SessionReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<ReportSessionMutation, ReportSessionMutationVariables>;
export const ReportTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TaskResultInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<ReportTaskMutation, ReportTaskMutationVariables>;