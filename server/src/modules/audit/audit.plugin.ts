import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, visit, type OperationDefinitionNode, type ValueNode } from "graphql";
import type { Context } from "../../context.js";
import type { Db } from "../../db.js";
import { log } from "../../log.js";

/** Variables never written to the audit log. */
const SECRET = /password|secret|token|registryAuth/i;
/** Agent traffic is machinery, not people's actions: left out. */
const AGENT_MUTATIONS = new Set(["checkIn", "reportSession", "reportTask", "registerAgent"]);

/**
 * Records every mutation (its fields, who, the outcome and the variables without secrets)
 * once the response is ready: sign-ins and failed ones, launches and ends, shares, admin
 * changes, and everything an API key does. Writing never delays or fails the request.
 */
export function auditPlugin(db: Db): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, request, response }) {
          if (!operation || operation.operation !== "mutation") return;
          const fields = fieldNames(operation);
          if (fields.length === 0 || fields.every((f) => AGENT_MUTATIONS.has(f))) return;
          const body = response.body.kind === "single" ? response.body.singleResult : undefined;
          const errors = body?.errors ?? [];
          const actor = contextValue.actor;
          const vars = redact(request.variables ?? {}, secretVariables(operation));
          // Someone not yet signed in is named by the username they tried (signIn's argument).
          const tried = argument(operation, "username", request.variables ?? {});
          // The tried name is anyone's input: cut to what a username can be (it is indexed) and made storable.
          const actorName = actor.kind === "user" ? actor.username : actor.kind === "apikey" ? `api-key:${actor.name}` : storable((tried ?? "").slice(0, 128));
          const rows = fields.map((action) => ({
            actorKind: actor.kind,
            actorId: actor.kind === "user" ? actor.userId : actor.kind === "apikey" ? actor.keyId : null,
            actorName,
            action,
            outcome: errors.length ? String(errors[0].extensions?.code ?? "ERROR") : "OK",
            detail: vars as object,
            ip: storable((contextValue.requestIp ?? "").slice(0, 64)),
          }));
          await db.auditEvent.createMany({ data: rows }).catch((e) => log.warn("audit write failed", { error: String(e) }));
        },
      };
    },
  };
}

/** The value of a root field's argument, literal or from a variable. */
function argument(op: OperationDefinitionNode, name: string, variables: Record<string, unknown>): string | undefined {
  for (const sel of op.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD) continue;
    const arg = sel.arguments?.find((a) => a.name.value === name);
    if (!arg) continue;
    if (arg.value.kind === Kind.STRING) return arg.value.value;
    if (arg.value.kind === Kind.VARIABLE) {
      const v = variables[arg.value.name.value];
      if (typeof v === "string") return v;
    }
  }
  return undefined;
}

/** The operation's root fields, once each: a thousand aliases of one field are one action, and __typename none. */
function fieldNames(op: OperationDefinitionNode): string[] {
  const names = op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD && !s.name.value.startsWith("__") ? [s.name.value] : []));
  return [...new Set(names)];
}

/** Variables passed to an argument or input field with a secret-sounding name ($p for password:). */
function secretVariables(op: OperationDefinitionNode): Set<string> {
  const out = new Set<string>();
  const walk = (name: string, value: ValueNode) => {
    if (value.kind === Kind.VARIABLE && SECRET.test(name)) out.add(value.name.value);
    if (value.kind === Kind.OBJECT) for (const f of value.fields) walk(f.name.value, f.value);
    if (value.kind === Kind.LIST) for (const v of value.values) walk(name, v);
  };
  visit(op, { Argument: (a) => walk(a.name.value, a.value) });
  return out;
}

/**
 * The variables as stored: secrets redacted, long strings and lists cut, nesting cut at 10 levels
 * (a request may nest 200,000 deep), and text made storable (jsonb refuses NUL and lone surrogates,
 * which would otherwise keep the request out of the log).
 */
export function redact(v: unknown, secretVars: Set<string>): Record<string, unknown> {
  const top = Object.fromEntries(Object.entries((v ?? {}) as Record<string, unknown>).map(([k, val]) => [k, secretVars.has(k) ? "[redacted]" : val]));
  const walk = (x: unknown, depth: number): unknown => {
    if (x && typeof x === "object" && depth >= 10) return "…";
    if (Array.isArray(x)) return x.slice(0, 100).map((i) => walk(i, depth + 1));
    if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).slice(0, 100).map(([k, val]) => [storable(k), SECRET.test(k) ? "[redacted]" : walk(val, depth + 1)]));
    if (typeof x === "string") return storable(x.length > 500 ? x.slice(0, 500) + "…" : x);
    return x;
  };
  return (walk(top, 0) ?? {}) as Record<string, unknown>;
}

const storable = (s: string) => s.replace(/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\uFFFD");
