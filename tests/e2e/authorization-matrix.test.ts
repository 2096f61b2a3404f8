import { readFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient, subscribe } from "../support/api.js";
import { adminClient } from "../support/admin.js";
import { closeTestDb, testDb } from "../support/db.js";
import { env } from "../support/env.js";
import { signedInClient } from "../support/factories.js";
import { hashToken, newToken } from "../../server/src/auth/tokens.js";
import { SCOPES, type Scope } from "../../server/src/auth/policy.js";

/**
 * Every operation in schema.graphql, run as every kind of caller. Each operation must have a
 * rule here: one added without a rule fails this test. Rules say who passes the operation's
 * gate; ownership of a particular session (owner, another user, a share's viewer) is shown by
 * the session, sharing and chat tests, with real sessions.
 *   public: anyone; user: signed-in users; admin: administrators; agent: agents only.
 *   key: the API key scope that also passes ("any": every key; null: no key).
 */
type Rule = { who: "public" | "user" | "admin" | "agent"; key: Scope | "any" | null };
const u = (key: Rule["key"] = null): Rule => ({ who: "user", key });
const a = (key: Rule["key"] = "admin"): Rule => ({ who: "admin", key });
const AGENT: Rule = { who: "agent", key: null };
const PUBLIC: Rule = { who: "public", key: "any" };

const RULES: Record<string, Rule> = {
  "Query.apiKeys": a(), "Query.auditEvents": a(), "Query.chatMessages": u(), "Query.enrollmentTokens": a(), "Query.image": u(), "Query.images": u("any"),
  "Query.installation": a(), "Query.managers": a(), "Query.me": PUBLIC, "Query.mySessions": u(), "Query.screenshot": u("sessions:read"),
  "Query.server": a(), "Query.serverSamples": a(), "Query.servers": a("fleet:read"), "Query.session": u("sessions:read"), "Query.sessionShare": u("sessions:read"),
  "Query.sessions": a("sessions:read"), "Query.settings": a(), "Query.systemInfo": a(), "Query.users": a(), "Query.warmPools": a(), "Query.zones": a("fleet:read"),
  "Mutation.checkIn": AGENT, "Mutation.createApiKey": a(), "Mutation.createEnrollmentToken": a(), "Mutation.createImage": a("images:write"),
  "Mutation.createUser": a(), "Mutation.createViewingLink": u("sessions:write"), "Mutation.createZone": a(), "Mutation.deleteImage": a("images:write"), "Mutation.deleteServer": a(),
  "Mutation.deleteUser": a(), "Mutation.deleteZone": a(), "Mutation.destroySession": u("sessions:write"), "Mutation.ensureUser": a("users:write"),
  "Mutation.joinShare": u("sessions:write"), "Mutation.keepalive": u("sessions:write"), "Mutation.pauseSession": u(), "Mutation.registerAgent": PUBLIC,
  "Mutation.removeViewer": u("sessions:write"), "Mutation.reportSession": AGENT, "Mutation.reportTask": AGENT, "Mutation.requestSession": u("sessions:write"),
  "Mutation.resetPassword": a(), "Mutation.resumeSession": u(), "Mutation.revokeApiKey": a(), "Mutation.revokeEnrollmentToken": a(),
  "Mutation.runCommand": u("sessions:write"), "Mutation.sendChatMessage": u(), "Mutation.shareSession": u("sessions:write"), "Mutation.signIn": PUBLIC,
  "Mutation.signOut": PUBLIC, "Mutation.signOutEverywhere": u(), "Mutation.setWarmPool": a(), "Mutation.stopSharing": u("sessions:write"), "Mutation.updateImage": a("images:write"), "Mutation.updateServer": a(),
  "Mutation.updateSettings": a(), "Mutation.updateUser": a(), "Mutation.updateZone": a(),
  "Subscription.agentSignals": AGENT, "Subscription.chatMessageAdded": u(), "Subscription.imageDownloads": a(),
  "Subscription.managersUpdated": a(), "Subscription.mySessionsUpdated": u(), "Subscription.serversUpdated": a(), "Subscription.sessionUpdated": u("sessions:read"),
};

type Caller = "anonymous" | "user" | "admin" | "agent" | "keyWith" | "keyWithout";
const CALLERS: Caller[] = ["anonymous", "user", "admin", "agent", "keyWith", "keyWithout"];
const DENIED = new Set(["UNAUTHENTICATED", "FORBIDDEN"]);
const DUMMY_ID = "00000000-0000-4000-8000-00000000abcd";

function expected(rule: Rule, caller: Caller): "allow" | "deny" {
  if (rule.who === "public") return "allow";
  if (rule.who === "agent") return caller === "agent" ? "allow" : "deny";
  if (caller === "keyWith") return rule.key ? "allow" : "deny";
  if (caller === "keyWithout") return rule.key === "any" ? "allow" : "deny";
  if (caller === "admin") return "allow";
  if (caller === "user") return rule.who === "user" ? "allow" : "deny";
  return "deny";
}

/** A value of an input type: required fields only, harmless defaults, ids that match nothing. */
function sample(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sample(type.ofType, name);
  if (isListType(type)) return [sample(type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = sample(f.type, f.name);
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "ID": return DUMMY_ID;
      case "Int": return 1;
      case "Float": return 1;
      case "Boolean": return false;
      case "DateTimeISO": return new Date(Date.now() + 3600_000).toISOString();
      default: return ({ publishHost: "127.0.0.1", sessionId: DUMMY_ID, state: "running", taskId: DUMMY_ID } as Record<string, string>)[name] ?? "x";
    }
  }
  return null;
}

