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
    "query Me {\n  me {\n    id\n    username\n    role\n  }\n}": typeof types.MeDocument,
    "mutation SignIn($username: String!, $password: String!) {\n  signIn(username: $username, password: $password) {\n    id\n    username\n    role\n  }\n}": typeof types.SignInDocument,
    "mutation SignOut {\n  signOut\n}": typeof types.SignOutDocument,
    "mutation DestroySession($id: ID!) {\n  destroySession(id: $id) {\n    ...SessionFields\n  }\n}": typeof types.DestroySessionDocument,
    "query MySessions($includeEnded: Boolean! = false) {\n  mySessions(includeEnded: $includeEnded) {\n    ...SessionFields\n  }\n}": typeof types.MySessionsDocument,
    "mutation RequestSession($imageId: ID!) {\n  requestSession(imageId: $imageId) {\n    ...SessionFields\n  }\n}": typeof types.RequestSessionDocument,
    "query Session($id: ID!) {\n  session(id: $id) {\n    ...SessionFields\n  }\n}": typeof types.SessionDocument,
    "fragment SessionFields on Session {\n  id\n  status\n  statusMessage\n  url\n  createdAt\n  startedAt\n  endedAt\n  serverHostname\n  cores\n  memoryMb\n  image {\n    id\n    name\n    friendlyName\n    thumbnailUrl\n  }\n  viewerCan {\n    view\n    destroy\n  }\n}": typeof types.SessionFieldsFragmentDoc,
    "subscription SessionUpdated($id: ID!) {\n  sessionUpdated(id: $id) {\n    ...SessionFields\n  }\n}": typeof types.SessionUpdatedDocument,
    "query Installation {\n  installation {\n    id\n    version\n  }\n}": typeof types.InstallationDocument,
    "query Images {\n  images {\n    id\n    name\n    friendlyName\n    description\n    categories\n    thumbnailUrl\n    enabled\n    cores\n    memoryMb\n  }\n}": typeof types.ImagesDocument,
};
const documents: Documents = {
    "query Me {\n  me {\n    id\n    username\n    role\n  }\n}": types.MeDocument,
    "mutation SignIn($username: String!, $password: String!) {\n  signIn(username: $username, password: $password) {\n    id\n    username\n    role\n  }\n}": types.SignInDocument,
    "mutation SignOut {\n  signOut\n}": types.SignOutDocument,
    "mutation DestroySession($id: ID!) {\n  destroySession(id: $id) {\n    ...SessionFields\n  }\n}": types.DestroySessionDocument,
    "query MySessions($includeEnded: Boolean! = false) {\n  mySessions(includeEnded: $includeEnded) {\n    ...SessionFields\n  }\n}": types.MySessionsDocument,
    "mutation RequestSession($imageId: ID!) {\n  requestSession(imageId: $imageId) {\n    ...SessionFields\n  }\n}": types.RequestSessionDocument,
    "query Session($id: ID!) {\n  session(id: $id) {\n    ...SessionFields\n  }\n}": types.SessionDocument,
    "fragment SessionFields on Session {\n  id\n  status\n  statusMessage\n  url\n  createdAt\n  startedAt\n  endedAt\n  serverHostname\n  cores\n  memoryMb\n  image {\n    id\n    name\n    friendlyName\n    thumbnailUrl\n  }\n  viewerCan {\n    view\n    destroy\n  }\n}": types.SessionFieldsFragmentDoc,
    "subscription SessionUpdated($id: ID!) {\n  sessionUpdated(id: $id) {\n    ...SessionFields\n  }\n}": types.SessionUpdatedDocument,
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
export function graphql(source: "mutation DestroySession($id: ID!) {\n  destroySession(id: $id) {\n    ...SessionFields\n  }\n}"): (typeof documents)["mutation DestroySession($id: ID!) {\n  destroySession(id: $id) {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MySessions($includeEnded: Boolean! = false) {\n  mySessions(includeEnded: $includeEnded) {\n    ...SessionFields\n  }\n}"): (typeof documents)["query MySessions($includeEnded: Boolean! = false) {\n  mySessions(includeEnded: $includeEnded) {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestSession($imageId: ID!) {\n  requestSession(imageId: $imageId) {\n    ...SessionFields\n  }\n}"): (typeof documents)["mutation RequestSession($imageId: ID!) {\n  requestSession(imageId: $imageId) {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Session($id: ID!) {\n  session(id: $id) {\n    ...SessionFields\n  }\n}"): (typeof documents)["query Session($id: ID!) {\n  session(id: $id) {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionFields on Session {\n  id\n  status\n  statusMessage\n  url\n  createdAt\n  startedAt\n  endedAt\n  serverHostname\n  cores\n  memoryMb\n  image {\n    id\n    name\n    friendlyName\n    thumbnailUrl\n  }\n  viewerCan {\n    view\n    destroy\n  }\n}"): (typeof documents)["fragment SessionFields on Session {\n  id\n  status\n  statusMessage\n  url\n  createdAt\n  startedAt\n  endedAt\n  serverHostname\n  cores\n  memoryMb\n  image {\n    id\n    name\n    friendlyName\n    thumbnailUrl\n  }\n  viewerCan {\n    view\n    destroy\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SessionUpdated($id: ID!) {\n  sessionUpdated(id: $id) {\n    ...SessionFields\n  }\n}"): (typeof documents)["subscription SessionUpdated($id: ID!) {\n  sessionUpdated(id: $id) {\n    ...SessionFields\n  }\n}"];
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