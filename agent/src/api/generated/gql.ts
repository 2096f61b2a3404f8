/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "subscription AgentSignals {\n  agentSignals {\n    reason\n  }\n}": typeof types.AgentSignalsDocument,
    "mutation CheckIn($input: CheckInInput!) {\n  checkIn(input: $input) {\n    serverId\n    installationId\n    checkInIntervalS\n    pruneImages\n    tasks {\n      id\n      sessionId\n      kind\n      command\n      timeoutS\n    }\n    images {\n      imageId\n      ref\n      registryAuth {\n        username\n        password\n        serveraddress\n      }\n    }\n    sessions {\n      sessionId\n      status\n      imageRef\n      cores\n      memoryMb\n      shmMb\n      network\n      env {\n        name\n        value\n      }\n      secret\n      viewSecret\n      binds\n      runConfig\n      pauseMode\n      revokedPrincipals\n      claimWith\n    }\n  }\n}": typeof types.CheckInDocument,
    "mutation RegisterAgent($enrollmentToken: String!, $host: HostFactsInput!) {\n  registerAgent(enrollmentToken: $enrollmentToken, host: $host) {\n    serverId\n    agentToken\n    installationId\n    checkInIntervalS\n  }\n}": typeof types.RegisterAgentDocument,
    "mutation ReportSession($input: SessionReportInput!) {\n  reportSession(input: $input)\n}": typeof types.ReportSessionDocument,
    "mutation ReportTask($input: TaskResultInput!) {\n  reportTask(input: $input)\n}": typeof types.ReportTaskDocument,
};
const documents: Documents = {
    "subscription AgentSignals {\n  agentSignals {\n    reason\n  }\n}": types.AgentSignalsDocument,
    "mutation CheckIn($input: CheckInInput!) {\n  checkIn(input: $input) {\n    serverId\n    installationId\n    checkInIntervalS\n    pruneImages\n    tasks {\n      id\n      sessionId\n      kind\n      command\n      timeoutS\n    }\n    images {\n      imageId\n      ref\n      registryAuth {\n        username\n        password\n        serveraddress\n      }\n    }\n    sessions {\n      sessionId\n      status\n      imageRef\n      cores\n      memoryMb\n      shmMb\n      network\n      env {\n        name\n        value\n      }\n      secret\n      viewSecret\n      binds\n      runConfig\n      pauseMode\n      revokedPrincipals\n      claimWith\n    }\n  }\n}": types.CheckInDocument,
    "mutation RegisterAgent($enrollmentToken: String!, $host: HostFactsInput!) {\n  registerAgent(enrollmentToken: $enrollmentToken, host: $host) {\n    serverId\n    agentToken\n    installationId\n    checkInIntervalS\n  }\n}": types.RegisterAgentDocument,
    "mutation ReportSession($input: SessionReportInput!) {\n  reportSession(input: $input)\n}": types.ReportSessionDocument,
    "mutation ReportTask($input: TaskResultInput!) {\n  reportTask(input: $input)\n}": types.ReportTaskDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription AgentSignals {\n  agentSignals {\n    reason\n  }\n}"): (typeof documents)["subscription AgentSignals {\n  agentSignals {\n    reason\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CheckIn($input: CheckInInput!) {\n  checkIn(input: $input) {\n    serverId\n    installationId\n    checkInIntervalS\n    pruneImages\n    tasks {\n      id\n      sessionId\n      kind\n      command\n      timeoutS\n    }\n    images {\n      imageId\n      ref\n      registryAuth {\n        username\n        password\n        serveraddress\n      }\n    }\n    sessions {\n      sessionId\n      status\n      imageRef\n      cores\n      memoryMb\n      shmMb\n      network\n      env {\n        name\n        value\n      }\n      secret\n      viewSecret\n      binds\n      runConfig\n      pauseMode\n      revokedPrincipals\n      claimWith\n    }\n  }\n}"): (typeof documents)["mutation CheckIn($input: CheckInInput!) {\n  checkIn(input: $input) {\n    serverId\n    installationId\n    checkInIntervalS\n    pruneImages\n    tasks {\n      id\n      sessionId\n      kind\n      command\n      timeoutS\n    }\n    images {\n      imageId\n      ref\n      registryAuth {\n        username\n        password\n        serveraddress\n      }\n    }\n    sessions {\n      sessionId\n      status\n      imageRef\n      cores\n      memoryMb\n      shmMb\n      network\n      env {\n        name\n        value\n      }\n      secret\n      viewSecret\n      binds\n      runConfig\n      pauseMode\n      revokedPrincipals\n      claimWith\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterAgent($enrollmentToken: String!, $host: HostFactsInput!) {\n  registerAgent(enrollmentToken: $enrollmentToken, host: $host) {\n    serverId\n    agentToken\n    installationId\n    checkInIntervalS\n  }\n}"): (typeof documents)["mutation RegisterAgent($enrollmentToken: String!, $host: HostFactsInput!) {\n  registerAgent(enrollmentToken: $enrollmentToken, host: $host) {\n    serverId\n    agentToken\n    installationId\n    checkInIntervalS\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReportSession($input: SessionReportInput!) {\n  reportSession(input: $input)\n}"): (typeof documents)["mutation ReportSession($input: SessionReportInput!) {\n  reportSession(input: $input)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReportTask($input: TaskResultInput!) {\n  reportTask(input: $input)\n}"): (typeof documents)["mutation ReportTask($input: TaskResultInput!) {\n  reportTask(input: $input)\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;