/** Optional arguments a caller needs to get past the gate at all (an API key launches for a user). */
const KEY_ARGS: Record<string, Record<string, unknown>> = { requestSession: { forUser: "nobody-matrix" }, joinShare: { forUser: "nobody-matrix" } };

function operation(kind: "query" | "mutation" | "subscription", field: GraphQLField<unknown, unknown>, extra: Record<string, unknown> = {}) {
  const required = field.args.filter((arg) => (isNonNullType(arg.type) && arg.defaultValue === undefined) || arg.name in extra);
  const decl = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(", ");
  const call = required.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const returns = getNamedType(field.type);
  const selection = isObjectType(returns) ? " { __typename }" : "";
  const variables = Object.fromEntries(required.map((arg) => [arg.name, arg.name in extra ? extra[arg.name] : sample(arg.type, arg.name)]));
  return { text: `${kind}${decl ? `(${decl})` : ""} { ${field.name}${call ? `(${call})` : ""}${selection} }`, variables };
}

describe.runIf(inject("stackStarted"))("authorization matrix", () => {
  let schema: GraphQLSchema;
  const clients = {} as Record<Caller, (rule: Rule) => Promise<ApiClient>>;
  const keys = new Map<string, ApiClient>();

  beforeAll(async () => {
    schema = buildSchema(readFileSync(join(env.root, "schema.graphql"), "utf8"));
    const anonymous = new ApiClient();
    const { client: user } = await signedInClient();
    const admin = await adminClient();
    // An agent credential of a disabled probe server: agent operations pass the gate but change nothing real.
    const zone = await testDb().zone.findUniqueOrThrow({ where: { name: "default" } });
    const agentToken = newToken("ba");
    await testDb().server.create({ data: { zoneId: zone.id, hostname: `matrix-${randomBytes(3).toString("hex")}`, agentTokenHash: hashToken(agentToken), enabled: false } });
    const agent = new ApiClient(env.publicUrl, { authorization: `Bearer ${agentToken}` });
    const key = async (scopes: string[]) => {
      const id = scopes.join(",");
      if (!keys.has(id)) {
        const r = await admin.ok<{ createApiKey: { secret: string } }>(`mutation($in:CreateApiKeyInput!){ createApiKey(input:$in){ secret } }`, { in: { name: `matrix ${id}`, scopes } });
        keys.set(id, new ApiClient(env.publicUrl, { authorization: `Bearer ${r.createApiKey.secret}` }));
      }
      return keys.get(id)!;
    };
    const ordinary = SCOPES.filter((s) => s !== "admin");
    clients.anonymous = async () => anonymous;
    clients.user = async () => user;
    clients.admin = async () => admin;
    clients.agent = async () => agent;
    clients.keyWith = (rule) => key([rule.key && rule.key !== "any" ? rule.key : "fleet:read"]);
    clients.keyWithout = (rule) => key(rule.key && rule.key !== "any" ? ordinary.filter((s) => s !== rule.key) : ordinary);
  });
  afterAll(() => closeTestDb());

  it("has a rule for every operation in schema.graphql (add one when you add an operation)", () => {
    const ops = ["Query", "Mutation", "Subscription"].flatMap((t) => Object.keys((schema.getType(t) as { getFields(): object }).getFields()).map((f) => `${t}.${f}`));
    expect(ops.filter((op) => !RULES[op])).toEqual([]);
    expect(Object.keys(RULES).filter((r) => !ops.includes(r))).toEqual([]);
  });

  it("lets each caller through exactly the operations its rules allow, and never fails with a server error", async () => {
    const wrong: string[] = [];
    for (const [typeName, kind] of [["Query", "query"], ["Mutation", "mutation"], ["Subscription", "subscription"]] as const) {
      const fields = (schema.getType(typeName) as unknown as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields();
      for (const field of Object.values(fields)) {
        const rule = RULES[`${typeName}.${field.name}`];
        for (const caller of CALLERS) {
          const op = operation(kind, field, caller.startsWith("key") ? KEY_ARGS[field.name] : undefined);
          // Signing out would end the caller's own sign-in for the rest of the matrix.
          if ((field.name === "signOut" || field.name === "signOutEverywhere") && caller !== "anonymous") continue;
          const client = await clients[caller](rule);
          const code = kind === "subscription" ? await subscriptionCode(client, op) : await requestCode(client, op);
          if (code === "INTERNAL_SERVER_ERROR") wrong.push(`${typeName}.${field.name} as ${caller}: server error`);
          // Public operations check a credential of their own (a password, an enrollment token).
          if (rule.who === "public") continue;
          const got = code && DENIED.has(code) ? "deny" : "allow";
          if (got !== expected(rule, caller)) wrong.push(`${typeName}.${field.name} as ${caller}: expected ${expected(rule, caller)}, got ${code ?? "success"}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

async function requestCode(client: ApiClient, op: { text: string; variables: Record<string, unknown> }) {
  const r = await client.gql(op.text, op.variables);
  return (r.errors?.[0]?.extensions?.code as string | undefined) ?? null;
}

/** A subscription's first answer: an error code, or null when it started delivering. */
async function subscriptionCode(client: ApiClient, op: { text: string; variables: Record<string, unknown> }) {
  const ws = client.subscriptions();
  const sub = subscribe(ws, op.text, op.variables);
  const until = Date.now() + 3000;
  while (!sub.done && sub.events.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  sub.dispose();
  await ws.dispose();
  const errors = (sub.error as { extensions?: { code?: string } }[] | undefined) ?? sub.events[0]?.errors;
  if (Array.isArray(errors) && errors.length) return (errors[0].extensions?.code as string | undefined) ?? "ERROR";
  if (sub.error) return "CLOSED";
  // No event within 3 s: it started and is waiting for events, so the gate let it through.
  return null;
}
