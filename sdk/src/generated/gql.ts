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
    "fragment BerthSession on Session {\n  id\n  status\n  statusMessage\n  url\n  userId\n  ownerName\n  serverHostname\n  cores\n  memoryMb\n  createdAt\n  startedAt\n  endedAt\n  expiresAt\n  lastKeepaliveAt\n  image {\n    id\n    name\n    friendlyName\n  }\n}": typeof types.BerthSessionFragmentDoc,
    "mutation CreateViewingLink($sessionId: ID!, $ttlS: Int! = 60, $forUser: String) {\n  createViewingLink(sessionId: $sessionId, ttlS: $ttlS, forUser: $forUser) {\n    url\n    expiresAt\n  }\n}": typeof types.CreateViewingLinkDocument,
    "mutation DestroySession($id: ID!) {\n  destroySession(id: $id) {\n    ...BerthSession\n  }\n}": typeof types.DestroySessionDocument,
    "mutation EnsureUser($username: String!) {\n  ensureUser(username: $username) {\n    id\n    username\n    role\n    disabled\n    zoneId\n    zoneName\n    activeSessions\n    createdAt\n  }\n}": typeof types.EnsureUserDocument,
    "query Images {\n  images {\n    id\n    name\n    friendlyName\n    description\n    categories\n    enabled\n    cores\n    memoryMb\n    ref\n    sessionTimeLimitS\n    zoneId\n    serverId\n  }\n}": typeof types.ImagesDocument,
    "mutation JoinShare($shareId: String!, $forUser: String) {\n  joinShare(shareId: $shareId, forUser: $forUser) {\n    ...BerthSession\n  }\n}": typeof types.JoinShareDocument,
    "mutation Keepalive($id: ID!) {\n  keepalive(id: $id)\n}": typeof types.KeepaliveDocument,
    "mutation RequestSession($imageId: ID!, $forUser: String, $env: [EnvVarInput!], $startUrl: String) {\n  requestSession(\n    imageId: $imageId\n    forUser: $forUser\n    env: $env\n    startUrl: $startUrl\n  ) {\n    ...BerthSession\n  }\n}": typeof types.RequestSessionDocument,
    "mutation RunCommand($sessionId: ID!, $command: [String!]!, $timeoutS: Int! = 30) {\n  runCommand(sessionId: $sessionId, command: $command, timeoutS: $timeoutS) {\n    exitCode\n    stdout\n    stderr\n    truncated\n  }\n}": typeof types.RunCommandDocument,
    "query Screenshot($sessionId: ID!) {\n  screenshot(sessionId: $sessionId) {\n    pngBase64\n    width\n    height\n  }\n}": typeof types.ScreenshotDocument,
    "query Servers {\n  servers {\n    id\n    hostname\n    status\n    zoneId\n    zoneName\n    enabled\n    draining\n    sessionCount\n    cores\n    effectiveCores\n    allocatedCores\n    memoryMb\n    effectiveMemoryMb\n    allocatedMemoryMb\n    cpuPercent\n    memoryUsedMb\n    agentVersion\n    lastCheckInAt\n    images {\n      imageId\n      imageName\n      status\n      progress\n      message\n    }\n  }\n}": typeof types.ServersDocument,
    "query Session($id: ID!) {\n  session(id: $id) {\n    ...BerthSession\n  }\n}": typeof types.SessionDocument,
    "subscription SessionUpdated($id: ID!) {\n  sessionUpdated(id: $id) {\n    ...BerthSession\n  }\n}": typeof types.SessionUpdatedDocument,
    "query Sessions($status: [SessionStatus!], $userId: ID, $imageId: ID, $serverId: ID, $includeEnded: Boolean! = false, $first: Int! = 200) {\n  sessions(\n    status: $status\n    userId: $userId\n    imageId: $imageId\n    serverId: $serverId\n    includeEnded: $includeEnded\n    first: $first\n  ) {\n    ...BerthSession\n  }\n}": typeof types.SessionsDocument,
    "mutation SetWarmPool($imageId: ID!, $zoneId: ID!, $size: Int!) {\n  setWarmPool(imageId: $imageId, zoneId: $zoneId, size: $size) {\n    ...BerthWarmPool\n  }\n}": typeof types.SetWarmPoolDocument,
    "mutation ShareSession($sessionId: ID!, $mode: ShareMode! = VIEW) {\n  shareSession(sessionId: $sessionId, mode: $mode) {\n    id\n    sessionId\n    mode\n    url\n    createdAt\n    viewers {\n      userId\n      username\n      joinedAt\n      lastSeenAt\n    }\n  }\n}": typeof types.ShareSessionDocument,
    "mutation StopSharing($sessionId: ID!) {\n  stopSharing(sessionId: $sessionId)\n}": typeof types.StopSharingDocument,
    "query WarmPools {\n  warmPools {\n    ...BerthWarmPool\n  }\n}\n\nfragment BerthWarmPool on WarmPool {\n  id\n  imageId\n  imageName\n  zoneId\n  zoneName\n  size\n  ready\n  starting\n  message\n}": typeof types.WarmPoolsDocument,
    "query Zones {\n  zones {\n    id\n    name\n    strategy\n    searchAlternateZones\n    createdAt\n  }\n}": typeof types.ZonesDocument,
};
const documents: Documents = {
    "fragment BerthSession on Session {\n  id\n  status\n  statusMessage\n  url\n  userId\n  ownerName\n  serverHostname\n  cores\n  memoryMb\n  createdAt\n  startedAt\n  endedAt\n  expiresAt\n  lastKeepaliveAt\n  image {\n    id\n    name\n    friendlyName\n  }\n}": types.BerthSessionFragmentDoc,
    "mutation CreateViewingLink($sessionId: ID!, $ttlS: Int! = 60, $forUser: String) {\n  createViewingLink(sessionId: $sessionId, ttlS: $ttlS, forUser: $forUser) {\n    url\n    expiresAt\n  }\n}": types.CreateViewingLinkDocument,
    "mutation DestroySession($id: ID!) {\n  destroySession(id: $id) {\n    ...BerthSession\n  }\n}": types.DestroySessionDocument,
    "mutation EnsureUser($username: String!) {\n  ensureUser(username: $username) {\n    id\n    username\n    role\n    disabled\n    zoneId\n    zoneName\n    activeSessions\n    createdAt\n  }\n}": types.EnsureUserDocument,
    "query Images {\n  images {\n    id\n    name\n    friendlyName\n    description\n    categories\n    enabled\n    cores\n    memoryMb\n    ref\n    sessionTimeLimitS\n    zoneId\n    serverId\n  }\n}": types.ImagesDocument,
    "mutation JoinShare($shareId: String!, $forUser: String) {\n  joinShare(shareId: $shareId, forUser: $forUser) {\n    ...BerthSession\n  }\n}": types.JoinShareDocument,
    "mutation Keepalive($id: ID!) {\n  keepalive(id: $id)\n}": types.KeepaliveDocument,
    "mutation RequestSession($imageId: ID!, $forUser: String, $env: [EnvVarInput!], $startUrl: String) {\n  requestSession(\n    imageId: $imageId\n    forUser: $forUser\n    env: $env\n    startUrl: $startUrl\n  ) {\n    ...BerthSession\n  }\n}": types.RequestSessionDocument,
    "mutation RunCommand($sessionId: ID!, $command: [String!]!, $timeoutS: Int! = 30) {\n  runCommand(sessionId: $sessionId, command: $command, timeoutS: $timeoutS) {\n    exitCode\n    stdout\n    stderr\n    truncated\n  }\n}": types.RunCommandDocument,
    "query Screenshot($sessionId: ID!) {\n  screenshot(sessionId: $sessionId) {\n    pngBase64\n    width\n    height\n  }\n}": types.ScreenshotDocument,
    "query Servers {\n  servers {\n    id\n    hostname\n    status\n    zoneId\n    zoneName\n    enabled\n    draining\n    sessionCount\n    cores\n    effectiveCores\n    allocatedCores\n    memoryMb\n    effectiveMemoryMb\n    allocatedMemoryMb\n    cpuPercent\n    memoryUsedMb\n    agentVersion\n    lastCheckInAt\n    images {\n      imageId\n      imageName\n      status\n      progress\n      message\n    }\n  }\n}": types.ServersDocument,
    "query Session($id: ID!) {\n  session(id: $id) {\n    ...BerthSession\n  }\n}": types.SessionDocument,
    "subscription SessionUpdated($id: ID!) {\n  sessionUpdated(id: $id) {\n    ...BerthSession\n  }\n}": types.SessionUpdatedDocument,
    "query Sessions($status: [SessionStatus!], $userId: ID, $imageId: ID, $serverId: ID, $includeEnded: Boolean! = false, $first: Int! = 200) {\n  sessions(\n    status: $status\n    userId: $userId\n    imageId: $imageId\n    serverId: $serverId\n    includeEnded: $includeEnded\n    first: $first\n  ) {\n    ...BerthSession\n  }\n}": types.SessionsDocument,
    "mutation SetWarmPool($imageId: ID!, $zoneId: ID!, $size: Int!) {\n  setWarmPool(imageId: $imageId, zoneId: $zoneId, size: $size) {\n    ...BerthWarmPool\n  }\n}": types.SetWarmPoolDocument,
    "mutation ShareSession($sessionId: ID!, $mode: ShareMode! = VIEW) {\n  shareSession(sessionId: $sessionId, mode: $mode) {\n    id\n    sessionId\n    mode\n    url\n    createdAt\n    viewers {\n      userId\n      username\n      joinedAt\n      lastSeenAt\n    }\n  }\n}": types.ShareSessionDocument,
    "mutation StopSharing($sessionId: ID!) {\n  stopSharing(sessionId: $sessionId)\n}": types.StopSharingDocument,
    "query WarmPools {\n  warmPools {\n    ...BerthWarmPool\n  }\n}\n\nfragment BerthWarmPool on WarmPool {\n  id\n  imageId\n  imageName\n  zoneId\n  zoneName\n  size\n  ready\n  starting\n  message\n}": types.WarmPoolsDocument,
    "query Zones {\n  zones {\n    id\n    name\n    strategy\n    searchAlternateZones\n    createdAt\n  }\n}": types.ZonesDocument,
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
export function graphql(source: "fragment BerthSession on Session {\n  id\n  status\n  statusMessage\n  url\n  userId\n  ownerName\n  serverHostname\n  cores\n  memoryMb\n  createdAt\n  startedAt\n  endedAt\n  expiresAt\n  lastKeepaliveAt\n  image {\n    id\n    name\n    friendlyName\n  }\n}"): (typeof documents)["fragment BerthSession on Session {\n  id\n  status\n  statusMessage\n  url\n  userId\n  ownerName\n  serverHostname\n  cores\n  memoryMb\n  createdAt\n  startedAt\n  endedAt\n  expiresAt\n  lastKeepaliveAt\n  image {\n    id\n    name\n    friendlyName\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateViewingLink($sessionId: ID!, $ttlS: Int! = 60, $forUser: String) {\n  createViewingLink(sessionId: $sessionId, ttlS: $ttlS, forUser: $forUser) {\n    url\n    expiresAt\n  }\n}"): (typeof documents)["mutation CreateViewingLink($sessionId: ID!, $ttlS: Int! = 60, $forUser: String) {\n  createViewingLink(sessionId: $sessionId, ttlS: $ttlS, forUser: $forUser) {\n    url\n    expiresAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DestroySession($id: ID!) {\n  destroySession(id: $id) {\n    ...BerthSession\n  }\n}"): (typeof documents)["mutation DestroySession($id: ID!) {\n  destroySession(id: $id) {\n    ...BerthSession\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EnsureUser($username: String!) {\n  ensureUser(username: $username) {\n    id\n    username\n    role\n    disabled\n    zoneId\n    zoneName\n    activeSessions\n    createdAt\n  }\n}"): (typeof documents)["mutation EnsureUser($username: String!) {\n  ensureUser(username: $username) {\n    id\n    username\n    role\n    disabled\n    zoneId\n    zoneName\n    activeSessions\n    createdAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Images {\n  images {\n    id\n    name\n    friendlyName\n    description\n    categories\n    enabled\n    cores\n    memoryMb\n    ref\n    sessionTimeLimitS\n    zoneId\n    serverId\n  }\n}"): (typeof documents)["query Images {\n  images {\n    id\n    name\n    friendlyName\n    description\n    categories\n    enabled\n    cores\n    memoryMb\n    ref\n    sessionTimeLimitS\n    zoneId\n    serverId\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation JoinShare($shareId: String!, $forUser: String) {\n  joinShare(shareId: $shareId, forUser: $forUser) {\n    ...BerthSession\n  }\n}"): (typeof documents)["mutation JoinShare($shareId: String!, $forUser: String) {\n  joinShare(shareId: $shareId, forUser: $forUser) {\n    ...BerthSession\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Keepalive($id: ID!) {\n  keepalive(id: $id)\n}"): (typeof documents)["mutation Keepalive($id: ID!) {\n  keepalive(id: $id)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestSession($imageId: ID!, $forUser: String, $env: [EnvVarInput!], $startUrl: String) {\n  requestSession(\n    imageId: $imageId\n    forUser: $forUser\n    env: $env\n    startUrl: $startUrl\n  ) {\n    ...BerthSession\n  }\n}"): (typeof documents)["mutation RequestSession($imageId: ID!, $forUser: String, $env: [EnvVarInput!], $startUrl: String) {\n  requestSession(\n    imageId: $imageId\n    forUser: $forUser\n    env: $env\n    startUrl: $startUrl\n  ) {\n    ...BerthSession\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RunCommand($sessionId: ID!, $command: [String!]!, $timeoutS: Int! = 30) {\n  runCommand(sessionId: $sessionId, command: $command, timeoutS: $timeoutS) {\n    exitCode\n    stdout\n    stderr\n    truncated\n  }\n}"): (typeof documents)["mutation RunCommand($sessionId: ID!, $command: [String!]!, $timeoutS: Int! = 30) {\n  runCommand(sessionId: $sessionId, command: $command, timeoutS: $timeoutS) {\n    exitCode\n    stdout\n    stderr\n    truncated\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Screenshot($sessionId: ID!) {\n  screenshot(sessionId: $sessionId) {\n    pngBase64\n    width\n    height\n  }\n}"): (typeof documents)["query Screenshot($sessionId: ID!) {\n  screenshot(sessionId: $sessionId) {\n    pngBase64\n    width\n    height\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Servers {\n  servers {\n    id\n    hostname\n    status\n    zoneId\n    zoneName\n    enabled\n    draining\n    sessionCount\n    cores\n    effectiveCores\n    allocatedCores\n    memoryMb\n    effectiveMemoryMb\n    allocatedMemoryMb\n    cpuPercent\n    memoryUsedMb\n    agentVersion\n    lastCheckInAt\n    images {\n      imageId\n      imageName\n      status\n      progress\n      message\n    }\n  }\n}"): (typeof documents)["query Servers {\n  servers {\n    id\n    hostname\n    status\n    zoneId\n    zoneName\n    enabled\n    draining\n    sessionCount\n    cores\n    effectiveCores\n    allocatedCores\n    memoryMb\n    effectiveMemoryMb\n    allocatedMemoryMb\n    cpuPercent\n    memoryUsedMb\n    agentVersion\n    lastCheckInAt\n    images {\n      imageId\n      imageName\n      status\n      progress\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Session($id: ID!) {\n  session(id: $id) {\n    ...BerthSession\n  }\n}"): (typeof documents)["query Session($id: ID!) {\n  session(id: $id) {\n    ...BerthSession\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SessionUpdated($id: ID!) {\n  sessionUpdated(id: $id) {\n    ...BerthSession\n  }\n}"): (typeof documents)["subscription SessionUpdated($id: ID!) {\n  sessionUpdated(id: $id) {\n    ...BerthSession\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Sessions($status: [SessionStatus!], $userId: ID, $imageId: ID, $serverId: ID, $includeEnded: Boolean! = false, $first: Int! = 200) {\n  sessions(\n    status: $status\n    userId: $userId\n    imageId: $imageId\n    serverId: $serverId\n    includeEnded: $includeEnded\n    first: $first\n  ) {\n    ...BerthSession\n  }\n}"): (typeof documents)["query Sessions($status: [SessionStatus!], $userId: ID, $imageId: ID, $serverId: ID, $includeEnded: Boolean! = false, $first: Int! = 200) {\n  sessions(\n    status: $status\n    userId: $userId\n    imageId: $imageId\n    serverId: $serverId\n    includeEnded: $includeEnded\n    first: $first\n  ) {\n    ...BerthSession\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetWarmPool($imageId: ID!, $zoneId: ID!, $size: Int!) {\n  setWarmPool(imageId: $imageId, zoneId: $zoneId, size: $size) {\n    ...BerthWarmPool\n  }\n}"): (typeof documents)["mutation SetWarmPool($imageId: ID!, $zoneId: ID!, $size: Int!) {\n  setWarmPool(imageId: $imageId, zoneId: $zoneId, size: $size) {\n    ...BerthWarmPool\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ShareSession($sessionId: ID!, $mode: ShareMode! = VIEW) {\n  shareSession(sessionId: $sessionId, mode: $mode) {\n    id\n    sessionId\n    mode\n    url\n    createdAt\n    viewers {\n      userId\n      username\n      joinedAt\n      lastSeenAt\n    }\n  }\n}"): (typeof documents)["mutation ShareSession($sessionId: ID!, $mode: ShareMode! = VIEW) {\n  shareSession(sessionId: $sessionId, mode: $mode) {\n    id\n    sessionId\n    mode\n    url\n    createdAt\n    viewers {\n      userId\n      username\n      joinedAt\n      lastSeenAt\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StopSharing($sessionId: ID!) {\n  stopSharing(sessionId: $sessionId)\n}"): (typeof documents)["mutation StopSharing($sessionId: ID!) {\n  stopSharing(sessionId: $sessionId)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WarmPools {\n  warmPools {\n    ...BerthWarmPool\n  }\n}\n\nfragment BerthWarmPool on WarmPool {\n  id\n  imageId\n  imageName\n  zoneId\n  zoneName\n  size\n  ready\n  starting\n  message\n}"): (typeof documents)["query WarmPools {\n  warmPools {\n    ...BerthWarmPool\n  }\n}\n\nfragment BerthWarmPool on WarmPool {\n  id\n  imageId\n  imageName\n  zoneId\n  zoneName\n  size\n  ready\n  starting\n  message\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Zones {\n  zones {\n    id\n    name\n    strategy\n    searchAlternateZones\n    createdAt\n  }\n}"): (typeof documents)["query Zones {\n  zones {\n    id\n    name\n    strategy\n    searchAlternateZones\n    createdAt\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;