/* eslint-disable */
import * as types from './graphql';
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
    "query AdminApiKeys {\n  apiKeys {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n}": typeof types.AdminApiKeysDocument,
    "mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) {\n    secret\n    key {\n      id\n      name\n      prefix\n      scopes\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n}": typeof types.AdminCreateApiKeyDocument,
    "mutation AdminRevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    id\n    revokedAt\n  }\n}": typeof types.AdminRevokeApiKeyDocument,
    "query AdminAuditEvents($action: String, $actorName: String, $outcome: String, $since: DateTimeISO, $first: Int!) {\n  auditEvents(\n    action: $action\n    actorName: $actorName\n    outcome: $outcome\n    since: $since\n    first: $first\n  ) {\n    id\n    at\n    actorKind\n    actorName\n    action\n    outcome\n    detail\n    ip\n  }\n}": typeof types.AdminAuditEventsDocument,
    "query AdminServerSamples($minutes: Int!) {\n  serverSamples(minutes: $minutes) {\n    serverId\n    at\n    cpuPercent\n    memoryUsedMb\n    sessions\n  }\n}": typeof types.AdminServerSamplesDocument,
    "mutation AdminCreateImage($input: ImageInput!) {\n  createImage(input: $input) {\n    ...AdminImageFields\n  }\n}": typeof types.AdminCreateImageDocument,
    "mutation AdminDeleteImage($id: ID!, $force: Boolean!) {\n  deleteImage(id: $id, force: $force) {\n    id\n    name\n  }\n}": typeof types.AdminDeleteImageDocument,
    "subscription AdminImageDownloads {\n  imageDownloads {\n    imageId\n    imageName\n    serverId\n    status\n    progress\n    message\n    updatedAt\n  }\n}": typeof types.AdminImageDownloadsDocument,
    "fragment AdminImageFields on Image {\n  id\n  name\n  friendlyName\n  description\n  ref\n  cores\n  memoryMb\n  shmMb\n  network\n  env {\n    name\n    value\n  }\n  volumes {\n    hostPath\n    containerPath\n    readOnly\n  }\n  runConfig\n  hasRegistryAuth\n  zoneId\n  serverId\n  sessionTimeLimitS\n  categories\n  thumbnailUrl\n  enabled\n  createdAt\n  updatedAt\n}": typeof types.AdminImageFieldsFragmentDoc,
    "query AdminImages {\n  images {\n    ...AdminImageFields\n  }\n}": typeof types.AdminImagesDocument,
    "mutation AdminUpdateImage($id: ID!, $input: ImageInput!) {\n  updateImage(id: $id, input: $input) {\n    ...AdminImageFields\n  }\n}": typeof types.AdminUpdateImageDocument,
    "query AdminManagers {\n  managers {\n    id\n    alive\n    hostname\n    url\n    version\n    zoneName\n    startedAt\n    heartbeatAt\n  }\n}": typeof types.AdminManagersDocument,
    "subscription AdminManagersUpdated {\n  managersUpdated {\n    id\n    hostname\n    url\n    version\n    zoneName\n    startedAt\n    heartbeatAt\n    alive\n  }\n}": typeof types.AdminManagersUpdatedDocument,
    "mutation AdminSetWarmPool($imageId: ID!, $zoneId: ID!, $size: Int!) {\n  setWarmPool(imageId: $imageId, zoneId: $zoneId, size: $size) {\n    ...AdminWarmPoolFields\n  }\n}": typeof types.AdminSetWarmPoolDocument,
    "fragment AdminWarmPoolFields on WarmPool {\n  id\n  imageId\n  imageName\n  zoneId\n  zoneName\n  size\n  ready\n  starting\n  message\n}": typeof types.AdminWarmPoolFieldsFragmentDoc,
    "query AdminWarmPools {\n  warmPools {\n    ...AdminWarmPoolFields\n  }\n}": typeof types.AdminWarmPoolsDocument,
    "mutation AdminDeleteServer($id: ID!, $destroySessions: Boolean!) {\n  deleteServer(id: $id, destroySessions: $destroySessions) {\n    id\n    hostname\n  }\n}": typeof types.AdminDeleteServerDocument,
    "fragment AdminServerFields on Server {\n  id\n  hostname\n  zoneId\n  zoneName\n  status\n  enabled\n  draining\n  cores\n  coresOverride\n  effectiveCores\n  allocatedCores\n  memoryMb\n  memoryMbOverride\n  effectiveMemoryMb\n  allocatedMemoryMb\n  cpuPercent\n  memoryUsedMb\n  diskMb\n  gpus\n  sessionCount\n  lastCheckInAt\n  agentVersion\n  dockerVersion\n  publishHost\n  pruneImages\n  createdAt\n  images {\n    imageId\n    imageName\n    serverId\n    status\n    progress\n    message\n    updatedAt\n  }\n}": typeof types.AdminServerFieldsFragmentDoc,
    "query AdminServers {\n  servers {\n    ...AdminServerFields\n  }\n}": typeof types.AdminServersDocument,
    "subscription AdminServersUpdated {\n  serversUpdated {\n    ...AdminServerFields\n  }\n}": typeof types.AdminServersUpdatedDocument,
    "mutation AdminUpdateServer($id: ID!, $input: UpdateServerInput!) {\n  updateServer(id: $id, input: $input) {\n    ...AdminServerFields\n  }\n}": typeof types.AdminUpdateServerDocument,
    "mutation AdminDestroySession($id: ID!) {\n  destroySession(id: $id) {\n    ...AdminSessionFields\n  }\n}": typeof types.AdminDestroySessionDocument,
    "fragment AdminSessionFields on Session {\n  id\n  status\n  statusMessage\n  ownerName\n  userId\n  serverHostname\n  cores\n  memoryMb\n  createdAt\n  startedAt\n  endedAt\n  expiresAt\n  image {\n    id\n    name\n    friendlyName\n    thumbnailUrl\n  }\n}": typeof types.AdminSessionFieldsFragmentDoc,
    "subscription AdminSessionUpdated($id: ID!) {\n  sessionUpdated(id: $id) {\n    ...AdminSessionFields\n  }\n}": typeof types.AdminSessionUpdatedDocument,
    "query AdminSessions($status: [SessionStatus!], $userId: ID, $imageId: ID, $serverId: ID, $includeEnded: Boolean!) {\n  sessions(\n    status: $status\n    userId: $userId\n    imageId: $imageId\n    serverId: $serverId\n    includeEnded: $includeEnded\n  ) {\n    ...AdminSessionFields\n  }\n}": typeof types.AdminSessionsDocument,
    "query AdminSettings {\n  settings {\n    sessionsPerUser\n    keepaliveExpiryS\n    keepaliveAction\n    defaultZone\n  }\n}": typeof types.AdminSettingsDocument,
    "mutation AdminUpdateSettings($input: SettingsInput!) {\n  updateSettings(input: $input) {\n    sessionsPerUser\n    keepaliveExpiryS\n    keepaliveAction\n    defaultZone\n  }\n}": typeof types.AdminUpdateSettingsDocument,
    "query AdminSystemInfo {\n  systemInfo {\n    installationId\n    installedAt\n    version\n    uptimeS\n    users\n    images\n    servers\n    serversOnline\n    sessions\n    sessionsRunning\n    managersAlive\n  }\n}": typeof types.AdminSystemInfoDocument,
    "mutation AdminCreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    password\n    user {\n      ...AdminUserFields\n    }\n  }\n}": typeof types.AdminCreateUserDocument,
    "mutation AdminDeleteUser($id: ID!) {\n  deleteUser(id: $id) {\n    id\n    username\n  }\n}": typeof types.AdminDeleteUserDocument,
    "mutation AdminResetPassword($id: ID!) {\n  resetPassword(id: $id) {\n    password\n    user {\n      ...AdminUserFields\n    }\n  }\n}": typeof types.AdminResetPasswordDocument,
    "mutation AdminUpdateUser($id: ID!, $input: UpdateUserInput!) {\n  updateUser(id: $id, input: $input) {\n    ...AdminUserFields\n  }\n}": typeof types.AdminUpdateUserDocument,
    "fragment AdminUserFields on UserAccount {\n  id\n  username\n  role\n  disabled\n  zoneId\n  zoneName\n  activeSessions\n  createdAt\n}": typeof types.AdminUserFieldsFragmentDoc,
    "query AdminUsers {\n  users {\n    ...AdminUserFields\n  }\n}": typeof types.AdminUsersDocument,
    "mutation AdminCreateEnrollmentToken($zoneId: ID!, $name: String!) {\n  createEnrollmentToken(zoneId: $zoneId, name: $name) {\n    token\n    enrollmentToken {\n      ...AdminEnrollmentTokenFields\n    }\n  }\n}": typeof types.AdminCreateEnrollmentTokenDocument,
    "mutation AdminCreateZone($input: CreateZoneInput!) {\n  createZone(input: $input) {\n    ...AdminZoneFields\n  }\n}": typeof types.AdminCreateZoneDocument,
    "mutation AdminDeleteZone($id: ID!) {\n  deleteZone(id: $id) {\n    id\n    name\n  }\n}": typeof types.AdminDeleteZoneDocument,
    "fragment AdminEnrollmentTokenFields on EnrollmentToken {\n  id\n  zoneId\n  name\n  prefix\n  createdAt\n  revokedAt\n}": typeof types.AdminEnrollmentTokenFieldsFragmentDoc,
    "query AdminEnrollmentTokens {\n  enrollmentTokens {\n    ...AdminEnrollmentTokenFields\n  }\n}": typeof types.AdminEnrollmentTokensDocument,
    "mutation AdminRevokeEnrollmentToken($id: ID!) {\n  revokeEnrollmentToken(id: $id) {\n    ...AdminEnrollmentTokenFields\n  }\n}": typeof types.AdminRevokeEnrollmentTokenDocument,
    "mutation AdminUpdateZone($id: ID!, $input: UpdateZoneInput!) {\n  updateZone(id: $id, input: $input) {\n    ...AdminZoneFields\n  }\n}": typeof types.AdminUpdateZoneDocument,
    "fragment AdminZoneFields on Zone {\n  id\n  name\n  strategy\n  searchAlternateZones\n  createdAt\n}": typeof types.AdminZoneFieldsFragmentDoc,
    "query AdminZones {\n  zones {\n    ...AdminZoneFields\n  }\n}": typeof types.AdminZonesDocument,
    "query Me {\n  me {\n    id\n    username\n    role\n  }\n}": typeof types.MeDocument,
    "mutation SignIn($username: String!, $password: String!) {\n  signIn(username: $username, password: $password) {\n    id\n    username\n    role\n  }\n}": typeof types.SignInDocument,
    "mutation SignOut {\n  signOut\n}": typeof types.SignOutDocument,
    "subscription ChatMessageAdded($sessionId: ID!) {\n  chatMessageAdded(sessionId: $sessionId) {\n    ...ChatMessageFields\n  }\n}": typeof types.ChatMessageAddedDocument,
    "fragment ChatMessageFields on ChatMessage {\n  id\n  sessionId\n  authorId\n  authorName\n  body\n  createdAt\n}": typeof types.ChatMessageFieldsFragmentDoc,
    "query ChatMessages($sessionId: ID!) {\n  chatMessages(sessionId: $sessionId) {\n    ...ChatMessageFields\n  }\n}": typeof types.ChatMessagesDocument,
    "mutation SendChatMessage($sessionId: ID!, $body: String!) {\n  sendChatMessage(sessionId: $sessionId, body: $body) {\n    ...ChatMessageFields\n  }\n}": typeof types.SendChatMessageDocument,
    "mutation DestroySession($id: ID!) {\n  destroySession(id: $id) {\n    ...SessionFields\n  }\n}": typeof types.DestroySessionDocument,
    "mutation Keepalive($id: ID!) {\n  keepalive(id: $id)\n}": typeof types.KeepaliveDocument,
    "query MySessions($includeEnded: Boolean! = false) {\n  mySessions(includeEnded: $includeEnded) {\n    ...SessionFields\n  }\n}": typeof types.MySessionsDocument,
    "subscription MySessionsUpdated {\n  mySessionsUpdated {\n    ...SessionFields\n  }\n}": typeof types.MySessionsUpdatedDocument,
    "mutation PauseSession($id: ID!) {\n  pauseSession(id: $id) {\n    ...SessionFields\n  }\n}": typeof types.PauseSessionDocument,
    "mutation RequestSession($imageId: ID!) {\n  requestSession(imageId: $imageId) {\n    ...SessionFields\n  }\n}": typeof types.RequestSessionDocument,
    "mutation ResumeSession($id: ID!) {\n  resumeSession(id: $id) {\n    ...SessionFields\n  }\n}": typeof types.ResumeSessionDocument,
    "fragment SessionFields on Session {\n  id\n  status\n  statusMessage\n  url\n  createdAt\n  startedAt\n  endedAt\n  expiresAt\n  serverHostname\n  cores\n  memoryMb\n  ownerName\n  image {\n    id\n    name\n    friendlyName\n    thumbnailUrl\n  }\n  viewerRole\n  viewerCan {\n    view\n    control\n    destroy\n    manage\n    chat\n  }\n}": typeof types.SessionFieldsFragmentDoc,
    "subscription SessionUpdated($id: ID!) {\n  sessionUpdated(id: $id) {\n    ...SessionFields\n  }\n}": typeof types.SessionUpdatedDocument,
    "mutation JoinShare($shareId: String!) {\n  joinShare(shareId: $shareId) {\n    ...SessionFields\n  }\n}": typeof types.JoinShareDocument,
    "mutation RemoveViewer($sessionId: ID!, $userId: ID!) {\n  removeViewer(sessionId: $sessionId, userId: $userId) {\n    ...ShareFields\n  }\n}": typeof types.RemoveViewerDocument,
    "query SessionShare($sessionId: ID!) {\n  sessionShare(sessionId: $sessionId) {\n    ...ShareFields\n  }\n}": typeof types.SessionShareDocument,
    "fragment ShareFields on Share {\n  id\n  sessionId\n  mode\n  url\n  createdAt\n  viewers {\n    userId\n    username\n    joinedAt\n  }\n}": typeof types.ShareFieldsFragmentDoc,
    "mutation ShareSession($sessionId: ID!, $mode: ShareMode!) {\n  shareSession(sessionId: $sessionId, mode: $mode) {\n    ...ShareFields\n  }\n}": typeof types.ShareSessionDocument,
    "mutation StopSharing($sessionId: ID!) {\n  stopSharing(sessionId: $sessionId)\n}": typeof types.StopSharingDocument,
    "query Installation {\n  installation {\n    id\n    version\n  }\n}": typeof types.InstallationDocument,
    "query Images {\n  images {\n    id\n    name\n    friendlyName\n    description\n    categories\n    thumbnailUrl\n    enabled\n    cores\n    memoryMb\n  }\n}": typeof types.ImagesDocument,
};
const documents: Documents = {
    "query AdminApiKeys {\n  apiKeys {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n}": types.AdminApiKeysDocument,
    "mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) {\n    secret\n    key {\n      id\n      name\n      prefix\n      scopes\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n}": types.AdminCreateApiKeyDocument,
    "mutation AdminRevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    id\n    revokedAt\n  }\n}": types.AdminRevokeApiKeyDocument,
    "query AdminAuditEvents($action: String, $actorName: String, $outcome: String, $since: DateTimeISO, $first: Int!) {\n  auditEvents(\n    action: $action\n    actorName: $actorName\n    outcome: $outcome\n    since: $since\n    first: $first\n  ) {\n    id\n    at\n    actorKind\n    actorName\n    action\n    outcome\n    detail\n    ip\n  }\n}": types.AdminAuditEventsDocument,
    "query AdminServerSamples($minutes: Int!) {\n  serverSamples(minutes: $minutes) {\n    serverId\n    at\n    cpuPercent\n    memoryUsedMb\n    sessions\n  }\n}": types.AdminServerSamplesDocument,
    "mutation AdminCreateImage($input: ImageInput!) {\n  createImage(input: $input) {\n    ...AdminImageFields\n  }\n}": types.AdminCreateImageDocument,
    "mutation AdminDeleteImage($id: ID!, $force: Boolean!) {\n  deleteImage(id: $id, force: $force) {\n    id\n    name\n  }\n}": types.AdminDeleteImageDocument,
    "subscription AdminImageDownloads {\n  imageDownloads {\n    imageId\n    imageName\n    serverId\n    status\n    progress\n    message\n    updatedAt\n  }\n}": types.AdminImageDownloadsDocument,
    "fragment AdminImageFields on Image {\n  id\n  name\n  friendlyName\n  description\n  ref\n  cores\n  memoryMb\n  shmMb\n  network\n  env {\n    name\n    value\n  }\n  volumes {\n    hostPath\n    containerPath\n    readOnly\n  }\n  runConfig\n  hasRegistryAuth\n  zoneId\n  serverId\n  sessionTimeLimitS\n  categories\n  thumbnailUrl\n  enabled\n  createdAt\n  updatedAt\n}": types.AdminImageFieldsFragmentDoc,
    "query AdminImages {\n  images {\n    ...AdminImageFields\n  }\n}": types.AdminImagesDocument,
    "mutation AdminUpdateImage($id: ID!, $input: ImageInput!) {\n  updateImage(id: $id, input: $input) {\n    ...AdminImageFields\n  }\n}": types.AdminUpdateImageDocument,
    "query AdminManagers {\n  managers {\n    id\n    alive\n    hostname\n    url\n    version\n    zoneName\n    startedAt\n    heartbeatAt\n  }\n}": types.AdminManagersDocument,
    "subscription AdminManagersUpdated {\n  managersUpdated {\n    id\n    hostname\n    url\n    version\n    zoneName\n    startedAt\n    heartbeatAt\n    alive\n  }\n}": types.AdminManagersUpdatedDocument,
    "mutation AdminSetWarmPool($imageId: ID!, $zoneId: ID!, $size: Int!) {\n  setWarmPool(imageId: $imageId, zoneId: $zoneId, size: $size) {\n    ...AdminWarmPoolFields\n  }\n}": types.AdminSetWarmPoolDocument,
    "fragment AdminWarmPoolFields on WarmPool {\n  id\n  imageId\n  imageName\n  zoneId\n  zoneName\n  size\n  ready\n  starting\n  message\n}": types.AdminWarmPoolFieldsFragmentDoc,
    "query AdminWarmPools {\n  warmPools {\n    ...AdminWarmPoolFields\n  }\n}": types.AdminWarmPoolsDocument,
    "mutation AdminDeleteServer($id: ID!, $destroySessions: Boolean!) {\n  deleteServer(id: $id, destroySessions: $destroySessions) {\n    id\n    hostname\n  }\n}": types.AdminDeleteServerDocument,
    "fragment AdminServerFields on Server {\n  id\n  hostname\n  zoneId\n  zoneName\n  status\n  enabled\n  draining\n  cores\n  coresOverride\n  effectiveCores\n  allocatedCores\n  memoryMb\n  memoryMbOverride\n  effectiveMemoryMb\n  allocatedMemoryMb\n  cpuPercent\n  memoryUsedMb\n  diskMb\n  gpus\n  sessionCount\n  lastCheckInAt\n  agentVersion\n  dockerVersion\n  publishHost\n  pruneImages\n  createdAt\n  images {\n    imageId\n    imageName\n    serverId\n    status\n    progress\n    message\n    updatedAt\n  }\n}": types.AdminServerFieldsFragmentDoc,
    "query AdminServers {\n  servers {\n    ...AdminServerFields\n  }\n}": types.AdminServersDocument,
    "subscription AdminServersUpdated {\n  serversUpdated {\n    ...AdminServerFields\n  }\n}": types.AdminServersUpdatedDocument,
    "mutation AdminUpdateServer($id: ID!, $input: UpdateServerInput!) {\n  updateServer(id: $id, input: $input) {\n    ...AdminServerFields\n  }\n}": types.AdminUpdateServerDocument,
    "mutation AdminDestroySession($id: ID!) {\n  destroySession(id: $id) {\n    ...AdminSessionFields\n  }\n}": types.AdminDestroySessionDocument,
    "fragment AdminSessionFields on Session {\n  id\n  status\n  statusMessage\n  ownerName\n  userId\n  serverHostname\n  cores\n  memoryMb\n  createdAt\n  startedAt\n  endedAt\n  expiresAt\n  image {\n    id\n    name\n    friendlyName\n    thumbnailUrl\n  }\n}": types.AdminSessionFieldsFragmentDoc,
    "subscription AdminSessionUpdated($id: ID!) {\n  sessionUpdated(id: $id) {\n    ...AdminSessionFields\n  }\n}": types.AdminSessionUpdatedDocument,
    "query AdminSessions($status: [SessionStatus!], $userId: ID, $imageId: ID, $serverId: ID, $includeEnded: Boolean!) {\n  sessions(\n    status: $status\n    userId: $userId\n    imageId: $imageId\n    serverId: $serverId\n    includeEnded: $includeEnded\n  ) {\n    ...AdminSessionFields\n  }\n}": types.AdminSessionsDocument,
    "query AdminSettings {\n  settings {\n    sessionsPerUser\n    keepaliveExpiryS\n    keepaliveAction\n    defaultZone\n  }\n}": types.AdminSettingsDocument,
    "mutation AdminUpdateSettings($input: SettingsInput!) {\n  updateSettings(input: $input) {\n    sessionsPerUser\n    keepaliveExpiryS\n    keepaliveAction\n    defaultZone\n  }\n}": types.AdminUpdateSettingsDocument,
    "query AdminSystemInfo {\n  systemInfo {\n    installationId\n    installedAt\n    version\n    uptimeS\n    users\n    images\n    servers\n    serversOnline\n    sessions\n    sessionsRunning\n    managersAlive\n  }\n}": types.AdminSystemInfoDocument,
    "mutation AdminCreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    password\n    user {\n      ...AdminUserFields\n    }\n  }\n}": types.AdminCreateUserDocument,
    "mutation AdminDeleteUser($id: ID!) {\n  deleteUser(id: $id) {\n    id\n    username\n  }\n}": types.AdminDeleteUserDocument,
    "mutation AdminResetPassword($id: ID!) {\n  resetPassword(id: $id) {\n    password\n    user {\n      ...AdminUserFields\n    }\n  }\n}": types.AdminResetPasswordDocument,
    "mutation AdminUpdateUser($id: ID!, $input: UpdateUserInput!) {\n  updateUser(id: $id, input: $input) {\n    ...AdminUserFields\n  }\n}": types.AdminUpdateUserDocument,
    "fragment AdminUserFields on UserAccount {\n  id\n  username\n  role\n  disabled\n  zoneId\n  zoneName\n  activeSessions\n  createdAt\n}": types.AdminUserFieldsFragmentDoc,
    "query AdminUsers {\n  users {\n    ...AdminUserFields\n  }\n}": types.AdminUsersDocument,
    "mutation AdminCreateEnrollmentToken($zoneId: ID!, $name: String!) {\n  createEnrollmentToken(zoneId: $zoneId, name: $name) {\n    token\n    enrollmentToken {\n      ...AdminEnrollmentTokenFields\n    }\n  }\n}": types.AdminCreateEnrollmentTokenDocument,
    "mutation AdminCreateZone($input: CreateZoneInput!) {\n  createZone(input: $input) {\n    ...AdminZoneFields\n  }\n}": types.AdminCreateZoneDocument,
    "mutation AdminDeleteZone($id: ID!) {\n  deleteZone(id: $id) {\n    id\n    name\n  }\n}": types.AdminDeleteZoneDocument,
    "fragment AdminEnrollmentTokenFields on EnrollmentToken {\n  id\n  zoneId\n  name\n  prefix\n  createdAt\n  revokedAt\n}": types.AdminEnrollmentTokenFieldsFragmentDoc,
    "query AdminEnrollmentTokens {\n  enrollmentTokens {\n    ...AdminEnrollmentTokenFields\n  }\n}": types.AdminEnrollmentTokensDocument,
    "mutation AdminRevokeEnrollmentToken($id: ID!) {\n  revokeEnrollmentToken(id: $id) {\n    ...AdminEnrollmentTokenFields\n  }\n}": types.AdminRevokeEnrollmentTokenDocument,
    "mutation AdminUpdateZone($id: ID!, $input: UpdateZoneInput!) {\n  updateZone(id: $id, input: $input) {\n    ...AdminZoneFields\n  }\n}": types.AdminUpdateZoneDocument,
    "fragment AdminZoneFields on Zone {\n  id\n  name\n  strategy\n  searchAlternateZones\n  createdAt\n}": types.AdminZoneFieldsFragmentDoc,
    "query AdminZones {\n  zones {\n    ...AdminZoneFields\n  }\n}": types.AdminZonesDocument,
    "query Me {\n  me {\n    id\n    username\n    role\n  }\n}": types.MeDocument,
    "mutation SignIn($username: String!, $password: String!) {\n  signIn(username: $username, password: $password) {\n    id\n    username\n    role\n  }\n}": types.SignInDocument,
    "mutation SignOut {\n  signOut\n}": types.SignOutDocument,
    "subscription ChatMessageAdded($sessionId: ID!) {\n  chatMessageAdded(sessionId: $sessionId) {\n    ...ChatMessageFields\n  }\n}": types.ChatMessageAddedDocument,
    "fragment ChatMessageFields on ChatMessage {\n  id\n  sessionId\n  authorId\n  authorName\n  body\n  createdAt\n}": types.ChatMessageFieldsFragmentDoc,
    "query ChatMessages($sessionId: ID!) {\n  chatMessages(sessionId: $sessionId) {\n    ...ChatMessageFields\n  }\n}": types.ChatMessagesDocument,
    "mutation SendChatMessage($sessionId: ID!, $body: String!) {\n  sendChatMessage(sessionId: $sessionId, body: $body) {\n    ...ChatMessageFields\n  }\n}": types.SendChatMessageDocument,
    "mutation DestroySession($id: ID!) {\n  destroySession(id: $id) {\n    ...SessionFields\n  }\n}": types.DestroySessionDocument,
    "mutation Keepalive($id: ID!) {\n  keepalive(id: $id)\n}": types.KeepaliveDocument,
    "query MySessions($includeEnded: Boolean! = false) {\n  mySessions(includeEnded: $includeEnded) {\n    ...SessionFields\n  }\n}": types.MySessionsDocument,
    "subscription MySessionsUpdated {\n  mySessionsUpdated {\n    ...SessionFields\n  }\n}": types.MySessionsUpdatedDocument,
    "mutation PauseSession($id: ID!) {\n  pauseSession(id: $id) {\n    ...SessionFields\n  }\n}": types.PauseSessionDocument,
    "mutation RequestSession($imageId: ID!) {\n  requestSession(imageId: $imageId) {\n    ...SessionFields\n  }\n}": types.RequestSessionDocument,
    "mutation ResumeSession($id: ID!) {\n  resumeSession(id: $id) {\n    ...SessionFields\n  }\n}": types.ResumeSessionDocument,
    "fragment SessionFields on Session {\n  id\n  status\n  statusMessage\n  url\n  createdAt\n  startedAt\n  endedAt\n  expiresAt\n  serverHostname\n  cores\n  memoryMb\n  ownerName\n  image {\n    id\n    name\n    friendlyName\n    thumbnailUrl\n  }\n  viewerRole\n  viewerCan {\n    view\n    control\n    destroy\n    manage\n    chat\n  }\n}": types.SessionFieldsFragmentDoc,
    "subscription SessionUpdated($id: ID!) {\n  sessionUpdated(id: $id) {\n    ...SessionFields\n  }\n}": types.SessionUpdatedDocument,
    "mutation JoinShare($shareId: String!) {\n  joinShare(shareId: $shareId) {\n    ...SessionFields\n  }\n}": types.JoinShareDocument,
    "mutation RemoveViewer($sessionId: ID!, $userId: ID!) {\n  removeViewer(sessionId: $sessionId, userId: $userId) {\n    ...ShareFields\n  }\n}": types.RemoveViewerDocument,
    "query SessionShare($sessionId: ID!) {\n  sessionShare(sessionId: $sessionId) {\n    ...ShareFields\n  }\n}": types.SessionShareDocument,
    "fragment ShareFields on Share {\n  id\n  sessionId\n  mode\n  url\n  createdAt\n  viewers {\n    userId\n    username\n    joinedAt\n  }\n}": types.ShareFieldsFragmentDoc,
    "mutation ShareSession($sessionId: ID!, $mode: ShareMode!) {\n  shareSession(sessionId: $sessionId, mode: $mode) {\n    ...ShareFields\n  }\n}": types.ShareSessionDocument,
    "mutation StopSharing($sessionId: ID!) {\n  stopSharing(sessionId: $sessionId)\n}": types.StopSharingDocument,
    "query Installation {\n  installation {\n    id\n    version\n  }\n}": types.InstallationDocument,
    "query Images {\n  images {\n    id\n    name\n    friendlyName\n    description\n    categories\n    thumbnailUrl\n    enabled\n    cores\n    memoryMb\n  }\n}": types.ImagesDocument,
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
export function graphql(source: "query AdminApiKeys {\n  apiKeys {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n}"): (typeof documents)["query AdminApiKeys {\n  apiKeys {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) {\n    secret\n    key {\n      id\n      name\n      prefix\n      scopes\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n}"): (typeof documents)["mutation AdminCreateApiKey($input: CreateApiKeyInput!) {\n  createApiKey(input: $input) {\n    secret\n    key {\n      id\n      name\n      prefix\n      scopes\n      createdAt\n      expiresAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminRevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    id\n    revokedAt\n  }\n}"): (typeof documents)["mutation AdminRevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    id\n    revokedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminAuditEvents($action: String, $actorName: String, $outcome: String, $since: DateTimeISO, $first: Int!) {\n  auditEvents(\n    action: $action\n    actorName: $actorName\n    outcome: $outcome\n    since: $since\n    first: $first\n  ) {\n    id\n    at\n    actorKind\n    actorName\n    action\n    outcome\n    detail\n    ip\n  }\n}"): (typeof documents)["query AdminAuditEvents($action: String, $actorName: String, $outcome: String, $since: DateTimeISO, $first: Int!) {\n  auditEvents(\n    action: $action\n    actorName: $actorName\n    outcome: $outcome\n    since: $since\n    first: $first\n  ) {\n    id\n    at\n    actorKind\n    actorName\n    action\n    outcome\n    detail\n    ip\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminServerSamples($minutes: Int!) {\n  serverSamples(minutes: $minutes) {\n    serverId\n    at\n    cpuPercent\n    memoryUsedMb\n    sessions\n  }\n}"): (typeof documents)["query AdminServerSamples($minutes: Int!) {\n  serverSamples(minutes: $minutes) {\n    serverId\n    at\n    cpuPercent\n    memoryUsedMb\n    sessions\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminCreateImage($input: ImageInput!) {\n  createImage(input: $input) {\n    ...AdminImageFields\n  }\n}"): (typeof documents)["mutation AdminCreateImage($input: ImageInput!) {\n  createImage(input: $input) {\n    ...AdminImageFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminDeleteImage($id: ID!, $force: Boolean!) {\n  deleteImage(id: $id, force: $force) {\n    id\n    name\n  }\n}"): (typeof documents)["mutation AdminDeleteImage($id: ID!, $force: Boolean!) {\n  deleteImage(id: $id, force: $force) {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription AdminImageDownloads {\n  imageDownloads {\n    imageId\n    imageName\n    serverId\n    status\n    progress\n    message\n    updatedAt\n  }\n}"): (typeof documents)["subscription AdminImageDownloads {\n  imageDownloads {\n    imageId\n    imageName\n    serverId\n    status\n    progress\n    message\n    updatedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AdminImageFields on Image {\n  id\n  name\n  friendlyName\n  description\n  ref\n  cores\n  memoryMb\n  shmMb\n  network\n  env {\n    name\n    value\n  }\n  volumes {\n    hostPath\n    containerPath\n    readOnly\n  }\n  runConfig\n  hasRegistryAuth\n  zoneId\n  serverId\n  sessionTimeLimitS\n  categories\n  thumbnailUrl\n  enabled\n  createdAt\n  updatedAt\n}"): (typeof documents)["fragment AdminImageFields on Image {\n  id\n  name\n  friendlyName\n  description\n  ref\n  cores\n  memoryMb\n  shmMb\n  network\n  env {\n    name\n    value\n  }\n  volumes {\n    hostPath\n    containerPath\n    readOnly\n  }\n  runConfig\n  hasRegistryAuth\n  zoneId\n  serverId\n  sessionTimeLimitS\n  categories\n  thumbnailUrl\n  enabled\n  createdAt\n  updatedAt\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminImages {\n  images {\n    ...AdminImageFields\n  }\n}"): (typeof documents)["query AdminImages {\n  images {\n    ...AdminImageFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminUpdateImage($id: ID!, $input: ImageInput!) {\n  updateImage(id: $id, input: $input) {\n    ...AdminImageFields\n  }\n}"): (typeof documents)["mutation AdminUpdateImage($id: ID!, $input: ImageInput!) {\n  updateImage(id: $id, input: $input) {\n    ...AdminImageFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminManagers {\n  managers {\n    id\n    alive\n    hostname\n    url\n    version\n    zoneName\n    startedAt\n    heartbeatAt\n  }\n}"): (typeof documents)["query AdminManagers {\n  managers {\n    id\n    alive\n    hostname\n    url\n    version\n    zoneName\n    startedAt\n    heartbeatAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription AdminManagersUpdated {\n  managersUpdated {\n    id\n    hostname\n    url\n    version\n    zoneName\n    startedAt\n    heartbeatAt\n    alive\n  }\n}"): (typeof documents)["subscription AdminManagersUpdated {\n  managersUpdated {\n    id\n    hostname\n    url\n    version\n    zoneName\n    startedAt\n    heartbeatAt\n    alive\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminSetWarmPool($imageId: ID!, $zoneId: ID!, $size: Int!) {\n  setWarmPool(imageId: $imageId, zoneId: $zoneId, size: $size) {\n    ...AdminWarmPoolFields\n  }\n}"): (typeof documents)["mutation AdminSetWarmPool($imageId: ID!, $zoneId: ID!, $size: Int!) {\n  setWarmPool(imageId: $imageId, zoneId: $zoneId, size: $size) {\n    ...AdminWarmPoolFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AdminWarmPoolFields on WarmPool {\n  id\n  imageId\n  imageName\n  zoneId\n  zoneName\n  size\n  ready\n  starting\n  message\n}"): (typeof documents)["fragment AdminWarmPoolFields on WarmPool {\n  id\n  imageId\n  imageName\n  zoneId\n  zoneName\n  size\n  ready\n  starting\n  message\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminWarmPools {\n  warmPools {\n    ...AdminWarmPoolFields\n  }\n}"): (typeof documents)["query AdminWarmPools {\n  warmPools {\n    ...AdminWarmPoolFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminDeleteServer($id: ID!, $destroySessions: Boolean!) {\n  deleteServer(id: $id, destroySessions: $destroySessions) {\n    id\n    hostname\n  }\n}"): (typeof documents)["mutation AdminDeleteServer($id: ID!, $destroySessions: Boolean!) {\n  deleteServer(id: $id, destroySessions: $destroySessions) {\n    id\n    hostname\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AdminServerFields on Server {\n  id\n  hostname\n  zoneId\n  zoneName\n  status\n  enabled\n  draining\n  cores\n  coresOverride\n  effectiveCores\n  allocatedCores\n  memoryMb\n  memoryMbOverride\n  effectiveMemoryMb\n  allocatedMemoryMb\n  cpuPercent\n  memoryUsedMb\n  diskMb\n  gpus\n  sessionCount\n  lastCheckInAt\n  agentVersion\n  dockerVersion\n  publishHost\n  pruneImages\n  createdAt\n  images {\n    imageId\n    imageName\n    serverId\n    status\n    progress\n    message\n    updatedAt\n  }\n}"): (typeof documents)["fragment AdminServerFields on Server {\n  id\n  hostname\n  zoneId\n  zoneName\n  status\n  enabled\n  draining\n  cores\n  coresOverride\n  effectiveCores\n  allocatedCores\n  memoryMb\n  memoryMbOverride\n  effectiveMemoryMb\n  allocatedMemoryMb\n  cpuPercent\n  memoryUsedMb\n  diskMb\n  gpus\n  sessionCount\n  lastCheckInAt\n  agentVersion\n  dockerVersion\n  publishHost\n  pruneImages\n  createdAt\n  images {\n    imageId\n    imageName\n    serverId\n    status\n    progress\n    message\n    updatedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminServers {\n  servers {\n    ...AdminServerFields\n  }\n}"): (typeof documents)["query AdminServers {\n  servers {\n    ...AdminServerFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription AdminServersUpdated {\n  serversUpdated {\n    ...AdminServerFields\n  }\n}"): (typeof documents)["subscription AdminServersUpdated {\n  serversUpdated {\n    ...AdminServerFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminUpdateServer($id: ID!, $input: UpdateServerInput!) {\n  updateServer(id: $id, input: $input) {\n    ...AdminServerFields\n  }\n}"): (typeof documents)["mutation AdminUpdateServer($id: ID!, $input: UpdateServerInput!) {\n  updateServer(id: $id, input: $input) {\n    ...AdminServerFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminDestroySession($id: ID!) {\n  destroySession(id: $id) {\n    ...AdminSessionFields\n  }\n}"): (typeof documents)["mutation AdminDestroySession($id: ID!) {\n  destroySession(id: $id) {\n    ...AdminSessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AdminSessionFields on Session {\n  id\n  status\n  statusMessage\n  ownerName\n  userId\n  serverHostname\n  cores\n  memoryMb\n  createdAt\n  startedAt\n  endedAt\n  expiresAt\n  image {\n    id\n    name\n    friendlyName\n    thumbnailUrl\n  }\n}"): (typeof documents)["fragment AdminSessionFields on Session {\n  id\n  status\n  statusMessage\n  ownerName\n  userId\n  serverHostname\n  cores\n  memoryMb\n  createdAt\n  startedAt\n  endedAt\n  expiresAt\n  image {\n    id\n    name\n    friendlyName\n    thumbnailUrl\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription AdminSessionUpdated($id: ID!) {\n  sessionUpdated(id: $id) {\n    ...AdminSessionFields\n  }\n}"): (typeof documents)["subscription AdminSessionUpdated($id: ID!) {\n  sessionUpdated(id: $id) {\n    ...AdminSessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminSessions($status: [SessionStatus!], $userId: ID, $imageId: ID, $serverId: ID, $includeEnded: Boolean!) {\n  sessions(\n    status: $status\n    userId: $userId\n    imageId: $imageId\n    serverId: $serverId\n    includeEnded: $includeEnded\n  ) {\n    ...AdminSessionFields\n  }\n}"): (typeof documents)["query AdminSessions($status: [SessionStatus!], $userId: ID, $imageId: ID, $serverId: ID, $includeEnded: Boolean!) {\n  sessions(\n    status: $status\n    userId: $userId\n    imageId: $imageId\n    serverId: $serverId\n    includeEnded: $includeEnded\n  ) {\n    ...AdminSessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminSettings {\n  settings {\n    sessionsPerUser\n    keepaliveExpiryS\n    keepaliveAction\n    defaultZone\n  }\n}"): (typeof documents)["query AdminSettings {\n  settings {\n    sessionsPerUser\n    keepaliveExpiryS\n    keepaliveAction\n    defaultZone\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminUpdateSettings($input: SettingsInput!) {\n  updateSettings(input: $input) {\n    sessionsPerUser\n    keepaliveExpiryS\n    keepaliveAction\n    defaultZone\n  }\n}"): (typeof documents)["mutation AdminUpdateSettings($input: SettingsInput!) {\n  updateSettings(input: $input) {\n    sessionsPerUser\n    keepaliveExpiryS\n    keepaliveAction\n    defaultZone\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminSystemInfo {\n  systemInfo {\n    installationId\n    installedAt\n    version\n    uptimeS\n    users\n    images\n    servers\n    serversOnline\n    sessions\n    sessionsRunning\n    managersAlive\n  }\n}"): (typeof documents)["query AdminSystemInfo {\n  systemInfo {\n    installationId\n    installedAt\n    version\n    uptimeS\n    users\n    images\n    servers\n    serversOnline\n    sessions\n    sessionsRunning\n    managersAlive\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminCreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    password\n    user {\n      ...AdminUserFields\n    }\n  }\n}"): (typeof documents)["mutation AdminCreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    password\n    user {\n      ...AdminUserFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminDeleteUser($id: ID!) {\n  deleteUser(id: $id) {\n    id\n    username\n  }\n}"): (typeof documents)["mutation AdminDeleteUser($id: ID!) {\n  deleteUser(id: $id) {\n    id\n    username\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminResetPassword($id: ID!) {\n  resetPassword(id: $id) {\n    password\n    user {\n      ...AdminUserFields\n    }\n  }\n}"): (typeof documents)["mutation AdminResetPassword($id: ID!) {\n  resetPassword(id: $id) {\n    password\n    user {\n      ...AdminUserFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminUpdateUser($id: ID!, $input: UpdateUserInput!) {\n  updateUser(id: $id, input: $input) {\n    ...AdminUserFields\n  }\n}"): (typeof documents)["mutation AdminUpdateUser($id: ID!, $input: UpdateUserInput!) {\n  updateUser(id: $id, input: $input) {\n    ...AdminUserFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AdminUserFields on UserAccount {\n  id\n  username\n  role\n  disabled\n  zoneId\n  zoneName\n  activeSessions\n  createdAt\n}"): (typeof documents)["fragment AdminUserFields on UserAccount {\n  id\n  username\n  role\n  disabled\n  zoneId\n  zoneName\n  activeSessions\n  createdAt\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminUsers {\n  users {\n    ...AdminUserFields\n  }\n}"): (typeof documents)["query AdminUsers {\n  users {\n    ...AdminUserFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminCreateEnrollmentToken($zoneId: ID!, $name: String!) {\n  createEnrollmentToken(zoneId: $zoneId, name: $name) {\n    token\n    enrollmentToken {\n      ...AdminEnrollmentTokenFields\n    }\n  }\n}"): (typeof documents)["mutation AdminCreateEnrollmentToken($zoneId: ID!, $name: String!) {\n  createEnrollmentToken(zoneId: $zoneId, name: $name) {\n    token\n    enrollmentToken {\n      ...AdminEnrollmentTokenFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminCreateZone($input: CreateZoneInput!) {\n  createZone(input: $input) {\n    ...AdminZoneFields\n  }\n}"): (typeof documents)["mutation AdminCreateZone($input: CreateZoneInput!) {\n  createZone(input: $input) {\n    ...AdminZoneFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminDeleteZone($id: ID!) {\n  deleteZone(id: $id) {\n    id\n    name\n  }\n}"): (typeof documents)["mutation AdminDeleteZone($id: ID!) {\n  deleteZone(id: $id) {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AdminEnrollmentTokenFields on EnrollmentToken {\n  id\n  zoneId\n  name\n  prefix\n  createdAt\n  revokedAt\n}"): (typeof documents)["fragment AdminEnrollmentTokenFields on EnrollmentToken {\n  id\n  zoneId\n  name\n  prefix\n  createdAt\n  revokedAt\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminEnrollmentTokens {\n  enrollmentTokens {\n    ...AdminEnrollmentTokenFields\n  }\n}"): (typeof documents)["query AdminEnrollmentTokens {\n  enrollmentTokens {\n    ...AdminEnrollmentTokenFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminRevokeEnrollmentToken($id: ID!) {\n  revokeEnrollmentToken(id: $id) {\n    ...AdminEnrollmentTokenFields\n  }\n}"): (typeof documents)["mutation AdminRevokeEnrollmentToken($id: ID!) {\n  revokeEnrollmentToken(id: $id) {\n    ...AdminEnrollmentTokenFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdminUpdateZone($id: ID!, $input: UpdateZoneInput!) {\n  updateZone(id: $id, input: $input) {\n    ...AdminZoneFields\n  }\n}"): (typeof documents)["mutation AdminUpdateZone($id: ID!, $input: UpdateZoneInput!) {\n  updateZone(id: $id, input: $input) {\n    ...AdminZoneFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AdminZoneFields on Zone {\n  id\n  name\n  strategy\n  searchAlternateZones\n  createdAt\n}"): (typeof documents)["fragment AdminZoneFields on Zone {\n  id\n  name\n  strategy\n  searchAlternateZones\n  createdAt\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminZones {\n  zones {\n    ...AdminZoneFields\n  }\n}"): (typeof documents)["query AdminZones {\n  zones {\n    ...AdminZoneFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    id\n    username\n    role\n  }\n}"): (typeof documents)["query Me {\n  me {\n    id\n    username\n    role\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignIn($username: String!, $password: String!) {\n  signIn(username: $username, password: $password) {\n    id\n    username\n    role\n  }\n}"): (typeof documents)["mutation SignIn($username: String!, $password: String!) {\n  signIn(username: $username, password: $password) {\n    id\n    username\n    role\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignOut {\n  signOut\n}"): (typeof documents)["mutation SignOut {\n  signOut\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ChatMessageAdded($sessionId: ID!) {\n  chatMessageAdded(sessionId: $sessionId) {\n    ...ChatMessageFields\n  }\n}"): (typeof documents)["subscription ChatMessageAdded($sessionId: ID!) {\n  chatMessageAdded(sessionId: $sessionId) {\n    ...ChatMessageFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ChatMessageFields on ChatMessage {\n  id\n  sessionId\n  authorId\n  authorName\n  body\n  createdAt\n}"): (typeof documents)["fragment ChatMessageFields on ChatMessage {\n  id\n  sessionId\n  authorId\n  authorName\n  body\n  createdAt\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChatMessages($sessionId: ID!) {\n  chatMessages(sessionId: $sessionId) {\n    ...ChatMessageFields\n  }\n}"): (typeof documents)["query ChatMessages($sessionId: ID!) {\n  chatMessages(sessionId: $sessionId) {\n    ...ChatMessageFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendChatMessage($sessionId: ID!, $body: String!) {\n  sendChatMessage(sessionId: $sessionId, body: $body) {\n    ...ChatMessageFields\n  }\n}"): (typeof documents)["mutation SendChatMessage($sessionId: ID!, $body: String!) {\n  sendChatMessage(sessionId: $sessionId, body: $body) {\n    ...ChatMessageFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DestroySession($id: ID!) {\n  destroySession(id: $id) {\n    ...SessionFields\n  }\n}"): (typeof documents)["mutation DestroySession($id: ID!) {\n  destroySession(id: $id) {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Keepalive($id: ID!) {\n  keepalive(id: $id)\n}"): (typeof documents)["mutation Keepalive($id: ID!) {\n  keepalive(id: $id)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MySessions($includeEnded: Boolean! = false) {\n  mySessions(includeEnded: $includeEnded) {\n    ...SessionFields\n  }\n}"): (typeof documents)["query MySessions($includeEnded: Boolean! = false) {\n  mySessions(includeEnded: $includeEnded) {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription MySessionsUpdated {\n  mySessionsUpdated {\n    ...SessionFields\n  }\n}"): (typeof documents)["subscription MySessionsUpdated {\n  mySessionsUpdated {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PauseSession($id: ID!) {\n  pauseSession(id: $id) {\n    ...SessionFields\n  }\n}"): (typeof documents)["mutation PauseSession($id: ID!) {\n  pauseSession(id: $id) {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestSession($imageId: ID!) {\n  requestSession(imageId: $imageId) {\n    ...SessionFields\n  }\n}"): (typeof documents)["mutation RequestSession($imageId: ID!) {\n  requestSession(imageId: $imageId) {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResumeSession($id: ID!) {\n  resumeSession(id: $id) {\n    ...SessionFields\n  }\n}"): (typeof documents)["mutation ResumeSession($id: ID!) {\n  resumeSession(id: $id) {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionFields on Session {\n  id\n  status\n  statusMessage\n  url\n  createdAt\n  startedAt\n  endedAt\n  expiresAt\n  serverHostname\n  cores\n  memoryMb\n  ownerName\n  image {\n    id\n    name\n    friendlyName\n    thumbnailUrl\n  }\n  viewerRole\n  viewerCan {\n    view\n    control\n    destroy\n    manage\n    chat\n  }\n}"): (typeof documents)["fragment SessionFields on Session {\n  id\n  status\n  statusMessage\n  url\n  createdAt\n  startedAt\n  endedAt\n  expiresAt\n  serverHostname\n  cores\n  memoryMb\n  ownerName\n  image {\n    id\n    name\n    friendlyName\n    thumbnailUrl\n  }\n  viewerRole\n  viewerCan {\n    view\n    control\n    destroy\n    manage\n    chat\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SessionUpdated($id: ID!) {\n  sessionUpdated(id: $id) {\n    ...SessionFields\n  }\n}"): (typeof documents)["subscription SessionUpdated($id: ID!) {\n  sessionUpdated(id: $id) {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation JoinShare($shareId: String!) {\n  joinShare(shareId: $shareId) {\n    ...SessionFields\n  }\n}"): (typeof documents)["mutation JoinShare($shareId: String!) {\n  joinShare(shareId: $shareId) {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveViewer($sessionId: ID!, $userId: ID!) {\n  removeViewer(sessionId: $sessionId, userId: $userId) {\n    ...ShareFields\n  }\n}"): (typeof documents)["mutation RemoveViewer($sessionId: ID!, $userId: ID!) {\n  removeViewer(sessionId: $sessionId, userId: $userId) {\n    ...ShareFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SessionShare($sessionId: ID!) {\n  sessionShare(sessionId: $sessionId) {\n    ...ShareFields\n  }\n}"): (typeof documents)["query SessionShare($sessionId: ID!) {\n  sessionShare(sessionId: $sessionId) {\n    ...ShareFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ShareFields on Share {\n  id\n  sessionId\n  mode\n  url\n  createdAt\n  viewers {\n    userId\n    username\n    joinedAt\n  }\n}"): (typeof documents)["fragment ShareFields on Share {\n  id\n  sessionId\n  mode\n  url\n  createdAt\n  viewers {\n    userId\n    username\n    joinedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ShareSession($sessionId: ID!, $mode: ShareMode!) {\n  shareSession(sessionId: $sessionId, mode: $mode) {\n    ...ShareFields\n  }\n}"): (typeof documents)["mutation ShareSession($sessionId: ID!, $mode: ShareMode!) {\n  shareSession(sessionId: $sessionId, mode: $mode) {\n    ...ShareFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StopSharing($sessionId: ID!) {\n  stopSharing(sessionId: $sessionId)\n}"): (typeof documents)["mutation StopSharing($sessionId: ID!) {\n  stopSharing(sessionId: $sessionId)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Installation {\n  installation {\n    id\n    version\n  }\n}"): (typeof documents)["query Installation {\n  installation {\n    id\n    version\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Images {\n  images {\n    id\n    name\n    friendlyName\n    description\n    categories\n    thumbnailUrl\n    enabled\n    cores\n    memoryMb\n  }\n}"): (typeof documents)["query Images {\n  images {\n    id\n    name\n    friendlyName\n    description\n    categories\n    thumbnailUrl\n    enabled\n    cores\n    memoryMb\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;